import { z } from 'zod';
import './messages.ts';

/** A database id: positive integer, accepted from path strings too. */
export const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Calendar date 'YYYY-MM-DD', no time zone. */
export const ZDate = z.iso.date();

/** Trimmed, NFC-normalised text: Vietnamese typed on different keyboards compares equal. */
export const zText = (max: number, min = 1) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(min).max(max));

export const ZIdParams = z.object({ id: ZId });

/** Body of every 4xx/5xx answer: `message` is Vietnamese and names the field when one is at fault. */
export const ZError = z.object({
  error: z.string(),
  message: z.string(),
  /** Field path and Vietnamese message, for validation failures. */
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const ZOk = z.object({ ok: z.literal(true) });

/** One bad row of an import: 1-based spreadsheet row number (header = row 1). */
export const ZRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type TRowError = z.infer<typeof ZRowError>;
