import { Link } from 'react-router';
import { formatDate } from '../../i18n/format.ts';
import type { TUnitDetail } from '#contracts/units.ts';
import { t } from '../../i18n/i18n.ts';
import { hasEnded, withAsOf } from './as-of.ts';
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

/**
 * Said when the chosen date lies outside the unit's validity (the page then shows the unit on its last or first
 * day) or when the unit has ended: its last day, that history is read-only, and the units that carry it on.
 */
export function UnitValidityNotice({ detail, requested, shown }: { detail: TUnitDetail; requested: string; shown: string }) {
  const { validFrom, validTo } = detail.unit;
  const ended = hasEnded(validTo);
  const after = validTo !== null && requested > validTo;
  const before = validFrom !== null && requested < validFrom;
  if (!ended && !after && !before) return null;
  const successors = detail.successors;
  const first = successors[0];
  return (
    <div className="notice" role="note">
      <p>
        {ended || after ? t('unit.endedBefore', { date: formatDate(validTo) }) : t('unit.notYetOn', { date: formatDate(validFrom) })}
        {shown !== requested && <> {t(after ? 'unit.shownAtLastDay' : 'unit.shownAtFirstDay', { date: formatDate(shown) })}</>}
        {ended && <> {t('unit.readOnly')}</>}
      </p>
      {(ended || after) && first && (
        <p>
          {t('unit.successorsFrom', { date: formatDate(first.effectiveDate) })}{' '}
          {successors.map((link, index) => (
            <span key={link.unit.id}>
              {index > 0 && ', '}
              {link.certainty === 'likely' && !link.confirmed && <>{t('unit.likely')} </>}
              <Link to={`/units/${link.unit.id}`}>{link.unit.fullName}</Link>
              {link.kind === 'split' && <> ({t('unit.partial')})</>}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
