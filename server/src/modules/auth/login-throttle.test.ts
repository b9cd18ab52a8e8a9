import { describe, expect, it } from 'vitest';
import { throttledMessage, waitAfterFailures, waitText } from './login-throttle.ts';

describe('A8 login throttle rules', () => {
  it('A8 lockout as a weapon: three free failures, then waits of 2^n seconds capped at 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 20].map(waitAfterFailures)).toEqual([0, 0, 8, 16, 32, 64, 512, 900, 900]);
  });

  it('A8 lockout as a weapon: the wait is said in Vietnamese', () => {
    expect(waitText(8)).toBe('8 giây');
    expect(waitText(128)).toBe('2 phút 8 giây');
    expect(waitText(900)).toBe('15 phút');
    expect(throttledMessage(16)).toBe('Đăng nhập sai nhiều lần. Vui lòng thử lại sau 16 giây.');
  });
});
