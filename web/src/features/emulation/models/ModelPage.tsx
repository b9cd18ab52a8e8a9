import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { RECOGNITION_LEVELS, type TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { TModelDetail, TModelStepInput, TRecogniser } from '#contracts/emulation/model.schemas.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorMessage, Loading } from '../../../components/Status.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { AttachmentsPanel } from '../../files/AttachmentsPanel.tsx';
import { downloadUrl, useAttachments } from '../../files/files.api.ts';
import { fieldLabel, kindLabel, levelLabel, statusLabel, stepLabel } from './model-text.ts';
import { useModel, useModelStep, useRecognisers } from './models.api.ts';
import './models.css';

/** "Mô hình": the story with photos and figures, the step history, the replication chain both ways, documents, next step. */
export function ModelPage() {
  const { id = '' } = useParams();
  const query = useModel(id);
  const files = useAttachments('emulation_model', id);
  usePageTitle(query.data ? query.data.title : t('emulationModels.model'));
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorMessage error={query.error} />;
  const m = query.data;
  const photos = (files.data ?? []).filter((f) => f.mimeType.startsWith('image/'));
  const mayAttach = m.actions.includes('document');
  return (
    <section className="emu-page">
      <p>
        <Link to="/emulation/models">{t('emulationModels.back')}</Link>
      </p>
      <p className="emu-kind">{`${kindLabel(m.kind)} · ${fieldLabel(m.field)}`}</p>
      <h1>{m.title}</h1>
      <p className="emu-status">
        <span className={`emu-badge emu-badge-${m.status}`}>{statusLabel(m.status)}</span>
        {m.recognisedLevel && m.recognisedOn && <span className="emu-badge">{t('emulationModels.recognisedAt', { level: levelLabel(m.recognisedLevel), date: formatDate(m.recognisedOn) })}</span>}
        {m.published && <span className="emu-badge">{t('emulationModels.published')}</span>}
        {m.actions.includes('replicate') && (
          <Link className="button button-secondary" to={`/emulation/models/new?origin=${m.id}`}>
            {t('emulationModels.replicate')}
          </Link>
        )}
      </p>
      <dl className="emu-facts">
        <div>
          <dt>{t('emulationModels.owner')}</dt>
          <dd>{m.owner?.name ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('emulationModels.unit')}</dt>
          <dd>{[m.village?.name, m.unit.fullName].filter(Boolean).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('emulationModels.startedOn')}</dt>
          <dd>{m.startedOn ? formatDate(m.startedOn) : '—'}</dd>
        </div>
        {m.campaign && (
          <div>
            <dt>{t('emulationModels.campaign')}</dt>
            <dd>{m.campaign.title}</dd>
          </div>
        )}
        {m.recognisedBy && (
          <div>
            <dt>{t('emulationModels.recognisedBy')}</dt>
            <dd>{m.recognisedBy.fullName}</dd>
          </div>
        )}
        {m.lat !== null && m.lng !== null && (
          <div>
            <dt>{`${t('emulationModels.lat')}, ${t('emulationModels.lng')}`}</dt>
            <dd>{`${m.lat}, ${m.lng}`}</dd>
          </div>
        )}
      </dl>
      {photos.length > 0 && (
        <div className="emu-photos" aria-label={t('emulationModels.photos')}>
          {photos.map((p) => (
            <img key={p.id} src={downloadUrl(p.id)} alt={p.filename} loading="lazy" />
          ))}
        </div>
      )}
      <section className="panel">
        <h2>{t('emulationModels.story')}</h2>
        <h3>{t('emulationModels.summary')}</h3>
        <p className="emu-text">{m.summary}</p>
        {m.whatChanged && (
          <>
            <h3>{t('emulationModels.whatChanged')}</h3>
            <p className="emu-text">{m.whatChanged}</p>
          </>
        )}
        {m.figures.length > 0 && (
          <dl className="emu-figures">
            {m.figures.map((f, i) => (
              <div key={i}>
                <dt>{f.label}</dt>
                <dd>{`${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}`}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <Chain m={m} />
      <section className="panel">
        <h2>{t('emulationModels.history')}</h2>
        <ol className="emu-steps">
          {m.steps.map((s) => (
            <li key={s.id}>
              <strong>{stepLabel(s.step)}</strong> <span>{formatDate(s.onDate)}</span>
              <StepDetails details={s.details} />
              <span className="emu-subline">
                {formatDateTime(s.at)}
                {s.byUserName ? ` · ${t('emulationModels.by', { name: s.byUserName })}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>
      <AttachmentsPanel ownerType="emulation_model" ownerId={m.id} mayAttach={mayAttach} />
      {m.actions.some((a) => a !== 'replicate') && <StepForm m={m} />}
    </section>
  );
}

function StepDetails({ details }: { details: Record<string, unknown> }) {
  const d = details as Partial<{
    level: TRecognitionLevel; decisionNumber: string; byUnitName: string; issuer: string; awardForm: string; reason: string; note: string; attendees: string;
    participantCount: number; votesFor: number; votesAgainst: number; votesAbstain: number; passed: boolean; published: boolean; originTitle: string; fileIds: string[];
  }>;
  const parts = [
    d.level ? levelLabel(d.level) : null,
    d.decisionNumber ? `${t('emulationModels.decisionNumber')}: ${d.decisionNumber}` : null,
    d.byUnitName ?? null,
    d.issuer ?? null,
    d.awardForm ?? null,
    d.attendees ?? null,
    d.participantCount !== undefined
      ? t('emulationModels.votes', { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0, count: d.participantCount })
      : null,
    d.passed === undefined ? null : d.passed ? t('emulationModels.passed') : t('emulationModels.notPassed'),
    d.published === undefined ? null : d.published ? t('emulationModels.publish') : t('emulationModels.unpublish'),
    d.originTitle ? t('emulationModels.replicaOf', { title: d.originTitle }) : null,
    d.reason ?? null,
    d.note ?? null,
  ].filter(Boolean);
  return parts.length ? <span className="emu-subline">{parts.join(' · ')}</span> : null;
}

/** The replication chain: origins above, this model, replicas below by generation. */
function Chain({ m }: { m: TModelDetail }) {
  const origins = m.chain.filter((c) => c.depth < 0);
  const replicas = m.chain.filter((c) => c.depth > 0);
  if (origins.length === 0 && replicas.length === 0 && m.hiddenReplicas === 0 && !m.origin) return null;
  const node = (c: TModelDetail['chain'][number], label: string) => (
    <li key={c.id} className={`emu-chain-node emu-chain-d${Math.min(Math.abs(c.depth), 4)}`}>
      <span className="emu-subline">{label}</span>
      {c.inScope ? <Link to={`/emulation/models/${c.id}`}>{c.title}</Link> : <span>{c.title}</span>}
      <span className="emu-subline">
        {[c.unitName, statusLabel(c.status), c.recognisedLevel ? levelLabel(c.recognisedLevel) : null].filter(Boolean).join(' · ')}
      </span>
    </li>
  );
  return (
    <section className="panel" aria-labelledby="emu-chain-title">
      <h2 id="emu-chain-title">{t('emulationModels.chain')}</h2>
      <ol className="emu-chain">
        {origins.map((c) => node(c, t('emulationModels.chainOrigin')))}
        <li className="emu-chain-node emu-chain-this">
          <span className="emu-subline">{t('emulationModels.chainThis')}</span>
          <strong>{m.title}</strong>
          <span className="emu-subline">{m.unit.fullName}</span>
        </li>
        {replicas.map((c) => node(c, t('emulationModels.chainReplica', { depth: c.depth })))}
      </ol>
      {replicas.length === 0 && m.hiddenReplicas === 0 && <p className="muted">{t('emulationModels.chainNone')}</p>}
      {m.hiddenReplicas > 0 && <p className="muted">{t('emulationModels.hiddenReplicas', { count: m.hiddenReplicas })}</p>}
    </section>
  );
}

/** A recognising unit as the step form offers it: its name, "your unit", or the day an ended unit closed. */
function recogniserLabel(u: TRecogniser): string {
  if (u.own) return t('emulationModels.ownUnit', { name: u.fullName });
  if (u.validTo) return t('emulationModels.endedUnit', { name: u.fullName, date: formatDate(u.validTo) });
  return u.fullName;
}

type StepName = Exclude<TModelDetail['actions'][number], 'replicate'>;

/** The next step: those the server says the user may take now, with what each records. */
function StepForm({ m }: { m: TModelDetail }) {
  const id = useId();
  const act = useModelStep(m.id);
  const files = useAttachments('emulation_model', m.id);
  const choices = m.actions.filter((a): a is StepName => a !== 'replicate');
  const [step, setStep] = useState<StepName | ''>('');
  const [onDate, setOnDate] = useState(todayInVietnam());
  const [note, setNote] = useState('');
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [attendees, setAttendees] = useState('');
  const [participantCount, setParticipantCount] = useState('');
  const [votesFor, setVotesFor] = useState('');
  const [votesAgainst, setVotesAgainst] = useState('0');
  const [votesAbstain, setVotesAbstain] = useState('0');
  const [level, setLevel] = useState<TRecognitionLevel>('commune');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [byUnitId, setByUnitId] = useState('');
  const [issuer, setIssuer] = useState('');
  const [awardForm, setAwardForm] = useState('');
  const [reason, setReason] = useState('');
  const recognisers = useRecognisers(m.id, { level, onDate }, step === 'recognised' && onDate !== '');
  const units = recognisers.data ?? [];
  // the unit chosen while it is offered; else the first offered (the user's own unit comes first)
  const chosenUnit = units.some((u) => String(u.id) === byUnitId) ? byUnitId : units[0] ? String(units[0].id) : '';
  const num = (v: string) => Number(v || '0');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!step) return;
    const base = { seenVersion: m.version, onDate, ...(note.trim() ? { note } : {}), ...(fileIds.length ? { fileIds } : {}) };
    let body: TModelStepInput;
    switch (step) {
      case 'reviewed':
        body = { step, ...base, attendees, participantCount: num(participantCount), votesFor: num(votesFor), votesAgainst: num(votesAgainst), votesAbstain: num(votesAbstain) };
        break;
      case 'recognised':
        body = { step, ...base, level, decisionNumber, ...(chosenUnit ? { byUnitId: Number(chosenUnit) } : {}), ...(issuer.trim() ? { issuer } : {}) };
        break;
      case 'commended':
        body = { step, ...base, awardForm, decisionNumber };
        break;
      case 'withdrawn':
        body = { step, ...base, reason };
        break;
      case 'published':
        body = { step, ...base, published: !m.published };
        break;
      case 'document':
        body = { step, ...base, fileIds };
        break;
      default:
        body = { step, ...base };
    }
    await act.mutateAsync(body);
    setStep('');
    setNote('');
    setFileIds([]);
  };
  const label = (a: StepName) => (a === 'published' ? (m.published ? t('emulationModels.unpublish') : t('emulationModels.publish')) : stepLabel(a));
  return (
    <section className="panel">
      <h2>{t('emulationModels.nextStep')}</h2>
      <form className="emu-form" onSubmit={(e) => void submit(e)}>
        <div className="emu-grid">
          <div className="field">
            <label htmlFor={`${id}-step`}>{t('emulationModels.step')}</label>
            <select id={`${id}-step`} value={step} required onChange={(e) => setStep(e.target.value as StepName)}>
              <option value="">{t('emulationModels.choose')}</option>
              {choices.map((a) => (
                <option key={a} value={a}>
                  {label(a)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('emulationModels.onDate')}</label>
            <DateField id={`${id}-date`} value={onDate} onChange={setOnDate} max={todayInVietnam()} required />
          </div>
        </div>
        {step === 'reviewed' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-parts`}>{t('emulationModels.participants')}</label>
              <input id={`${id}-parts`} value={attendees} required maxLength={2000} onChange={(e) => setAttendees(e.target.value)} />
            </div>
            <div className="emu-grid">
              {(
                [
                  ['pc', 'emulationModels.participantCount', participantCount, setParticipantCount],
                  ['vf', 'emulationModels.votesFor', votesFor, setVotesFor],
                  ['va', 'emulationModels.votesAgainst', votesAgainst, setVotesAgainst],
                  ['vb', 'emulationModels.votesAbstain', votesAbstain, setVotesAbstain],
                ] as const
              ).map(([key, text, value, set]) => (
                <div className="field" key={key}>
                  <label htmlFor={`${id}-${key}`}>{t(text)}</label>
                  <input id={`${id}-${key}`} inputMode="numeric" value={value} required onChange={(e) => set(e.target.value.replace(/\D/g, ''))} />
                </div>
              ))}
            </div>
          </>
        )}
        {step === 'recognised' && (
          <div className="emu-grid">
            <div className="field">
              <label htmlFor={`${id}-level`}>{t('emulationModels.level')}</label>
              <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as TRecognitionLevel)}>
                {RECOGNITION_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {levelLabel(l)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-dec`}>{t('emulationModels.decisionNumber')}</label>
              <input id={`${id}-dec`} value={decisionNumber} required maxLength={100} onChange={(e) => setDecisionNumber(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-by`}>{t('emulationModels.byUnitId')}</label>
              <select
                id={`${id}-by`}
                value={chosenUnit}
                disabled={units.length === 0}
                aria-describedby={recognisers.data && units.length === 0 ? `${id}-by-none` : undefined}
                onChange={(e) => setByUnitId(e.target.value)}
              >
                {units.length === 0 && <option value="">{recognisers.isFetching ? t('emulationModels.loadingUnits') : '—'}</option>}
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {recogniserLabel(u)}
                  </option>
                ))}
              </select>
            </div>
            {level === 'central' && (
              <div className="field">
                <label htmlFor={`${id}-issuer`}>{t('emulationModels.issuer')}</label>
                <input id={`${id}-issuer`} value={issuer} required maxLength={300} onChange={(e) => setIssuer(e.target.value)} />
              </div>
            )}
            {recognisers.data && units.length === 0 && (
              <p className="hint emu-grid-note" id={`${id}-by-none`}>
                {t('emulationModels.noRecognisers')}
              </p>
            )}
            {recognisers.error && (
              <div className="emu-grid-note">
                <ErrorMessage error={recognisers.error} />
              </div>
            )}
          </div>
        )}
        {step === 'commended' && (
          <div className="emu-grid">
            <div className="field">
              <label htmlFor={`${id}-award`}>{t('emulationModels.awardForm')}</label>
              <input id={`${id}-award`} value={awardForm} required maxLength={300} onChange={(e) => setAwardForm(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-cdec`}>{t('emulationModels.decisionNumber')}</label>
              <input id={`${id}-cdec`} value={decisionNumber} required maxLength={100} onChange={(e) => setDecisionNumber(e.target.value)} />
            </div>
          </div>
        )}
        {step === 'withdrawn' && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('emulationModels.reason')}</label>
            <input id={`${id}-reason`} value={reason} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        {step && (
          <>
            <div className="field">
              <label htmlFor={`${id}-note`}>{t('emulationModels.note')}</label>
              <textarea id={`${id}-note`} value={note} rows={2} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
            </div>
            {(files.data ?? []).length > 0 && (
              <fieldset className="emu-fieldset">
                <legend>{t('emulationModels.stepDocuments')}</legend>
                {(files.data ?? []).map((f) => (
                  <label key={f.id} className="emu-check">
                    <input type="checkbox" checked={fileIds.includes(f.id)} onChange={(e) => setFileIds(e.target.checked ? [...fileIds, f.id] : fileIds.filter((x) => x !== f.id))} /> {f.filename}
                  </label>
                ))}
              </fieldset>
            )}
            {(files.data ?? []).length === 0 && step === 'document' && <p className="hint">{t('emulationModels.uploadFirst')}</p>}
          </>
        )}
        <ErrorMessage error={act.error} />
        <button type="submit" disabled={!step || act.isPending}>
          {t('emulationModels.apply')}
        </button>
      </form>
    </section>
  );
}
