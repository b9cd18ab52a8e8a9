import { useId, useState } from 'react';
import { useDebounced } from '../../components/useDebounced.ts';
import { ErrorMessage, Searching } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { AncestorChain } from './AncestorChain.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { useUnitSearch } from './units.api.ts';

export interface PickedUnit {
  id: number;
  fullName: string;
}

interface UnitPickerProps {
  label: string;
  value: PickedUnit | null;
  onChange: (unit: PickedUnit | null) => void;
  /** The day whose units are searched (default today). */
  asOf?: string;
}

/** Chooses a unit (today's structure, or that of `asOf`) by searching its name; shows the choice with its ancestors. */
export function UnitPicker({ label, value, onChange, asOf }: UnitPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const search = useUnitSearch(q, asOf ?? todayInVietnam());
  const searching = text.trim().length >= 2 && (text.trim() !== q || search.isFetching);
  if (value) {
    return (
      <div className="field">
        <span className="label" id={`${id}-label`}>
          {label}
        </span>
        <div className="picked" aria-labelledby={`${id}-label`}>
          <span>{value.fullName}</span>
          <button type="button" className="button-secondary button-small" onClick={() => onChange(null)}>
            {t('unitPicker.change')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('units.searchPlaceholder')}
        autoComplete="off"
      />
      {searching && <Searching />}
      <ErrorMessage error={search.error} />
      {q.length >= 2 && search.data && (
        <ul className="picker-results" aria-label={t('units.searchResults')} aria-busy={searching}>
          {search.data.length === 0 && <li className="muted">{t('units.noResults')}</li>}
          {search.data.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link-button" onClick={() => onChange({ id: hit.id, fullName: hit.fullName })}>
                {hit.fullName}
              </button>
              <AncestorChain ancestors={hit.ancestors} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
