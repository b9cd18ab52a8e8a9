import { getLocale } from '../../i18n/i18n.ts';

/** A percentage with the survey's decimals, written the interface's way ('49,6' in Vietnamese, '49.6' in English). */
export function percentText(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(getLocale() === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A number summary value (mean, median…), up to two decimals. */
export function numberText(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(getLocale() === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

/** The width of a bar: the percentage within 0–100. */
export const barWidth = (percent: number | null): string => `${Math.max(0, Math.min(100, percent ?? 0))}%`;
