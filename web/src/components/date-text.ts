/**
 * Dates as people type them (dd/mm/yyyy, whatever the browser's language) ↔ the ISO 'yyyy-mm-dd' the API
 * exchanges. Pure: the date field (DateField.tsx) and its calendar call these; the display of a date is
 * formatDate() in i18n/format.ts, the one place that writes dd/mm/yyyy.
 */
import { formatDate } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/** What the API accepts (contracts/src/common.ts: ZDate). */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2100-12-31';

export type DateParse =
  | { ok: true; iso: string }
  /** `error` is a catalogue key; `params` fill its placeholders. Empty text is `{ ok: false, error: 'date.error.required' }`. */
  | { ok: false; error: MessageKey; params?: Record<string, string | number> };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const toIso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** d/m/yyyy with '/', '-', '.' or spaces between (1 or 2 digits for day and month), as typed or pasted. */
const DAY_FIRST = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/;
/** ddmmyyyy typed without separators. */
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
/** yyyy-mm-dd, pasted from a spreadsheet or another system. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Reads a date typed as "2/12/2026", "02/12/2026", "02122026", "2-12-2026", "2.12.2026" or "2026-12-02" (day
 * before month, always: 2/12 is 2 December) and checks that the day exists and lies in [min, max].
 */
export function parseDateText(text: string, min = MIN_DATE, max = MAX_DATE): DateParse {
  const value = text.trim();
  if (!value) return { ok: false, error: 'date.error.required' };
  let match = DAY_FIRST.exec(value) ?? DIGITS.exec(value);
  let [day, month, year] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match) {
    match = ISO.exec(value);
    if (!match) return { ok: false, error: 'date.error.format' };
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (month < 1 || month > 12) return { ok: false, error: 'date.error.month', params: { month } };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: 'date.error.noSuchDay', params: { date: `${pad(day)}/${pad(month)}/${year}`, days: daysInMonth(year, month), month, year } };
  }
  const iso = toIso(year, month, day);
  if (iso < min || iso > max) return { ok: false, error: 'date.error.range', params: { min: formatDate(min), max: formatDate(max) } };
  return { ok: true, iso };
}

/** The ISO date the text names, or '' when it names none (empty, unfinished or wrong). */
export function isoOfText(text: string, min?: string, max?: string): string {
  const parsed = parseDateText(text, min, max);
  return parsed.ok ? parsed.iso : '';
}

/** The parts of an ISO date as numbers. */
export function isoParts(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** The ISO date `days` later (or earlier, when negative); calendar arithmetic in UTC, no time zone shift. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = isoParts(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, kept inside the month (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = isoParts(iso);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return toIso(y, m, Math.min(day, daysInMonth(y, m)));
}

/** 1 = Monday … 7 = Sunday (Vietnamese calendars start the week on Monday: T2 … CN). */
export function isoWeekday(iso: string): number {
  const { year, month, day } = isoParts(iso);
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

/** The weeks of a month, Monday first: each week seven ISO dates, or null for a day of another month. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = toIso(year, month, 1);
  const cells: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(toIso(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** `iso` held inside [min, max]. */
export const clampIso = (iso: string, min = MIN_DATE, max = MAX_DATE) => (iso < min ? min : iso > max ? max : iso);
