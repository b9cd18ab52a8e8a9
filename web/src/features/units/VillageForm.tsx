import { useId, type FormEvent } from 'react';
import { VILLAGE_TYPES, ZVillageType } from '#contracts/units.ts';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { useCreateVillage } from './units.api.ts';

/**
 * "Thêm thôn": name and local type (thôn, bản, tổ dân phố…) of a new village of this commune; with `backfill`,
 * a system administrator's addition to an ended commune's history (audited as such).
 */
export function VillageForm({ communeId, backfill = false }: { communeId: number; backfill?: boolean }) {
  const id = useId();
  const create = useCreateVillage(communeId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      { name: String(form.get('name') ?? ''), type: ZVillageType.catch('thôn').parse(form.get('type')), ...(backfill ? { backfill } : {}) },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(backfill ? 'village.backfillAdd' : 'village.add')}</h3>
      <p className="hint" id={`${id}-name-hint`}>
        {t('village.nameHint')}
      </p>
      <form className="form form-row" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('village.name')}</label>
          <input id={`${id}-name`} name="name" required maxLength={200} aria-describedby={`${id}-name-hint`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('village.type')}</label>
          <select id={`${id}-type`} name="type" defaultValue="thôn">
            {VILLAGE_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={create.isPending}>
          {t(backfill ? 'village.backfillAdd' : 'village.addButton')}
        </button>
      </form>
      <ErrorMessage error={create.error} />
      {create.data && <Success>{t('village.added', { name: create.data.fullName })}</Success>}
    </section>
  );
}
