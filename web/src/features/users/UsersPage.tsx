import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading, Searching } from '../../components/Status.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { UserTableHead } from './UserTableHead.tsx';
import { LegacyAccounts } from './LegacyAccounts.tsx';
import { roleLabel, useUsers } from './users.api.ts';

/** "Người dùng": accounts of the administrator's subtree. */
export function UsersPage() {
  usePageTitle(t('users.title'));
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const users = useUsers(q);
  const searching = text.trim() !== q || (q !== '' && users.isFetching);
  return (
    <section>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link className="button" to="/admin/users/new">
          {t('users.create')}
        </Link>
      </div>
      <LegacyAccounts />
      <div className="field" role="search">
        <label htmlFor={`${id}-q`}>{t('users.search')}</label>
        <input id={`${id}-q`} type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      {searching && <Searching />}
      {!searching && users.isPending && <Loading />}
      <ErrorMessage error={users.error} />
      {users.data?.length === 0 && <Empty>{t('users.none')}</Empty>}
      {users.data && users.data.length > 0 && (
        <table className="table responsive">
          <UserTableHead last="users.status" />
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <td data-label={t('users.fullName')}>
                  <Link to={`/admin/users/${user.id}`}>{user.fullName}</Link>
                </td>
                <td data-label={t('auth.username')}>{user.username}</td>
                <td data-label={t('users.unit')}>
                  {user.unitName ?? t('layout.allUnits')}
                  {user.unitEnded && (
                    <>
                      {' '}
                      <span className="badge">{t('users.legacyBadge')}</span>
                    </>
                  )}
                </td>
                <td data-label={t('users.roles')}>{user.roles.map(roleLabel).join(', ')}</td>
                <td data-label={t('users.status')}>
                  {user.disabled ? (
                    <span className="badge badge-danger">{t('users.statusDisabled')}</span>
                  ) : user.mustChangePassword ? (
                    <span className="badge">{t('users.statusMustChange')}</span>
                  ) : (
                    <span className="badge badge-ok">{t('users.statusActive')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
