import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DEADLINE_UNITS, type DeadlineUnit, type TRule } from '#contracts/legal/api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { useLegalEdits, useRuleSet, useRuleSets, useUpdateRule } from './legal.api.ts';
import './legal.css';

export const countText = (count: number, unit: DeadlineUnit) => t(`legal.unit.${unit}` as MessageKey, { n: count });

function allowances(rule: TRule): string {
  return [
    rule.complexCount !== null ? t('legal.rules.complexCount', { n: rule.complexCount }) : null,
    rule.remoteCount !== null ? t('legal.rules.remoteCount', { n: rule.remoteCount }) : null,
    rule.remoteComplexCount !== null ? t('legal.rules.remoteComplexCount', { n: rule.remoteComplexCount }) : null,
    rule.extensionCount !== null ? t('legal.rules.extensions', { max: rule.maxExtensions, n: rule.extensionCount }) : null,
  ]
    .filter((part) => part !== null)
    .join('; ');
}

/** The count and unit of one rule, editable by an administrator (a new version of the rule, kept in the history). */
function RuleEdit({ rule, onDone }: { rule: TRule; onDone: () => void }) {
  const update = useUpdateRule();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate(
      { id: rule.id, count: Number(form.get('count')), unit: form.get('unit') as DeadlineUnit, unconfirmed: form.get('checked') !== 'on', seenVersion: rule.version },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="legal-rule-edit" onSubmit={submit}>
      <label>
        {t('legal.rules.count')} <input name="count" type="number" min={0} max={3650} defaultValue={rule.count} required />
      </label>
      <select name="unit" defaultValue={rule.unit} aria-label={t('legal.rules.count')}>
        {DEADLINE_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t(`legal.unitLabel.${unit}` as MessageKey)}
          </option>
        ))}
      </select>
      <label>
        <input name="checked" type="checkbox" defaultChecked={!rule.unconfirmed} /> {t('legal.rules.markConfirmed')}
      </label>
      <button type="submit" disabled={update.isPending}>
        {t('legal.rules.save')}
      </button>
      <button type="button" className="button-secondary" onClick={onDone}>
        {t('legal.rules.cancel')}
      </button>
      <ErrorMessage error={update.error} />
    </form>
  );
}

/** "Thời hạn pháp lý": the rules of a rule set per case kind and step with their basis; UNCONFIRMED marked. */
export function RulesPage() {
  usePageTitle(t('legal.rules.title'));
  const me = useMe();
  const manage = can(me, 'legal.manage');
  const [params, setParams] = useSearchParams();
  const sets = useRuleSets();
  const code = params.get('bo') ?? sets.data?.ruleSets.at(-1)?.code;
  const set = useRuleSet(code);
  const edits = useLegalEdits();
  const [editing, setEditing] = useState<number | null>(null);
  const summary = sets.data?.ruleSets.find((s) => s.code === code);
  return (
    <section className="legal-page">
      <h1>{t('legal.rules.title')}</h1>
      <div className="form form-row">
        <div className="field">
          <label htmlFor="legal-set">{t('legal.rules.ruleSet')}</label>
          <select id="legal-set" value={code ?? ''} onChange={(event) => setParams({ bo: event.target.value })}>
            {sets.data?.ruleSets.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {(sets.isPending || set.isPending) && <Loading />}
      <ErrorMessage error={sets.error ?? set.error} />
      {summary && (
        <p>
          {summary.validTo ? t('legal.rules.validRange', { from: formatDate(summary.validFrom), to: formatDate(summary.validTo) }) : t('legal.rules.validFrom', { from: formatDate(summary.validFrom) })}
          {summary.status === 'provisional' && <> <span className="badge badge-warning">{t('legal.calendar.provisional')}</span></>}
          <br />
          <small>{summary.law}</small>
        </p>
      )}
      {summary && summary.unconfirmedCount > 0 && <p className="notice notice-warning" role="note">{t('legal.rules.unconfirmedNote')}</p>}
      {summary?.notes && <p className="legal-notes">{summary.notes}</p>}
      {set.data && (
        <div className="legal-table-wrap">
          <table className="table responsive legal-table">
            <thead>
              <tr>
                <th scope="col">{t('legal.rules.kind')}</th>
                <th scope="col">{t('legal.rules.step')}</th>
                <th scope="col">{t('legal.rules.count')}</th>
                <th scope="col">{t('legal.rules.allowances')}</th>
                <th scope="col">{t('legal.rules.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {set.data.rules.map((rule) => (
                <tr key={rule.id}>
                  <td data-label={t('legal.rules.kind')}>
                    {t(`legal.kind.${rule.kind}` as MessageKey)}
                    {rule.instance === 2 && <small> ({t('legal.rules.secondInstance')})</small>}
                  </td>
                  <td data-label={t('legal.rules.step')}>
                    {rule.label}
                    {rule.unconfirmed && <> <span className="badge badge-warning">{t('legal.rules.unconfirmed')}</span></>}
                    {rule.edited && <> <span className="badge">{t('legal.rules.edited')}</span></>}
                    {rule.notes && <small className="legal-rule-notes">{rule.notes}</small>}
                  </td>
                  <td data-label={t('legal.rules.count')}>
                    {editing === rule.id ? (
                      <RuleEdit rule={rule} onDone={() => setEditing(null)} />
                    ) : (
                      <>
                        {countText(rule.count, rule.unit)} <small>{t(`legal.from.${rule.from}` as MessageKey)}</small>
                        {manage && (
                          <button type="button" className="button-link" onClick={() => setEditing(rule.id)}>
                            {t('legal.rules.edit')}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                  <td data-label={t('legal.rules.allowances')}>{allowances(rule)}</td>
                  <td data-label={t('legal.rules.basis')}>
                    {rule.law}, {rule.article}
                    {rule.phrase && <small className="legal-phrase">“{rule.phrase}”</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('legal.rules.history')}</h2>
      {edits.data && edits.data.edits.length === 0 && <p>{t('legal.rules.noHistory')}</p>}
      <ul className="legal-history">
        {edits.data?.edits.map((edit) => (
          <li key={edit.id}>
            {t('legal.rules.historyLine', { when: formatDateTime(edit.at), who: edit.userName ?? '—', what: edit.entityKey })}
            <code>{JSON.stringify(edit.before)} → {JSON.stringify(edit.after)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
