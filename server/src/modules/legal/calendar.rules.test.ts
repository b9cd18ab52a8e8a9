import { describe, expect, it } from 'vitest';
import {
  addCalendarDays, addWorkingDays, calendarOf, deadlineDate, isWorkingDay, nextWorkingDayFrom, spanIsProvisional, weekday,
} from './calendar.rules.ts';
import { readCalendarResource } from './legal-resources.ts';

// the shipped calendar (resources/legal/calendar.json), as the database holds it after the first start
const calendar = calendarOf(readCalendarResource());

describe('working days (resources/legal/calendar.json)', () => {
  it('a weekday off, a swapped-off weekday, Giỗ Tổ and a Sunday are not working days; a make-up Saturday is', () => {
    expect(weekday('2025-05-02')).toBe(5);
    expect(isWorkingDay(calendar, '2025-05-02')).toBe(false); // swapped off, made up on 26/04
    expect(isWorkingDay(calendar, '2025-04-26')).toBe(true); // make-up Saturday
    expect(isWorkingDay(calendar, '2025-04-19')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(calendar, '2025-04-07')).toBe(false); // Giỗ Tổ Hùng Vương (10/3 ÂL)
    expect(isWorkingDay(calendar, '2025-01-29')).toBe(false); // mùng 1 Tết Ất Tỵ
    expect(isWorkingDay(calendar, '2025-02-03')).toBe(true);
    expect(isWorkingDay(calendar, '2026-01-10')).toBe(true); // make-up Saturday for 02/01/2026
    expect(isWorkingDay(calendar, '2026-01-02')).toBe(false);
  });

  it('the day of the event is not counted (BLDS Điều 147): 1 working day after a Friday is the Monday', () => {
    expect(addWorkingDays(calendar, '2025-03-07', 1)).toBe('2025-03-10');
    expect(addWorkingDays(calendar, '2025-03-10', 0)).toBe('2025-03-10');
    expect(addWorkingDays(calendar, '2025-03-10', 5)).toBe('2025-03-17');
  });

  it('10 working days from Friday 24/01/2025 cross Tết Ất Tỵ (25/01–02/02 off): 14/02/2025, not 07/02', () => {
    expect(addWorkingDays(calendar, '2025-01-24', 10)).toBe('2025-02-14');
    // the same count without the holidays would end a week earlier: the calendar is what moves it
    expect(addWorkingDays(calendarOf({}), '2025-01-24', 10)).toBe('2025-02-07');
  });

  it('5 working days from Thursday 12/02/2026 cross Tết Bính Ngọ (14–22/02): 26/02/2026', () => {
    expect(addWorkingDays(calendar, '2026-02-12', 5)).toBe('2026-02-26');
  });

  it('a make-up Saturday counts: 3 working days from Thursday 24/04/2025 end on Monday 28/04 (Sat 26/04 worked)', () => {
    expect(addWorkingDays(calendar, '2025-04-24', 3)).toBe('2025-04-28');
    expect(addWorkingDays(calendar, '2026-01-08', 3)).toBe('2026-01-12');
    // 5 from 24/04/2025: 25, 26 (Sat), 28, 29, then 30/04–04/05 off → 05/05
    expect(addWorkingDays(calendar, '2025-04-24', 5)).toBe('2025-05-05');
  });

  it('calendar days: the last day on a day off moves to the next working day (BLDS Điều 148 khoản 5)', () => {
    expect(addCalendarDays(calendar, '2025-01-01', 30)).toBe('2025-02-03'); // 31/01 inside Tết
    expect(addCalendarDays(calendar, '2025-04-02', 30)).toBe('2025-05-05'); // 02/05 swapped off, 03–04/05 weekend
    expect(addCalendarDays(calendar, '2025-02-06', 30)).toBe('2025-03-10'); // Saturday 08/03
    expect(addCalendarDays(calendar, '2025-03-27', 30)).toBe('2025-04-26'); // a make-up Saturday is not rolled
    expect(addCalendarDays(calendar, '2025-03-03', 30)).toBe('2025-04-02'); // a plain Wednesday
    expect(deadlineDate(calendar, '2025-03-03', 30, 'calendar_days')).toBe('2025-04-02');
    expect(deadlineDate(calendar, '2025-01-24', 10, 'working_days')).toBe('2025-02-14');
  });

  it('the next working day of a day off; 2027 and years not in the calendar are provisional', () => {
    expect(nextWorkingDayFrom(calendar, '2026-02-14')).toBe('2026-02-23');
    expect(nextWorkingDayFrom(calendar, '2026-02-23')).toBe('2026-02-23');
    expect(spanIsProvisional(calendar, '2025-12-20', '2026-01-20')).toBe(false);
    expect(spanIsProvisional(calendar, '2026-12-20', '2027-01-20')).toBe(true);
    expect(spanIsProvisional(calendar, '2017-12-20', '2018-01-20')).toBe(true);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(calendar, '2025-01-01', -1)).toThrow();
    expect(() => addCalendarDays(calendar, '2025-01-01', 1.5)).toThrow();
  });
});
