import { z } from 'zod';
import './messages.ts';

/** A database id: positive integer, accepted from path strings too. */
export const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Years a date may name: wide enough for founding dates and terms, narrow enough for every engine and report. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Calendar date 'YYYY-MM-DD', no time zone, in MIN_YEAR–MAX_YEAR (year 0000 would reach the database). */
export const ZDate = z.iso.date().refine(
  (value) => Number(value.slice(0, 4)) >= MIN_YEAR && Number(value.slice(0, 4)) <= MAX_YEAR,
  { message: `năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}` },
);

/** Any string from outside: never a NUL character, which PostgreSQL text cannot hold (it would be a 500). */
export const zString = () => z.string().refine((value) => !value.includes('\u0000'), { message: 'không được chứa ký tự NUL' });

/** Trimmed, NFC-normalised text: Vietnamese typed on different keyboards compares equal. */
export const zText = (max: number, min = 1) =>
  zString()
    .transform((value) => value.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(min).max(max));

export const ZIdParams = z.object({ id: ZId });

/** Body of every 4xx/5xx answer: `message` is Vietnamese and names the field when one is at fault. */
export const ZError = z.object({
  error: z.string(),
  message: z.string(),
  /** Field path and Vietnamese message, for validation failures. */
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** With 429: seconds before another attempt is accepted (also in the Retry-After header). */
  retryAfterSeconds: z.number().int().optional(),
});

export const ZOk = z.object({ ok: z.literal(true) });

/** One bad row of an import: 1-based spreadsheet row number (header = row 1). */
export const ZRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type TRowError = z.infer<typeof ZRowError>;

// --- shell-history ---
/**
 * History is read-only for daily work: writes to a unit, organisation or role that has ended are refused (409).
 * `backfill: true` marks the one exception, a system administrator filling in history on purpose (the villages
 * of 2018, an organisation missing from 2019); it is audited with the action 'backfill'.
 */
export const ZBackfill = z.boolean().optional();
/** The same flag in a query string (multipart imports carry no JSON body). */
export const ZBackfillQuery = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');
