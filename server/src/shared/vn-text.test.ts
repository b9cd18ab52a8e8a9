import { describe, expect, it } from 'vitest';
import { compareVi, foldVi } from './vn-text.ts';

describe('foldVi', () => {
  it.each([
    ['Quảng Trị', 'quang tri'],
    ['Huyện Đa Krông', 'huyen da krong'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Thừa Thiên  Huế', 'thua thien hue'],
    // old and new tone placement fold to the same text
    ['Hoà Bình', 'hoa binh'],
    ['Hòa Bình', 'hoa binh'],
    // decomposed input (NFD from some keyboards) folds the same as NFC
    ['Quảng Trị'.normalize('NFD'), 'quang tri'],
  ])('%s → %s', (input, expected) => {
    expect(foldVi(input)).toBe(expected);
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese alphabetical order (d before đ, a before ă before â)', () => {
    expect(['Đông', 'Dung', 'Ân', 'Anh', 'Ăn'].sort(compareVi)).toEqual(['Anh', 'Ăn', 'Ân', 'Dung', 'Đông']);
  });

  it('orders numbered names by their number (Thôn 2 before Thôn 10)', () => {
    expect(['Thôn 10', 'Thôn 2', 'Thôn 1'].sort(compareVi)).toEqual(['Thôn 1', 'Thôn 2', 'Thôn 10']);
  });
});
