import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ZGender } from '#contracts/people.ts';
import { errorMessage } from '../../api/client.ts';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { readRoleFields, TermFromField, TitleFields } from '../people/RoleFields.tsx';
import { RoleNotAssignedError, useAddMember } from './members.api.ts';

interface AddMemberFormProps {
  organization: { id: number; unitId: number };
  /** The date the page is shown as of (today unless chosen): a member from then appears in the list. */
  defaultFrom: string;
}

/** The person was registered, the role was not: said plainly, with the way to finish on the person's page. */
function RoleNotAssigned({ error }: { error: RoleNotAssignedError }) {
  return (
    <div className="alert" role="alert">
      <p>{t('member.roleFailed', { message: errorMessage(error.reason) })}</p>
      <p>
        <Link to={`/people/${error.person.id}`}>{t('member.openPerson', { name: error.person.fullName })}</Link>
      </p>
    </div>
  );
}

/** "Thêm thành viên": registers a person in the organisation's unit and gives them a title from a date. */
export function AddMemberForm({ organization, defaultFrom }: AddMemberFormProps) {
  const id = useId();
  const add = useAddMember(organization);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const birthYear = String(form.get('birthYear') ?? '').trim();
    const gender = ZGender.safeParse(form.get('gender'));
    add.mutate(
      {
        person: {
          fullName: String(form.get('fullName') ?? ''),
          gender: gender.success ? gender.data : null,
          birthYear: birthYear ? Number(birthYear) : null,
        },
        role: readRoleFields(form),
      },
      {
        onSuccess: () => formElement.reset(),
        // the person exists now: sending the same form again would register them twice
        onError: (error) => {
          if (error instanceof RoleNotAssignedError) formElement.reset();
        },
      },
    );
  };

  return (
    <section className="panel member-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('member.add')}</h3>
      <form className="member-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-fullName`}>{t('person.fullName')}</label>
          <input id={`${id}-fullName`} name="fullName" required maxLength={200} autoComplete="off" />
        </div>
        <TitleFields id={id} />
        <TermFromField id={id} defaultValue={defaultFrom} />
        <div className="field">
          <label htmlFor={`${id}-gender`}>{t('person.gender')}</label>
          <select id={`${id}-gender`} name="gender" defaultValue="">
            <option value="">{t('common.none')}</option>
            {ZGender.options.map((gender) => (
              <option key={gender} value={gender}>
                {t(`person.gender.${gender}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-birthYear`}>{t('member.birthYearOptional')}</label>
          <input id={`${id}-birthYear`} name="birthYear" type="number" inputMode="numeric" min={1900} max={2100} step={1} />
        </div>
        <div className="member-form-submit">
          <button type="submit" disabled={add.isPending}>
            {t('member.addButton')}
          </button>
        </div>
      </form>
      {add.error instanceof RoleNotAssignedError ? <RoleNotAssigned error={add.error} /> : <ErrorMessage error={add.error} />}
      {add.data && <Success>{t('member.added', { name: add.data.person.fullName, title: add.data.role.title })}</Success>}
    </section>
  );
}
