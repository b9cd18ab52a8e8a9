import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TNomination, TReviewSheet } from '#contracts/emulation/review.api.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { Empty, ErrorMessage, Loading } from '../../../components/Status.tsx';
import { useDebounced } from '../../../components/useDebounced.ts';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { useCreateSheet, useNominable, useNominate, useNominations, useReviewSheet, useUpdateSheet } from './review.api.ts';
import '../emulation.css';
import './review.css';

/** "Đạt", "Không đạt" or "Chưa có điểm", with a sign that reads without colour. */
export function ResultBadge({ passed, complete }: { passed: boolean | null; complete?: boolean }) {
  const sign = passed === true ? '✓' : passed === false ? '✗' : '○';
  const text = passed === true ? t('emuReview.passed') : passed === false ? t('emuReview.notPassed') : t('emuReview.unknown');
  return (
    <span className={`emr-result emr-result-${passed === true ? 'pass' : passed === false ? 'fail' : 'none'}`}>
      <span aria-hidden="true">{sign} </span>
      {text}
      {complete === false && passed !== null ? ` (${t('emuReview.incomplete')})` : ''}
    </span>
  );
}

export const percentText = (value: number | null) => (value === null ? '—' : t('emuReview.percent', { value: formatNumber(value) }));

/** The sheet's lines as a table (code, text, whom it applies to, how it is scored). */
export function SheetTable({ sheet }: { sheet: TReviewSheet }) {
  return (
    <table className="table responsive emr-table">
      <thead>
        <tr>
          <th>{t('emuReview.code')}</th>
          <th>{t('emuReview.criterion')}</th>
          <th>{t('emuReview.appliesTo')}</th>
          <th>{t('emuReview.scoring')}</th>
          <th className="num">{t('emuReview.weight')}</th>
          <th className="num">{t('emuReview.maxScore')}</th>
        </tr>
      </thead>
      <tbody>
        {sheet.items.map((item) => (
          <tr key={item.id}>
            <td data-label={t('emuReview.code')} className="nowrap">
              {item.code}
            </td>
            <td data-label={t('emuReview.criterion')}>{item.text}</td>
            <td data-label={t('emuReview.appliesTo')}>{t(`emuReview.appliesTo.${item.appliesTo}`)}</td>
            <td data-label={t('emuReview.scoring')}>{t(`emuReview.scoring.${item.scoring}`)}</td>
            <td data-label={t('emuReview.weight')} className="num">
              {item.weight === null ? '—' : formatNumber(item.weight)}
            </td>
            <td data-label={t('emuReview.maxScore')} className="num">
              {item.maxScore === null ? '—' : formatNumber(item.maxScore)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SheetSection({ campaignId, mayManage }: { campaignId: number; mayManage: boolean }) {
  const id = useId();
  const sheet = useReviewSheet(campaignId);
  const create = useCreateSheet(campaignId);
  const update = useUpdateSheet(campaignId);
  const [pass, setPass] = useState('80');
  const submitCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(Number(pass));
  };
  const submitUpdate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!sheet.data) return;
    update.mutate({ version: sheet.data.version, passPercent: Number(new FormData(event.currentTarget).get('passPercent')) });
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('emuReview.sheet')}</h2>
      {sheet.isPending && <Loading />}
      <ErrorMessage error={sheet.error ?? create.error ?? update.error} />
      {sheet.data === null && (
        <>
          <Empty>{t('emuReview.noSheet')}</Empty>
          {mayManage && (
            <form className="emr-inline-form" onSubmit={submitCreate}>
              <div className="field">
                <label htmlFor={`${id}-pass`}>{t('emuReview.passPercent')}</label>
                <input id={`${id}-pass`} type="number" min={0} max={100} step="0.5" value={pass} onChange={(e) => setPass(e.target.value)} required />
              </div>
              <button type="submit" disabled={create.isPending}>
                {t('emuReview.makeSheet')}
              </button>
            </form>
          )}
        </>
      )}
      {sheet.data && (
        <>
          <p>{t('emuReview.passMark', { percent: formatNumber(sheet.data.passPercent) })}</p>
          {sheet.data.canManage && (
            <form className="emr-inline-form" onSubmit={submitUpdate} key={sheet.data.version}>
              <div className="field">
                <label htmlFor={`${id}-pass2`}>{t('emuReview.passPercent')}</label>
                <input id={`${id}-pass2`} name="passPercent" type="number" min={0} max={100} step="0.5" defaultValue={sheet.data.passPercent} required />
              </div>
              <button type="submit" disabled={update.isPending}>
                {t('emuReview.savePass')}
              </button>
            </form>
          )}
          <SheetTable sheet={sheet.data} />
        </>
      )}
    </section>
  );
}

function NominateForm({ campaignId }: { campaignId: number }) {
  const id = useId();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const nominable = useNominable(campaignId, search.trim(), true);
  const nominate = useNominate(campaignId);
  const [modelId, setModelId] = useState('');
  const [toUnitId, setToUnitId] = useState('');
  const [note, setNote] = useState('');
  const chosen = nominable.data?.find((n) => n.model.id === modelId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || !toUnitId) return;
    nominate.mutate(
      { modelId, toUnitId: Number(toUnitId), ...(note.trim() ? { note } : {}) },
      { onSuccess: (created) => void navigate(`/emulation/nominations/${created.id}`) },
    );
  };
  return (
    <section aria-labelledby={`${id}-h`} className="panel emr-panel">
      <h2 id={`${id}-h`}>{t('emuReview.nominate')}</h2>
      <p className="muted">{t('emuReview.nominateIntro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('emuReview.searchModel')}</label>
          <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        {nominable.data && nominable.data.length === 0 && <Empty>{t('emuReview.noNominable')}</Empty>}
        <div className="field">
          <label htmlFor={`${id}-model`}>{t('emuReview.model')}</label>
          <select
            id={`${id}-model`}
            value={modelId}
            required
            onChange={(e) => {
              setModelId(e.target.value);
              const next = nominable.data?.find((n) => n.model.id === e.target.value);
              setToUnitId(next?.reviewers[next.reviewers.length - 1]?.id.toString() ?? '');
            }}
          >
            <option value="">{t('emuReview.chooseModel')}</option>
            {nominable.data?.map((n) => (
              <option key={n.model.id} value={n.model.id}>
                {n.model.title} · {n.unit.fullName} · {t(`emuReview.kind.${n.model.kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('emuReview.toUnit')}</label>
          <select id={`${id}-to`} value={toUnitId} required onChange={(e) => setToUnitId(e.target.value)} disabled={!chosen}>
            {chosen?.reviewers.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.fullName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('emuReview.note')}</label>
          <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <ErrorMessage error={nominate.error} />
        <button type="submit" disabled={nominate.isPending || !chosen || !toUnitId}>
          {t('emuReview.nominate')}
        </button>
      </form>
    </section>
  );
}

function NominationsTable({ rows }: { rows: TNomination[] }) {
  return (
    <table className="table responsive emr-table">
      <thead>
        <tr>
          <th className="num">{t('emuReview.rank')}</th>
          <th>{t('emuReview.model')}</th>
          <th>{t('emuReview.kind')}</th>
          <th>{t('emuReview.fromUnit')}</th>
          <th>{t('emuReview.toUnit')}</th>
          <th className="num">{t('emuReview.reviewers')}</th>
          <th className="num">{t('emuReview.total')}</th>
          <th>{t('emuReview.result')}</th>
          <th>{t('emuReview.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={n.id}>
            <td data-label={t('emuReview.rank')} className="num">
              {n.rank ?? '—'}
            </td>
            <td data-label={t('emuReview.model')}>
              <Link to={`/emulation/nominations/${n.id}`}>{n.model.title}</Link>
            </td>
            <td data-label={t('emuReview.kind')}>{t(`emuReview.kind.${n.model.kind}`)}</td>
            <td data-label={t('emuReview.fromUnit')}>{n.fromUnit.fullName}</td>
            <td data-label={t('emuReview.toUnit')}>{n.toUnit.fullName}</td>
            <td data-label={t('emuReview.reviewers')} className="num">
              {formatNumber(n.reviewerCount)}
            </td>
            <td data-label={t('emuReview.total')} className="num">
              {percentText(n.totalPercent)}
            </td>
            <td data-label={t('emuReview.result')}>
              <ResultBadge passed={n.passed} complete={n.complete} />
            </td>
            <td data-label={t('emuReview.status')}>{t(`emuReview.status.${n.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Bình xét theo tiêu chí" of a campaign: its scoring sheet, the nomination form and the ranked nominations. */
export function CampaignReviewPage() {
  const params = useParams();
  const campaignId = Number(params.campaignId);
  const me = useMe();
  usePageTitle(t('emuReview.title'));
  const [kind, setKind] = useState<'' | 'collective' | 'individual'>('');
  const [q, setQ] = useState('');
  const search = useDebounced(q, 300);
  const nominations = useNominations(campaignId, { kind: kind || undefined, q: search.trim() || undefined });
  if (!can(me, 'emulation.read')) return <p className="error">{t('emuReview.notAllowed')}</p>;
  return (
    <article className="emr-page">
      <EmulationNav />
      <p>
        <Link to={`/emulation/campaigns/${campaignId}`}>{t('emuReview.backToCampaign')}</Link>
      </p>
      <h1>{t('emuReview.title')}</h1>
      <p className="muted">{t('emuReview.intro')}</p>
      <SheetSection campaignId={campaignId} mayManage={can(me, 'emulation.manageCampaigns')} />
      {can(me, 'emulation.review') && <NominateForm campaignId={campaignId} />}
      <section aria-labelledby="emr-nominations">
        <h2 id="emr-nominations">{t('emuReview.nominations')}</h2>
        <div className="emr-filters">
          <div className="field">
            <label htmlFor="emr-kind">{t('emuReview.kind')}</label>
            <select id="emr-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="">{t('emuReview.kind.all')}</option>
              <option value="collective">{t('emuReview.kind.collective')}</option>
              <option value="individual">{t('emuReview.kind.individual')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="emr-q">{t('emuReview.search')}</label>
            <input id="emr-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
        </div>
        {nominations.isPending && <Loading />}
        <ErrorMessage error={nominations.error} />
        {nominations.data && nominations.data.length === 0 && <Empty>{t('emuReview.noNominations')}</Empty>}
        {nominations.data && nominations.data.length > 0 && <NominationsTable rows={nominations.data} />}
      </section>
    </article>
  );
}

