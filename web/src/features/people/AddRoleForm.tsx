import { useId, useState, type FormEvent } from 'react';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useOrganizations } from '../organizations/organizations.api.ts';
import { hasEnded } from '../units/as-of.ts';
import { useAddRole } from './people.api.ts';
import { readRoleFields, TermFromField, TitleFields } from './RoleFields.tsx';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * "Thêm chức danh": a title in an organisation of the person's unit from a date. The organisations offered are
 * those that exist on that date (a 2019-structure commune's bodies end on 30/06/2025).
 */
export function AddRoleForm({ personId, unitId }: { personId: number; unitId: number }) {
  const id = useId();
  const [today] = useState(todayInVietnam);
  const [from, setFrom] = useState(today);
  const asOf = isDate(from) ? from : today;
  const listed = useOrganizations(unitId, asOf);
  // an organisation that has ended is history: roles in it are not given here
  const organizations = { ...listed, data: listed.data?.filter((organization) => !hasEnded(organization.lastDay)) };
  const add = useAddRole(personId);
  const none = organizations.data?.length === 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    add.mutate(
      { ...readRoleFields(form), organizationId: Number(form.get('organizationId')) },
      {
        onSuccess: () => {
          formElement.reset();
          setFrom(today);
        },
      },
    );
  };

  return (
    <section className="panel member-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('role.add')}</h2>
      <form className="member-form" onSubmit={submit}>
        <TermFromField id={id} defaultValue={today} onChange={setFrom} />
        <div className="field">
          <label htmlFor={`${id}-organization`}>{t('role.organization')}</label>
          <select id={`${id}-organization`} name="organizationId" required defaultValue="" key={asOf}>
            <option value="" disabled>
              {t('role.chooseOrganization')}
            </option>
            {organizations.data?.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
        <TitleFields id={id} />
        <div className="member-form-submit">
          <button type="submit" disabled={add.isPending || none}>
            {t('role.addButton')}
          </button>
        </div>
      </form>
      {organizations.isPending && <Loading />}
      <ErrorMessage error={organizations.error} />
      {none && <Empty>{t('role.noOrganizations', { date: formatDate(asOf) })}</Empty>}
      <ErrorMessage error={add.error} />
      {add.data && <Success>{t('role.added', { title: add.data.title, organization: add.data.organizationName })}</Success>}
    </section>
  );
}
