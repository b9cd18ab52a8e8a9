import { monthBounds } from './days.ts';

/**
 * Pure rules of briefings (giao ban, trực báo) of a Khối dân vận or a Tổ dân vận, run by the server (list, checks,
 * figures) and the web (the grid, the form). A body meets once per period of its recurrence: a month 'yyyy-mm'
 * (the default) or a quarter 'yyyy-Qn'. A period without a held briefing is "missed" once it has ended, or as soon
 * as a "not held" is recorded for it; before its end it is "open". Dates are ISO 'yyyy-mm-dd'.
 */

export const BRIEFING_RECURRENCES = ['monthly', 'quarterly'] as const;
export type TBriefingRecurrence = (typeof BRIEFING_RECURRENCES)[number];
export const DEFAULT_RECURRENCE: TBriefingRecurrence = 'monthly';

/** The organisation types that hold briefings (contracts/src/organizations.ts): the commune bloc and the village team. */
export const BRIEFING_BODY_TYPES = ['commune_bloc', 'village_team'] as const;

/** How many periods the grid shows per body. */
export const BRIEFING_GRID_PERIODS = 12;

export type TBriefingStatus = 'held' | 'missed' | 'open';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whether `period` is a period of `recurrence`. */
export function isPeriodOf(period: string, recurrence: TBriefingRecurrence): boolean {
  return recurrence === 'monthly' ? MONTH.test(period) : QUARTER.test(period);
}

/** The recurrence a period is written in, or null when it is neither a month nor a quarter. */
export function recurrenceOfPeriod(period: string): TBriefingRecurrence | null {
  if (MONTH.test(period)) return 'monthly';
  if (QUARTER.test(period)) return 'quarterly';
  return null;
}

/** The period of a date under a recurrence: '2026-11-05' → '2026-11' (monthly) or '2026-Q4' (quarterly). */
export function periodOf(date: string, recurrence: TBriefingRecurrence): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  return recurrence === 'monthly' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** First and last day of a period. */
export function periodBounds(period: string): { start: string; end: string } {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const year = quarter[1] as string;
    const q = Number(quarter[2]);
    return { start: `${year}-${pad(q * 3 - 2)}-01`, end: monthBounds(`${year}-${pad(q * 3)}`).end };
  }
  if (!MONTH.test(period)) throw new Error(`not a briefing period: ${period}`);
  return monthBounds(period);
}

/** The month ('yyyy-mm') a period ends in: where its briefing counts in the monthly figures. */
export const periodEndMonth = (period: string) => periodBounds(period).end.slice(0, 7);

/** The period after (`step` = 1) or before (`step` = -1) a period, as many steps as asked. */
export function shiftPeriod(period: string, step: number): string {
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const index = Number(quarter[1]) * 4 + Number(quarter[2]) - 1 + step;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const month = MONTH.exec(period);
  if (!month) throw new Error(`not a briefing period: ${period}`);
  const index = Number(month[1]) * 12 + Number(month[2]) - 1 + step;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * The periods of a recurrence that overlap the days `from`–`to`, oldest first (at most 400): the months of a
 * range, or the quarters touching it.
 */
export function periodsBetween(from: string, to: string, recurrence: TBriefingRecurrence): string[] {
  const periods: string[] = [];
  if (to < from) return periods;
  const last = periodOf(to, recurrence);
  for (let period = periodOf(from, recurrence); periods.length < 400; period = shiftPeriod(period, 1)) {
    periods.push(period);
    if (period === last) break;
  }
  return periods;
}

/** The `count` periods ending with the one `today` lies in, oldest first. */
export function lastPeriods(today: string, recurrence: TBriefingRecurrence, count: number): string[] {
  const current = periodOf(today, recurrence);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, i - count + 1));
}

/**
 * A period's status: held when a held briefing is recorded; missed when a "not held" is recorded, or when the
 * period ended (before `today`) with nothing recorded; otherwise open (still running, or not begun).
 */
export function briefingStatus(period: string, today: string, recorded: { held: boolean } | null | undefined): TBriefingStatus {
  if (recorded) return recorded.held ? 'held' : 'missed';
  return periodBounds(period).end < today ? 'missed' : 'open';
}

/**
 * Whether a body is due a briefing in a period: it existed some day of the period (founded on or before its end,
 * not dissolved before its start).
 */
export function bodyDueIn(period: string, body: { foundedOn: string | null; dissolvedOn: string | null }): boolean {
  const { start, end } = periodBounds(period);
  return (body.foundedOn === null || body.foundedOn <= end) && (body.dissolvedOn === null || body.dissolvedOn > start);
}

/** Attendance as a percent with one decimal (null with no member registered). */
export const attendanceRate = (attended: number, members: number) => (members === 0 ? null : Math.round((attended * 1000) / members) / 10);

/** What is wrong with a briefing's period and date (the field and the reason's key), or null. */
export function briefingProblem(input: { period: string; held: boolean; heldOn?: string | null | undefined; recurrence: TBriefingRecurrence; today: string }):
  | { field: 'period' | 'heldOn'; problem: 'periodRecurrence' | 'periodFuture' | 'heldOnOutside' | 'heldOnFuture' }
  | null {
  if (!isPeriodOf(input.period, input.recurrence)) return { field: 'period', problem: 'periodRecurrence' };
  const { start, end } = periodBounds(input.period);
  if (start > input.today) return { field: 'period', problem: 'periodFuture' };
  if (input.held && input.heldOn) {
    if (input.heldOn > input.today) return { field: 'heldOn', problem: 'heldOnFuture' };
    if (input.heldOn < start || input.heldOn > end) return { field: 'heldOn', problem: 'heldOnOutside' };
  }
  return null;
}

/**
 * A change of a body's recurrence, kept with the day it took effect: the first day of a period of the new
 * recurrence (null: since always, the rows kept before changes were dated). A body without changes is monthly.
 */
export interface TRecurrenceChange {
  validFrom: string | null;
  recurrence: TBriefingRecurrence;
}

/** The spans of a schedule, oldest first: from (null: since always), to (the day before the next change; null: open). */
function spans(schedule: readonly TRecurrenceChange[]): Array<{ from: string | null; to: string | null; recurrence: TBriefingRecurrence }> {
  const changes = [...schedule].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  const result: Array<{ from: string | null; to: string | null; recurrence: TBriefingRecurrence }> = [{ from: null, to: null, recurrence: DEFAULT_RECURRENCE }];
  for (const change of changes) {
    const last = result[result.length - 1] as (typeof result)[number];
    if (change.validFrom === null || change.validFrom === last.from) {
      last.recurrence = change.recurrence;
      continue;
    }
    // a change takes effect on the first day of a month: the span before ends on the last day of the month before
    last.to = monthBounds(shiftPeriod(change.validFrom.slice(0, 7), -1)).end;
    result.push({ from: change.validFrom, to: null, recurrence: change.recurrence });
  }
  return result;
}

/** The recurrence in force on a day under a body's schedule. */
export function recurrenceOn(schedule: readonly TRecurrenceChange[], day: string): TBriefingRecurrence {
  return (spans(schedule).findLast((span) => span.from === null || span.from <= day) as { recurrence: TBriefingRecurrence }).recurrence;
}

/**
 * The periods of a body overlapping the days `from`–`to` under its schedule, oldest first: each span's periods of
 * the recurrence then in force (monthly until a change to quarterly from 2026-07: ..., 2026-06, 2026-Q3, ...).
 */
export function schedulePeriods(schedule: readonly TRecurrenceChange[], from: string, to: string): string[] {
  return spans(schedule).flatMap((span) => {
    const start = span.from !== null && span.from > from ? span.from : from;
    const end = span.to !== null && span.to < to ? span.to : to;
    return periodsBetween(start, end, span.recurrence);
  });
}

/** The recurrence a period must be of to be met for: the one in force on its first day. */
export const recurrenceOfPeriodIn = (schedule: readonly TRecurrenceChange[], period: string) => recurrenceOn(schedule, periodBounds(period).start);

/**
 * What is wrong with a change of recurrence taking effect from `from` (a period of the new recurrence), or null:
 * the period is not one of the recurrence ('fromRecurrence'), or it begins inside a period of the recurrence in
 * force the day before (a quarter cut by a monthly change: 'fromSplitsPeriod').
 */
export function recurrenceChangeProblem(schedule: readonly TRecurrenceChange[], change: { recurrence: TBriefingRecurrence; from: string }): 'fromRecurrence' | 'fromSplitsPeriod' | null {
  if (!isPeriodOf(change.from, change.recurrence)) return 'fromRecurrence';
  const start = periodBounds(change.from).start;
  const before = recurrenceOn(schedule, monthBounds(shiftPeriod(start.slice(0, 7), -1)).end);
  return periodBounds(periodOf(start, before)).start === start ? null : 'fromSplitsPeriod';
}

/** Whether two schedules hold the same recurrence every day (changes that change nothing left aside). */
export function sameSchedule(a: readonly TRecurrenceChange[], b: readonly TRecurrenceChange[]): boolean {
  const effective = (schedule: readonly TRecurrenceChange[]) =>
    spans(schedule)
      .filter((span, i, all) => i === 0 || span.recurrence !== (all[i - 1] as (typeof all)[number]).recurrence)
      .map((span) => `${span.from ?? ''}:${span.recurrence}`)
      .join('|');
  return effective(a) === effective(b);
}

/** The schedule after a change from `validFrom` on: the changes before it kept, those on or after it replaced. */
export function scheduleWith(schedule: readonly TRecurrenceChange[], change: { validFrom: string; recurrence: TBriefingRecurrence }): TRecurrenceChange[] {
  return [...schedule.filter((c) => c.validFrom === null || c.validFrom < change.validFrom), change];
}
