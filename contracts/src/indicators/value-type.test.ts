import { describe, expect, it } from 'vitest';
import { parseCellValue } from './value-type.ts';

const num = (value: number) => ({ ok: true, num: value, txt: null });
const fail = (message: string) => ({ ok: false, message });
const EMPTY = { ok: true, num: null, txt: null };

describe('parseCellValue', () => {
  it('reads an empty cell as "no value" for every type', () => {
    for (const type of ['number', 'integer', 'percentage', 'yes_no', 'text'] as const) {
      expect(parseCellValue(type, ''), type).toEqual(EMPTY);
      expect(parseCellValue(type, '   '), type).toEqual(EMPTY);
    }
  });

  it('reads numbers with a decimal point or a Vietnamese decimal comma, negative ones too', () => {
    expect(parseCellValue('number', '1234.5')).toEqual(num(1234.5));
    expect(parseCellValue('number', ' 1234,5 ')).toEqual(num(1234.5));
    expect(parseCellValue('number', '12,5')).toEqual(num(12.5));
    expect(parseCellValue('number', '-3')).toEqual(num(-3));
    expect(parseCellValue('number', '+7')).toEqual(num(7));
    const minusZero = parseCellValue('number', '-0');
    expect(minusZero.ok && Object.is(minusZero.num, 0)).toBe(true);
    expect(parseCellValue('number', '1000000000000')).toEqual(num(1e12));
    expect(parseCellValue('number', '-1000000000000')).toEqual(num(-1e12));
  });

  it('refuses thousands separators, junk and huge numbers', () => {
    for (const raw of ['1,234.5', '1.234,5', '1 234', '12a', 'abc', '1e5', '.5', '5.', 'NaN', 'Infinity', '--1', '0x10']) {
      expect(parseCellValue('number', raw), raw).toEqual(fail('Phải là số'));
    }
    expect(parseCellValue('number', '1000000000000.5')).toEqual(fail('Giá trị quá lớn (tối đa 1.000.000.000.000)'));
    expect(parseCellValue('number', '-2000000000000')).toEqual(fail('Giá trị quá lớn (tối đa 1.000.000.000.000)'));
  });

  it('takes whole, non-negative integers', () => {
    expect(parseCellValue('integer', '42')).toEqual(num(42));
    expect(parseCellValue('integer', '0')).toEqual(num(0));
    expect(parseCellValue('integer', '12,0')).toEqual(num(12));
    expect(parseCellValue('integer', '12.5')).toEqual(fail('Phải là số nguyên'));
    expect(parseCellValue('integer', '1.234')).toEqual(fail('Phải là số nguyên'));
    expect(parseCellValue('integer', 'mười')).toEqual(fail('Phải là số nguyên'));
    expect(parseCellValue('integer', '-5')).toEqual(fail('Không được âm'));
    expect(parseCellValue('integer', '-0')).toEqual(num(0));
    expect(parseCellValue('integer', '99999999999999999999')).toEqual(fail('Giá trị quá lớn (tối đa 1.000.000.000.000)'));
  });

  it('takes percentages from 0 to 100, with or without the % sign', () => {
    expect(parseCellValue('percentage', '85,5')).toEqual(num(85.5));
    expect(parseCellValue('percentage', '100')).toEqual(num(100));
    expect(parseCellValue('percentage', '0')).toEqual(num(0));
    expect(parseCellValue('percentage', '75 %')).toEqual(num(75));
    expect(parseCellValue('percentage', '100.1')).toEqual(fail('Phải từ 0 đến 100'));
    expect(parseCellValue('percentage', '-1')).toEqual(fail('Phải từ 0 đến 100'));
    expect(parseCellValue('percentage', 'nhiều')).toEqual(fail('Phải là số'));
    expect(parseCellValue('percentage', '%')).toEqual(fail('Phải là số'));
  });

  it('reads Có/Không whatever the case or diacritics, and 1/0, true/false', () => {
    const read = (raws: string[]) => raws.map((raw) => parseCellValue('yes_no', raw));
    const yes = ['1', 'true', 'TRUE', 'có', 'Có', 'CÓ', 'co', 'Co', 'Co\u0301' /* combining accent (NFD) */];
    expect(read(yes)).toEqual(yes.map(() => num(1)));
    const no = ['0', 'false', 'False', 'không', 'Không', 'KHÔNG', 'khong', 'Khong'];
    expect(read(no)).toEqual(no.map(() => num(0)));
    const neither = ['2', 'yes', 'x', 'có không', '1.0'];
    expect(read(neither)).toEqual(neither.map(() => fail('Chỉ nhận Có/Không (1/0)')));
  });

  it('keeps text trimmed and NFC-normalised, up to 2000 characters', () => {
    expect(parseCellValue('text', '  Đã tổ chức 3 buổi  ')).toEqual({ ok: true, num: null, txt: 'Đã tổ chức 3 buổi' });
    expect(parseCellValue('text', 'Co\u0301')).toEqual({ ok: true, num: null, txt: 'Có' });
    expect(parseCellValue('text', 'a'.repeat(2000))).toEqual({ ok: true, num: null, txt: 'a'.repeat(2000) });
    expect(parseCellValue('text', 'a'.repeat(2001))).toEqual(fail('Tối đa 2000 ký tự'));
    expect(parseCellValue('text', 'a\u0000b')).toEqual(fail('Không được chứa ký tự NUL'));
  });
});
