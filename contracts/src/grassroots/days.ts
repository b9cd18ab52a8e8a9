/**
 * Pure rules of field days (đi cơ sở), run by the server (figures, checks) and the web (the form's count): a visit
 * spans calendar days from `from` to `to`; its first and/or last day may be half a day (0.5). A month's field days
 * are the visit's days that fall in the month, half days where they fall. Dates are ISO 'yyyy-mm-dd'.
 */

/** Seed 000 i7: cadres spend at least this many days a month at the grassroots. */
export const MIN_FIELD_DAYS_A_MONTH = 3;

/** A visit can span at most this many calendar days (a long stay is logged as several visits). */
export const MAX_VISIT_SPAN_DAYS = 63;

export interface VisitSpan {
  from: string;
  to: string;
  startHalf: boolean;
  endHalf: boolean;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);

/** Calendar days from `from` to `to`, both counted (0 when `to` is before `from`). */
export const calendarDays = (from: string, to: string) => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

/** What is wrong with a span, or null: the field at fault and the reason's key. */
export function spanProblem(span: VisitSpan): { field: 'to' | 'endHalf'; problem: 'toBeforeFrom' | 'tooLong' | 'bothHalves' } | null {
  if (span.to < span.from) return { field: 'to', problem: 'toBeforeFrom' };
  if (calendarDays(span.from, span.to) > MAX_VISIT_SPAN_DAYS) return { field: 'to', problem: 'tooLong' };
  if (span.from === span.to && span.startHalf && span.endHalf) return { field: 'endHalf', problem: 'bothHalves' };
  return null;
}

/** Field days of a visit: calendar days, less 0.5 for a half first day and 0.5 for a half last day. */
export function visitDays(span: VisitSpan): number {
  const days = calendarDays(span.from, span.to);
  if (days === 0) return 0;
  return days - (span.startHalf ? 0.5 : 0) - (span.endHalf && (days > 1 || !span.startHalf) ? 0.5 : 0);
}

/** 'yyyy-mm' → its first and last day. */
export function monthBounds(month: string): { start: string; end: string } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** The field days of a visit that fall between `start` and `end` (a month): its days there, half days where they fall. */
export function daysWithin(span: VisitSpan, start: string, end: string): number {
  const from = span.from > start ? span.from : start;
  const to = span.to < end ? span.to : end;
  const days = calendarDays(from, to);
  if (days === 0) return 0;
  let total = days;
  if (span.startHalf && span.from >= start && span.from <= end) total -= 0.5;
  if (span.endHalf && span.to >= start && span.to <= end && !(span.from === span.to && span.startHalf)) total -= 0.5;
  return total;
}

/** A cadre's field days in a month: the sum over their visits. */
export const monthDays = (spans: readonly VisitSpan[], month: string) => {
  const { start, end } = monthBounds(month);
  return spans.reduce((sum, span) => sum + daysWithin(span, start, end), 0);
};

/** Whether a month's field days meet seed 000 i7 (≥ 3 days). */
export const meetsFieldDays = (days: number) => days >= MIN_FIELD_DAYS_A_MONTH;

/** The months ('yyyy-mm') a visit touches, in order. */
export function monthsOf(span: VisitSpan): string[] {
  const months: string[] = [];
  let year = Number(span.from.slice(0, 4));
  let month = Number(span.from.slice(5, 7));
  const last = span.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
