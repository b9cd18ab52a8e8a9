import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { UserForm } from './UserForm.tsx';
import { useUpdateUser, useUser } from './users.api.ts';

/** "Sửa người dùng": roles, name, organisation, disable, reset password. */
export function UserEditPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const users = useUser(id);
  const update = useUpdateUser(id);
  const user = users.data;
  usePageTitle(user?.fullName ?? t('users.edit'));
  if (users.isPending) return <Loading />;
  if (users.error && !(users.error instanceof ApiError && users.error.status === 404)) return <ErrorMessage error={users.error} />;
  if (!user) return <p role="alert">{t('users.notFound')}</p>;
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/users">{t('users.back')}</Link>
      </p>
      <h1>{t('users.editTitle', { name: user.fullName })}</h1>
      <p className="muted">{t('users.usernameIs', { username: user.username })}</p>
      {params.get('created') === '1' && !update.data && <Success>{t('users.created')}</Success>}
      <UserForm
        key={user.id}
        user={user}
        pending={update.isPending}
        submitLabel={t('common.save')}
        onSubmit={(values) =>
          update.mutate({
            fullName: values.fullName,
            roles: values.roles,
            organizationId: values.organizationId,
            disabled: values.disabled,
            ...(values.password ? { password: values.password } : {}),
          })
        }
      />
      <ErrorMessage error={update.error} />
      {update.isSuccess && <Success>{t('users.saved')}</Success>}
    </section>
  );
}
