import { useId, type FormEvent } from 'react';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '#contracts/audit.ts';
import { DateField } from '../../components/DateField.tsx';
import { t } from '../../i18n/i18n.ts';
import { useUsers } from '../users/users.api.ts';
import { auditActionLabel, auditEntityLabel, type AuditFilters } from './audit.api.ts';

interface Props {
  filters: AuditFilters;
  onApply: (values: Record<string, string>) => void;
}

const byName = new Intl.Collator('vi');

/** User, action, kind of record (a list, by name) and date range. */
export function AuditFilterForm({ filters, onApply }: Props) {
  const id = useId();
  const users = useUsers();
  const entities = AUDIT_ENTITIES.map((entity) => ({ entity, label: auditEntityLabel(entity) })).sort((a, b) => byName.compare(a.label, b.label));
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
        <select id={`${id}-entity`} name="entity" defaultValue={filters.entity ?? ''}>
          <option value="">{t('common.all')}</option>
          {entities.map(({ entity, label }) => (
            <option key={entity} value={entity}>
              {label}
            </option>
          ))}
        </select>
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
