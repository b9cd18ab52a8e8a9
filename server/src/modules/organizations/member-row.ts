import type { TRowError } from '#contracts/common.ts';
import { msg, SHEET_HEADERS } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';

type Column = 'fullName' | 'title' | 'gender' | 'birthYear' | 'phone' | 'termFrom';

/** Columns of a member sheet: key → accepted headers (compared without diacritics), first one is the label. */
export const MEMBER_COLUMNS: Record<Column, { headers: readonly [string, ...string[]]; required: boolean }> = {
  fullName: { headers: SHEET_HEADERS.member.fullName, required: true },
  title: { headers: SHEET_HEADERS.member.title, required: true },
  gender: { headers: SHEET_HEADERS.member.gender, required: false },
  birthYear: { headers: SHEET_HEADERS.member.birthYear, required: false },
  phone: { headers: SHEET_HEADERS.member.phone, required: false },
  termFrom: { headers: SHEET_HEADERS.member.termFrom, required: false },
};
/** A column's name in messages: its first accepted header. */
export const columnLabel = (column: Column) => MEMBER_COLUMNS[column].headers[0];

/** One checked row: what the preview shows, and the values to write when it has no error. */
export interface MemberRow {
  row: number;
  fullName: string;
  title: string;
  /** 'male' | 'female' | 'other' when recognised, else the text as typed. */
  gender: string | null;
  birthYear: number | null;
  phone: string | null;
  /** 'YYYY-MM-DD' when recognised, else the text as typed. */
  termFrom: string;
  isHead: boolean;
}

const GENDERS = new Map([
  ['nam', 'male'],
  ['nu', 'female'],
  ['khac', 'other'],
  ['male', 'male'],
  ['female', 'female'],
  ['other', 'other'],
]);

const isValidDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * A date as Vietnamese sheets write it: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd, or the
 * text Excel date cells turn into ("Mon Jan 01 2024 07:00:00 GMT+0700 …"). Returns 'YYYY-MM-DD' or null.
 */
export function parseSheetDate(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? iso(y, m, d) : null;
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? iso(y, m, d) : null;
  }
  if (/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT/.test(value)) {
    const date = new Date(value);
    // exceljs reads a date cell as midnight UTC
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  }
  return null;
}

/** Titles that make the holder the head of the organisation: Trưởng…, Tổ trưởng, Bí thư, Chủ tịch, Giám đốc… */
export function isHeadTitle(title: string): boolean {
  const folded = foldVi(title);
  return /^(truong|to truong|khoi truong|doi truong|chi hoi truong|thon truong|bi thu|chu tich|chu nhiem|giam doc)\b/.test(folded);
}

/** Checks one sheet row; pushes its errors (by spreadsheet row and column label) to `errors`. */
export function checkMemberRow(
  input: { row: number; cells: Record<string, string> },
  today: string,
  errors: TRowError[],
): MemberRow {
  const { row, cells } = input;
  const fail = (column: Column, message: string) => errors.push({ row, field: columnLabel(column), message });
  const text = (key: Column) => (cells[key] ?? '').replace(/\s+/g, ' ').trim();

  const fullName = text('fullName');
  if (!fullName) fail('fullName', msg('common.empty'));
  else if (fullName.length > 200) fail('fullName', msg('common.maxLength', { max: 200 }));
  const title = text('title');
  if (!title) fail('title', msg('common.empty'));
  else if (title.length > 100) fail('title', msg('common.maxLength', { max: 100 }));

  const genderText = text('gender');
  const gender = genderText ? (GENDERS.get(foldVi(genderText)) ?? null) : null;
  if (genderText && !gender) fail('gender', msg('organizations.member.badGender', { value: genderText }));

  const yearText = text('birthYear');
  let birthYear: number | null = null;
  if (yearText) {
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (Number.isInteger(year) && year >= 1900 && year <= Number(today.slice(0, 4))) birthYear = year;
    else fail('birthYear', msg('organizations.member.badBirthYear', { value: yearText }));
  }

  const phone = text('phone') || null;
  if (phone && !/^[0-9+ .-]{8,20}$/.test(phone)) fail('phone', msg('organizations.member.badPhone', { value: phone }));

  const termText = text('termFrom');
  const termFrom = termText ? parseSheetDate(termText) : today;
  if (!termFrom) fail('termFrom', msg('organizations.member.badDate', { value: termText }));

  return {
    row,
    fullName,
    title,
    gender: gender ?? (genderText || null),
    birthYear,
    phone,
    termFrom: termFrom ?? termText,
    isHead: title ? isHeadTitle(title) : false,
  };
}
