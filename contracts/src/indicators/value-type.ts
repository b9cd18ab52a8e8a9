/**
 * What a data-entry cell may hold, by the element's value type: one reading of typed text for the form, the
 * Excel import and the DHIS2 import, so a value accepted in one is accepted in all.
 */

export const VALUE_TYPES = ['number', 'integer', 'percentage', 'yes_no', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Longest text answer, in characters. */
export const MAX_TEXT_LENGTH = 2000;
/** Largest magnitude of a number: beyond any real count, and exact in a double. */
export const MAX_MAGNITUDE = 1e12;

/**
 * `num` is set for number, integer, percentage and yes_no (1/0), `txt` for text; both null for an empty cell,
 * which means "no value" (the stored value is deleted).
 */
export type CellValue = { ok: true; num: number | null; txt: string | null } | { ok: false; message: string };

/** Decimal point or Vietnamese decimal comma; no thousands separators ("1,234.5" is refused as ambiguous). */
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/** Lower case without diacritics, so "Có", "CÓ" and "co" read alike. */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

const YES = new Set(['1', 'true', 'co']);
const NO = new Set(['0', 'false', 'khong']);

const fail = (message: string): CellValue => ({ ok: false, message });
const number = (num: number): CellValue => ({ ok: true, num: num === 0 ? 0 : num, txt: null });

/** Reads what was typed in a cell of the given value type; the message says, in Vietnamese, what is expected. */
export function parseCellValue(valueType: ValueType, raw: string): CellValue {
  const value = raw.trim();
  if (value === '') return { ok: true, num: null, txt: null };
  switch (valueType) {
    case 'text': {
      const txt = value.normalize('NFC');
      if (txt.includes('\u0000')) return fail('Không được chứa ký tự NUL');
      if (txt.length > MAX_TEXT_LENGTH) return fail(`Tối đa ${MAX_TEXT_LENGTH} ký tự`);
      return { ok: true, num: null, txt };
    }
    case 'yes_no': {
      const folded = fold(value);
      if (YES.has(folded)) return number(1);
      if (NO.has(folded)) return number(0);
      return fail('Chỉ nhận Có/Không (1/0)');
    }
    case 'integer': {
      const num = DECIMAL.test(value) ? Number(value.replace(',', '.')) : NaN;
      if (!Number.isInteger(num)) return fail('Phải là số nguyên');
      return num < 0 ? fail('Không được âm') : checkMagnitude(num);
    }
    case 'percentage': {
      const text = value.endsWith('%') ? value.slice(0, -1).trimEnd() : value;
      if (!DECIMAL.test(text)) return fail('Phải là số');
      const num = Number(text.replace(',', '.'));
      return num < 0 || num > 100 ? fail('Phải từ 0 đến 100') : number(num);
    }
    case 'number': {
      if (!DECIMAL.test(value)) return fail('Phải là số');
      return checkMagnitude(Number(value.replace(',', '.')));
    }
  }
}

function checkMagnitude(num: number): CellValue {
  return Math.abs(num) > MAX_MAGNITUDE ? fail('Giá trị quá lớn (tối đa 1.000.000.000.000)') : number(num);
}
