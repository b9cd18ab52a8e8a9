import { describe, expect, it } from 'vitest';
import type { TRowError } from '#contracts/common.ts';
import { checkMemberRow, isHeadTitle, parseSheetDate } from './member-row.ts';

describe('parseSheetDate', () => {
  it('reads dd/mm/yyyy, yyyy-mm-dd and the text of Excel date cells', () => {
    expect(parseSheetDate('05/03/2021')).toBe('2021-03-05');
    expect(parseSheetDate('5/3/2021')).toBe('2021-03-05');
    expect(parseSheetDate('2021-03-05')).toBe('2021-03-05');
    expect(parseSheetDate('Fri Mar 05 2021 07:00:00 GMT+0700 (Indochina Time)')).toBe('2021-03-05');
  });

  it('refuses impossible dates and other text', () => {
    expect(parseSheetDate('31/02/2021')).toBeNull();
    expect(parseSheetDate('2021-13-01')).toBeNull();
    expect(parseSheetDate('tháng 3')).toBeNull();
  });
});

describe('isHeadTitle', () => {
  it('knows heads from deputies and members', () => {
    expect(['Tổ trưởng', 'Trưởng khối', 'Bí thư chi bộ', 'Chủ tịch', 'Trưởng ban'].map(isHeadTitle)).toEqual([true, true, true, true, true]);
    expect(['Tổ phó', 'Phó bí thư', 'Thành viên', 'Ủy viên'].map(isHeadTitle)).toEqual([false, false, false, false]);
  });
});

describe('checkMemberRow', () => {
  const today = '2026-01-15';
  const check = (cells: Record<string, string>) => {
    const errors: TRowError[] = [];
    return { row: checkMemberRow({ row: 7, cells }, today, errors), errors };
  };

  it('normalises a good row and defaults the start date to today', () => {
    const { row, errors } = check({ fullName: '  Lò  Thị Mai ', title: 'Tổ trưởng', gender: 'Nữ', birthYear: '1975', phone: '0912 345 678', termFrom: '' });
    expect(errors).toEqual([]);
    expect(row).toEqual({
      row: 7,
      fullName: 'Lò Thị Mai',
      title: 'Tổ trưởng',
      gender: 'female',
      birthYear: 1975,
      phone: '0912 345 678',
      termFrom: today,
      isHead: true,
    });
  });

  it('reports every bad cell by row and column', () => {
    const { errors } = check({ fullName: '', title: '', gender: 'X', birthYear: '75', phone: 'abc', termFrom: '32/01/2020' });
    expect(errors.map((error) => error.field)).toEqual(['Họ và tên', 'Chức danh', 'Giới tính', 'Năm sinh', 'Điện thoại', 'Từ ngày']);
    expect(errors.every((error) => error.row === 7)).toBe(true);
  });
});
