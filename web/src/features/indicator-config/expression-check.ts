import { parseExpression } from '#contracts/indicators/expression.ts';
import { t } from '../../i18n/i18n.ts';

/** What a formula may read of one element: its value type and the codes of its disaggregations. */
export interface KnownElement {
  valueType: string;
  cocCodes: ReadonlySet<string>;
}

/** Formulas shown as examples in hints: codes, not words, so the same in every language. */
export const EXAMPLES = {
  element: '#{DON_TIEP_NHAN}',
  group: '#{DON_TIEP_NHAN.LV_DAT_DAI}',
  formula: '#{DON_TIEP_NHAN} - #{DON_TIEP_NHAN.LV_DAT_DAI}',
  rule: '#{DON_DA_GIAI_QUYET} ≤ #{DON_TIEP_NHAN}',
} as const;

export type ExpressionCheck = { ok: true; operands: number } | { ok: false; message: string };

/**
 * The check the server makes when a formula is saved, run as it is typed: the parser's message (Vietnamese, from
 * the shared parser), then the first operand that is not among `known` (`scope` names what "known" means: the
 * elements of this form, or every element the user may use), lacks the named disaggregation, or is text.
 */
export function checkExpression(text: string, known: ReadonlyMap<string, KnownElement>, scope: 'dataSet' | 'all'): ExpressionCheck {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { ok: false, message: parsed.error };
  for (const operand of parsed.operands) {
    const element = known.get(operand.element);
    if (!element) return { ok: false, message: t(scope === 'dataSet' ? 'indicatorConfig.expr.notInSet' : 'indicatorConfig.expr.unknown', { code: operand.element }) };
    if (element.valueType === 'text') return { ok: false, message: t('indicatorConfig.expr.text', { code: operand.element }) };
    if (operand.coc !== null && !element.cocCodes.has(operand.coc)) {
      return { ok: false, message: t('indicatorConfig.expr.badCoc', { code: operand.element, coc: operand.coc }) };
    }
  }
  return { ok: true, operands: parsed.operands.length };
}
