import { useId, type FormEvent } from 'react';
import { AUDIT_ACTIONS } from '#contracts/audit.ts';
import { DateField } from '../../components/DateField.tsx';
import { t } from '../../i18n/i18n.ts';
import { useUsers } from '../users/users.api.ts';
import { auditActionLabel, type AuditFilters } from './audit.api.ts';

interface Props {
  filters: AuditFilters;
  onApply: (values: Record<string, string>) => void;
}

/** User, action, entity and date range. */
export function AuditFilterForm({ filters, onApply }: Props) {
  const id = useId();
  const users = useUsers();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim()) values[key] = value.trim();
    }
    onApply(values);
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t('audit.filters')}>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('audit.user')}</label>
        <select id={`${id}-user`} name="userId" defaultValue={filters.userId ?? ''}>
          <option value="">{t('common.all')}</option>
          {users.data?.map((user) => (
            <option key={user.id} value={user.id}>
              {user.fullName} ({user.username})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.actionLabel')}</label>
        <select id={`${id}-action`} name="action" defaultValue={filters.action ?? ''}>
          <option value="">{t('common.all')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {auditActionLabel(action)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-entity`}>{t('audit.entityLabel')}</label>
        <input id={`${id}-entity`} name="entity" defaultValue={filters.entity ?? ''} maxLength={50} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('common.from')}</label>
        <DateField id={`${id}-from`} name="from" defaultValue={filters.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('common.to')}</label>
        <DateField id={`${id}-to`} name="to" defaultValue={filters.to ?? ''} />
      </div>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
