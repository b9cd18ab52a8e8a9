import { Link } from 'react-router';
import type { TRoleHeld } from '#contracts/organizations.ts';
import { Empty } from '../../components/Status.tsx';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** "Từ 01/01/2021 đến nay" or "01/01/2016 – 31/12/2020". */
export function termLabel(role: Pick<TRoleHeld, 'termFrom' | 'termTo'>): string {
  return role.termTo
    ? t('role.termFromTo', { from: formatDate(role.termFrom), to: formatDate(role.termTo) })
    : t('role.termFrom', { from: formatDate(role.termFrom) });
}

/** People holding roles in one organisation: name (link), title, head marker, term. */
export function RolesTable({ roles, caption }: { roles: TRoleHeld[]; caption: string }) {
  if (roles.length === 0) return <Empty>{t('org.noMembers')}</Empty>;
  return (
    <table className="table responsive">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('person.fullName')}</th>
          <th scope="col">{t('role.title')}</th>
          <th scope="col">{t('role.term')}</th>
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => (
          <tr key={role.id}>
            <td data-label={t('person.fullName')}>
              <Link to={`/people/${role.personId}`}>{role.personName}</Link>
            </td>
            <RoleCells role={role} />
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
