import { useId } from 'react';
import { PERIOD_TYPES, periodContaining, periodLabel, periodsBetween, periodType, type PeriodType } from '#contracts/indicators/period.ts';
import { todayInVietnam } from '../../i18n/format.ts';
import { getLocale, t } from '../../i18n/i18n.ts';
import { defaultRange } from './dashboard-params.ts';

/** First year offered: the first reports of the 2019 structure. */
const FIRST_YEAR = 2019;

/** Every period of a type from January 2019 to the current period, newest last. */
function periodsOffered(type: PeriodType, today: string): string[] {
  return periodsBetween(periodContaining(`${FIRST_YEAR}-01-01`, type), periodContaining(today, type));
}

const before = (a: string, b: string) => a !== b && periodsBetween(a, b).length > 0;

/** Period type, then "Từ kỳ" and "Đến kỳ" with Vietnamese labels ("Tháng 3/2025", "Quý I/2025"). */
export function PeriodRangePicker({ from, to, onChange }: { from: string; to: string; onChange: (range: { from: string; to: string }) => void }) {
  const id = useId();
  const today = todayInVietnam();
  const type = periodType(from);
  const offered = periodsOffered(type, today);
  const withCurrent = (ids: string[]) => [...new Set([...ids, from, to])].sort((a, b) => (before(a, b) ? -1 : a === b ? 0 : 1));
  const options = withCurrent(offered);
  const lang = getLocale();
  return (
    <div className="dash-range">
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('dashboard.periodType')}</label>
        <select id={`${id}-type`} value={type} onChange={(event) => onChange(defaultRange(today, event.target.value as PeriodType))}>
          {PERIOD_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`dashboard.periodType.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('dashboard.from')}</label>
        <select id={`${id}-from`} value={from} onChange={(event) => onChange({ from: event.target.value, to: before(to, event.target.value) ? event.target.value : to })}>
          {options.map((period) => (
            <option key={period} value={period}>
              {periodLabel(period, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('dashboard.to')}</label>
        <select id={`${id}-to`} value={to} onChange={(event) => onChange({ from: before(event.target.value, from) ? event.target.value : from, to: event.target.value })}>
          {options.map((period) => (
            <option key={period} value={period}>
              {periodLabel(period, lang)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
