import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TRoleHeld } from '#contracts/organizations.ts';
import { Empty } from '../../components/Status.tsx';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** "Từ 01/01/2021 đến nay" or "01/01/2016 – 31/12/2020". */
function termLabel(role: Pick<TRoleHeld, 'termFrom' | 'termTo'>): string {
  return role.termTo
    ? t('role.termFromTo', { from: formatDate(role.termFrom), to: formatDate(role.termTo) })
    : t('role.termFrom', { from: formatDate(role.termFrom) });
}

interface RolesTableProps {
  roles: TRoleHeld[];
  caption: string;
  /** What may be done with a role (ending it), in a last column; absent for readers. */
  action?: (role: TRoleHeld) => ReactNode;
}

/** People holding roles in one organisation: name (link), title, head marker, term, and an action when given. */
export function RolesTable({ roles, caption, action }: RolesTableProps) {
  if (roles.length === 0) return <Empty>{t('org.noMembers')}</Empty>;
  return (
    <table className="table responsive">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('person.fullName')}</th>
          <th scope="col">{t('role.title')}</th>
          <th scope="col">{t('role.term')}</th>
          {action && <th scope="col">{t('role.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id}>
            <td data-label={t('person.fullName')}>
              <Link to={`/people/${role.personId}`}>{role.personName}</Link>
            </td>
            <RoleCells role={role} />
            {action && <td className="role-action">{action(role)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The title (with a "head" badge) and term cells shared by every table of roles. */
export function RoleCells({ role }: { role: Pick<TRoleHeld, 'title' | 'isHead' | 'termFrom' | 'termTo'> }) {
  return (
    <>
      <td data-label={t('role.title')}>
        {role.title}
        {role.isHead && <span className="badge badge-ok">{t('role.head')}</span>}
      </td>
      <td data-label={t('role.term')} className="nowrap">
        {termLabel(role)}
      </td>
    </>
  );
}
