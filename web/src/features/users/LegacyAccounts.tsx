import { useState } from 'react';
import type { TUser } from '#contracts/users.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { UserTableHead } from './UserTableHead.tsx';
import { roleLabel, useLegacyUsers, useMoveUser } from './users.api.ts';

/** One legacy account with a button per suggested successor unit: the move is one action. */
function LegacyRow({ user, onMoved }: { user: TUser; onMoved: (message: string) => void }) {
  const move = useMoveUser(user.id);
  return (
    <tr>
      <td data-label={t('users.fullName')}>{user.fullName}</td>
      <td data-label={t('auth.username')}>{user.username}</td>
      <td data-label={t('users.unit')}>{user.unitName}</td>
      <td data-label={t('users.roles')}>{user.roles.map(roleLabel).join(', ')}</td>
      <td data-label={t('users.moveColumn')}>
        {user.successorUnits.length === 0 && <span className="muted">{t('users.noSuccessor')}</span>}
        {user.successorUnits.map((unit) => (
          <button
            key={unit.id}
            type="button"
            className="button-small"
            disabled={move.isPending}
            // the promise, not mutate's callbacks: the moved row leaves the list (and unmounts) when the list
            // refreshes, which may come first; the message lives in the section, which stays
            onClick={() =>
              void move
                .mutateAsync(unit.id)
                .then(() => onMoved(t('users.moved', { name: user.fullName, unit: unit.fullName })))
                .catch(() => undefined)
            }
          >
            {t('users.moveTo', { unit: unit.fullName })}
            <span className="visually-hidden"> {t('users.moveFor', { name: user.fullName, username: user.username })}</span>
          </button>
        ))}
        <ErrorMessage error={move.error} />
      </td>
    </tr>
  );
}

/** "Tài khoản thuộc đơn vị đã kết thúc": legacy accounts of the admin's scope, each moved in one click. */
export function LegacyAccounts() {
  const legacy = useLegacyUsers();
  const [message, setMessage] = useState('');
  if (!legacy.data || (legacy.data.length === 0 && !message)) return null;
  return (
    <section aria-labelledby="users-legacy">
      <h2 id="users-legacy">{t('users.legacyTitle')}</h2>
      <p className="muted">{t('users.legacyHint')}</p>
      <p role="status">{message}</p>
      {legacy.data.length > 0 && (
        <table className="table responsive">
          <UserTableHead last="users.moveColumn" />
          <tbody>
            {legacy.data.map((user) => (
              <LegacyRow key={user.id} user={user} onMoved={setMessage} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
