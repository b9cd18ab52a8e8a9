import { useId, useState, type FormEvent } from 'react';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage, Success } from '../../../components/Status.tsx';
import { todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { useAddAbbreviation } from '../organizations.api.ts';

/**
 * "Thêm ký hiệu văn bản" (issue 9 item 8): the abbreviation a body signs its document numbers with ("235-BC/BDVTU")
 * from a day on; the one in force ends the day before. Capitals only, as in the numbers.
 */
export function AbbreviationForm({ organizationId }: { organizationId: number }) {
  const id = useId();
  const [validFrom, setValidFrom] = useState(todayInVietnam());
  const add = useAddAbbreviation(organizationId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const abbreviation = String(new FormData(formElement).get('abbreviation') ?? '').trim().toLocaleUpperCase('vi');
    add.mutate({ abbreviation, validFrom }, { onSuccess: () => formElement.reset() });
  };
  return (
    <details className="panel">
      <summary>{t('org.abbreviationAdd')}</summary>
      <form className="form form-row" onSubmit={submit} aria-label={t('org.abbreviationAdd')}>
        <div className="field">
          <label htmlFor={`${id}-abbreviation`}>{t('org.abbreviationField')}</label>
          <input id={`${id}-abbreviation`} name="abbreviation" required minLength={2} maxLength={20} pattern="[A-Za-zĐđ0-9&]{2,20}" autoCapitalize="characters" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('org.abbreviationFrom')}</label>
          <DateField id={`${id}-from`} value={validFrom} onChange={setValidFrom} required />
        </div>
        <button type="submit" disabled={add.isPending}>
          {t('org.abbreviationSave')}
        </button>
      </form>
      <p className="hint">{t('org.abbreviationHint')}</p>
      <ErrorMessage error={add.error} />
      {add.isSuccess && <Success>{t('org.abbreviationSaved')}</Success>}
    </details>
  );
}
