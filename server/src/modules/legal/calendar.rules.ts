/**
 * Counting of legal time limits over the civil-servant working calendar (pure functions, no database).
 *
 * Bộ luật Dân sự 2015: the day of the triggering event is not counted (Điều 147 khoản 2–3); a time limit in days
 * ends at the end of its last day (Điều 148 khoản 1); when that day is a weekly rest day or a holiday the time limit
 * ends at the end of the next working day (Điều 148 khoản 5). A working day is Monday–Friday not listed off, or a
 * make-up Saturday (resources/legal/deadlines.md §5: a swapped-off weekday is a day off, a make-up Saturday is a
 * working day).
 */

/** The days off and working weekend days of some years, as loaded from the database (or resources/legal/calendar.json). */
export interface WorkCalendar {
  /** Dates 'YYYY-MM-DD' that are not working days although Monday–Friday (holidays, nghỉ bù, swapped-off days); weekend dates may be listed too. */
  off: ReadonlySet<string>;
  /** Weekend dates that are working days (make-up Saturdays). */
  work: ReadonlySet<string>;
  /** Years the calendar holds, with their status; a year absent counts weekends only and is reported as provisional. */
  years: ReadonlyMap<number, 'confirmed' | 'provisional'>;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → days since 1970-01-01 (UTC, no time zone involved). */
export function dayNumber(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
  const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(time / DAY_MS);
}

export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => (dayNumber(date) + 4) % 7;

export const isWeekend = (date: string): boolean => {
  const day = weekday(date);
  return day === 0 || day === 6;
};

/** Working day iff a listed working weekend day, or Monday–Friday not listed off. */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.work.has(date)) return true;
  return !isWeekend(date) && !calendar.off.has(date);
}

/** The date itself when a working day, else the next working day (BLDS Điều 148 khoản 5). */
export function nextWorkingDayFrom(calendar: WorkCalendar, date: string): string {
  let day = dayNumber(date);
  // bounded: no real calendar has 60 days off in a row
  for (let step = 0; step < 60; step += 1, day += 1) {
    const candidate = dateOfDay(day);
    if (isWorkingDay(calendar, candidate)) return candidate;
  }
  throw new Error(`no working day within 60 days of ${date}`);
}

/** "N ngày làm việc kể từ <event>": the N-th working day after the event day (the event day is not counted). */
export function addWorkingDays(calendar: WorkCalendar, from: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new Error(`bad working-day count ${count}`);
  let day = dayNumber(from);
  let left = count;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(calendar, dateOfDay(day))) left -= 1;
  }
  return dateOfDay(day);
}

/** "N ngày kể từ <event>": event + N calendar days, moved to the next working day when that day is not one. */
export function addCalendarDays(calendar: WorkCalendar, from: string, count: number): string {
  if (!Number.isInteger(count) || count < 0) throw new Error(`bad day count ${count}`);
  return nextWorkingDayFrom(calendar, addDays(from, count));
}

/** The last day of a time limit of `count` units counted from `from`. */
export function deadlineDate(calendar: WorkCalendar, from: string, count: number, unit: 'calendar_days' | 'working_days'): string {
  return unit === 'working_days' ? addWorkingDays(calendar, from, count) : addCalendarDays(calendar, from, count);
}

/** Whether a year of [from, to] is missing from the calendar or only provisional (the result may move). */
export function spanIsProvisional(calendar: WorkCalendar, from: string, to: string): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let year = first; year <= last; year += 1) {
    if (calendar.years.get(year) !== 'confirmed') return true;
  }
  return false;
}

/** A calendar from lists (tests, and the loader's check of calendar.json). */
export function calendarOf(
  years: Record<string, { off: readonly string[]; work_saturdays: readonly string[]; status: string }>,
): WorkCalendar {
  const off = new Set<string>();
  const work = new Set<string>();
  const status = new Map<number, 'confirmed' | 'provisional'>();
  for (const [year, entry] of Object.entries(years)) {
    entry.off.forEach((date) => off.add(date));
    entry.work_saturdays.forEach((date) => work.add(date));
    status.set(Number(year), entry.status.toUpperCase() === 'CONFIRMED' || entry.status === 'confirmed' ? 'confirmed' : 'provisional');
  }
  return { off, work, years: status };
}
