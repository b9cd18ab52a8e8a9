import { useState } from 'react';
import { Link } from 'react-router';
import type { TRoleHeld } from '#contracts/organizations.ts';
import { Empty, Success } from '../../components/Status.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { RoleCells } from '../organizations/RolesTable.tsx';
import { hasEnded } from '../units/as-of.ts';
import { EndRoleAction } from './EndRoleAction.tsx';

/** Every role of a person, newest first, current ones marked; those who may write can end a running term. */
export function PersonRoles({ roles, mayEdit }: { roles: TRoleHeld[]; mayEdit: boolean }) {
  const today = todayInVietnam();
  const [ended, setEnded] = useState<string | null>(null);
  // an open role of an ended organisation is history too: no action on it
  const endable = (role: TRoleHeld) => role.termTo === null && !hasEnded(role.organizationLastDay);
  const withAction = mayEdit && roles.some(endable);
  return (
    <section aria-labelledby="person-roles">
      <h2 id="person-roles">{t('person.roles')}</h2>
      {ended && <Success>{ended}</Success>}
      {roles.length === 0 ? (
        <Empty>{t('person.noRoles')}</Empty>
      ) : (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('role.organization')}</th>
              <th scope="col">{t('role.title')}</th>
              <th scope="col">{t('role.term')}</th>
              <th scope="col">{t('role.status')}</th>
              {withAction && <th scope="col">{t('role.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => {
              const status =
                role.termFrom > today ? 'role.upcoming' : role.termTo === null || role.termTo >= today ? 'role.current' : 'role.ended';
              return (
                <tr key={role.id}>
                  <td data-label={t('role.organization')}>
                    <Link to={`/organizations/${role.organizationId}`}>{role.organizationName}</Link>
                  </td>
                  <RoleCells role={role} />
                  <td data-label={t('role.status')} className="nowrap">
                    {t(status)}
                  </td>
                  {withAction && (
                    <td className="role-action">
                      {endable(role) && (
                        <EndRoleAction role={role} context={`${role.organizationName}, ${role.title}`} onEnded={setEnded} />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
