import { describe, expect, it } from 'vitest';
import { expressionProblem, operandCodes, type KnownElement } from './expression-check.ts';

const known = new Map<string, KnownElement>([
  ['DON_NHAN', { valueType: 'integer', cocCodes: new Set(['LV_DAT', 'LV_KHAC']) }],
  ['DON_GQ', { valueType: 'integer', cocCodes: new Set(['LV_DAT', 'LV_KHAC']) }],
  ['GHI_CHU', { valueType: 'text', cocCodes: new Set(['default']) }],
]);

describe('expression check against known elements', () => {
  it('accepts operands of known elements and their disaggregations', () => {
    expect(expressionProblem('#{DON_GQ} + #{DON_NHAN.LV_DAT} * 2', known, 'indicators.metadata.operandNotInSet')).toBeNull();
  });

  it("gives the parser's Vietnamese message first", () => {
    expect(expressionProblem('#{DON_GQ + 1', known, 'indicators.metadata.operandNotInSet')).toBe('Thiếu dấu «}» ở vị trí 9');
  });

  it('names the unknown element, the missing disaggregation and a text element', () => {
    expect(expressionProblem('#{DON_GQ} - #{KHAC}', known, 'indicators.metadata.operandNotInSet')).toBe('chỉ tiêu «KHAC» không thuộc biểu mẫu này');
    expect(expressionProblem('#{KHAC}', known, 'indicators.metadata.operandUnknown')).toBe('không có chỉ tiêu «KHAC» (hoặc bạn không có quyền dùng)');
    expect(expressionProblem('#{DON_GQ.NAM}', known, 'indicators.metadata.operandUnknown')).toBe('chỉ tiêu «DON_GQ» không có phân tổ «NAM»');
    expect(expressionProblem('#{GHI_CHU}', known, 'indicators.metadata.operandUnknown')).toBe('chỉ tiêu «GHI_CHU» là văn bản, không dùng trong phép tính được');
  });

  it('lists the element codes an expression reads, none when it does not parse', () => {
    expect(operandCodes('#{A} + #{B.X} / #{A}')).toEqual(['A', 'B']);
    expect(operandCodes('#{A} +')).toEqual([]);
  });
});
