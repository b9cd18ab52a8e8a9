import { Link } from 'react-router';
import type { TOrganization } from '#contracts/organizations.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { dayBefore, withAsOf } from '../units/as-of.ts';
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

/** Said when the organisation was dissolved by the chosen date, with a link to the day before. */
export function DissolvedNotice({ organization, asOf }: { organization: TOrganization; asOf: string }) {
  const { id, dissolvedOn } = organization;
  if (dissolvedOn === null || dissolvedOn > asOf) return null;
  const before = dayBefore(dissolvedOn);
  return (
    <p className="notice">
      {t('org.dissolvedNotice', { date: formatDate(dissolvedOn) })}{' '}
      <Link to={`/organizations/${id}?asOf=${before}`}>{t('unit.showOn', { date: formatDate(before) })}</Link>
    </p>
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
      {o.dissolvedOn !== null && (
        <div>
          <dt>{t('org.dissolvedOn')}</dt>
          <dd>{formatDate(o.dissolvedOn)}</dd>
        </div>
      )}
    </dl>
  );
}
