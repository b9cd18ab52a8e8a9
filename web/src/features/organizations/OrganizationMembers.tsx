import { useState } from 'react';
import type { TOrganization, TRoleHeld } from '#contracts/organizations.ts';
import { Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { EndRoleAction } from '../people/EndRoleAction.tsx';
import { hasEnded } from '../units/as-of.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { RolesTable } from './RolesTable.tsx';

interface OrganizationMembersProps {
  organization: TOrganization;
  /** Roles current on `asOf`. */
  roles: TRoleHeld[];
  asOf: string;
  /** The user's roles allow changing members (the server decides). */
  mayEdit: boolean;
}

/** "Thành viên": who holds a role on the date; for those who may write, ending a term and adding a member. */
export function OrganizationMembers({ organization, roles, asOf, mayEdit }: OrganizationMembersProps) {
  const [ended, setEnded] = useState<string | null>(null);
  const dissolved = organization.dissolvedOn !== null && organization.dissolvedOn <= asOf;
  const action = (role: TRoleHeld) =>
    role.termTo === null && !hasEnded(role.organizationLastDay) ? (
      <EndRoleAction role={role} context={`${role.personName}, ${role.title}`} onEnded={setEnded} />
    ) : null;
  return (
    <section aria-labelledby="org-members">
      <h2 id="org-members">{t('org.members')}</h2>
      {ended && <Success>{ended}</Success>}
      <RolesTable roles={roles} caption={t('org.members')} action={mayEdit && roles.some((role) => role.termTo === null) ? action : undefined} />
      {mayEdit && !dissolved && <AddMemberForm organization={organization} defaultFrom={asOf} />}
    </section>
  );
}
