import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useDebounced } from '../../components/useDebounced.ts';
import { Empty, ErrorMessage, Searching } from '../../components/Status.tsx';
import type { TUnitSearchHit } from '#contracts/units.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { AncestorChain } from './AncestorChain.tsx';
import { withAsOf } from './as-of.ts';
import { useUnitSearch } from './units.api.ts';

/** Why a hit is not plain: found by another name, or no longer (not yet) in force on the date: "(đến 30/06/2025) → …". */
function HitNote({ hit, asOf, asOfParam }: { hit: TUnitSearchHit; asOf: string; asOfParam: string | null }) {
  const ended = hit.validTo !== null && hit.validTo < asOf;
  const notYet = hit.validFrom !== null && hit.validFrom > asOf;
  if (!hit.matchedName && !ended && !notYet) return null;
  return (
    <span className="search-note">
      {hit.matchedName && <> {t('units.searchMatchedName', { name: hit.matchedName })}</>}
      {ended && <> {t('units.searchEnded', { date: formatDate(hit.validTo) })}</>}
      {notYet && <> {t('units.searchNotYet', { date: formatDate(hit.validFrom) })}</>}
      {ended &&
        hit.successors.map((successor, index) => (
          <span key={successor.id}>
            {index === 0 ? ' → ' : ', '}
            <Link to={withAsOf(`/units/${successor.id}`, asOfParam)}>{successor.fullName}</Link>
          </span>
        ))}
    </span>
  );
}

/** "Tìm đơn vị": any part of the name, with or without diacritics; hits show their ancestors. */
export function UnitSearch({ asOf, asOfParam }: { asOf: string; asOfParam: string | null }) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const search = useUnitSearch(q, asOf);
  const active = q.length >= 2;
  const searching = text.trim().length >= 2 && (text.trim() !== q || search.isFetching);
  return (
    <div className="unit-search" role="search">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('units.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('units.searchPlaceholder')}
          autoComplete="off"
        />
      </div>
      {searching && <Searching />}
      {active && search.error && <ErrorMessage error={search.error} />}
      {active && search.data && (
        <div aria-live="polite" aria-busy={searching}>
          {search.data.length === 0 ? (
            <Empty>{t('units.noResults')}</Empty>
          ) : (
            <ul className="search-results" aria-label={t('units.searchResults')}>
              {search.data.map((hit) => (
                <li key={hit.id}>
                  <Link to={withAsOf(`/units/${hit.id}`, asOfParam)}>{hit.fullName}</Link>
                  <HitNote hit={hit} asOf={asOf} asOfParam={asOfParam} />
                  <AncestorChain ancestors={hit.ancestors} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
