import { useId } from 'react';
import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { useIndicators } from './dashboards.api.ts';

/** "Chỉ số": the indicators the user may open; the one in the address stays selectable if the list fails. */
export function IndicatorPicker({ value, current, onChange }: { value: number | null; current: TIndicator | undefined; onChange: (id: number) => void }) {
  const id = useId();
  const list = useIndicators();
  const options = list.data ?? (current ? [current] : []);
  return (
    <div className="field dash-indicator">
      <label htmlFor={id}>{t('dashboard.indicator')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => event.target.value && onChange(Number(event.target.value))}>
        <option value="">{t('dashboard.chooseIndicator')}</option>
        {options.map((indicator) => (
          <option key={indicator.id} value={indicator.id}>
            {indicator.name}
          </option>
        ))}
      </select>
      {list.data?.length === 0 && <p className="hint">{t('dashboard.noIndicators')}</p>}
      <ErrorMessage error={list.error} />
    </div>
  );
}
