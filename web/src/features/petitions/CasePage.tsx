import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { SATISFACTIONS, type TCase, type TCaseActionName } from '#contracts/petitions/api.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { AttachmentsPanel } from '../files/AttachmentsPanel.tsx';
import { useAttachments } from '../files/files.api.ts';
import { useUnitSearch } from '../units/units.api.ts';
import { useCase, useCaseAction, useCaseDuplicates, useRevealIdentity } from './petitions.api.ts';
import { channelLabel, flagLabels, kindLabel, statusLabel, stepLabel } from './petition-text.ts';
import './petitions.css';

/** "Vụ việc": facts, persons (a denouncer hidden unless revealed with a stated need), deadlines, history, documents, actions. */
export function CasePage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  const [revealed, setRevealed] = useState<TCase | null>(null);
  usePageTitle(query.data ? query.data.code : t('petitions.case'));
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorMessage error={query.error} />;
  const c = query.data;
  const persons = revealed && revealed.version === c.version ? revealed.persons : c.persons;
  const flags = flagLabels(c.flags);
  return (
    <section className="pet-page">
      <p>
        <Link to="/petitions">{t('petitions.back')}</Link>
      </p>
      <p className="pet-kind">{`${kindLabel(c.kind)} · ${c.code}`}</p>
      <h1>{c.subject}</h1>
      <p className="pet-status">
        <span className={`pet-badge pet-badge-${c.status}`}>{statusLabel(c.status)}</span>
        {c.instance === 2 && <span className="pet-badge">{t('petitions.secondInstance')}</span>}
        {flags.map((f) => (
          <span key={f} className="pet-badge pet-badge-flag">
            {f}
          </span>
        ))}
        {c.dueOn && (
          <span className={c.overdueDays !== null ? 'pet-late' : 'pet-due'}>
            {c.overdueDays !== null ? t('petitions.dueLate', { date: formatDate(c.dueOn), days: c.overdueDays }) : t('petitions.dueBy', { date: formatDate(c.dueOn) })}
          </span>
        )}
        {c.outcome && <span className="pet-badge">{t(`petitions.outcome.${c.outcome}`)}</span>}
      </p>
      <dl className="pet-facts">
        <div>
          <dt>{t('petitions.unit')}</dt>
          <dd>{c.unitName}</dd>
        </div>
        <div>
          <dt>{t('petitions.receivedOn')}</dt>
          <dd>{`${formatDate(c.receivedOn)} · ${channelLabel(c.channel)}`}</dd>
        </div>
        <div>
          <dt>{t('petitions.field')}</dt>
          <dd>{c.fieldName}</dd>
        </div>
        <div>
          <dt>{t('petitions.location')}</dt>
          <dd>{[c.villageName, c.communeName].filter(Boolean).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('petitions.personCount')}</dt>
          <dd>{c.personCount}</dd>
        </div>
        <div>
          <dt>{t('petitions.handler')}</dt>
          <dd>{c.handlerName ?? '—'}</dd>
        </div>
        {c.competentBody && (
          <div>
            <dt>{t('petitions.competent')}</dt>
            <dd>{c.competentBody}</dd>
          </div>
        )}
        {c.ruleSetName && (
          <div>
            <dt>{t('petitions.ruleSet')}</dt>
            <dd>{c.ruleSetName}</dd>
          </div>
        )}
      </dl>
      <p className="pet-content">{c.content}</p>

      <section className="panel" aria-labelledby={`${c.id}-persons`}>
        <h2 id={`${c.id}-persons`}>{t('petitions.persons')}</h2>
        <ul className="pet-person-list">
          {persons.map((p) => (
            <li key={p.id}>
              <strong>{p.fullName}</strong>
              {p.protected && !p.revealed && <span className="pet-secret-tag">{t('petitions.protected')}</span>}
              <span className="pet-subline">{[p.birthYear, p.phone, p.address].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
        {persons.some((p) => p.protected && !p.revealed) && !c.actions.includes('readIdentity') && <p className="hint">{t('petitions.protectedNoRight')}</p>}
        {c.actions.includes('readIdentity') && !(revealed && revealed.version === c.version) && <RevealForm id={c.id} onRead={setRevealed} />}
      </section>

      {c.deadlines.length > 0 && (
        <section className="panel">
          <h2>{t('petitions.deadlines')}</h2>
          <table className="table responsive pet-deadlines">
            <thead>
              <tr>
                <th>{t('petitions.deadline.step')}</th>
                <th>{t('petitions.deadline.due')}</th>
                <th>{t('petitions.deadline.count')}</th>
                <th>{t('petitions.deadline.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {c.deadlines.map((d) => (
                <tr key={d.step}>
                  <td>{d.label}</td>
                  <td data-label={t('petitions.deadline.due')}>{d.dueOn ? formatDate(d.dueOn) : '—'}</td>
                  <td data-label={t('petitions.deadline.count')}>{t(d.unit === 'working_days' ? 'petitions.workingDays' : 'petitions.calendarDays', { count: d.count })}</td>
                  <td data-label={t('petitions.deadline.basis')}>
                    {d.basis}
                    {d.unconfirmed && <span className="pet-subline">{t('petitions.unconfirmed')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {c.status === 'received' && c.actions.includes('confirmDuplicate') && <Duplicates c={c} />}
      {c.duplicates.length > 0 && (
        <p className="hint">
          {t('petitions.linked')}{' '}
          {c.duplicates.map((d) => (
            <Link key={d.id} to={`/petitions/${d.id}`} className="pet-link">
              {d.code}
            </Link>
          ))}
        </p>
      )}

      {c.actions.some((a) => a !== 'readIdentity') && <ActionForm c={c} />}

      <AttachmentsPanel ownerType="petition_case" ownerId={c.id} mayAttach={c.actions.includes('document')} />

      <section className="panel">
        <h2>{t('petitions.history')}</h2>
        <ol className="pet-timeline">
          {c.steps.map((s) => (
            <li key={s.id}>
              <span className="pet-step">{stepLabel(s.kind)}</span>
              <span className="pet-subline">
                {t('petitions.stepMeta', { date: formatDate(s.onDate), at: formatDateTime(s.at), by: s.byUserName ?? t('petitions.citizen') })}
              </span>
              {s.toStatus && <span className="pet-subline">{t('petitions.stepMove', { to: statusLabel(s.toStatus) })}</span>}
              {s.dueOn && <span className="pet-subline">{t('petitions.dueBy', { date: formatDate(s.dueOn) })}</span>}
              {s.note && <p className="pet-note">{s.note}</p>}
              {s.fileIds.length > 0 && <span className="pet-subline">{t('petitions.stepFiles', { count: s.fileIds.length })}</span>}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/** Reads the denouncer's identity: the reader states why (kept in the audit log). */
function RevealForm({ id, onRead }: { id: string; onRead: (c: TCase) => void }) {
  const inputId = useId();
  const reveal = useRevealIdentity(id);
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    onRead(await reveal.mutateAsync(reason));
  };
  return (
    <form className="pet-reveal" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={inputId}>{t('petitions.revealReason')}</label>
        <input id={inputId} value={reason} required minLength={5} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={reveal.error} />
      <button type="submit" className="button-secondary" disabled={reveal.isPending}>
        {t('petitions.reveal')}
      </button>
    </form>
  );
}

/** Candidate duplicates of a received case: confirm one (linked, not counted again) or reject it. */
function Duplicates({ c }: { c: TCase }) {
  const candidates = useCaseDuplicates(c.id, true);
  const act = useCaseAction(c.id);
  if (!candidates.data || candidates.data.length === 0) return null;
  return (
    <section className="panel pet-dups">
      <h2>{t('petitions.duplicatesFound', { count: candidates.data.length })}</h2>
      <ErrorMessage error={act.error} />
      <ul>
        {candidates.data.map((d) => (
          <li key={d.id}>
            <Link to={`/petitions/${d.id}`}>{d.code}</Link>{' '}
            {t('petitions.duplicateOf', { code: '', subject: d.subject, date: formatDate(d.receivedOn), status: statusLabel(d.status), unit: d.unitName })}
            <span className="pet-dup-buttons">
              <button type="button" onClick={() => act.mutate({ action: 'confirmDuplicate', duplicateOfId: d.id, seenVersion: c.version })}>
                {t('petitions.actions.confirmDuplicate')}
              </button>
              <button type="button" className="button-secondary" onClick={() => act.mutate({ action: 'rejectDuplicate', duplicateOfId: d.id, seenVersion: c.version })}>
                {t('petitions.actions.rejectDuplicate')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const NEEDS_REASON: readonly TCaseActionName[] = ['refuse', 'withdraw', 'extend'];

/** The next step: the actions the server says the user may take now, with what each needs. */
function ActionForm({ c }: { c: TCase }) {
  const id = useId();
  const me = useMe();
  const act = useCaseAction(c.id);
  const files = useAttachments('petition_case', c.id);
  const choices = c.actions.filter((a): a is TCaseActionName => a !== 'readIdentity' && a !== 'confirmDuplicate' && a !== 'rejectDuplicate');
  const [action, setAction] = useState<TCaseActionName | ''>('');
  const [onDate, setOnDate] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [competentQ, setCompetentQ] = useState('');
  const [competentUnitId, setCompetentUnitId] = useState('');
  const [competentBody, setCompetentBody] = useState('');
  const [handler, setHandler] = useState('');
  const [answer, setAnswer] = useState(c.publicAnswer ?? '');
  const [satisfaction, setSatisfaction] = useState('');
  const units = useUnitSearch(action === 'transfer' ? competentQ : '', c.today);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    await act.mutateAsync({
      action, seenVersion: c.version,
      ...(onDate ? { onDate } : {}),
      ...(note.trim() ? { note } : {}),
      ...(reason.trim() ? { reason } : {}),
      ...(fileIds.length ? { fileIds } : {}),
      ...(action === 'transfer' && competentUnitId ? { competentUnitId: Number(competentUnitId) } : {}),
      ...(action === 'transfer' && competentBody.trim() ? { competentBody } : {}),
      ...(action === 'assign' && handler ? { handlerUserId: Number(handler) } : {}),
      ...((action === 'conclude' || action === 'publish') && answer.trim() ? { publicAnswer: answer } : {}),
      ...(satisfaction ? { satisfaction: satisfaction as (typeof SATISFACTIONS)[number] } : {}),
    });
    setAction('');
    setNote('');
    setReason('');
    setFileIds([]);
  };
  return (
    <section className="panel">
      <h2>{t('petitions.nextStep')}</h2>
      <form className="pet-form" onSubmit={(e) => void submit(e)}>
        <div className="pet-grid">
          <div className="field">
            <label htmlFor={`${id}-action`}>{t('petitions.action')}</label>
            <select id={`${id}-action`} value={action} required onChange={(e) => setAction(e.target.value as TCaseActionName)}>
              <option value="">{t('petitions.choose')}</option>
              {choices.map((a) => (
                <option key={a} value={a}>
                  {t(`petitions.actions.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('petitions.onDate')}</label>
            <DateField id={`${id}-date`} value={onDate} onChange={setOnDate} min={c.receivedOn} max={c.today} />
          </div>
        </div>
        {action && NEEDS_REASON.includes(action) && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('petitions.reason')}</label>
            <input id={`${id}-reason`} value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        {action === 'transfer' && (
          <div className="pet-grid">
            <div className="field">
              <label htmlFor={`${id}-cq`}>{t('petitions.competentSearch')}</label>
              <input id={`${id}-cq`} type="search" value={competentQ} onChange={(e) => setCompetentQ(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-cu`}>{t('petitions.competent')}</label>
              <select id={`${id}-cu`} value={competentUnitId} onChange={(e) => setCompetentUnitId(e.target.value)}>
                <option value="">{t('petitions.competentOutside')}</option>
                {(units.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-cb`}>{t('petitions.competentBody')}</label>
              <input id={`${id}-cb`} value={competentBody} maxLength={300} onChange={(e) => setCompetentBody(e.target.value)} />
            </div>
          </div>
        )}
        {action === 'assign' && (
          <div className="field">
            <label htmlFor={`${id}-handler`}>{t('petitions.handlerId')}</label>
            <input id={`${id}-handler`} inputMode="numeric" value={handler} required onChange={(e) => setHandler(e.target.value.replace(/\D/g, ''))} />
            {me && (
              <button type="button" className="button-secondary" onClick={() => setHandler(String(me.id))}>
                {t('petitions.assignMe')}
              </button>
            )}
          </div>
        )}
        {(action === 'conclude' || action === 'publish') && (
          <div className="field">
            <label htmlFor={`${id}-answer`}>{t('petitions.publicAnswer')}</label>
            <textarea id={`${id}-answer`} value={answer} rows={4} maxLength={20000} onChange={(e) => setAnswer(e.target.value)} />
          </div>
        )}
        {(action === 'satisfaction' || action === 'close') && (
          <div className="field">
            <label htmlFor={`${id}-sat`}>{t('petitions.satisfaction')}</label>
            <select id={`${id}-sat`} value={satisfaction} required={action === 'satisfaction'} onChange={(e) => setSatisfaction(e.target.value)}>
              <option value="">{t('petitions.choose')}</option>
              {SATISFACTIONS.map((s) => (
                <option key={s} value={s}>
                  {t(`petitions.satisfactions.${s}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {action && (
          <>
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('petitions.note')}</label>
              <textarea id={`${id}-note`} value={note} rows={2} maxLength={4000} required={action === 'note'} onChange={(e) => setNote(e.target.value)} />
            </div>
            {(files.data ?? []).length > 0 && (
              <fieldset className="pet-files">
                <legend>{action === 'transfer' ? t('petitions.transferLetter') : t('petitions.stepDocuments')}</legend>
                {(files.data ?? []).map((f) => (
                  <label key={f.id}>
                    <input type="checkbox" checked={fileIds.includes(f.id)} onChange={(e) => setFileIds(e.target.checked ? [...fileIds, f.id] : fileIds.filter((x) => x !== f.id))} /> {f.filename}
                  </label>
                ))}
              </fieldset>
            )}
            {(files.data ?? []).length === 0 && (action === 'transfer' || action === 'document') && <p className="hint">{t('petitions.uploadFirst')}</p>}
          </>
        )}
        <ErrorMessage error={act.error} />
        <button type="submit" disabled={!action || act.isPending}>
          {t('petitions.apply')}
        </button>
      </form>
    </section>
  );
}
