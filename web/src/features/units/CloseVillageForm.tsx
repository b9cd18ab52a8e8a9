import { useId, type FormEvent } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useCloseVillage } from './units.api.ts';

/** Ends a village (merged or dissolved) on a date; it stays in history. */
export function CloseVillageForm({ villageId }: { villageId: number }) {
  const id = useId();
  const close = useCloseVillage(villageId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validTo = String(new FormData(event.currentTarget).get('validTo') ?? '');
    if (validTo && window.confirm(t('village.closeConfirm'))) close.mutate(validTo);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('village.close')}</h3>
      <form className="form form-row" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('village.closeDate')}</label>
          <DateField id={`${id}-date`} name="validTo" required defaultValue={todayInVietnam()} />
        </div>
        <button type="submit" className="button-danger" disabled={close.isPending || close.isSuccess}>
          {t('village.closeButton')}
        </button>
      </form>
      <ErrorMessage error={close.error} />
      {close.isSuccess && <Success>{t('village.closed')}</Success>}
    </section>
  );
}
