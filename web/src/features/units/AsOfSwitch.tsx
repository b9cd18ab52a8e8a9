import { startTransition, useId, useOptimistic } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { BEFORE_REFORM, REFORM_DAY, useAsOf } from './as-of.ts';

/**
 * Which structure to show: two equal choices, before the 2025 reform (province – district – commune) or from it
 * (province – commune, today's date); any other date is a secondary control beside them.
 */
export function AsOfSwitch() {
  const { asOf, setAsOf } = useAsOf();
  const id = useId();
  const today = todayInVietnam();
  // the address changes in a transition (the router's), which can come after the click's paint: the choice is shown
  // at once until the address has it, so the radio never flicks back on a slow machine
  const [before, showBefore] = useOptimistic(asOf < REFORM_DAY);
  const choose = (choice: boolean, date: string | null) =>
    startTransition(() => {
      showBefore(choice);
      setAsOf(date);
    });
  return (
    <div className="as-of">
      <fieldset className="structure-switch">
        <legend className="visually-hidden">{t('units.structure')}</legend>
        <label>
          <input type="radio" name={`${id}-structure`} checked={before} onChange={() => choose(true, BEFORE_REFORM)} />
          <span>{t('units.before2025')}</span>
        </label>
        <label>
          <input type="radio" name={`${id}-structure`} checked={!before} onChange={() => choose(false, null)} />
          <span>{t('units.from2025')}</span>
        </label>
      </fieldset>
      <div className="field field-inline as-of-date">
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
