import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { t } from '../../i18n/i18n.ts';
import { UserForm } from './UserForm.tsx';
import { useCreateUser } from './users.api.ts';

/** "Thêm người dùng". */
export function UserCreatePage() {
  usePageTitle(t('users.create'));
  const create = useCreateUser();
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/users">{t('users.back')}</Link>
      </p>
      <h1>{t('users.create')}</h1>
      <UserForm
        pending={create.isPending}
        submitLabel={t('users.createButton')}
        onSubmit={(values) =>
          create.mutate(
            {
              username: values.username,
              fullName: values.fullName,
              unitId: values.unitId,
              organizationId: values.organizationId,
              roles: values.roles,
              password: values.password,
            },
            { onSuccess: (user) => void navigate(`/admin/users/${user.id}?created=1`) },
          )
        }
      />
      <ErrorMessage error={create.error} />
    </section>
  );
}
