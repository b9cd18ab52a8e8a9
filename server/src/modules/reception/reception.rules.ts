import type { TComplianceStatus } from '#contracts/reception/api.ts';

/** Pure rules of reception: months, ISO weeks, compliance of a leader's month, overdue recommendations. */

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);
export const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY_MS);

/** First and last day of 'YYYY-MM'. */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((new Date(toTime(date)).getUTCDay() + 6) % 7) + 1;

/**
 * The weeks of a month, each by its Monday: the ISO weeks whose Thursday falls in the month, so every week
 * belongs to exactly one month (a month has 4 or 5). A weekly requirement of a month is checked week by week.
 */
export function weeksOfMonth(month: string): string[] {
  const { first, last } = monthBounds(month);
  // the first Thursday on or after the 1st
  let thursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
  const weeks: string[] = [];
  while (thursday <= last) {
    weeks.push(addDays(thursday, -3));
    thursday = addDays(thursday, 7);
  }
  return weeks;
}

export interface RuleForMonth {
  days: number;
  per: 'week' | 'month';
}

export interface MonthCompliance {
  required: number | null;
  held: number;
  weeksShort: string[];
  status: TComplianceStatus;
}

/**
 * A leader's month: `heldDays` are the distinct dates of the leader's sessions (those of the weeks straddling the
 * month's edges included, for weekly rules). Monthly rule: required = days, met when the month holds as many.
 * Weekly rule: required = days × weeks of the month, met when every week holds its days. A month not yet over
 * (`today` within or before it) that is not met is in progress, not failed.
 */
export function monthCompliance(month: string, rule: RuleForMonth | null, heldDays: readonly string[], today: string): MonthCompliance {
  const { first, last } = monthBounds(month);
  const days = new Set(heldDays);
  const held = [...days].filter((day) => day >= first && day <= last).length;
  if (!rule) return { required: null, held, weeksShort: [], status: 'no_rule' };
  let required: number;
  let weeksShort: string[] = [];
  if (rule.per === 'month') {
    required = rule.days;
  } else {
    const weeks = weeksOfMonth(month);
    required = rule.days * weeks.length;
    weeksShort = weeks.filter((monday) => {
      let inWeek = 0;
      for (let i = 0; i < 7; i++) if (days.has(addDays(monday, i))) inWeek++;
      return inWeek < rule.days;
    });
  }
  const met = rule.per === 'month' ? held >= required : weeksShort.length === 0;
  const status: TComplianceStatus = met ? 'met' : today <= last ? 'in_progress' : 'not_met';
  return { required, held, weeksShort, status };
}

/** Whole days a sent recommendation is past its deadline on `today` (0 when not overdue). */
export function daysOverdue(status: 'sent' | 'answered' | 'closed', dueOn: string, today: string): number {
  if (status !== 'sent' || today <= dueOn) return 0;
  return Math.round((toTime(today) - toTime(dueOn)) / DAY_MS);
}

/** Months 'YYYY-MM' from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, mon] = from.split('-').map(Number) as [number, number];
  const [toYear, toMon] = to.split('-').map(Number) as [number, number];
  while (year < toYear || (year === toYear && mon <= toMon)) {
    months.push(`${year}-${String(mon).padStart(2, '0')}`);
    mon++;
    if (mon > 12) {
      mon = 1;
      year++;
    }
  }
  return months;
}
