import { Link } from 'react-router';
import type { TOrganization, TOrganizationDetail } from '#contracts/organizations.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { dayAfter, hasEnded, withAsOf } from '../units/as-of.ts';
import { organizationTypeLabel, useOrganization } from './organizations.api.ts';

interface FactsProps {
  organization: TOrganization;
  asOf: string;
  asOfParam: string | null;
}

/** The parent organisation by name (one more request, cached). */
function ParentLink({ id, asOf, asOfParam }: { id: number; asOf: string; asOfParam: string | null }) {
  const parent = useOrganization(id, asOf);
  return <Link to={withAsOf(`/organizations/${id}`, asOfParam)}>{parent.data?.organization.name ?? t('org.openParent')}</Link>;
}

/**
 * Said when the chosen date lies outside the organisation's life (the page then shows it on its last or first
 * day) or when it has ended: dissolved, or ended with its unit and carried on by the organisations named.
 */
export function OrganizationHistoryNotice({ detail, requested, shown }: { detail: TOrganizationDetail; requested: string; shown: string }) {
  const { organization: o, continuedAs } = detail;
  const ended = hasEnded(o.lastDay);
  const after = o.lastDay !== null && requested > o.lastDay;
  const before = o.foundedOn !== null && requested < o.foundedOn;
  if (!ended && !after && !before) return null;
  const lastDay = formatDate(o.lastDay);
  let what: string;
  if (before && !after) what = t('org.notYetOn', { date: formatDate(o.foundedOn) });
  else if (o.endedWithUnit) what = t('org.endedWithUnit', { date: lastDay, unit: o.unitName });
  else what = t('org.dissolvedNotice', { date: formatDate(o.dissolvedOn) });
  return (
    <div className="notice" role="note">
      <p>
        {what}
        {shown !== requested && <> {t(after ? 'org.shownAtLastDay' : 'org.shownAtFirstDay', { date: formatDate(shown) })}</>}
        {ended && <> {t('org.readOnly')}</>}
      </p>
      {o.endedWithUnit && o.lastDay !== null && continuedAs.length > 0 && (
        <p>
          {t('org.continuedAs', { date: formatDate(dayAfter(o.lastDay)) })}{' '}
          {continuedAs.map((next, index) => (
            <span key={next.id}>
              {index > 0 && ', '}
              <Link to={`/organizations/${next.id}`}>{next.name}</Link>
              {!next.name.toLocaleLowerCase('vi').includes(next.unitName.toLocaleLowerCase('vi')) && <> ({next.unitName})</>}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** Type, unit, parent and the fields only some types have (enterprises, religious establishments). */
export function OrganizationFacts({ organization, asOf, asOfParam }: FactsProps) {
  const o = organization;
  return (
    <dl className="facts">
      <div>
        <dt>{t('org.type')}</dt>
        <dd>{organizationTypeLabel(o.type)}</dd>
      </div>
      <div>
        <dt>{t('org.unit')}</dt>
        <dd>
          <Link to={withAsOf(`/units/${o.unitId}`, asOfParam)}>{o.unitName}</Link>
        </dd>
      </div>
      {o.parentOrganizationId !== null && (
        <div>
          <dt>{t('org.parent')}</dt>
          <dd>
            <ParentLink id={o.parentOrganizationId} asOf={asOf} asOfParam={asOfParam} />
          </dd>
        </div>
      )}
      {o.workerCount !== null && (
        <div>
          <dt>{t('org.workerCount')}</dt>
          <dd>{formatNumber(o.workerCount)}</dd>
        </div>
      )}
      {o.hasTradeUnion !== null && (
        <div>
          <dt>{t('org.hasTradeUnion')}</dt>
          <dd>{t(o.hasTradeUnion ? 'common.yes' : 'common.no')}</dd>
        </div>
      )}
      {o.religionName !== null && (
        <div>
          <dt>{t('org.religion')}</dt>
          <dd>{o.religionName}</dd>
        </div>
      )}
      {o.foundedOn !== null && (
        <div>
          <dt>{t('org.foundedOn')}</dt>
          <dd>{formatDate(o.foundedOn)}</dd>
        </div>
      )}
      {o.dissolvedOn !== null && !o.endedWithUnit && (
        <div>
          <dt>{t('org.dissolvedOn')}</dt>
          <dd>{formatDate(o.dissolvedOn)}</dd>
        </div>
      )}
      {o.endedWithUnit && o.lastDay !== null && (
        <div>
          <dt>{t('org.activeUntil')}</dt>
          <dd>{t('org.untilUnitEnded', { date: formatDate(o.lastDay), unit: o.unitName })}</dd>
        </div>
      )}
    </dl>
  );
}
