import { describe, expect, it } from 'vitest';
import { checkExpression, type KnownElement } from './expression-check.ts';
import { loadVietnamese } from '../../i18n/i18n.ts';
import { indicatorConfigVietnamese } from './catalogue.ts';

// the pages' strings come with the pages (lazyPage); here, before the first t()
await loadVietnamese(indicatorConfigVietnamese);

const known = new Map<string, KnownElement>([
  ['DON_NHAN', { valueType: 'integer', cocCodes: new Set(['GT_NAM', 'GT_NU']) }],
  ['GHI_CHU', { valueType: 'text', cocCodes: new Set(['default']) }],
]);

describe('live check of a formula', () => {
  it('counts the operands of a good formula', () => {
    expect(checkExpression('#{DON_NHAN} - #{DON_NHAN.GT_NU} + 1', known, 'all')).toEqual({ ok: true, operands: 2 });
  });

  it('shows the parser message, then unknown elements, missing disaggregations and text elements', () => {
    expect(checkExpression('#{DON_NHAN} +', known, 'all')).toEqual({ ok: false, message: 'Thiếu số hoặc chỉ tiêu ở vị trí 14' });
    expect(checkExpression('#{X}', known, 'dataSet')).toEqual({ ok: false, message: 'Chỉ tiêu «X» không thuộc biểu mẫu này' });
    expect(checkExpression('#{X}', known, 'all')).toEqual({ ok: false, message: 'Không có chỉ tiêu «X»' });
    expect(checkExpression('#{DON_NHAN.KHAC}', known, 'all')).toEqual({ ok: false, message: 'Chỉ tiêu «DON_NHAN» không có phân tổ «KHAC»' });
    expect(checkExpression('#{GHI_CHU}', known, 'all')).toEqual({ ok: false, message: 'Chỉ tiêu «GHI_CHU» là văn bản, không dùng trong phép tính được' });
  });
});
