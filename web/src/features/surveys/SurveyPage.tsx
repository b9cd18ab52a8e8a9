import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { RESPONDENT_GROUPS, RESPONSE_STATUSES, type TRespondentGroup, type TSurvey, type TSurveyTarget } from '#contracts/surveys/survey.schemas.ts';
import { useMe } from '../../app/session.ts';
import { QueryList } from '../../components/QueryList.tsx';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { QuestionnaireView } from '../surveys-public/QuestionnaireView.tsx';
import { UnitPicker, type PickedUnit } from '../units/UnitPicker.tsx';
import { canSurveys } from './can.ts';
import { SurveyNav } from './SurveyNav.tsx';
import {
  respondUrl, useImportXlsForm, useInvitations, usePublicLink, useSetTargets, useSurvey, useSurveyProgress, useSurveyResponses, useUpdateSurvey, xlsFormUrl,
} from './surveys.api.ts';
import { percentText } from './tabulation-view.ts';
import './surveys.css';

/** One survey: its details and status, questionnaire (XLSForm in versions), sample and progress, links, responses. */
export function SurveyPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  usePageTitle(survey.data?.title ?? t('survey.title'));
  const me = useMe();
  const manage = canSurveys(me, 'surveys.manage');
  return (
    <section className="sv-page">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      {survey.isPending && <Loading />}
      <ErrorMessage error={survey.error} />
      {survey.data && (
        <>
          <h1>{survey.data.title}</h1>
          <SurveyNav id={id} />
          <Header survey={survey.data} manage={manage} />
          {manage && <XlsFormUpload survey={survey.data} />}
          <Versions survey={survey.data} />
          {survey.data.form && <Preview survey={survey.data} />}
          {manage && <Targets survey={survey.data} />}
          <Progress id={id} decimals={survey.data.decimals} />
          {manage && <Links survey={survey.data} />}
          <Responses id={id} />
        </>
      )}
    </section>
  );
}

function Header({ survey, manage }: { survey: TSurvey; manage: boolean }) {
  const update = useUpdateSurvey(survey.id);
  const next = survey.status === 'draft' ? 'open' : survey.status === 'open' ? 'closed' : 'open';
  const action = survey.status === 'draft' ? 'survey.detail.open' : survey.status === 'open' ? 'survey.detail.close' : 'survey.detail.reopen';
  return (
    <div className="sv-header">
      <dl className="sv-facts">
        <div>
          <dt>{t('survey.detail.code')}</dt>
          <dd>{survey.code}</dd>
        </div>
        <div>
          <dt>{t('survey.detail.unit')}</dt>
          <dd>{survey.unitName}</dd>
        </div>
        <div>
          <dt>{t('survey.status')}</dt>
          <dd>{t(`survey.status.${survey.status}`)}</dd>
        </div>
        <div>
          <dt>{t('survey.detail.period')}</dt>
          <dd>{survey.opensOn || survey.closesOn ? t('survey.periodText', { from: formatDate(survey.opensOn), to: formatDate(survey.closesOn) }) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('survey.detail.identity')}</dt>
          <dd>{t(survey.collectsIdentity ? 'survey.detail.identityYes' : 'survey.detail.identityNo')}</dd>
        </div>
        <div>
          <dt>{t('survey.detail.doubleEntry')}</dt>
          <dd>{t(survey.doubleEntry ? 'survey.detail.doubleEntryYes' : 'survey.detail.doubleEntryNo')}</dd>
        </div>
        <div>
          <dt>{t('survey.detail.decimals')}</dt>
          <dd>{survey.decimals}</dd>
        </div>
      </dl>
      {survey.purpose && <p>{survey.purpose}</p>}
      {survey.notes && <p className="hint">{survey.notes}</p>}
      {manage && (
        <p>
          <button type="button" disabled={update.isPending || (next === 'open' && !survey.form)} onClick={() => update.mutate({ expectedVersion: survey.version, status: next })}>
            {t(action)}
          </button>
        </p>
      )}
      <ErrorMessage error={update.error} />
      {!survey.form && <p className="muted">{t('survey.detail.noForm')}</p>}
    </div>
  );
}

function XlsFormUpload({ survey }: { survey: TSurvey }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportXlsForm(survey.id);
  const result = upload.data;
  const rows = result ? [...result.issues.map((issue) => ({ ...issue, kind: 'issue' as const })), ...result.warnings.map((issue) => ({ ...issue, kind: 'warning' as const }))] : [];
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.xls.title')}</h2>
      <p className="hint">{t('survey.xls.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('survey.xls.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
          }}
        />
      </div>
      <div className="buttons">
        <button type="button" className="button-secondary" disabled={!file || upload.isPending} onClick={() => file && upload.mutate({ file, dryRun: true })}>
          {t('survey.xls.check')}
        </button>{' '}
        <button type="button" disabled={!file || upload.isPending || !result?.dryRun || !result.ok} onClick={() => file && upload.mutate({ file, dryRun: false })}>
          {t('survey.xls.import')}
        </button>
      </div>
      <ErrorMessage error={upload.error} />
      {result && (
        <div role="status">
          {result.ok ? (
            <p className="success">{result.dryRun ? t('survey.xls.ok', { count: result.questions }) : t('survey.xls.imported', { version: result.version ?? '', count: result.questions })}</p>
          ) : (
            <p className="alert">{t('survey.xls.refused')}</p>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('survey.xls.sheet')}</th>
              <th className="num">{t('survey.xls.row')}</th>
              <th>{t('survey.xls.column')}</th>
              <th>{t('survey.xls.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className={row.kind === 'issue' ? 'sv-issue' : 'sv-warning'}>
                <td data-label={t('survey.xls.sheet')}>{row.sheet}</td>
                <td className="num" data-label={t('survey.xls.row')}>
                  {row.row ?? t('common.none')}
                </td>
                <td data-label={t('survey.xls.column')}>{row.column ?? t('common.none')}</td>
                <td data-label={t('survey.xls.message')}>
                  <strong>{t(row.kind === 'issue' ? 'survey.xls.issues' : 'survey.xls.warnings')}: </strong>
                  {row.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Versions({ survey }: { survey: TSurvey }) {
  const id = useId();
  if (survey.versions.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.versions.title')}</h2>
      <table className="table responsive">
        <thead>
          <tr>
            <th className="num">{t('survey.versions.number')}</th>
            <th>{t('survey.form.title')}</th>
            <th className="num">{t('survey.versions.questions')}</th>
            <th>{t('survey.versions.source')}</th>
            <th>{t('survey.versions.created')}</th>
            <th>{t('survey.versions.file')}</th>
          </tr>
        </thead>
        <tbody>
          {survey.versions.map((v) => (
            <tr key={v.number}>
              <td className="num" data-label={t('survey.versions.number')}>
                {v.number}
              </td>
              <td data-label={t('survey.form.title')}>{v.title}</td>
              <td className="num" data-label={t('survey.versions.questions')}>
                {formatNumber(v.questions)}
              </td>
              <td data-label={t('survey.versions.source')}>{t(v.fromXlsForm ? 'survey.versions.fromXls' : 'survey.versions.fromUi')}</td>
              <td data-label={t('survey.versions.created')}>
                {formatDateTime(v.createdAt)}
                {v.createdBy && ` · ${v.createdBy}`}
              </td>
              <td>
                <a href={xlsFormUrl(survey.id, v.number)} download>
                  {t('survey.versions.download', { number: v.number })}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Preview({ survey }: { survey: TSurvey }) {
  const [open, setOpen] = useState(false);
  const form = survey.form;
  if (!form) return null;
  return (
    <section className="sv-preview">
      <h2>{t('survey.preview.title', { number: survey.currentVersion ?? '' })}</h2>
      <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'survey.preview.hide' : 'survey.preview.show')}
      </button>
      {open && (
        <div className="sv-preview-body sv-public">
          <QuestionnaireView form={form} language={form.defaultLanguage} answers={{}} texts={{}} today={todayInVietnam()} readOnly />
        </div>
      )}
    </section>
  );
}

interface TargetRow {
  unit: PickedUnit | null;
  respondentGroup: TRespondentGroup;
  quota: string;
}

function Targets({ survey }: { survey: TSurvey }) {
  const id = useId();
  const save = useSetTargets(survey.id);
  const [rows, setRows] = useState<TargetRow[]>(() =>
    survey.targets.map((target) => ({ unit: { id: target.unitId, fullName: target.unitName ?? String(target.unitId) }, respondentGroup: target.respondentGroup, quota: String(target.quota) })),
  );
  const set = (i: number, patch: Partial<TargetRow>) => setRows(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const targets: TSurveyTarget[] = rows.filter((row) => row.unit).map((row) => ({ unitId: row.unit?.id ?? 0, respondentGroup: row.respondentGroup, quota: Number(row.quota) || 0 }));
    save.mutate({ expectedVersion: survey.version, targets });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.targets.title')}</h2>
      <p className="hint">{t('survey.targets.hint')}</p>
      {rows.length === 0 && <p className="muted">{t('survey.targets.none')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="sv-target-row">
          <legend className="visually-hidden">{t('survey.targets.pickUnit', { number: i + 1 })}</legend>
          <UnitPicker label={t('survey.targets.pickUnit', { number: i + 1 })} value={row.unit} onChange={(unit) => set(i, { unit })} />
          <div className="field">
            <label htmlFor={`${id}-g${i}`}>{t('survey.targets.group')}</label>
            <select id={`${id}-g${i}`} value={row.respondentGroup} onChange={(e) => set(i, { respondentGroup: e.target.value as TRespondentGroup })}>
              {RESPONDENT_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {t(`survey.group.${group}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-q${i}`}>{t('survey.targets.quota')}</label>
            <input id={`${id}-q${i}`} type="number" inputMode="numeric" min={0} max={1000000} required value={row.quota} onChange={(e) => set(i, { quota: e.target.value })} />
          </div>
          <button type="button" className="button-secondary button-small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('survey.targets.remove', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="buttons">
        <button type="button" className="button-secondary" onClick={() => setRows([...rows, { unit: null, respondentGroup: 'citizen', quota: '' }])}>
          {t('survey.targets.add')}
        </button>{' '}
        <button type="submit" disabled={save.isPending}>
          {t('survey.targets.save')}
        </button>
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess && <Success>{t('survey.targets.saved')}</Success>}
    </form>
  );
}

function Progress({ id, decimals }: { id: number; decimals: number }) {
  const headingId = useId();
  const progress = useSurveyProgress(id);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('survey.progress.title')}</h2>
      <QueryList query={progress} items={(data) => data.rows} empty={t('survey.progress.none')}>
        {(items, data) => (
        <table className="table responsive">
          <thead>
            <tr>
              <th>{t('survey.targets.unit')}</th>
              <th>{t('survey.targets.group')}</th>
              <th className="num">{t('survey.targets.quota')}</th>
              <th className="num">{t('survey.progress.accepted')}</th>
              <th className="num">{t('survey.progress.pending')}</th>
              <th className="num">{t('survey.progress.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={`${row.unitId}-${row.respondentGroup}`}>
                <td data-label={t('survey.targets.unit')}>{row.unitName}</td>
                <td data-label={t('survey.targets.group')}>{t(`survey.group.${row.respondentGroup}`)}</td>
                <td className="num" data-label={t('survey.targets.quota')}>
                  {formatNumber(row.quota)}
                </td>
                <td className="num" data-label={t('survey.progress.accepted')}>
                  {formatNumber(row.accepted)}
                </td>
                <td className="num" data-label={t('survey.progress.pending')}>
                  {formatNumber(row.pending)}
                </td>
                <td className="num" data-label={t('survey.progress.percent')}>
                  {row.quota > 0 ? `${percentText((row.accepted / row.quota) * 100, decimals)}%` : t('common.none')}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={2}>{t('survey.progress.total')}</th>
              <td className="num" data-label={t('survey.targets.quota')}>
                {formatNumber(data.quota)}
              </td>
              <td className="num" data-label={t('survey.progress.accepted')}>
                {formatNumber(data.accepted)}
              </td>
              <td className="num" data-label={t('survey.progress.pending')}>
                {formatNumber(data.pending)}
              </td>
              <td className="num" data-label={t('survey.progress.percent')}>
                {data.quota > 0 ? `${percentText((data.accepted / data.quota) * 100, decimals)}%` : t('common.none')}
              </td>
            </tr>
          </tfoot>
        </table>
        )}
      </QueryList>
    </section>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button-secondary button-small"
        onClick={() =>
          void navigator.clipboard?.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('survey.links.copy')}
      </button>
      {copied && (
        <span className="muted" role="status">
          {' '}
          {t('survey.links.copied')}
        </span>
      )}
    </>
  );
}

function Links({ survey }: { survey: TSurvey }) {
  const id = useId();
  const link = usePublicLink(survey.id);
  const invite = useInvitations(survey.id);
  const units = [...new Map(survey.targets.map((target) => [target.unitId, target.unitName ?? String(target.unitId)])).entries()];
  const [unitId, setUnitId] = useState(units[0]?.[0] ?? 0);
  const [group, setGroup] = useState<TRespondentGroup>(survey.targets[0]?.respondentGroup ?? 'citizen');
  const [count, setCount] = useState('10');
  const [labels, setLabels] = useState('');
  const address = survey.publicToken ? respondUrl(survey.publicToken) : null;
  const tokens = invite.data?.tokens ?? [];
  const all = tokens.map((token) => `${token.label ? `${token.label}\t` : ''}${respondUrl(token.token)}`).join('\n');
  const generate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const named = labels.split('\n').map((line) => line.trim()).filter(Boolean);
    invite.mutate({ unitId, respondentGroup: group, count: survey.collectsIdentity && named.length > 0 ? named.length : Number(count) || 1, ...(survey.collectsIdentity && named.length > 0 ? { labels: named } : {}) });
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('survey.links.title')}</h2>
      <h3>{t('survey.links.public')}</h3>
      <p className="hint">{t('survey.links.publicHint')}</p>
      {address ? (
        <p className="sv-link">
          <span className="visually-hidden">{t('survey.links.address')}: </span>
          <a href={address} target="_blank" rel="noreferrer">
            {address}
          </a>{' '}
          <CopyButton text={address} />
        </p>
      ) : (
        <p className="muted">{t('survey.links.none')}</p>
      )}
      <div className="buttons">
        <button type="button" className={address ? 'button-secondary' : undefined} disabled={link.isPending} onClick={() => link.mutate(true)}>
          {t(address ? 'survey.links.replace' : 'survey.links.create')}
        </button>{' '}
        {address && (
          <button type="button" className="button-danger" disabled={link.isPending} onClick={() => link.mutate(false)}>
            {t('survey.links.remove')}
          </button>
        )}
      </div>
      <ErrorMessage error={link.error} />
      <h3>{t('survey.links.personal')}</h3>
      <p className="hint">{t('survey.links.personalHint')}</p>
      {units.length === 0 ? (
        <p className="muted">{t('survey.progress.none')}</p>
      ) : (
        <form onSubmit={generate} className="sv-invite">
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-unit`}>{t('survey.targets.unit')}</label>
              <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(Number(e.target.value))}>
                {units.map(([value, name]) => (
                  <option key={value} value={value}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-group`}>{t('survey.targets.group')}</label>
              <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value as TRespondentGroup)}>
                {RESPONDENT_GROUPS.map((code) => (
                  <option key={code} value={code}>
                    {t(`survey.group.${code}`)}
                  </option>
                ))}
              </select>
            </div>
            {!survey.collectsIdentity && (
              <div className="field">
                <label htmlFor={`${id}-count`}>{t('survey.links.count')}</label>
                <input id={`${id}-count`} type="number" min={1} max={1000} required value={count} onChange={(e) => setCount(e.target.value)} />
              </div>
            )}
          </div>
          {survey.collectsIdentity && (
            <div className="field">
              <label htmlFor={`${id}-labels`}>{t('survey.links.labels')}</label>
              <textarea id={`${id}-labels`} rows={4} required value={labels} onChange={(e) => setLabels(e.target.value)} />
            </div>
          )}
          <button type="submit" disabled={invite.isPending}>
            {t('survey.links.generate')}
          </button>
        </form>
      )}
      <ErrorMessage error={invite.error} />
      {tokens.length > 0 && (
        <div className="sv-tokens">
          <p role="status">{t('survey.links.generated', { count: tokens.length })}</p>
          <CopyButton text={all} />
          <ol>
            {tokens.map((token) => (
              <li key={token.token}>
                {token.label && <strong>{token.label}: </strong>}
                <code>{respondUrl(token.token)}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function Responses({ id }: { id: number }) {
  const headingId = useId();
  const [status, setStatus] = useState<(typeof RESPONSE_STATUSES)[number] | ''>('');
  const [limit, setLimit] = useState(50);
  const list = useSurveyResponses(id, { limit, ...(status ? { status } : {}) });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('survey.responses.title')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${headingId}-status`}>{t('survey.status')}</label>
          <select id={`${headingId}-status`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">{t('common.all')}</option>
            {RESPONSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`survey.responseStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryList query={list} items={(data) => data.items} empty={t('survey.responses.none')}>
        {(items, data) => (
        <>
          <p className="muted">{t('survey.responses.total', { count: formatNumber(data.total) })}</p>
          <table className="table responsive">
            <thead>
              <tr>
                <th>{t('survey.responses.submitted')}</th>
                <th>{t('survey.targets.unit')}</th>
                <th>{t('survey.targets.group')}</th>
                <th>{t('survey.responses.channel')}</th>
                <th>{t('survey.status')}</th>
                <th className="num">{t('survey.responses.version')}</th>
                <th className="num">{t('survey.responses.answers')}</th>
                <th>{t('survey.responses.enteredBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('survey.responses.submitted')}>{formatDateTime(r.submittedAt)}</td>
                  <td data-label={t('survey.targets.unit')}>{r.unitName}</td>
                  <td data-label={t('survey.targets.group')}>{t(`survey.group.${r.respondentGroup}`)}</td>
                  <td data-label={t('survey.responses.channel')}>{t(`survey.channel.${r.channel}`)}</td>
                  <td data-label={t('survey.status')}>{t(`survey.responseStatus.${r.status}`)}</td>
                  <td className="num" data-label={t('survey.responses.version')}>
                    {r.versionNumber}
                  </td>
                  <td className="num" data-label={t('survey.responses.answers')}>
                    {Object.keys(r.answers).length}
                  </td>
                  <td data-label={t('survey.responses.enteredBy')}>{r.enteredBy ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.total > data.items.length && (
            <button type="button" className="button-secondary" onClick={() => setLimit(Math.min(500, limit + 100))}>
              {t('survey.responses.more')}
            </button>
          )}
        </>
        )}
      </QueryList>
    </section>
  );
}
