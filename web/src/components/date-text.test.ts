import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';
import { addDays, addMonths, isoOfText, isoWeekday, monthGrid, parseDateText } from './date-text.ts';

/** The Vietnamese sentence a refused text gets, as the field shows it. */
function refusal(text: string, min?: string, max?: string): string {
  const parsed = parseDateText(text, min, max);
  if (parsed.ok) throw new Error(`"${text}" was read as ${parsed.iso}`);
  return t(parsed.error, parsed.params);
}

describe('parseDateText: dd/mm/yyyy whatever the browser language', () => {
  it.each([
    ['2/12/2026', '2026-12-02'],
    ['02/12/2026', '2026-12-02'],
    ['02122026', '2026-12-02'],
    ['2-12-2026', '2026-12-02'],
    ['2.12.2026', '2026-12-02'],
    [' 2 / 12 / 2026 ', '2026-12-02'],
    ['2026-12-02', '2026-12-02'],
    ['1/7/2025', '2025-07-01'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2100', '2100-12-31'],
  ])('reads "%s" as %s (day before month)', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, iso });
  });

  it('refuses a day the month does not have, in Vietnamese', () => {
    expect(refusal('31/02/2026')).toBe('Không có ngày 31/02/2026: tháng 2 năm 2026 chỉ có 28 ngày.');
    expect(refusal('29022025')).toBe('Không có ngày 29/02/2025: tháng 2 năm 2025 chỉ có 28 ngày.');
    expect(refusal('31/4/2026')).toBe('Không có ngày 31/04/2026: tháng 4 năm 2026 chỉ có 30 ngày.');
  });

  it('refuses a month past 12 (12/31/2026 typed the American way)', () => {
    expect(refusal('12/31/2026')).toBe('Không có tháng 31: tháng phải từ 1 đến 12.');
  });

  it('refuses unfinished or foreign text with the expected form', () => {
    for (const text of ['2/12/26', '2/12', '0212202', 'ngày mai', 'Dec 2, 2026']) {
      expect(refusal(text)).toBe('Ngày phải có dạng dd/mm/yyyy, ví dụ 02/12/2026.');
    }
    expect(refusal('  ')).toBe('Vui lòng nhập ngày (dd/mm/yyyy).');
  });

  it('holds the date inside the range the API (or the field) accepts', () => {
    expect(refusal('31/12/1899')).toBe('Ngày phải từ 01/01/1900 đến 31/12/2100.');
    expect(refusal('1/1/1975', '1976-01-01', '2100-12-31')).toBe('Ngày phải từ 01/01/1976 đến 31/12/2100.');
    expect(isoOfText('1/1/1976', '1976-01-01')).toBe('1976-01-01');
    expect(isoOfText('31/02/2026')).toBe('');
  });
});

describe('formatDate / formatDateTime: one way to write a date across the app', () => {
  it('writes day and month with two digits', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('2026-12-02')).toBe('02/12/2026');
    expect(formatDate(null)).toBe('');
  });

  it('writes a timestamp in Vietnam time as dd/mm/yyyy hh:mm', () => {
    expect(formatDateTime('2025-06-30T17:05:00Z')).toBe('01/07/2025 00:05');
    expect(formatDateTime('2026-12-02T03:04:00Z')).toBe('02/12/2026 10:04');
  });
});

describe('calendar arithmetic', () => {
  it('lays a month out in weeks from Monday (T2) to Sunday (CN)', () => {
    // 1 December 2026 is a Tuesday
    expect(isoWeekday('2026-12-01')).toBe(2);
    const weeks = monthGrid(2026, 12);
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks).toHaveLength(5);
    expect(weeks[4]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
  });

  it('moves by days across months and years, and by months keeping inside the month', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-02', 12)).toBe('2027-12-02');
  });
});
