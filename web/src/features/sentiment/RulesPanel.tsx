import { useId, useState, type FormEvent } from 'react';
import type { TSentimentRule, TSentimentSeverity } from '#contracts/sentiment/api.ts';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { SeverityOptions, severityName, TopicOptions } from './options.tsx';
import { useChangeRule, useCreateRule, useRules } from './sentiment.api.ts';


/** What the form edits: a new rule (no id) or a rule read at a version. */
type Editing = { rule: TSentimentRule | null } | null;

/**
 * "Quy tắc cảnh báo": the early-warning rules that apply to the province (the national default, read-only, and the
 * province's own), a form to add or change one, and deactivation. A change keeps the earlier version for the alerts
 * it raised; the form sends the version it was opened on, so a change made meanwhile by someone else is refused.
 */
export function RulesPanel({ provinceId }: { provinceId: number | null }) {
  const rules = useRules();
  const change = useChangeRule();
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = rules.data ?? [];
  const mayAdd = provinceId !== null;
  const toggle = (rule: TSentimentRule) => {
    setDone(null);
    change.mutate(
      { id: rule.id, change: { seenVersion: rule.version, active: !rule.active } },
      { onSuccess: (saved) => setDone(t(saved.active ? 'sentiment.rules.reactivated' : 'sentiment.rules.deactivated', { name: saved.name })) },
    );
  };
  return (
    <section aria-labelledby="snt-rules-title">
      <h2 id="snt-rules-title">{t('sentiment.rules.title')}</h2>
      <p className="hint">{t('sentiment.rules.intro')}</p>
      {rules.isPending && <Loading />}
      <ErrorMessage error={rules.error ?? change.error} />
      {done && <Success>{done}</Success>}
      {rules.data && list.length === 0 && <Empty>{t('sentiment.rules.none')}</Empty>}
      <ul className="snt-cards snt-rules">
        {list.map((rule) => (
          <li key={rule.id} className={`snt-card${rule.inForce ? ' snt-rule-in-force' : ''}`}>
            <p className="snt-card-head">
              <span className={`badge ${rule.inForce ? 'snt-badge-in-force' : ''}`}>
                {rule.inForce ? t('sentiment.rules.inForce') : rule.active ? t('sentiment.rules.replaced') : t('sentiment.rules.inactive')}
              </span>{' '}
              <strong>{rule.name}</strong>
            </p>
            <p>
              {t('sentiment.rules.terms', {
                count: formatNumber(rule.minReports), severity: severityName(rule.minSeverity).toLowerCase(), days: formatNumber(rule.windowDays),
                topic: (rule.topicName ?? t('sentiment.rules.anyTopic')).toLowerCase(),
              })}
            </p>
            <p className="snt-sub">
              {rule.provinceId === null ? t('sentiment.rules.national') : t('sentiment.rules.ofProvince', { province: rule.provinceName ?? '' })}
              {' · '}
              {t('sentiment.rules.version', { version: formatNumber(rule.version) })}
              {rule.updatedAt && ` · ${t('sentiment.rules.updated', { at: formatDateTime(rule.updatedAt), by: rule.updatedBy ?? '' })}`}
            </p>
            {rule.canEdit ? (
              <p className="buttons">
                <button type="button" className="button-secondary" onClick={() => { setDone(null); setEditing({ rule }); }} aria-label={`${t('sentiment.rules.edit')}: ${rule.name}`}>
                  {t('sentiment.rules.edit')}
                </button>
                <button type="button" className="button-secondary" onClick={() => toggle(rule)} disabled={change.isPending} aria-label={`${t(rule.active ? 'sentiment.rules.deactivate' : 'sentiment.rules.reactivate')}: ${rule.name}`}>
                  {t(rule.active ? 'sentiment.rules.deactivate' : 'sentiment.rules.reactivate')}
                </button>
              </p>
            ) : (
              rule.provinceId === null && <p className="hint">{t('sentiment.rules.nationalReadOnly')}</p>
            )}
          </li>
        ))}
      </ul>
      {mayAdd && !editing && (
        <p>
          <button type="button" onClick={() => { setDone(null); setEditing({ rule: null }); }}>
            {t('sentiment.rules.add')}
          </button>
        </p>
      )}
      {editing && (
        <RuleForm
          key={editing.rule ? `${editing.rule.id}-${editing.rule.version}` : 'new'}
          rule={editing.rule}
          provinceId={provinceId}
          onDone={(message) => {
            setEditing(null);
            setDone(message);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function RuleForm({ rule, provinceId, onDone, onCancel }: { rule: TSentimentRule | null; provinceId: number | null; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const create = useCreateRule();
  const change = useChangeRule();
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const topicCode = String(data.get('topic') ?? '');
    const topic = topicCode === '' ? null : topicCode;
    const minSeverity = String(data.get('minSeverity') ?? '') as TSentimentSeverity;
    const minReports = Number(data.get('minReports'));
    const windowDays = Number(data.get('windowDays'));
    const active = data.get('active') === 'on';
    if (!name || !minSeverity) return setMissing(true);
    setMissing(false);
    if (rule) {
      change.mutate(
        { id: rule.id, change: { seenVersion: rule.version, name, topic, minSeverity, minReports, windowDays, active } },
        { onSuccess: (saved) => onDone(t('sentiment.rules.saved', { name: saved.name })) },
      );
    } else if (provinceId !== null) {
      create.mutate({ provinceId, name, topic, minSeverity, minReports, windowDays, active }, { onSuccess: (saved) => onDone(t('sentiment.rules.created', { name: saved.name })) });
    }
  };
  const pending = create.isPending || change.isPending;
  return (
    <form className="snt-form snt-rule-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{rule ? t('sentiment.rules.editTitle', { name: rule.name }) : t('sentiment.rules.addTitle')}</h3>
      {rule && <p className="hint">{t('sentiment.rules.keepsHistory')}</p>}
      <ErrorMessage error={create.error ?? change.error} />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('sentiment.rules.name')}</label>
        <input id={`${id}-name`} name="name" defaultValue={rule?.name ?? ''} maxLength={300} required />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-topic`}>{t('sentiment.topic')}</label>
          <select id={`${id}-topic`} name="topic" defaultValue={rule?.topic ?? ''}>
            <TopicOptions empty={t('sentiment.rules.anyTopicOption')} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sev`}>{t('sentiment.rules.minSeverity')}</label>
          <select id={`${id}-sev`} name="minSeverity" defaultValue={rule?.minSeverity ?? 'high'} required>
            <SeverityOptions />
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-reports`}>{t('sentiment.rules.minReports')}</label>
          <input id={`${id}-reports`} name="minReports" type="number" inputMode="numeric" min={1} max={1000} step={1} defaultValue={rule?.minReports ?? 3} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('sentiment.rules.windowDays')}</label>
          <input id={`${id}-days`} name="windowDays" type="number" inputMode="numeric" min={1} max={366} step={1} defaultValue={rule?.windowDays ?? 14} required />
        </div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="active" defaultChecked={rule?.active ?? true} /> {t('sentiment.rules.active')}
        </label>
      </div>
      {missing && (
        <p className="alert" role="alert">
          {t('sentiment.rules.needFields')}
        </p>
      )}
      <div className="buttons">
        <button type="submit" disabled={pending}>
          {t('sentiment.rules.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('sentiment.rules.cancel')}
        </button>
      </div>
    </form>
  );
}
