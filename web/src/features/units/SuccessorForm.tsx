import { useId, useState, type FormEvent } from 'react';
import type { TUnitDetail } from '#contracts/units.ts';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { dayAfter } from './as-of.ts';
import { UnitPicker, type PickedUnit } from './UnitPicker.tsx';
import { useConfirmSuccessor, useSetSuccessor } from './units.api.ts';

const reasonOf = (event: FormEvent<HTMLFormElement>) => String(new FormData(event.currentTarget).get('reason') ?? '').trim();

/** "Xác nhận" of one likely successor, with the reason. */
function ConfirmLikely({ unitId, link }: { unitId: number; link: TUnitDetail['successors'][number] }) {
  const id = useId();
  const confirm = useConfirmSuccessor(unitId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    confirm.mutate({ successorId: link.unit.id, reason: reasonOf(event) });
  };
  return (
    <form className="form form-row" onSubmit={submit} aria-label={t('unit.confirmSuccessorOf', { name: link.unit.fullName })}>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('unit.confirmReason', { name: link.unit.fullName })}</label>
        <input id={`${id}-reason`} name="reason" required minLength={5} maxLength={500} />
      </div>
      <button type="submit" disabled={confirm.isPending}>
        {t('unit.confirmSuccessor')}
      </button>
      <ErrorMessage error={confirm.error} />
    </form>
  );
}

/**
 * For a system administrator on an ended official unit whose successor is unknown or only likely: confirm a likely
 * successor, or set one (a unit in force the day after the end), each with a reason. A successor given by a
 * published resolution is not offered for change.
 */
export function SuccessorForm({ detail }: { detail: TUnitDetail }) {
  const id = useId();
  const [picked, setPicked] = useState<PickedUnit | null>(null);
  const set = useSetSuccessor(detail.unit.id);
  const { validTo } = detail.unit;
  const likely = detail.successors.filter((link) => link.certainty === 'likely' && !link.confirmed);
  const published = detail.successors.some((link) => link.certainty === 'certain');
  if (validTo === null || detail.unit.level === 'village' || published) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (picked) set.mutate({ successorId: picked.id, reason: reasonOf(event) }, { onSuccess: () => setPicked(null) });
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('unit.successorManage')}</h3>
      <p className="hint">{t('unit.successorHint')}</p>
      {likely.map((link) => (
        <ConfirmLikely key={link.unit.id} unitId={detail.unit.id} link={link} />
      ))}
      <form className="form" onSubmit={submit}>
        <UnitPicker label={t('unit.successorPick')} value={picked} onChange={setPicked} asOf={dayAfter(validTo)} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('unit.successorReason')}</label>
          <input id={`${id}-reason`} name="reason" required minLength={5} maxLength={500} />
        </div>
        <button type="submit" disabled={!picked || set.isPending}>
          {t('unit.successorSet')}
        </button>
      </form>
      <ErrorMessage error={set.error} />
      {set.isSuccess && <Success>{t('unit.successorSaved')}</Success>}
    </section>
  );
}
