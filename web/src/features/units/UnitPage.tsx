import { useParams } from 'react-router';
import { can, canManageVillages } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { OrganizationsSection } from '../organizations/OrganizationsSection.tsx';
import { dateWithin, hasEnded, useAsOf } from './as-of.ts';
import { CloseVillageForm } from './CloseVillageForm.tsx';
import { UnitChildren } from './UnitChildren.tsx';
import { UnitBreadcrumb, UnitFacts, UnitValidityNotice } from './UnitFacts.tsx';
import { SplitNotice } from './SplitNotice.tsx';
import { SuccessorForm } from './SuccessorForm.tsx';
import { UnitSuccession } from './UnitSuccession.tsx';
import { useUnit } from './units.api.ts';
import { VillageForm } from './VillageForm.tsx';
import { VillageImport } from './VillageImport.tsx';
import './units.css';

/**
 * One unit as it stood on the chosen date: facts, history, children, organisations and their people. A unit
 * that did not exist on that date is shown on its last (or first) day, with a notice saying so; one that has
 * ended is history: no add, import or close is offered (a system administrator may back-fill villages).
 */
export function UnitPage() {
  const id = Number(useParams().id);
  const { asOf: requested, param } = useAsOf();
  const me = useMe();
  const probe = useUnit(id, requested);
  const asOf = probe.data ? dateWithin(requested, probe.data.unit.validFrom, probe.data.unit.validTo) : requested;
  const unit = useUnit(id, asOf);
  usePageTitle(unit.data?.unit.fullName ?? t('units.title'));
  if (probe.isPending || unit.isPending) return <Loading />;
  if (probe.error) return <ErrorMessage error={probe.error} />;
  if (unit.error) return <ErrorMessage error={unit.error} />;

  const detail = unit.data;
  const { level, validTo } = detail.unit;
  // links onward keep the date shown, so a child of an ended unit opens on the same day
  const linkParam = asOf === requested ? param : asOf;
  const ended = hasEnded(validTo);
  const mayEdit = canManageVillages(me) && !ended;
  const mayBackfill = ended && validTo !== null && me.roles.includes('system_admin');
  return (
    <article>
      <UnitBreadcrumb detail={detail} asOfParam={linkParam} />
      <h1>{detail.unit.fullName}</h1>
      <p className="muted">{t('unit.shownAsOf', { date: formatDate(asOf) })}</p>
      <UnitValidityNotice detail={detail} requested={requested} shown={asOf} />
      <SplitNotice detail={detail} />
      <UnitFacts detail={detail} />
      <UnitSuccession detail={detail} />
      {ended && can(me, 'units.manageSuccession') && <SuccessorForm detail={detail} />}
      {level !== 'village' && <UnitChildren unitId={id} asOf={asOf} asOfParam={linkParam} />}
      {level === 'commune' && mayEdit && (
        <section aria-labelledby="unit-villages" className="panels">
          <h2 id="unit-villages">{t('village.manage')}</h2>
          <VillageForm communeId={id} />
          <VillageImport communeId={id} />
        </section>
      )}
      {level === 'commune' && mayBackfill && (
        <section aria-labelledby="unit-backfill" className="panels">
          <h2 id="unit-backfill">{t('village.backfill')}</h2>
          <p className="hint">{t('village.backfillHint', { date: formatDate(validTo) })}</p>
          <VillageForm communeId={id} backfill />
          <VillageImport communeId={id} backfill />
        </section>
      )}
      {level === 'village' && mayEdit && validTo === null && (
        <section aria-labelledby="unit-close">
          <h2 id="unit-close">{t('village.manageOne')}</h2>
          <CloseVillageForm villageId={id} />
        </section>
      )}
      <OrganizationsSection unitId={id} asOf={asOf} asOfParam={linkParam} addTo={!ended && can(me, 'organizations.create') ? { level } : undefined} />
    </article>
  );
}
