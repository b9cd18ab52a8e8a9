import { useId, useState, type FormEvent } from 'react';
import { ROLES, ZRole, type TRole } from '#contracts/auth.ts';
import type { TUser } from '#contracts/users.ts';
import { t } from '../../i18n/i18n.ts';
import { useOrganization, useOrganizations } from '../organizations/organizations.api.ts';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { roleLabel } from './users.api.ts';
import '../units/units.css';

/** What the form collects; create and update pick from it. */
interface UserFormValues {
  username: string;
  fullName: string;
  unitId: number | null;
  organizationId: number | null;
  roles: TRole[];
  password: string;
  disabled: boolean;
}

interface UserFormProps {
  /** The account being edited; absent when creating. */
  user?: TUser;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: UserFormValues) => void;
}

/** Account fields: login name and unit (creation only), name, roles, organisation, password, disabled. */
export function UserForm({ user, pending, submitLabel, onSubmit }: UserFormProps) {
  const id = useId();
  const [unit, setUnit] = useState<PickedUnit | null>(
    user?.unitId && user.unitName ? { id: user.unitId, fullName: user.unitName } : null,
  );
  const organizations = useOrganizations(unit?.id ?? null);
  const [organizationId, setOrganizationId] = useState(user?.organizationId ? String(user.organizationId) : '');
  // the account's organisation may no longer be current (a 2019 structure body): keep it selectable
  const keepCurrent =
    user?.organizationId != null && !organizations.data?.some((organization) => organization.id === user.organizationId);
  const current = useOrganization(user?.organizationId ?? 0, undefined, keepCurrent);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const organization = String(form.get('organizationId') ?? '');
    onSubmit({
      username: String(form.get('username') ?? user?.username ?? ''),
      fullName: String(form.get('fullName') ?? ''),
      unitId: unit?.id ?? null,
      organizationId: organization ? Number(organization) : null,
      roles: form.getAll('roles').flatMap((role) => {
        const parsed = ZRole.safeParse(role);
        return parsed.success ? [parsed.data] : [];
      }),
      password: String(form.get('password') ?? ''),
      disabled: form.get('disabled') === 'on',
    });
  };

  return (
    <form className="form" onSubmit={submit}>
      {!user && (
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('auth.username')}</label>
          <input id={`${id}-username`} name="username" required pattern="[a-z0-9._\-]{3,50}" autoCapitalize="none" />
          <p className="hint">{t('users.usernameRule')}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-fullName`}>{t('users.fullName')}</label>
        <input id={`${id}-fullName`} name="fullName" required maxLength={200} defaultValue={user?.fullName} />
      </div>
      {user ? (
        <p>
          <span className="label">{t('users.unit')}</span> {user.unitName ?? t('layout.allUnits')}
        </p>
      ) : (
        <UnitPicker
          label={t('users.unit')}
          value={unit}
          onChange={(picked) => {
            setUnit(picked);
            setOrganizationId('');
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('users.organization')}</label>
        <select
          id={`${id}-org`}
          name="organizationId"
          value={organizationId}
          onChange={(event) => setOrganizationId(event.target.value)}
        >
          <option value="">{t('users.noOrganization')}</option>
          {keepCurrent && (
            <option value={user?.organizationId ?? ''}>
              {current.data?.organization.name ?? t('users.currentOrganization', { id: user?.organizationId ?? '' })}
            </option>
          )}
          {organizations.data?.map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="checkboxes">
        <legend>{t('users.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} defaultChecked={user?.roles.includes(role)} />
            {roleLabel(role)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t(user ? 'users.resetPassword' : 'users.initialPassword')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required={!user}
          aria-describedby={`${id}-password-hint`}
        />
        <p className="hint" id={`${id}-password-hint`}>
          {t(user ? 'users.resetPasswordHint' : 'users.initialPasswordHint')}
        </p>
      </div>
      {user && (
        <label className="checkbox">
          <input type="checkbox" name="disabled" defaultChecked={user.disabled} />
          {t('users.disabled')}
        </label>
      )}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
