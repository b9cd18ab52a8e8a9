import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** "≥ 85%", or "" without a target. */
export function targetText(indicator: Pick<TIndicator, 'target' | 'targetDirection' | 'unitOfMeasure'>): string {
  if (indicator.target === null || indicator.targetDirection === null) return '';
  const unit = indicator.unitOfMeasure ?? '';
  // "85%" but "3 ngày"
  const value = `${formatNumber(indicator.target)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  return t(`indicatorConfig.target.${indicator.targetDirection}`, { value });
}

/** An expression in parentheses when it has operators of its own. */
const grouped = (expression: string) => (/[-+*/]/.test(expression.replace(/#\{[^}]*\}/g, '')) ? `(${expression})` : expression);

/** "100 × #{GQ} / #{NHAN}": the factor and the denominator only when they are not 1. */
export function formulaText(indicator: Pick<TIndicator, 'factor' | 'numerator' | 'denominator'>): string {
  const factor = indicator.factor === 1 ? '' : `${formatNumber(indicator.factor)} × `;
  const denominator = indicator.denominator.trim() === '1' ? '' : ` / ${grouped(indicator.denominator)}`;
  return `${factor}${factor || denominator ? grouped(indicator.numerator) : indicator.numerator}${denominator}`;
}
