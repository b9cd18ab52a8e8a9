/**
 * Reporting periods with DHIS2 ids ('202503', '2025Q1', '2025S1', '2025'), so import and export copy ids
 * instead of translating them. Dates are 'YYYY-MM-DD' strings computed by calendar arithmetic, never through
 * `Date`, so the server (UTC) and a browser in Vietnam (UTC+7) always agree on a period's days.
 */

export const PERIOD_TYPES = ['monthly', 'quarterly', 'six_monthly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** A parsed period: `id` is canonical; `index` is the month (1–12), quarter (1–4), half (1–2), or 1 for a year. */
export interface Period {
  id: string;
  type: PeriodType;
  year: number;
  index: number;
}

/** Years a period may name: the same bounds as ZDate in common.ts. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Months each period spans: every type is a whole number of months aligned on January. */
const MONTHS: Record<PeriodType, number> = { monthly: 1, quarterly: 3, six_monthly: 6, yearly: 12 };

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTH_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const PATTERNS: ReadonlyArray<[RegExp, PeriodType]> = [
  [/^(\d{4})(\d{2})$/, 'monthly'],
  [/^(\d{4})-(\d{2})$/, 'monthly'], // DHIS2 accepts it; we write '202503'
  [/^(\d{4})Q(\d)$/, 'quarterly'],
  [/^(\d{4})S(\d)$/, 'six_monthly'],
  [/^(\d{4})$/, 'yearly'],
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const perYear = (type: PeriodType) => 12 / MONTHS[type];

/** The canonical DHIS2 id of a period: periodId('quarterly', 2025, 1) = '2025Q1'. */
export function periodId(type: PeriodType, year: number, index: number): string {
  switch (type) {
    case 'monthly':
      return `${year}${pad(index)}`;
    case 'quarterly':
      return `${year}Q${index}`;
    case 'six_monthly':
      return `${year}S${index}`;
    case 'yearly':
      return String(year);
  }
}

/** Reads a period id (also '2025-03'); null for anything that is not a period in 1900–2100. */
export function parsePeriod(id: string): Period | null {
  for (const [pattern, type] of PATTERNS) {
    const match = pattern.exec(id);
    if (!match) continue;
    const year = Number(match[1]);
    const index = match[2] === undefined ? 1 : Number(match[2]);
    if (year < MIN_YEAR || year > MAX_YEAR || index < 1 || index > perYear(type)) return null;
    return { id: periodId(type, year, index), type, year, index };
  }
  return null;
}

/** Like parsePeriod, for ids that should already be valid (stored data, other functions here). */
function mustParse(id: string): Period {
  const period = parsePeriod(id);
  if (!period) throw new RangeError(`Invalid period id: ${JSON.stringify(id)}`);
  return period;
}

/** The period's position on one line per type, so neighbours and ranges are plain integer steps. */
const ordinal = (p: Period) => p.year * perYear(p.type) + p.index - 1;

function fromOrdinal(type: PeriodType, n: number): string {
  const year = Math.floor(n / perYear(type));
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`Period outside ${MIN_YEAR}–${MAX_YEAR}`);
  return periodId(type, year, (n % perYear(type)) + 1);
}

/** The type of a period id; throws on an invalid id, like every function below that takes one. */
export function periodType(id: string): PeriodType {
  return mustParse(id).type;
}

// ---- calendar dates ('YYYY-MM-DD') ----

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
const formatDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** Splits an ISO date, throwing on anything that is not a real calendar day (2025-02-29 included). */
function splitDate(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid date: ${JSON.stringify(date)}`);
  }
  return [year, month, day];
}

/** The date n days after (n < 0: before) an ISO date; due and lock dates are period end + days. */
export function addDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  let [year, month, day] = splitDate(isoDate);
  day += n;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  while (day < 1) {
    [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    day += daysInMonth(year, month);
  }
  return formatDate(year, month, day);
}

/** First day of the period. */
export function periodStart(id: string): string {
  const p = mustParse(id);
  return formatDate(p.year, (p.index - 1) * MONTHS[p.type] + 1, 1);
}

/** Last day of the period: units valid that day are the ones that report it. */
export function periodEnd(id: string): string {
  const p = mustParse(id);
  const month = p.index * MONTHS[p.type];
  return formatDate(p.year, month, daysInMonth(p.year, month));
}

/** "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025" (en: "March 2025", "Q1 2025", …). */
export function periodLabel(id: string, lang: 'vi' | 'en' = 'vi'): string {
  const { type, year, index } = mustParse(id);
  const vi = lang === 'vi';
  switch (type) {
    case 'monthly':
      return vi ? `Tháng ${index}/${year}` : `${MONTH_EN[index - 1]} ${year}`;
    case 'quarterly':
      return vi ? `Quý ${ROMAN[index - 1]}/${year}` : `Q${index} ${year}`;
    case 'six_monthly':
      if (vi) return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
      return index === 1 ? `January–June ${year}` : `July–December ${year}`;
    case 'yearly':
      return vi ? `Năm ${year}` : String(year);
  }
}

/** The period just before, of the same type (202501 → 202412). */
export function previousPeriod(id: string): string {
  const p = mustParse(id);
  return fromOrdinal(p.type, ordinal(p) - 1);
}

/** The period just after, of the same type (2025S2 → 2026S1). */
export function nextPeriod(id: string): string {
  const p = mustParse(id);
  return fromOrdinal(p.type, ordinal(p) + 1);
}

/** The same period a year earlier, for year-on-year comparisons (2025Q3 → 2024Q3). */
export function samePeriodLastYear(id: string): string {
  const p = mustParse(id);
  return fromOrdinal(p.type, ordinal(p) - perYear(p.type));
}

/** Every period from `fromId` to `toId`, both included, in order; empty when `fromId` is after `toId`. */
export function periodsBetween(fromId: string, toId: string): string[] {
  const from = mustParse(fromId);
  const to = mustParse(toId);
  if (from.type !== to.type) throw new RangeError(`Periods of different types: ${from.id}, ${to.id}`);
  const ids: string[] = [];
  for (let n = ordinal(from); n <= ordinal(to); n++) ids.push(fromOrdinal(from.type, n));
  return ids;
}

/** The period of `type` that contains an ISO date: the open period for today. */
export function periodContaining(date: string, type: PeriodType): string {
  const [year, month] = splitDate(date);
  const id = periodId(type, year, Math.ceil(month / MONTHS[type]));
  return mustParse(id).id;
}

/** Periods of `type` that share at least one day with [fromDate, toDate]; empty when fromDate > toDate. */
export function periodsOverlapping(fromDate: string, toDate: string, type: PeriodType): string[] {
  splitDate(fromDate);
  splitDate(toDate);
  if (fromDate > toDate) return [];
  return periodsBetween(periodContaining(fromDate, type), periodContaining(toDate, type));
}

/** Reports first submitted on or before this date are on time. */
export function dueDate(id: string, dueDays: number): string {
  return addDays(periodEnd(id), dueDays);
}

/** Entry closes after this date. */
export function lockDate(id: string, lockDays: number): string {
  return addDays(periodEnd(id), lockDays);
}

/** Future periods are closed for entry (DHIS2's default); the period containing `today` is open. */
export function isFuturePeriod(id: string, today: string): boolean {
  splitDate(today);
  return periodStart(id) > today;
}
