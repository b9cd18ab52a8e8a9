import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TNominationDetail, TReviewItem } from '#contracts/emulation/review.api.ts';
import { can } from '../../../app/can.ts';
import { useMe } from '../../../app/session.ts';
import { DateField } from '../../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading, Success } from '../../../components/Status.tsx';
import { usePageTitle } from '../../../components/usePageTitle.ts';
import { formatDate, formatDateTime, formatNumber, todayInVietnam } from '../../../i18n/format.ts';
import { t } from '../../../i18n/i18n.ts';
import { EmulationNav } from '../EmulationNav.tsx';
import { AttachmentsPanel } from '../../files/AttachmentsPanel.tsx';
import { percentText, ResultBadge } from './CampaignReviewPage.tsx';
import { useConclude, useNomination, useScore, useWithdraw } from './review.api.ts';
import '../emulation.css';
import './review.css';

const scoreText = (item: TReviewItem | undefined, score: { score: number | null; passed: boolean | null }) =>
  item?.scoring === 'pass_fail' ? (score.passed ? t('emuReview.passed') : t('emuReview.notPassed')) : score.score === null ? '—' : formatNumber(score.score);

/** Per line of the sheet: the average or the votes, and the signed-in reviewer's form when they may score. */
function LinesSection({ data }: { data: TNominationDetail }) {
  const me = useMe();
  const id = useId();
  const score = useScore(data.id);
  const mine = new Map(data.scores.filter((s) => s.reviewer.id === me.id).map((s) => [s.itemId, s]));
  const results = new Map(data.itemResults.map((r) => [r.itemId, r]));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scores = data.sheet.items.flatMap((item) => {
      const value = String(form.get(`v-${item.id}`) ?? '');
      const note = String(form.get(`n-${item.id}`) ?? '').trim();
      if (value === '') return [];
      return [
        item.scoring === 'weight'
          ? { itemId: item.id, score: Number(value), ...(note ? { note } : {}) }
          : { itemId: item.id, passed: value === 'pass', ...(note ? { note } : {}) },
      ];
    });
    if (scores.length > 0) score.mutate({ scores });
  };
  const table = (
    <table className="table responsive emr-table">
      <thead>
        <tr>
          <th>{t('emuReview.code')}</th>
          <th>{t('emuReview.criterion')}</th>
          <th className="num">{t('emuReview.maxScore')}</th>
          <th className="num">{t('emuReview.average')}</th>
          {data.canReview && <th>{t('emuReview.myScores')}</th>}
        </tr>
      </thead>
      <tbody>
        {data.sheet.items.map((item) => {
          const result = results.get(item.id);
          const own = mine.get(item.id);
          return (
            <tr key={item.id}>
              <td data-label={t('emuReview.code')} className="nowrap">
                {item.code}
              </td>
              <td data-label={t('emuReview.criterion')}>
                {item.text}
                <span className="muted"> · {t(`emuReview.scoring.${item.scoring}`)}</span>
              </td>
              <td data-label={t('emuReview.maxScore')} className="num">
                {item.maxScore === null ? '—' : formatNumber(item.maxScore)}
              </td>
              <td data-label={t('emuReview.average')} className="num">
                {item.scoring === 'weight'
                  ? result?.average === null || result?.average === undefined
                    ? '—'
                    : formatNumber(result.average)
                  : t('emuReview.votes', { pass: formatNumber(result?.passVotes ?? 0), fail: formatNumber(result?.failVotes ?? 0) })}
              </td>
              {data.canReview && (
                <td data-label={t('emuReview.myScores')}>
                  <label className="visually-hidden" htmlFor={`${id}-v-${item.id}`}>
                    {t('emuReview.value')} {item.code}
                  </label>
                  {item.scoring === 'weight' ? (
                    <input
                      id={`${id}-v-${item.id}`}
                      name={`v-${item.id}`}
                      type="number"
                      min={0}
                      max={item.maxScore ?? undefined}
                      step="0.25"
                      defaultValue={own?.score ?? ''}
                      className="emr-score"
                    />
                  ) : (
                    <select id={`${id}-v-${item.id}`} name={`v-${item.id}`} defaultValue={own ? (own.passed ? 'pass' : 'fail') : ''}>
                      <option value="">{t('emuReview.choose')}</option>
                      <option value="pass">{t('emuReview.passed')}</option>
                      <option value="fail">{t('emuReview.notPassed')}</option>
                    </select>
                  )}
                  <label className="visually-hidden" htmlFor={`${id}-n-${item.id}`}>
                    {t('emuReview.note')} {item.code}
                  </label>
                  <input id={`${id}-n-${item.id}`} name={`n-${item.id}`} type="text" maxLength={1000} placeholder={t('emuReview.note')} defaultValue={own?.note ?? ''} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('emuReview.lines')}</h2>
      {data.canReview ? (
        <form onSubmit={submit} key={data.version}>
          <p className="muted">{t('emuReview.myScoresIntro')}</p>
          {table}
          <ErrorMessage error={score.error} />
          {score.isSuccess && <Success>{t('emuReview.saved')}</Success>}
          <button type="submit" disabled={score.isPending}>
            {t('emuReview.saveScores')}
          </button>
        </form>
      ) : (
        table
      )}
    </section>
  );
}

function ScoresSection({ data }: { data: TNominationDetail }) {
  const items = new Map(data.sheet.items.map((i) => [i.id, i]));
  const rows = (list: TNominationDetail['scores'], revisions: boolean) => (
    <table className="table responsive emr-table">
      <thead>
        <tr>
          <th>{t('emuReview.reviewer')}</th>
          <th>{t('emuReview.code')}</th>
          <th className="num">{t('emuReview.value')}</th>
          {revisions && <th className="num">{t('emuReview.revision')}</th>}
          <th>{t('emuReview.note')}</th>
          <th>{t('emuReview.at')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((s) => (
          <tr key={`${s.reviewer.id}-${s.itemId}-${s.revision}`}>
            <td data-label={t('emuReview.reviewer')}>{s.reviewer.name}</td>
            <td data-label={t('emuReview.code')}>{items.get(s.itemId)?.code}</td>
            <td data-label={t('emuReview.value')} className="num">
              {scoreText(items.get(s.itemId), s)}
            </td>
            {revisions && (
              <td data-label={t('emuReview.revision')} className="num">
                {formatNumber(s.revision)}
              </td>
            )}
            <td data-label={t('emuReview.note')}>{s.note ?? ''}</td>
            <td data-label={t('emuReview.at')} className="nowrap">
              {formatDateTime(s.at)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby="emr-scores">
      <h2 id="emr-scores">{t('emuReview.scores')}</h2>
      {data.scores.length === 0 && <Empty>{t('emuReview.noScores')}</Empty>}
      {data.scores.length > 0 && rows(data.scores, false)}
      {data.history.length > data.scores.length && (
        <details>
          <summary>{t('emuReview.history')}</summary>
          {rows(data.history, true)}
        </details>
      )}
    </section>
  );
}

function ConcludeForm({ data }: { data: TNominationDetail }) {
  const id = useId();
  const conclude = useConclude(data.id);
  const [meetingOn, setMeetingOn] = useState(todayInVietnam());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const num = (name: string) => Number(form.get(name) ?? 0);
    conclude.mutate({
      version: data.version,
      meetingOn,
      attendees: String(form.get('attendees') ?? ''),
      participantCount: num('participantCount'),
      votesFor: num('votesFor'),
      votesAgainst: num('votesAgainst'),
      votesAbstain: num('votesAbstain'),
    });
  };
  return (
    <section aria-labelledby={`${id}-h`} className="panel emr-panel">
      <h2 id={`${id}-h`}>{t('emuReview.conclude')}</h2>
      <p className="muted">{t('emuReview.concludeIntro')}</p>
      <form onSubmit={submit} className="emr-grid-form">
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('emuReview.meetingOn')}</label>
          <DateField id={`${id}-date`} value={meetingOn} onChange={setMeetingOn} required max={todayInVietnam()} />
        </div>
        <div className="field emr-wide">
          <label htmlFor={`${id}-who`}>{t('emuReview.attendees')}</label>
          <textarea id={`${id}-who`} name="attendees" rows={2} maxLength={2000} required />
        </div>
        {(['participantCount', 'votesFor', 'votesAgainst', 'votesAbstain'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`${id}-${name}`}>{t(`emuReview.${name}`)}</label>
            <input id={`${id}-${name}`} name={name} type="number" min={name === 'participantCount' ? 1 : 0} step={1} required defaultValue={name === 'participantCount' ? '' : 0} />
          </div>
        ))}
        <div className="emr-wide">
          <ErrorMessage error={conclude.error} />
          <button type="submit" disabled={conclude.isPending}>
            {t('emuReview.conclude')}
          </button>
        </div>
      </form>
    </section>
  );
}

function WithdrawForm({ data }: { data: TNominationDetail }) {
  const id = useId();
  const withdraw = useWithdraw(data.id);
  const [reason, setReason] = useState('');
  return (
    <details className="emr-withdraw">
      <summary>{t('emuReview.withdraw')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          withdraw.mutate({ version: data.version, reason });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('emuReview.reason')}</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={1000} />
        </div>
        <ErrorMessage error={withdraw.error} />
        <button type="submit" disabled={withdraw.isPending}>
          {t('emuReview.withdraw')}
        </button>
      </form>
    </details>
  );
}

/** "Hồ sơ đề nghị xét chọn": the result, the lines with the reviewer's form, every score and correction, the minutes, the conclusion. */
export function NominationPage() {
  const params = useParams();
  const id = String(params.id);
  const me = useMe();
  const nomination = useNomination(id);
  const data = nomination.data;
  usePageTitle(data?.model.title ?? t('emuReview.nominationTitle'));
  if (!can(me, 'emulation.read')) return <p className="error">{t('emuReview.notAllowed')}</p>;
  return (
    <article className="emr-page">
      <EmulationNav />
      {data && (
        <p>
          <Link to={`/emulation/campaigns/${data.campaignId}/review`}>{t('emuReview.backToReview')}</Link>
        </p>
      )}
      {nomination.isPending && <Loading />}
      <ErrorMessage error={nomination.error} />
      {data && (
        <>
          <header>
            <p className="emr-kicker">
              {t('emuReview.nominationTitle')} · {t(`emuReview.kind.${data.model.kind}`)} · {t(`emuReview.status.${data.status}`)}
            </p>
            <h1>{data.model.title}</h1>
            <p>{t('emuReview.fromTo', { from: data.fromUnit.fullName, to: data.toUnit.fullName })}</p>
            <p>
              <Link to={`/emulation/models/${data.model.id}`}>{t('emuReview.openModel')}</Link>
            </p>
            {data.note && <p className="muted">{data.note}</p>}
          </header>
          <section aria-labelledby="emr-summary" className="emr-summary">
            <h2 id="emr-summary">{t('emuReview.summary')}</h2>
            <dl className="emr-facts">
              <div>
                <dt>{t('emuReview.total')}</dt>
                <dd className="emr-big">{percentText(data.totalPercent)}</dd>
              </div>
              <div>
                <dt>{t('emuReview.result')}</dt>
                <dd>
                  <ResultBadge passed={data.passed} complete={data.complete} />
                </dd>
              </div>
              <div>
                <dt>{t('emuReview.reviewers')}</dt>
                <dd>{t('emuReview.reviewerCount', { count: formatNumber(data.reviewerCount) })}</dd>
              </div>
              <div>
                <dt>{t('emuReview.passPercent')}</dt>
                <dd>{formatNumber(data.sheet.passPercent)}</dd>
              </div>
            </dl>
            {data.meeting && (
              <p>
                <strong>{t('emuReview.meeting')}: </strong>
                {t('emuReview.meetingText', {
                  date: formatDate(data.meeting.meetingOn),
                  attendees: data.meeting.attendees,
                  count: formatNumber(data.meeting.participantCount),
                  for: formatNumber(data.meeting.votesFor),
                  against: formatNumber(data.meeting.votesAgainst),
                  abstain: formatNumber(data.meeting.votesAbstain),
                })}
              </p>
            )}
            {data.stepNote && (
              <p className="emr-note">
                <strong>{t('emuReview.stepNote')}: </strong>
                {data.stepNote}
              </p>
            )}
          </section>
          <LinesSection data={data} />
          <ScoresSection data={data} />
          <section aria-labelledby="emr-minutes">
            <h2 id="emr-minutes">{t('emuReview.minutes')}</h2>
            <AttachmentsPanel ownerType="emulation_nomination" ownerId={data.id} mayAttach={data.canAttach} />
          </section>
          {data.canReview && <ConcludeForm data={data} />}
          {data.status === 'nominated' && can(me, 'emulation.review') && <WithdrawForm data={data} />}
        </>
      )}
    </article>
  );
}
