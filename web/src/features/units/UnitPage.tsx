import { useParams } from 'react-router';
import { canManageVillages } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { OrganizationsSection } from '../organizations/OrganizationsSection.tsx';
import { useAsOf } from './as-of.ts';
import { CloseVillageForm } from './CloseVillageForm.tsx';
import { UnitChildren } from './UnitChildren.tsx';
import { UnitBreadcrumb, UnitFacts, UnitValidityNotice } from './UnitFacts.tsx';
import { SplitNotice } from './SplitNotice.tsx';
import { UnitSuccession } from './UnitSuccession.tsx';
import { useUnit } from './units.api.ts';
import { VillageForm } from './VillageForm.tsx';
import { VillageImport } from './VillageImport.tsx';
import './units.css';

/** One unit as it stood on the chosen date: facts, history, children, organisations and their people. */
export function UnitPage() {
  const id = Number(useParams().id);
  const { asOf, param } = useAsOf();
  const me = useMe();
  const unit = useUnit(id, asOf);
  usePageTitle(unit.data?.unit.fullName ?? t('units.title'));
  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorMessage error={unit.error} />;

  const detail = unit.data;
  const { level } = detail.unit;
  const mayEdit = canManageVillages(me);
  return (
    <article>
      <UnitBreadcrumb detail={detail} asOfParam={param} />
      <h1>{detail.unit.fullName}</h1>
      <p className="muted">{t('unit.shownAsOf', { date: formatDate(asOf) })}</p>
      <UnitValidityNotice detail={detail} asOf={asOf} />
      <SplitNotice detail={detail} />
      <UnitFacts detail={detail} />
      <UnitSuccession detail={detail} />
      {level !== 'village' && <UnitChildren unitId={id} asOf={asOf} asOfParam={param} />}
      {level === 'commune' && mayEdit && (
        <section aria-labelledby="unit-villages" className="panels">
          <h2 id="unit-villages">{t('village.manage')}</h2>
          <VillageForm communeId={id} />
          <VillageImport communeId={id} />
        </section>
      )}
      {level === 'village' && mayEdit && detail.unit.validTo === null && (
        <section aria-labelledby="unit-close">
          <h2 id="unit-close">{t('village.manageOne')}</h2>
          <CloseVillageForm villageId={id} />
        </section>
      )}
      <OrganizationsSection unitId={id} asOf={asOf} asOfParam={param} />
    </article>
  );
}
