import { useId, useState, type FormEvent } from 'react';
import { ORGANIZATION_SUCCESSION_KINDS, type TOrganization } from '#contracts/organizations.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage, Success } from '../../../components/Status.tsx';
import { todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { dayAfter } from '../../units/as-of.ts';
import { UnitPicker, type PickedUnit } from '../../units/UnitPicker.tsx';
import { useAddSuccessor, useOrganizations } from '../organizations.api.ts';

type Kind = (typeof ORGANIZATION_SUCCESSION_KINDS)[number];

/**
 * "Ghi nhận cơ quan kế thừa" (issue 9 item 8): the body that took this one over, chosen in its unit on the day
 * after this one's last day, with what happened, the instrument and a reason. The server refuses a loop, a link
 * recorded twice and a successor the user may not change.
 */
export function RecordSuccessorForm({ organization }: { organization: TOrganization }) {
  const id = useId();
  const firstDay = organization.lastDay === null ? todayInVietnam() : dayAfter(organization.lastDay);
  // a body that ended with its unit is taken over in another unit: the user picks it
  const [unit, setUnit] = useState<PickedUnit | null>(organization.endedWithUnit ? null : { id: organization.unitId, fullName: organization.unitName });
  const [effectiveDate, setEffectiveDate] = useState(firstDay);
  const [successor, setSuccessor] = useState('');
  const candidates = useOrganizations(unit?.id ?? null, effectiveDate || firstDay);
  const add = useAddSuccessor(organization.id);
  const options = (candidates.data ?? []).filter((candidate) => candidate.id !== organization.id);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const instrument = String(form.get('instrument') ?? '').trim();
    add.mutate(
      {
        successorId: Number(successor),
        kind: String(form.get('kind')) as Kind,
        effectiveDate,
        instrument: instrument || null,
        certainty: form.get('likely') === 'on' ? 'likely' : 'certain',
        reason: String(form.get('reason') ?? '').trim(),
      },
      {
        onSuccess: () => {
          formElement.reset();
          setSuccessor('');
        },
      },
    );
  };
  return (
    <details className="panel">
      <summary>{t('org.successorRecord')}</summary>
      <p className="hint">{t('org.successorHint')}</p>
      <form className="form" onSubmit={submit} aria-label={t('org.successorRecord')}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('org.successorKind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="merged">
            {ORGANIZATION_SUCCESSION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`org.successorKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('org.successorFrom')}</label>
          <DateField id={`${id}-date`} value={effectiveDate} onChange={setEffectiveDate} required />
        </div>
        <UnitPicker
          label={t('org.successorUnit')}
          value={unit}
          onChange={(picked) => {
            setUnit(picked);
            setSuccessor('');
          }}
          asOf={effectiveDate || firstDay}
        />
        {unit && (
          <div className="field">
            <label htmlFor={`${id}-successor`}>{t('org.successorPick')}</label>
            <select id={`${id}-successor`} value={successor} required onChange={(event) => setSuccessor(event.target.value)}>
              <option value="">{t(candidates.isPending ? 'common.loading' : options.length === 0 ? 'org.successorNone' : 'org.successorChoose')}</option>
              {options.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-instrument`}>{t('org.successorInstrument')}</label>
          <input id={`${id}-instrument`} name="instrument" maxLength={200} placeholder={t('org.successorInstrumentExample')} />
        </div>
        <label className="checkbox">
          <input name="likely" type="checkbox" /> {t('org.successorLikely')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('org.successorReason')}</label>
          <input id={`${id}-reason`} name="reason" required minLength={5} maxLength={500} />
        </div>
        <button type="submit" disabled={add.isPending || successor === ''}>
          {t('org.successorSave')}
        </button>
      </form>
      <ErrorMessage error={add.error} />
      {add.isSuccess && <Success>{t('org.successorSaved')}</Success>}
    </details>
  );
}
