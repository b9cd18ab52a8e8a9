import { Link } from 'react-router';
import { formatDate } from '../../i18n/format.ts';
import type { TUnitDetail } from '#contracts/units.ts';
import { t } from '../../i18n/i18n.ts';
import { withAsOf } from './as-of.ts';
import { capitalize, levelLabel, structureLabel, validityLabel } from './labels.ts';

/** Ancestors as a breadcrumb: Tỉnh › Huyện › Xã. */
export function UnitBreadcrumb({ detail, asOfParam }: { detail: TUnitDetail; asOfParam: string | null }) {
  if (detail.ancestors.length === 0) return null;
  return (
    <nav aria-label={t('unit.ancestors')} className="breadcrumb">
      <ol>
        {detail.ancestors.map((ancestor) => (
          <li key={ancestor.id}>
            <Link to={withAsOf(`/units/${ancestor.id}`, asOfParam)}>{ancestor.fullName}</Link>
          </li>
        ))}
        <li aria-current="page">{detail.unit.fullName}</li>
      </ol>
    </nav>
  );
}

/** Code, type, level, structure and validity. */
export function UnitFacts({ detail }: { detail: TUnitDetail }) {
  const { unit } = detail;
  return (
    <dl className="facts">
      <div>
        <dt>{t('unit.code')}</dt>
        <dd>{unit.code ?? t('common.none')}</dd>
      </div>
      <div>
        <dt>{t('unit.type')}</dt>
        <dd>{capitalize(unit.type)}</dd>
      </div>
      <div>
        <dt>{t('unit.level')}</dt>
        <dd>{levelLabel(unit.level)}</dd>
      </div>
      <div>
        <dt>{t('unit.structure')}</dt>
        <dd>{structureLabel(unit.structure)}</dd>
      </div>
      <div>
        <dt>{t('unit.validity')}</dt>
        <dd>{validityLabel(unit.validFrom, unit.validTo)}</dd>
      </div>
    </dl>
  );
}

/** Said when the unit did not exist on the chosen date (a 2019 commune viewed today), with a link to a date it did. */
export function UnitValidityNotice({ detail, asOf }: { detail: TUnitDetail; asOf: string }) {
  const { id, validFrom, validTo } = detail.unit;
  const date = validTo !== null && validTo < asOf ? validTo : validFrom !== null && validFrom > asOf ? validFrom : null;
  if (date === null) return null;
  return (
    <p className="notice">
      {t(date === validTo ? 'unit.endedBefore' : 'unit.notYetOn', { date: formatDate(date) })}{' '}
      <Link to={`/units/${id}?asOf=${date}`}>{t('unit.showOn', { date: formatDate(date) })}</Link>
    </p>
  );
}
