import { describe, expect, it } from 'vitest';
import { clock, fixedClock, systemClock, useClock, vietnamDate } from './clock.ts';

describe('one clock', () => {
  it('dates in Vietnam time: 23:30 UTC is already the next day in Hà Nội', () => {
    expect(vietnamDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(vietnamDate(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
  });

  it('a fixed clock set by tests answers for the whole process until replaced', () => {
    const fixed = fixedClock('2026-02-28');
    useClock(fixed);
    try {
      expect(clock.today()).toBe('2026-02-28');
      fixed.advance(24 * 3600_000);
      expect(clock.today()).toBe('2026-03-01');
    } finally {
      useClock(systemClock);
    }
    expect(clock.today()).toBe(vietnamDate(new Date()));
  });
});
