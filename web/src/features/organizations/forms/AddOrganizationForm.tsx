import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ORGANIZATION_TYPES, typeInForce, type TOrganization, type TOrganizationType } from '#contracts/organizations.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage } from '../../../components/Status.tsx';
import { formatDate, todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { organizationTypeLabel, useCreateOrganization } from '../organizations.api.ts';

interface Props {
  unit: { id: number; level: string };
  /** The unit's organisations on the day shown, offered as the parent. */
  organizations: readonly TOrganization[];
}

/** The types a unit of this level may register on this day (issue 9 item 7: a Ban Dân vận is not offered after 30/6/2025). */
export const typesInForce = (level: string, day: string): TOrganizationType[] => ORGANIZATION_TYPES.filter((type) => typeInForce(type, level, day));

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * "Thêm tổ chức": registers a body in the unit. Only the types in force at the unit's level on the founding day
 * (today when none is given) are offered; the server checks the same rule.
 */
export function AddOrganizationForm({ unit, organizations }: Props) {
  const id = useId();
  const [foundedOn, setFoundedOn] = useState('');
  const types = typesInForce(unit.level, foundedOn || todayInVietnam());
  const [type, setType] = useState<TOrganizationType | ''>('');
  const create = useCreateOrganization();
  const chosen = type !== '' && types.includes(type) ? type : '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (chosen === '') return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parent = text(form, 'parent');
    const workers = text(form, 'workerCount');
    create.mutate(
      {
        unitId: unit.id,
        type: chosen,
        name: text(form, 'name'),
        parentOrganizationId: parent ? Number(parent) : null,
        foundedOn: foundedOn || null,
        ...(chosen === 'enterprise' ? { workerCount: workers ? Number(workers) : null, hasTradeUnion: form.get('hasTradeUnion') === 'on' } : {}),
        ...(chosen === 'religious_establishment' ? { religionName: text(form, 'religionName') || null } : {}),
      },
      {
        onSuccess: () => {
          formElement.reset();
          setType('');
          setFoundedOn('');
        },
      },
    );
  };
  return (
    <details className="panel org-add">
      <summary>{t('org.add')}</summary>
      <form className="form" onSubmit={submit} aria-label={t('org.add')}>
        <div className="field">
          <label htmlFor={`${id}-founded`}>{t('org.foundedOnOptional')}</label>
          <DateField id={`${id}-founded`} value={foundedOn} onChange={setFoundedOn} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('org.type')}</label>
          <select id={`${id}-type`} value={chosen} required onChange={(event) => setType(event.target.value as TOrganizationType | '')}>
            <option value="">{t('org.chooseType')}</option>
            {types.map((code) => (
              <option key={code} value={code}>
                {organizationTypeLabel(code)}
              </option>
            ))}
          </select>
          <p className="hint">{t('org.typesOfDay', { date: formatDate(foundedOn || todayInVietnam()) })}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={300} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-parent`}>{t('org.parentOptional')}</label>
          <select id={`${id}-parent`} name="parent" defaultValue="">
            <option value="">{t('common.none')}</option>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </div>
        {chosen === 'enterprise' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-workers`}>{t('org.workerCount')}</label>
              <input id={`${id}-workers`} name="workerCount" type="number" inputMode="numeric" min={0} max={1_000_000} step={1} />
            </div>
            <label className="checkbox">
              <input name="hasTradeUnion" type="checkbox" /> {t('org.hasTradeUnion')}
            </label>
          </>
        )}
        {chosen === 'religious_establishment' && (
          <div className="field">
            <label htmlFor={`${id}-religion`}>{t('org.religion')}</label>
            <input id={`${id}-religion`} name="religionName" maxLength={100} />
          </div>
        )}
        <button type="submit" disabled={create.isPending || chosen === ''}>
          {t('org.addButton')}
        </button>
      </form>
      <ErrorMessage error={create.error} />
      {create.data && (
        <p className="success" role="status">
          {t('org.added')} <Link to={`/organizations/${create.data.id}`}>{create.data.name}</Link>
        </p>
      )}
    </details>
  );
}
