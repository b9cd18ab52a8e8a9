import type { TRecurrence } from '#contracts/programmes/pack.ts';
import type { TTaskStatus } from '#contracts/programmes/tasks.api.ts';

/**
 * A task's status on a day, from its due date or recurrence and its progress reports (dates in Vietnam).
 * No working calendar exists in the repository yet: due dates are calendar days (a due date on a Sunday is due
 * that Sunday).
 *
 * - One-off task (due date): done once a report says 100%; overdue when the due date passed without it.
 * - Recurring task: occurrences are the calendar years, halves, quarters or months of the programme's period;
 *   an occurrence is due at its period's end, or, with a due date, on that date's place within the period
 *   (yearly with 15/12 → every 15 December; quarterly with 20/03 → the 20th of each quarter's third month). An
 *   occurrence is done with a report at 100% dated within it. The one just ended, if not done, stays overdue until
 *   a late 100% report (that report then counts for it, not for the occurrence in course).
 * - Neither (continuous work): never overdue.
 */

export interface ReportMark {
  /** Day of the report in Vietnam, YYYY-MM-DD. */
  on: string;
  percent: number | null;
}

export interface TaskTiming {
  dueOn: string | null;
  recurrence: TRecurrence | null;
  /** Day the task was created: occurrences that ended before it are not held against it. */
  createdOn: string;
  fromYear: number;
  toYear: number;
}

export interface TaskState {
  status: TTaskStatus;
  /** Due date of the occurrence the status is about (null: continuous work). */
  currentDueOn: string | null;
  occurrenceFrom: string | null;
  /** Latest percent reported within that occurrence (one-off: ever). */
  percent: number | null;
}

const MONTHS: Record<TRecurrence, number> = { yearly: 12, half_yearly: 6, quarterly: 3, monthly: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(Math.min(day, daysIn(year, month)))}`;

export interface Occurrence {
  from: string;
  to: string;
  due: string;
}

/** The occurrence numbered `index` (months from January of year 0 divided by the period length). */
function occurrenceAt(index: number, recurrence: TRecurrence, dueOn: string | null): Occurrence {
  const length = MONTHS[recurrence];
  const startMonth = index * length;
  const year = Math.floor(startMonth / 12);
  const month = (startMonth % 12) + 1;
  const endMonth = month + length - 1;
  const from = ymd(year, month, 1);
  const to = ymd(year, endMonth, daysIn(year, endMonth));
  if (!dueOn) return { from, to, due: to };
  const anchorMonth = Number(dueOn.slice(5, 7));
  const offset = (anchorMonth - 1) % length;
  return { from, to, due: ymd(year, month + offset, Number(dueOn.slice(8, 10))) };
}

const indexOf = (day: string, recurrence: TRecurrence) =>
  Math.floor((Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1) / MONTHS[recurrence]);

/** The occurrence in course on `today`, held within the programme's years, and the one before it (if in the period). */
export function occurrencesAround(timing: TaskTiming & { recurrence: TRecurrence }, today: string) {
  const first = indexOf(`${timing.fromYear}-01-01`, timing.recurrence);
  const last = indexOf(`${timing.toYear}-12-31`, timing.recurrence);
  const index = Math.min(Math.max(indexOf(today, timing.recurrence), first), last);
  const current = occurrenceAt(index, timing.recurrence, timing.dueOn);
  const previous = index > first ? occurrenceAt(index - 1, timing.recurrence, timing.dueOn) : null;
  return { current, previous };
}

const within = (mark: ReportMark, from: string, to: string) => mark.on >= from && mark.on <= to;
const latestPercent = (marks: readonly ReportMark[]) => {
  const sorted = [...marks].sort((a, b) => a.on.localeCompare(b.on));
  return sorted.at(-1)?.percent ?? null;
};

function stateOf(marks: readonly ReportMark[], due: string | null, today: string, from: string | null): TaskState {
  const percent = latestPercent(marks);
  const done = marks.some((mark) => mark.percent === 100);
  const status: TTaskStatus = done ? 'done' : due !== null && due < today ? 'overdue' : marks.length > 0 ? 'on_track' : 'not_started';
  return { status, currentDueOn: due, occurrenceFrom: from, percent };
}

/** The task's status on `today` from its reports (any order). */
export function taskState(timing: TaskTiming, reports: readonly ReportMark[], today: string): TaskState {
  if (!timing.recurrence) return stateOf(reports, timing.dueOn, today, null);
  const { current, previous } = occurrencesAround({ ...timing, recurrence: timing.recurrence }, today);
  let counted = reports.filter((mark) => within(mark, current.from, today));
  if (previous && previous.due >= timing.createdOn && previous.due < today) {
    const own = reports.some((mark) => mark.percent === 100 && within(mark, previous.from, previous.to));
    if (!own) {
      const late = counted.filter((mark) => mark.percent === 100).sort((a, b) => a.on.localeCompare(b.on))[0];
      if (!late) return stateOf(reports.filter((mark) => within(mark, previous.from, today)), previous.due, today, previous.from);
      counted = counted.filter((mark) => mark !== late);
    }
  }
  return stateOf(counted, current.due, today, current.from);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The occurrences of a recurring task whose due date falls within [from, to] and the programme's years, in order. */
export function occurrencesDueBetween(timing: TaskTiming & { recurrence: TRecurrence }, from: string, to: string): Occurrence[] {
  const first = Math.max(indexOf(`${timing.fromYear}-01-01`, timing.recurrence), indexOf(from, timing.recurrence) - 1);
  const last = Math.min(indexOf(`${timing.toYear}-12-31`, timing.recurrence), indexOf(to, timing.recurrence) + 1);
  const occurrences: Occurrence[] = [];
  for (let index = first; index <= last; index++) {
    const occurrence = occurrenceAt(index, timing.recurrence, timing.dueOn);
    if (occurrence.due >= from && occurrence.due <= to) occurrences.push(occurrence);
  }
  return occurrences;
}

/**
 * How many times a task was completed on time within [from, to] (a derived figure: "done on time this year"). A
 * one-off task counts once, on the day of its first 100% report, when that day is not after its due date; a
 * recurring task counts each occurrence whose first 100% report dated within it is not after the occurrence's due
 * date and falls within [from, to] (occurrences due before the task was created are not counted); continuous work
 * (no due date, no recurrence) has no deadline to meet and counts nothing.
 */
export function completionsOnTime(timing: TaskTiming, reports: readonly ReportMark[], from: string, to: string): number {
  const completions = reports
    .filter((mark) => mark.percent === 100)
    .map((mark) => mark.on)
    .sort();
  if (!timing.recurrence) {
    const first = completions[0];
    return timing.dueOn !== null && first !== undefined && first <= timing.dueOn && first >= from && first <= to ? 1 : 0;
  }
  let count = 0;
  // an occurrence completed on time is completed on or before its due date, so those due up to a year after `to`
  // may hold a completion within [from, to]
  const until = `${Number(to.slice(0, 4)) + 1}${to.slice(4)}`;
  for (const occurrence of occurrencesDueBetween({ ...timing, recurrence: timing.recurrence }, from, until)) {
    if (occurrence.due < timing.createdOn) continue;
    const first = completions.find((on) => on >= occurrence.from && on <= occurrence.to);
    if (first !== undefined && first <= occurrence.due && first >= from && first <= to) count++;
  }
  return count;
}
