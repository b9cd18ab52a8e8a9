import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import StreamJsonParser from 'stream-json/Parser.js';

/** One data value as a DHIS2 file gives it; `index` is its 0-based position among the file's values. */
export interface RawValue {
  index: number;
  dataElement?: string;
  period?: string;
  orgUnit?: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
  value?: string;
  comment?: string;
  deleted: boolean;
}

/** The group header of a JSON file (keys written before `dataValues`, as DHIS2 writes them). */
export type Dhis2Header = Partial<Record<(typeof HEADER_KEYS)[number], string>>;

const HEADER_KEYS = [
  'dataSet',
  'period',
  'orgUnit',
  'attributeOptionCombo',
  'dryRun',
  'idScheme',
  'dataElementIdScheme',
  'orgUnitIdScheme',
  'categoryOptionComboIdScheme',
  'dataSetIdScheme',
] as const;
const IS_HEADER_KEY = new Set<string>(HEADER_KEYS);

/** Receives the values batch by batch; reading waits while it runs (back-pressure). */
export type BatchSink = (batch: RawValue[]) => Promise<void>;

/** A file that cannot be read past some point (bad JSON); the batches before it were handed over. */
export class UnreadableFile extends Error {}

const CHUNK = 1 << 20;
function* chunks(data: Buffer): Generator<Buffer> {
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  for (let i = start; i < data.length; i += CHUNK) yield data.subarray(i, Math.min(i + CHUNK, data.length));
}

/** A JSON scalar as DHIS2 reads it into a string field; null and objects are absent. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

interface Token {
  name: string;
  value?: unknown;
}

/**
 * Streams `{ header…, dataValues: [ {…}, … ] }` token by token (stream-json's parser without a per-value
 * assembler: four times faster than Pick + StreamArray). The file is fed to the parser 1 MB at a time and the
 * next megabyte waits until the batches of the previous one are processed (back-pressure without pausing the
 * parser, so no token is left in a buffer when a bad byte stops it). Header keys after `dataValues` cannot act as
 * defaults and are ignored. A file that breaks off has its values up to the break handed over, then throws
 * UnreadableFile.
 */
export async function readJsonValues(data: Buffer, batchSize: number, sink: BatchSink, onHeader: (header: Dhis2Header) => Promise<void>): Promise<void> {
  const parser = StreamJsonParser.parser({ streamValues: false, streamKeys: false });
  const header: Dhis2Header = {};
  let headerDone = false;
  // 0 outside, 1 in the top object, 2 in dataValues, 3 in one value; `skip` counts nested containers skipped
  let level = 0;
  let skip = 0;
  let key: string | null = null;
  let current: Record<string, unknown> = {};
  let batch: RawValue[] = [];
  const ready: RawValue[][] = [];
  let index = 0;

  parser.on('data', (token: Token) => {
    if (skip > 0) {
      if (token.name === 'startObject' || token.name === 'startArray') skip++;
      else if (token.name === 'endObject' || token.name === 'endArray') skip--;
      return;
    }
    switch (token.name) {
      case 'keyValue':
        key = token.value as string;
        return;
      case 'startObject':
        if (level === 0 || level === 2) {
          level++;
          current = {};
        } else skip = 1; // an object inside a value (2.43's {category: option} combos) or an unknown header object
        return;
      case 'startArray':
        if (level === 1 && key === 'dataValues') {
          level = 2;
          headerDone = true;
        } else skip = 1;
        return;
      case 'endObject':
        if (level === 3) {
          batch.push(toRawValue(current, index++));
          if (batch.length >= batchSize) {
            ready.push(batch);
            batch = [];
          }
        }
        level--;
        return;
      case 'endArray':
        level--;
        return;
      default:
        if (level === 3 && key !== null) current[key] = token.value;
        else if (level === 1 && key !== null && !headerDone && IS_HEADER_KEY.has(key)) {
          const value = scalar(token.value);
          if (value !== undefined) header[key as keyof Dhis2Header] = value;
        }
    }
  });
  let parseError: Error | null = null;
  parser.on('error', (error: Error) => {
    parseError ??= error;
  });
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
  });

  let headerSent = false;
  const drain = async (final: boolean) => {
    if (!headerSent && (headerDone || ready.length > 0 || final)) {
      headerSent = true;
      await onHeader(header);
    }
    if (final && batch.length > 0) {
      ready.push(batch);
      batch = [];
    }
    for (let next = ready.shift(); next; next = ready.shift()) await sink(next);
  };

  // a tick first, so the parser flows and hands every token over synchronously as it is parsed
  await new Promise((resolve) => setImmediate(resolve));
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  for (let at = start; at < data.length && !parseError; at += CHUNK) {
    await new Promise<void>((resolve) => parser.write(data.subarray(at, Math.min(at + CHUNK, data.length)), () => resolve()));
    await drain(false);
  }
  if (!parseError) {
    parser.end();
    await ended;
  }
  await drain(true);
  if (parseError) throw new UnreadableFile((parseError as Error).message);
}

/** The fields read from a JSON value; storedBy, created, lastUpdated and followup are ignored (see the design). */
function toRawValue(fields: Record<string, unknown>, index: number): RawValue {
  const deleted = fields.deleted === true || (typeof fields.deleted === 'string' && fields.deleted.toLowerCase() === 'true');
  return {
    index,
    dataElement: scalar(fields.dataElement),
    period: scalar(fields.period),
    orgUnit: scalar(fields.orgUnit),
    categoryOptionCombo: scalar(fields.categoryOptionCombo),
    attributeOptionCombo: scalar(fields.attributeOptionCombo),
    value: scalar(fields.value),
    comment: scalar(fields.comment),
    deleted,
  };
}

type CsvField = 'dataElement' | 'period' | 'orgUnit' | 'categoryOptionCombo' | 'attributeOptionCombo' | 'value' | 'comment' | 'deleted';

/** DHIS2 2.42 reads CSV by position, in this order (storedBy, lastUpdated and followup are skipped). */
const POSITIONAL: readonly (CsvField | null)[] = [
  'dataElement',
  'period',
  'orgUnit',
  'categoryOptionCombo',
  'attributeOptionCombo',
  'value',
  null,
  null,
  'comment',
  null,
  'deleted',
];

/** Column names (lower case) of 2.42 and 2.43 headers and of the documentation's abbreviated examples. */
const CSV_NAMES: Record<string, CsvField> = {
  dataelement: 'dataElement',
  de: 'dataElement',
  period: 'period',
  pe: 'period',
  orgunit: 'orgUnit',
  ou: 'orgUnit',
  categoryoptioncombo: 'categoryOptionCombo',
  catoptcombo: 'categoryOptionCombo',
  coc: 'categoryOptionCombo',
  attributeoptioncombo: 'attributeOptionCombo',
  attroptcombo: 'attributeOptionCombo',
  aoc: 'attributeOptionCombo',
  value: 'value',
  comment: 'comment',
  cmt: 'comment',
  deleted: 'deleted',
};

/**
 * The first row is a header (DHIS2 skips it). It is read by name when it names the element, period, unit and
 * value columns (2.43 files, or 2.42 files in another order); otherwise columns are read by position, as 2.42
 * does (its own test files misspell "dataelelement").
 */
export function csvColumns(header: readonly string[]): { columns: readonly (CsvField | null)[]; byName: boolean } {
  const named = header.map((cell) => CSV_NAMES[cell.trim().toLowerCase()] ?? null);
  const byName = (['dataElement', 'period', 'orgUnit', 'value'] as const).every((field) => named.includes(field));
  return byName ? { columns: named, byName } : { columns: POSITIONAL, byName };
}

/** Streams CSV rows (after the header) in batches; rows may have fewer fields than the header. */
export async function readCsvValues(data: Buffer, batchSize: number, sink: BatchSink): Promise<void> {
  const rows = Readable.from(chunks(data)).pipe(parseCsv({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }));
  let columns: readonly (CsvField | null)[] | null = null;
  let batch: RawValue[] = [];
  let index = 0;
  try {
    for await (const row of rows as AsyncIterable<string[]>) {
      if (!columns) {
        columns = csvColumns(row).columns;
        continue;
      }
      const fields: Partial<Record<CsvField, string>> = {};
      for (const [i, column] of columns.entries()) {
        const cell = row[i];
        if (column && cell !== undefined && cell !== '') fields[column] = cell;
      }
      const { deleted, ...rest } = fields;
      batch.push({ index: index++, ...rest, deleted: deleted?.toLowerCase() === 'true' });
      if (batch.length >= batchSize) {
        await sink(batch);
        batch = [];
      }
    }
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))) throw error;
    // the rows before the break are handed over, as with JSON
    if (batch.length > 0) await sink(batch);
    throw new UnreadableFile(error.message);
  }
  if (batch.length > 0) await sink(batch);
}

/** About how many values a file holds (for progress before the end is reached). */
export function estimateValueCount(data: Buffer, format: 'json' | 'csv'): number {
  const needle = format === 'json' ? Buffer.from('"dataElement"') : Buffer.from('\n');
  let count = 0;
  for (let at = data.indexOf(needle); at >= 0; at = data.indexOf(needle, at + needle.length)) count++;
  return format === 'json' ? count : Math.max(0, count - (data[data.length - 1] === 0x0a ? 1 : 0));
}
