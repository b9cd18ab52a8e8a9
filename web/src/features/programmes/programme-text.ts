import type { TComparator, TTargetLevel, TTargetRule, TTargetStatus, TThreshold } from '#contracts/programmes/target-rule.ts';
import type { TTargetFigure } from '#contracts/programmes/targets.api.ts';
import { formatDate } from '../../i18n/format.ts';
import { getLocale, t } from '../../i18n/i18n.ts';

const locale = () => (getLocale() === 'vi' ? 'vi-VN' : 'en-GB');

/** A period of years: "2021–2025", or "2026" for one year. */
export function yearsText(period: { fromYear: number; toYear: number }): string {
  return period.fromYear === period.toYear ? String(period.fromYear) : t('programmes.years', { from: period.fromYear, to: period.toYear });
}

/** "83,6", "1.670", "—" without a value: at most two decimals, Vietnamese separators. */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('common.none');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);
}

/** "1.250.000.000 đ" for a sum of money, "—" without one. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('common.none');
  return t('programmes.money', { amount: new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value) });
}

/** "≥ 80" or "≤ 5". */
export const comparatorText = (comparator: TComparator, threshold: number) => `${comparator === '>=' ? '≥' : '≤'} ${formatFigure(threshold)}`;

/** A threshold as the document sets it: one number, or one per level ("tỉnh 90 · huyện 80 · xã 60"). */
function thresholdText(comparator: TComparator, threshold: TThreshold): string {
  if (typeof threshold === 'number') return comparatorText(comparator, threshold);
  return (Object.entries(threshold) as [TTargetLevel, number][])
    .map(([level, value]) => `${t(`programmes.levelShort.${level}`)} ${comparatorText(comparator, value)}`)
    .join(' · ');
}

/** How the target is measured, in words: "Chỉ số DV_TL_THON_HOA_GIAI ≥ 80", "100% thôn có ≥ 4", "giảm ≥ 15%/năm". */
export function ruleText(rule: TTargetRule): string {
  switch (rule.kind) {
    case 'value':
      return t('programmes.rule.value', { indicator: rule.indicator, threshold: thresholdText(rule.comparator, rule.threshold) });
    case 'share_of_units':
      return t('programmes.rule.share', {
        share: thresholdText('>=', rule.share),
        level: t(`programmes.levelShort.${rule.childLevel}`),
        threshold: comparatorText(rule.comparator, rule.threshold),
        indicator: rule.indicator,
      });
    case 'change':
      return t(rule.direction === 'decrease' ? 'programmes.rule.decrease' : 'programmes.rule.increase', {
        indicator: rule.indicator,
        percent: formatFigure(rule.percent),
      });
    case 'coverage':
      return t('programmes.rule.coverage', { indicator: rule.indicator, years: rule.windowYears, threshold: thresholdText(rule.comparator, rule.threshold) });
    case 'milestone':
      return t('programmes.rule.milestone', { indicator: rule.indicator, date: formatDate(rule.by), threshold: thresholdText(rule.comparator, rule.threshold) });
  }
}

/** Status words with a sign that does not rely on colour: ✓ met, ! at risk, ✗ not met, ? no data. */
export const STATUS_SIGN: Record<TTargetStatus, string> = { met: '✓', at_risk: '!', not_met: '✗', no_data: '?' };

/** "Đạt", "Có nguy cơ không đạt"…, or "Không áp dụng ở cấp này" when the level is not held to the target. */
export const statusText = (status: TTargetStatus | null) => (status === null ? t('programmes.status.none') : t(`programmes.status.${status}`));

/**
 * The figure compared with the threshold, and its parts when it is a ratio: "83,6 (1.670 / 1.998)"; for a share of
 * units: "5,2% (103 / 1.998 thôn đạt)".
 */
export function figureText(figure: TTargetFigure, rule?: TTargetRule | null): string {
  if (figure.value === null) return t('common.none');
  const value = formatFigure(figure.value);
  if (figure.numerator === null || figure.denominator === null) return value;
  const parts = { value, numerator: formatFigure(figure.numerator), denominator: formatFigure(figure.denominator) };
  if (rule?.kind === 'share_of_units') return t('programmes.figureShare', { ...parts, units: t(`programmes.levelShort.${rule.childLevel}`) });
  return t('programmes.figureRatio', parts);
}

/** "≥ 80", or "≥ 100%" for a share of units. */
export function thresholdFor(comparator: TComparator | null, threshold: number | null, rule?: TTargetRule | null): string {
  if (comparator === null || threshold === null) return t('common.none');
  const text = comparatorText(comparator, threshold);
  return rule?.kind === 'share_of_units' ? `${text}%` : text;
}
