import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { can, canManageMembers } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ImportPanel } from '../../components/ImportPanel.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { AttachmentsPanel } from '../files/AttachmentsPanel.tsx';
import { dateWithin, hasEnded, useAsOf } from '../units/as-of.ts';
import { UnitSplitNotice } from '../units/SplitNotice.tsx';
import { importMembers, useOrganization } from './organizations.api.ts';
import { AbbreviationForm } from './forms/AbbreviationForm.tsx';
import { OrganizationFacts, OrganizationHistoryNotice } from './OrganizationFacts.tsx';
import { OrganizationLineage } from './OrganizationLineage.tsx';
import { OrganizationMembers } from './OrganizationMembers.tsx';
import { RecordSuccessorForm } from './forms/RecordSuccessorForm.tsx';

type MemberRow = Awaited<ReturnType<typeof importMembers>>['rows'][number];

/**
 * One organisation: facts, people holding roles on the date (added and ended here), and a member import. One
 * that did not exist on the chosen date is shown on its last (or first) day; one that has ended is history:
 * nothing is offered to add, import or change.
 */
export function OrganizationPage() {
  const id = Number(useParams().id);
  const { asOf: requested, param } = useAsOf();
  const me = useMe();
  const client = useQueryClient();
  const probe = useOrganization(id, requested);
  const found = probe.data?.organization;
  const asOf = found ? dateWithin(requested, found.foundedOn, found.lastDay) : requested;
  const organization = useOrganization(id, asOf);
  usePageTitle(organization.data?.organization.name ?? t('org.title'));
  if (probe.isPending || organization.isPending) return <Loading />;
  if (probe.error) return <ErrorMessage error={probe.error} />;
  if (organization.error) return <ErrorMessage error={organization.error} />;
  const { organization: o, roles } = organization.data;
  const mayEdit = canManageMembers(me, id) && !hasEnded(o.lastDay);

  return (
    <article>
      <h1>{o.name}</h1>
      <p className="muted">{t('unit.shownAsOf', { date: formatDate(asOf) })}</p>
      <OrganizationHistoryNotice detail={organization.data} requested={requested} shown={asOf} />
      <UnitSplitNotice unitId={o.unitId} />
      <OrganizationFacts organization={o} asOf={asOf} asOfParam={asOf === requested ? param : asOf} />
      <OrganizationLineage detail={organization.data} />
      {can(me, 'organizations.write') && <RecordSuccessorForm organization={o} />}
      {can(me, 'organizations.write') && <AbbreviationForm organizationId={o.id} />}
      {can(me, 'programmes.read') && (
        <section aria-labelledby="org-tasks">
          <h2 id="org-tasks">{t('org.tasks')}</h2>
          <p>
            <Link to={`/programmes/assignments?organizationId=${o.id}`}>{t('org.tasksLink')}</Link>
          </p>
        </section>
      )}
      <OrganizationMembers organization={o} roles={roles} asOf={asOf} mayEdit={mayEdit} />
      <AttachmentsPanel ownerType="organization" ownerId={String(o.id)} mayAttach={mayEdit} />
      {mayEdit && (
        <ImportPanel<MemberRow>
          title={t('member.import')}
          hint={t('member.importHint')}
          columns={[
            { label: t('person.fullName'), value: (row) => row.fullName },
            { label: t('role.title'), value: (row) => row.title },
            { label: t('person.gender'), value: (row) => row.gender ?? '' },
            { label: t('person.birthYear'), value: (row) => (row.birthYear === null ? '' : String(row.birthYear)) },
            { label: t('person.phone'), value: (row) => row.phone ?? '' },
            { label: t('role.termStart'), value: (row) => row.termFrom },
            { label: t('member.willHead'), value: (row) => (row.isHead ? t('member.willHead') : '') },
            { label: t('person.title'), value: (row) => (row.reusedPersonId === null ? t('member.new') : t('member.reused')) },
          ]}
          run={(file, dryRun) => importMembers(id, file, dryRun)}
          target={`organization:${id}`}
          onImported={() => void client.invalidateQueries({ queryKey: ['organizations'] })}
        />
      )}
    </article>
  );
}
