import { parseExpression, type Operand } from '#contracts/indicators/expression.ts';
import { msg } from '#server/shared/messages.ts';

/** What an expression may read of one element: its value type and the codes of its disaggregations. */
export interface KnownElement {
  valueType: string;
  cocCodes: ReadonlySet<string>;
}

/** The element codes an expression reads, or [] when it does not parse (the parse error is reported elsewhere). */
export function operandCodes(text: string): string[] {
  const parsed = parseExpression(text);
  return parsed.ok ? parsed.operands.map((operand) => operand.element) : [];
}

/**
 * Why an expression cannot be saved, as a Vietnamese problem for `invalidField`, or null when it is fine: the
 * parser's message, else the first operand that is not among `known` (`unknown` says how to name that: not in
 * this data set, or not a usable element), that names a disaggregation its element lacks, or that is text.
 */
export function expressionProblem(
  text: string,
  known: ReadonlyMap<string, KnownElement>,
  unknown: 'indicators.metadata.operandNotInSet' | 'indicators.metadata.operandUnknown',
): string | null {
  const parsed = parseExpression(text);
  if (!parsed.ok) return parsed.error;
  for (const operand of parsed.operands) {
    const problem = operandProblem(operand, known, unknown);
    if (problem) return problem;
  }
  return null;
}

function operandProblem(operand: Operand, known: ReadonlyMap<string, KnownElement>, unknown: Parameters<typeof expressionProblem>[2]): string | null {
  const element = known.get(operand.element);
  if (!element) return msg(unknown, { code: operand.element });
  if (element.valueType === 'text') return msg('indicators.metadata.operandText', { code: operand.element });
  if (operand.coc !== null && !element.cocCodes.has(operand.coc)) return msg('indicators.metadata.operandBadCoc', { code: operand.element, coc: operand.coc });
  return null;
}
