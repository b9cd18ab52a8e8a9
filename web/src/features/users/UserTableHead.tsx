import { t, type MessageKey } from '../../i18n/i18n.ts';

/** The header of an accounts table: name, username, unit, roles, then the table's own last column. */
export function UserTableHead({ last }: { last: MessageKey }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t('users.fullName')}</th>
        <th scope="col">{t('auth.username')}</th>
        <th scope="col">{t('users.unit')}</th>
        <th scope="col">{t('users.roles')}</th>
        <th scope="col">{t(last)}</th>
      </tr>
    </thead>
  );
}
