import type { TDashboardFigures } from '#contracts/indicators/dashboard.api.ts';
import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { parsePeriod } from '#contracts/indicators/period.ts';
import { getLocale, t } from '../../i18n/i18n.ts';

const locale = () => (getLocale() === 'vi' ? 'vi-VN' : 'en-GB');
const fixed = (value: number, decimals: number) =>
  new Intl.NumberFormat(locale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);

/** "78,6", "≈ 90,0" for an estimate, "—" without a value. */
export function formatValue(value: number | null, decimals: number, apportioned = false): string {
  if (value === null) return '—';
  return `${apportioned ? '≈ ' : ''}${fixed(value, decimals)}`;
}

/** A numerator or denominator: whole numbers as they are; estimates and fractions with one decimal. */
export function formatOperand(value: number | null, apportioned = false): string {
  if (value === null) return '—';
  const decimals = apportioned || !Number.isInteger(value) ? 1 : 0;
  return `${apportioned ? '≈ ' : ''}${fixed(value, decimals)}`;
}

/** "≥ 85 %" for the header line, or "Không đặt chỉ tiêu". */
export function targetText(indicator: TIndicator): string {
  if (indicator.target === null) return t('dashboard.noTarget');
  const target = `${fixed(indicator.target, Number.isInteger(indicator.target) ? 0 : indicator.decimals)}${indicator.unitOfMeasure ? ` ${indicator.unitOfMeasure}` : ''}`;
  return t(indicator.targetDirection === 'lower' ? 'dashboard.targetLower' : 'dashboard.targetHigher', { target });
}

/** Standing against the target: met, within 10 % of it, short of it, no value, or no target to compare with. */
export type Standing = 'reached' | 'near' | 'short' | 'none' | 'untargeted';

export function standing(figures: Pick<TDashboardFigures, 'value' | 'gap'>, indicator: TIndicator): Standing {
  if (figures.value === null) return 'none';
  if (figures.gap === null || indicator.target === null) return 'untargeted';
  if (figures.gap <= 0) return 'reached';
  return figures.gap <= Math.max(Math.abs(indicator.target) * 0.1, 10 ** -indicator.decimals) ? 'near' : 'short';
}

/** Shade 1–4 of a value between the lowest and highest shown (maps of an indicator without target). */
export function shade(value: number, min: number, max: number): 1 | 2 | 3 | 4 {
  if (max <= min) return 4;
  return (Math.min(3, Math.floor(((value - min) / (max - min)) * 4)) + 1) as 1 | 2 | 3 | 4;
}

/** Short axis label of a period: "3/24", "Q1/24", "S2/24", "2024". */
export function shortPeriodLabel(id: string): string {
  const period = parsePeriod(id);
  if (!period) return id;
  const year = String(period.year).slice(2);
  switch (period.type) {
    case 'monthly':
      return t('dashboard.shortMonth', { month: period.index, year });
    case 'quarterly':
      return t('dashboard.shortQuarter', { index: period.index, year });
    case 'six_monthly':
      return t('dashboard.shortHalf', { index: period.index, year });
    case 'yearly':
      return String(period.year);
  }
}
