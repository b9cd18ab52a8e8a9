import { useState, type FormEvent } from 'react';
import { CASE_KINDS } from '#contracts/legal/api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, todayInVietnam } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { useDeadlines, type DeadlineForm } from './legal.api.ts';
import { countText } from './RulesPage.tsx';
import './legal.css';

/** "Tính hạn": a case kind, its dates and flags → every deadline with its legal basis and the rule set used. */
export function DeadlinesPage() {
  usePageTitle(t('legal.deadlines.title'));
  const [form, setForm] = useState<DeadlineForm | null>(null);
  const result = useDeadlines(form);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    setForm({
      kind: text('kind') as DeadlineForm['kind'],
      receivedOn: text('receivedOn'),
      acceptedOn: text('acceptedOn'),
      decidedOn: text('decidedOn'),
      remoteArea: data.get('remoteArea') === 'on',
      complex: data.get('complex') === 'on',
      secondInstance: data.get('secondInstance') === 'on',
      extensions: Number(text('extensions') || 0),
    });
  };
  return (
    <section className="legal-page">
      <h1>{t('legal.deadlines.title')}</h1>
      <p>{t('legal.deadlines.intro')}</p>
      <form className="form legal-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="legal-kind">{t('legal.deadlines.kind')}</label>
          <select id="legal-kind" name="kind" defaultValue="complaint">
            {CASE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`legal.kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="legal-received">{t('legal.deadlines.receivedOn')}</label>
          <DateField id="legal-received" name="receivedOn" required defaultValue={todayInVietnam()} />
        </div>
        <div className="field">
          <label htmlFor="legal-accepted">{t('legal.deadlines.acceptedOn')}</label>
          <DateField id="legal-accepted" name="acceptedOn" />
        </div>
        <div className="field">
          <label htmlFor="legal-decided">{t('legal.deadlines.decidedOn')}</label>
          <DateField id="legal-decided" name="decidedOn" />
        </div>
        <div className="field">
          <label htmlFor="legal-extensions">{t('legal.deadlines.extensions')}</label>
          <select id="legal-extensions" name="extensions" defaultValue="0">
            {[0, 1, 2].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="legal-flags">
          <label>
            <input type="checkbox" name="remoteArea" /> {t('legal.deadlines.remoteArea')}
          </label>
          <label>
            <input type="checkbox" name="complex" /> {t('legal.deadlines.complex')}
          </label>
          <label>
            <input type="checkbox" name="secondInstance" /> {t('legal.deadlines.secondInstance')}
          </label>
        </fieldset>
        <button type="submit">{t('legal.deadlines.compute')}</button>
      </form>
      {form && result.isPending && <Loading />}
      <ErrorMessage error={result.error} />
      {result.data && (
        <>
          <p>
            {t('legal.deadlines.ruleSet', { name: result.data.ruleSetName, code: result.data.ruleSetCode })}
            {result.data.ruleSetStatus === 'provisional' && <> <span className="badge badge-warning">{t('legal.calendar.provisional')}</span></>}
          </p>
          <div className="legal-table-wrap">
            <table className="table responsive legal-table">
              <thead>
                <tr>
                  <th scope="col">{t('legal.rules.step')}</th>
                  <th scope="col">{t('legal.deadlines.due')}</th>
                  <th scope="col">{t('legal.rules.count')}</th>
                  <th scope="col">{t('legal.rules.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.deadlines.map((deadline) => (
                  <tr key={deadline.step}>
                    <td data-label={t('legal.rules.step')}>
                      {deadline.label}
                      {deadline.unconfirmed && <> <span className="badge badge-warning">{t('legal.rules.unconfirmed')}</span></>}
                    </td>
                    <td data-label={t('legal.deadlines.due')}>
                      <strong>{deadline.dueOn ? formatDate(deadline.dueOn) : t('legal.deadlines.notYet')}</strong>
                      {deadline.provisionalCalendar && <> <span className="badge badge-warning">{t('legal.deadlines.provisionalCalendar')}</span></>}
                    </td>
                    <td data-label={t('legal.rules.count')}>
                      {countText(deadline.count, deadline.unit)} <small>{t(`legal.from.${deadline.from}` as MessageKey)}</small>
                      {deadline.adjustments.length > 0 && <small> ({deadline.adjustments.join(', ')})</small>}
                    </td>
                    <td data-label={t('legal.rules.basis')}>{deadline.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
