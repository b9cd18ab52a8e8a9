import { describe, expect, it } from 'vitest';
import { evaluateExpression, indicatorValue, operandKey, parseExpression, type Operand } from './expression.ts';

/** Values by operand key; absent keys are missing. */
const lookupIn = (values: Record<string, number>) => (op: Operand) => values[operandKey(op)] ?? null;

/** Parses and evaluates, failing the test on a parse error. */
function calc(text: string, values: Record<string, number> = {}, missing: 'zero' | 'null' = 'zero') {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluateExpression(parsed.ast, lookupIn(values), missing);
}

const errorOf = (text: string) => {
  const parsed = parseExpression(text);
  return parsed.ok ? null : { error: parsed.error, position: parsed.position };
};

describe('parseExpression', () => {
  it('lists each operand once, in order of appearance', () => {
    const parsed = parseExpression('#{DON_THU} + #{DON_THU.NU} * 2 - #{don-thu_2} / #{DON_THU}');
    expect(parsed.ok && parsed.operands).toEqual([
      { element: 'DON_THU', coc: null },
      { element: 'DON_THU', coc: 'NU' },
      { element: 'don-thu_2', coc: null },
    ]);
  });

  it('builds the tree with the usual precedence', () => {
    const parsed = parseExpression('1 + 2 * -#{A}');
    expect(parsed.ok && parsed.ast).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'number', value: 1 },
      right: {
        kind: 'binary',
        op: '*',
        left: { kind: 'number', value: 2 },
        right: { kind: 'negate', arg: { kind: 'operand', operand: { element: 'A', coc: null } } },
      },
    });
  });

  it('says what is wrong, and where, in Vietnamese', () => {
    expect(errorOf('')).toEqual({ error: 'Biểu thức trống', position: 0 });
    expect(errorOf('   ')).toEqual({ error: 'Biểu thức trống', position: 0 });
    expect(errorOf('(#{A} + #{B}')).toEqual({ error: 'Thiếu dấu ngoặc đóng ở vị trí 13', position: 12 });
    expect(errorOf('#{A} + %')).toEqual({ error: 'Ký tự không hợp lệ «%» ở vị trí 8', position: 7 });
    expect(errorOf('#{A})')).toEqual({ error: 'Thừa dấu ngoặc đóng ở vị trí 5', position: 4 });
    expect(errorOf('#{A} #{B}')).toEqual({ error: 'Thiếu phép tính (+ - * /) ở vị trí 6', position: 5 });
    expect(errorOf('#{A} +')).toEqual({ error: 'Thiếu số hoặc chỉ tiêu ở vị trí 7', position: 6 });
    expect(errorOf('* 2')).toEqual({ error: 'Thiếu số hoặc chỉ tiêu ở vị trí 1', position: 0 });
    expect(errorOf('()')).toEqual({ error: 'Thiếu số hoặc chỉ tiêu ở vị trí 2', position: 1 });
    expect(errorOf('1.')).toEqual({ error: 'Ký tự không hợp lệ «.» ở vị trí 2', position: 1 });
    expect(errorOf('1,5')).toEqual({ error: 'Ký tự không hợp lệ «,» ở vị trí 2', position: 1 });
  });

  it('checks the operand syntax', () => {
    expect(errorOf('#A')).toEqual({ error: 'Thiếu «{» sau «#» ở vị trí 2', position: 1 });
    expect(errorOf('#{}')).toEqual({ error: 'Thiếu mã chỉ tiêu ở vị trí 3', position: 2 });
    expect(errorOf('#{A.}')).toEqual({ error: 'Thiếu mã phân tổ ở vị trí 5', position: 4 });
    expect(errorOf('#{A')).toEqual({ error: 'Thiếu dấu «}» ở vị trí 4', position: 3 });
    expect(errorOf('#{A B}')).toEqual({ error: 'Thiếu dấu «}» ở vị trí 4', position: 3 });
    expect(errorOf('#{Á}')).toEqual({ error: 'Thiếu mã chỉ tiêu ở vị trí 3', position: 2 });
    expect(errorOf('#{A.B.C}')).toEqual({ error: 'Ký tự không hợp lệ «.» trong mã ở vị trí 6', position: 5 });
  });

  it('refuses nesting deep enough to hurt the stack', () => {
    expect(errorOf(`${'('.repeat(150)}1${')'.repeat(150)}`)?.error).toBe('Biểu thức lồng quá sâu ở vị trí 101');
    expect(errorOf(`${'-'.repeat(150)}1`)?.error).toBe('Biểu thức lồng quá sâu ở vị trí 101');
    expect(calc(`${'('.repeat(50)}1${')'.repeat(50)}`)).toBe(1);
  });
});

describe('evaluateExpression', () => {
  const values = { A: 10, 'A.NU': 4, B: 3, Z: 0 };

  it('computes with precedence, parentheses, unary minus and decimals', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('12 / 3 / 2')).toBe(2);
    expect(calc('-#{A} + 2', values)).toBe(-8);
    expect(calc('--2')).toBe(2);
    expect(calc('2.5 * 4 + .5')).toBe(10.5);
    expect(calc('#{A.NU} / #{A} * 100', values)).toBe(40);
    expect(calc('#{A}-#{B}', values)).toBe(7);
  });

  it("counts missing operands as 0 with 'zero' and gives null with 'null'", () => {
    expect(calc('#{A} + #{MISSING}', values, 'zero')).toBe(10);
    expect(calc('#{A} + #{MISSING}', values, 'null')).toBeNull();
    expect(calc('#{A} + #{B}', values, 'null')).toBe(13);
    expect(calc('#{A.NAM}', values)).toBe(0);
  });

  it('gives null on division by zero, never Infinity or -0', () => {
    expect(calc('#{A} / #{Z}', values)).toBeNull();
    expect(calc('1 + #{A} / (#{B} - 3)', values)).toBeNull();
    expect(calc('#{A} / #{MISSING}', values, 'zero')).toBeNull();
    expect(Object.is(calc('-#{Z}', values), 0)).toBe(true);
    expect(calc(`${'9'.repeat(400)} * 10`)).toBeNull();
  });
});

describe('operandKey', () => {
  it('joins element and disaggregation with a dot', () => {
    expect(operandKey({ element: 'DON_THU', coc: null })).toBe('DON_THU');
    expect(operandKey({ element: 'DON_THU', coc: 'NU' })).toBe('DON_THU.NU');
  });
});

describe('indicatorValue', () => {
  const values = { THON_CO_TO: 45, THON: 60, ZERO: 0 };
  const lookup = lookupIn(values);

  it('is factor × numerator / denominator', () => {
    expect(indicatorValue({ numerator: '#{THON_CO_TO}', denominator: '#{THON}', factor: 100 }, lookup)).toBe(75);
    expect(indicatorValue({ numerator: '#{THON_CO_TO} + 15', denominator: '1', factor: 1 }, lookup)).toBe(60);
  });

  it('counts a missing numerator as 0 and gives null when the denominator is 0 or missing', () => {
    expect(indicatorValue({ numerator: '#{MISSING}', denominator: '#{THON}', factor: 100 }, lookup)).toBe(0);
    expect(indicatorValue({ numerator: '#{THON_CO_TO}', denominator: '#{ZERO}', factor: 100 }, lookup)).toBeNull();
    expect(indicatorValue({ numerator: '#{THON_CO_TO}', denominator: '#{MISSING}', factor: 100 }, lookup)).toBeNull();
    expect(indicatorValue({ numerator: '1 / #{ZERO}', denominator: '#{THON}', factor: 100 }, lookup)).toBeNull();
  });

  it('gives null for a formula that does not parse', () => {
    expect(indicatorValue({ numerator: '#{THON_CO_TO', denominator: '#{THON}', factor: 100 }, lookup)).toBeNull();
    expect(indicatorValue({ numerator: '#{THON_CO_TO}', denominator: '', factor: 100 }, lookup)).toBeNull();
  });
});
