import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certainty, ChangeKind, ChangeRow, Level, UnitRow } from './history-types.ts';

/** The history data copied from ../shared/data/admin-units/history-2019-2025 (its README gives sources and licences). */
export const HISTORY_DIR = join(import.meta.dirname, '../../../../../resources/admin-units/history-2019-2025');

const UNIT_HEADER = ['code', 'name', 'full_name', 'level', 'type', 'parent_code'];
const CHANGE_HEADER = [
  'effective_date', 'date_source', 'instrument', 'level', 'kind', 'code', 'old_name', 'new_name', 'old_type', 'new_type',
  'old_parent_code', 'new_parent_code', 'successor_code', 'successor_confidence', 'evidence',
];
const LEVELS: readonly string[] = ['province', 'district', 'commune'];
const KINDS: readonly string[] = ['created', 'abolished', 'merged_into', 'renamed', 'type_changed', 'moved'];
const CERTAINTIES: readonly string[] = ['certain', 'likely', 'unknown'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^\d{2}(\d|\d{3})?$/;

/**
 * Reads RFC 4180 CSV (comma, double-quoted fields with "" for a quote, LF or CRLF line ends) into rows of
 * cells. Strict on purpose: a quote inside an unquoted field or an unterminated quoted field throws, so a
 * damaged data file fails loudly instead of shifting columns.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      const close = readQuoted(text, i + 1);
      field = close.value;
      i = close.next;
      if (i < text.length && !',\r\n'.includes(text[i] as string)) throw new Error(`CSV: text after a closing quote at offset ${i}`);
      continue;
    }
    if (c === '"') throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
    if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function readQuoted(text: string, from: number): { value: string; next: number } {
  let value = '';
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') value += text[i];
    else if (text[i + 1] === '"') {
      value += '"';
      i++;
    } else return { value, next: i + 1 };
  }
  throw new Error(`CSV: quoted field from offset ${from - 1} is not closed`);
}

/** Rows as objects keyed by the header, which must be exactly `expected`; every row must have as many cells. */
function records(text: string, expected: string[], file: string): { line: number; get: (key: string) => string }[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== expected.join(',')) throw new Error(`${file}: header is not ${expected.join(',')}`);
  return rows.map((cells, index) => {
    const line = index + 2;
    if (cells.length !== expected.length) throw new Error(`${file}:${line}: ${cells.length} fields, expected ${expected.length}`);
    return { line, get: (key: string) => cells[expected.indexOf(key)] as string };
  });
}

function check<T extends string>(value: string, allowed: readonly string[], what: string): T {
  if (!allowed.includes(value)) throw new Error(`${what}: unexpected value ${JSON.stringify(value)}`);
  return value as T;
}

function checkCode(value: string, what: string): string {
  if (!CODE.test(value)) throw new Error(`${what}: bad unit code ${JSON.stringify(value)}`);
  return value;
}

const optionalCode = (value: string, what: string) => (value === '' ? null : checkCode(value, what));

/** Parses a unit list in the format of units-2019.csv (units-2019-01-01.csv, units-2019.csv). */
export function parseUnitList(text: string, file = 'units'): UnitRow[] {
  return records(text, UNIT_HEADER, file).map(({ line, get }) => ({
    code: checkCode(get('code'), `${file}:${line}`),
    name: get('name'),
    fullName: get('full_name'),
    level: check<Level>(get('level'), LEVELS, `${file}:${line} level`),
    type: get('type'),
    parentCode: optionalCode(get('parent_code'), `${file}:${line} parent_code`),
  }));
}

/** Parses changes-2019-2025.csv: kinds split on '+', successors on ';', empty parents and confidences as null. */
export function parseChanges(text: string, file = 'changes-2019-2025.csv'): ChangeRow[] {
  return records(text, CHANGE_HEADER, file).map(({ line, get }) => {
    const where = `${file}:${line}`;
    const effectiveDate = get('effective_date');
    if (!ISO_DATE.test(effectiveDate)) throw new Error(`${where}: bad effective_date ${JSON.stringify(effectiveDate)}`);
    const confidence = get('successor_confidence');
    return {
      line,
      effectiveDate,
      dateSource: get('date_source'),
      instrument: get('instrument'),
      level: check<Level>(get('level'), LEVELS, `${where} level`),
      kinds: get('kind').split('+').map((kind) => check<ChangeKind>(kind, KINDS, `${where} kind`)),
      code: checkCode(get('code'), where),
      oldName: get('old_name'),
      newName: get('new_name'),
      oldType: get('old_type'),
      newType: get('new_type'),
      oldParentCode: optionalCode(get('old_parent_code'), `${where} old_parent_code`),
      newParentCode: optionalCode(get('new_parent_code'), `${where} new_parent_code`),
      successorCodes: get('successor_code') === '' ? [] : get('successor_code').split(';').map((code) => checkCode(code, `${where} successor_code`)),
      successorCertainty: confidence === '' ? null : check<Certainty>(confidence, CERTAINTIES, `${where} successor_confidence`),
      evidence: get('evidence'),
    };
  });
}

/** Reads the 2019-01-01 list and the change file from the history folder. */
export function readHistoryFiles(dir = HISTORY_DIR): { units: UnitRow[]; changes: ChangeRow[] } {
  return {
    units: parseUnitList(readFileSync(join(dir, 'units-2019-01-01.csv'), 'utf8'), 'units-2019-01-01.csv'),
    changes: parseChanges(readFileSync(join(dir, 'changes-2019-2025.csv'), 'utf8')),
  };
}
