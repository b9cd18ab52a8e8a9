import { useId } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { BEFORE_REFORM, useAsOf } from './as-of.ts';

/** Which structure to show: before the 2025 reform, today, or any date. */
export function AsOfSwitch() {
  const { asOf, param, setAsOf } = useAsOf();
  const id = useId();
  const today = todayInVietnam();
  const isToday = param === null || param === today;
  return (
    <div className="as-of">
      <div className="segmented" role="group" aria-label={t('units.structure')}>
        <button type="button" aria-pressed={param === BEFORE_REFORM} onClick={() => setAsOf(BEFORE_REFORM)}>
          {t('units.beforeReform')}
        </button>
        <button type="button" aria-pressed={isToday} onClick={() => setAsOf(null)}>
          {t('units.now')}
        </button>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-date`}>{t('units.asOf')}</label>
        <DateField
          id={`${id}-date`}
          value={asOf}
          min="1976-01-01"
          max="2100-12-31"
          onChange={(date) => {
            if (date) setAsOf(date === today ? null : date);
          }}
        />
      </div>
    </div>
  );
}
