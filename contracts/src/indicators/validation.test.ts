import { describe, expect, it } from 'vitest';
import { operandKey, type Operand } from './expression.ts';
import { evaluateRules, type ValidationRule } from './validation.ts';

const lookupIn = (values: Record<string, number>) => (op: Operand) => values[operandKey(op)] ?? null;

const MESSAGE = 'Số đơn đã giải quyết không được lớn hơn số đơn tiếp nhận';

const rule = (overrides: Partial<ValidationRule>): ValidationRule => ({
  code: 'R1',
  leftSide: '#{DON_GIAI_QUYET}',
  operator: '<=',
  rightSide: '#{DON_TIEP_NHAN}',
  severity: 'error',
  missing: 'skip_if_any_missing',
  message: MESSAGE,
  ...overrides,
});

describe('evaluateRules', () => {
  it('returns only the violated rules, with both sides', () => {
    const total = rule({
      code: 'R2',
      leftSide: '#{DON_TIEP_NHAN}',
      operator: '==',
      rightSide: '#{DON_TIEP_NHAN.NAM} + #{DON_TIEP_NHAN.NU}',
      severity: 'warning',
      message: 'Tổng phải bằng nam + nữ',
    });
    const rules = [rule({}), total];
    const values = (solved: number, men: number, women: number) =>
      lookupIn({ DON_GIAI_QUYET: solved, DON_TIEP_NHAN: 10, 'DON_TIEP_NHAN.NAM': men, 'DON_TIEP_NHAN.NU': women });
    expect(evaluateRules(rules, values(12, 6, 4))).toEqual({
      violations: [{ code: 'R1', severity: 'error', message: MESSAGE, left: 12, right: 10 }],
      invalid: [],
    });
    expect(evaluateRules(rules, values(8, 6, 3))).toEqual({
      violations: [{ code: 'R2', severity: 'warning', message: 'Tổng phải bằng nam + nữ', left: 10, right: 9 }],
      invalid: [],
    });
  });

  it('applies each operator, with a tolerance for decimals', () => {
    const broken = (operator: ValidationRule['operator'], left: number, right: number) => {
      const checked = rule({ operator, leftSide: String(left), rightSide: String(right) });
      return evaluateRules([checked], () => null).violations.length === 1;
    };
    expect([broken('==', 3, 3), broken('==', 3, 4), broken('!=', 3, 3), broken('!=', 3, 4)]).toEqual([false, true, true, false]);
    expect([broken('<', 3, 4), broken('<', 4, 4), broken('<=', 4, 4), broken('<=', 5, 4)]).toEqual([false, true, false, true]);
    expect([broken('>', 5, 4), broken('>', 4, 4), broken('>=', 4, 4), broken('>=', 3, 4)]).toEqual([false, true, false, true]);
    const decimals = rule({ operator: '==', leftSide: '0.1 + 0.2', rightSide: '0.3' });
    expect(evaluateRules([decimals], () => null).violations).toEqual([]);
    const large = rule({ operator: '==', leftSide: '10000000.1 + 0.2', rightSide: '10000000.3' }); // off by 1.9e-9
    expect(evaluateRules([large], () => null).violations).toEqual([]);
    const offByOne = rule({ operator: '==', leftSide: '100000000000', rightSide: '100000000001' });
    expect(evaluateRules([offByOne], () => null).violations).toHaveLength(1);
    const tiny = rule({ operator: '<', leftSide: '0.000001', rightSide: '0.000002' });
    expect(evaluateRules([tiny], () => null).violations).toEqual([]);
    const notEqual = rule({ operator: '!=', leftSide: '0.1 + 0.2', rightSide: '0.3' });
    expect(evaluateRules([notEqual], () => null).violations).toHaveLength(1);
  });

  it("skips a rule with a missing operand under 'skip_if_any_missing', counts it as 0 under 'never_skip'", () => {
    const values = lookupIn({ DON_GIAI_QUYET: 3 });
    expect(evaluateRules([rule({})], values).violations).toEqual([]);
    expect(evaluateRules([rule({ missing: 'never_skip' })], values).violations).toEqual([
      { code: 'R1', severity: 'error', message: MESSAGE, left: 3, right: 0 },
    ]);
  });

  it('treats a side divided by zero as missing', () => {
    const ratio = rule({ leftSide: '#{DON_GIAI_QUYET} / #{DON_TIEP_NHAN}', operator: '<=', rightSide: '-1' });
    const values = lookupIn({ DON_GIAI_QUYET: 3, DON_TIEP_NHAN: 0 });
    expect(evaluateRules([ratio], values).violations).toEqual([]);
    expect(evaluateRules([{ ...ratio, missing: 'never_skip' }], values).violations).toEqual([
      { code: 'R1', severity: 'error', message: MESSAGE, left: null, right: -1 },
    ]);
  });

  it('sets aside rules that do not parse instead of throwing, and checks the others', () => {
    const rules = [
      rule({ code: 'BAD_LEFT', leftSide: '#{A' }),
      rule({ code: 'BAD_RIGHT', rightSide: '' }),
      rule({ code: 'BAD_OP', operator: '=>' as ValidationRule['operator'] }),
      rule({ code: 'OK' }),
    ];
    expect(evaluateRules(rules, lookupIn({ DON_GIAI_QUYET: 2, DON_TIEP_NHAN: 1 }))).toEqual({
      violations: [
        { code: 'OK', severity: 'error', message: MESSAGE, left: 2, right: 1 },
      ],
      invalid: [
        { code: 'BAD_LEFT', error: 'Vế trái: Thiếu dấu «}» ở vị trí 4' },
        { code: 'BAD_RIGHT', error: 'Vế phải: Biểu thức trống' },
        { code: 'BAD_OP', error: 'Phép so sánh không hợp lệ «=>»' },
      ],
    });
  });
});
