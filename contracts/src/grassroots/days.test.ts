import { describe, expect, it } from 'vitest';
import { daysWithin, meetsFieldDays, monthDays, monthsOf, spanProblem, visitDays } from './days.ts';

const span = (from: string, to: string, startHalf = false, endHalf = false) => ({ from, to, startHalf, endHalf });

describe('field days', () => {
  it('counts calendar days less 0.5 per half day', () => {
    expect(visitDays(span('2026-03-02', '2026-03-02'))).toBe(1);
    expect(visitDays(span('2026-03-02', '2026-03-02', true))).toBe(0.5);
    expect(visitDays(span('2026-03-02', '2026-03-02', false, true))).toBe(0.5);
    expect(visitDays(span('2026-03-02', '2026-03-04', true))).toBe(2.5);
    expect(visitDays(span('2026-03-02', '2026-03-04', true, true))).toBe(2);
    expect(visitDays(span('2026-02-27', '2026-03-02'))).toBe(4);
  });

  it('splits a visit over months, half days where they fall', () => {
    const visit = span('2026-02-28', '2026-03-02', true, true);
    expect(daysWithin(visit, '2026-02-01', '2026-02-28')).toBe(0.5);
    expect(daysWithin(visit, '2026-03-01', '2026-03-31')).toBe(1.5);
    expect(daysWithin(visit, '2026-04-01', '2026-04-30')).toBe(0);
    expect(monthDays([visit, span('2026-03-10', '2026-03-10', true)], '2026-03')).toBe(2);
    expect(monthsOf(span('2025-12-30', '2026-02-01'))).toEqual(['2025-12', '2026-01', '2026-02']);
    // a leap February
    expect(daysWithin(span('2028-02-28', '2028-03-01'), '2028-02-01', '2028-02-29')).toBe(2);
  });

  it('≥ 3 days a month meets seed 000 i7; 2.5 does not', () => {
    expect(meetsFieldDays(3)).toBe(true);
    expect(meetsFieldDays(2.5)).toBe(false);
    expect(meetsFieldDays(monthDays([span('2026-03-02', '2026-03-04', true), span('2026-03-20', '2026-03-20', false, true)], '2026-03'))).toBe(true);
  });

  it('refuses a span backwards, too long, or one day halved twice', () => {
    expect(spanProblem(span('2026-03-02', '2026-03-01'))).toEqual({ field: 'to', problem: 'toBeforeFrom' });
    expect(spanProblem(span('2026-01-01', '2026-03-31'))).toEqual({ field: 'to', problem: 'tooLong' });
    expect(spanProblem(span('2026-03-02', '2026-03-02', true, true))).toEqual({ field: 'endHalf', problem: 'bothHalves' });
    expect(spanProblem(span('2026-03-02', '2026-03-03', true, true))).toBeNull();
  });
});
