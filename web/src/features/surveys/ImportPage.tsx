import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { TRowError } from '#contracts/common.ts';
import type { TJob } from '#contracts/jobs.ts';
import { RESPONDENT_GROUPS, type TRespondentGroup, type TSurvey } from '#contracts/surveys/survey.schemas.ts';
import { useMe } from '../../app/session.ts';
import { ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { useImportJob } from '../../components/useImportJob.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { canSurveys } from './can.ts';
import { SurveyNav } from './SurveyNav.tsx';
import { useImportResponses, useSurvey } from './surveys.api.ts';
import './surveys.css';

/** "Nhập phiếu từ tệp": responses from a KoboToolbox/ODK CSV or Excel export, as a job whose progress is shown. */
export function ImportPage() {
  const id = Number(useParams().id);
  const survey = useSurvey(id);
  usePageTitle(t('survey.import.title'));
  const me = useMe();
  return (
    <section className="sv-page">
      <p>
        <Link to="/khao-sat">{t('survey.back')}</Link>
      </p>
      <h1>{survey.data ? `${t('survey.import.title')}: ${survey.data.title}` : t('survey.import.title')}</h1>
      <SurveyNav id={id} />
      {survey.isPending && <Loading />}
      <ErrorMessage error={survey.error} />
      {survey.data && !canSurveys(me, 'surveys.enter') && <p className="muted">{t('survey.noRight')}</p>}
      {survey.data && canSurveys(me, 'surveys.enter') && (survey.data.status === 'draft' || !survey.data.form ? <p className="muted">{t('survey.import.notOpen')}</p> : <ImportForm survey={survey.data} />)}
    </section>
  );
}

const running = (job: TJob | null | undefined) => job?.status === 'queued' || job?.status === 'running';

function ImportForm({ survey }: { survey: TSurvey }) {
  const id = useId();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<number | ''>('');
  const [group, setGroup] = useState<TRespondentGroup | ''>('');
  const start = useImportResponses(survey.id);
  const { job, error: jobError } = useImportJob(`survey:${survey.id}`, start.data?.id ?? null);
  const units = [...new Map(survey.targets.map((target) => [target.unitId, target.unitName ?? String(target.unitId)])).entries()];
  const groups = [...new Set(survey.targets.map((target) => target.respondentGroup))];
  // once per finished import: the counts on the other pages change
  const finished = job?.status === 'succeeded' && job.result?.dryRun !== true ? job.id : null;
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (finished && refreshed.current !== finished) {
      refreshed.current = finished;
      void client.invalidateQueries({ queryKey: ['surveys'] });
    }
  }, [finished, client]);
  const run = (dryRun: boolean) => {
    if (!file) return;
    start.mutate({ file, dryRun, ...(unitId !== '' ? { unitId } : {}), ...(group !== '' ? { respondentGroup: group } : {}) });
  };
  const busy = start.isPending || running(job);
  return (
    <>
      <p className="hint">{t('survey.import.hint')}</p>
      <form
        className="panel"
        aria-labelledby={`${id}-h`}
        onSubmit={(event) => {
          event.preventDefault();
          run(false);
        }}
      >
        <h2 id={`${id}-h`}>{t('survey.import.title')}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('survey.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              start.reset();
            }}
          />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-unit`}>{t('survey.import.unit')}</label>
            <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : '')}>
              <option value="">{t('survey.import.none')}</option>
              {units.map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('survey.import.group')}</label>
            <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value as TRespondentGroup | '')}>
              <option value="">{t('survey.import.none')}</option>
              {(groups.length > 0 ? groups : RESPONDENT_GROUPS).map((code) => (
                <option key={code} value={code}>
                  {t(`survey.group.${code}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="buttons">
          <button type="button" className="button-secondary" disabled={!file || busy} onClick={() => run(true)}>
            {t('survey.import.check')}
          </button>{' '}
          <button type="submit" disabled={!file || busy}>
            {t('survey.import.run')}
          </button>
        </div>
        <ErrorMessage error={start.error} />
        <ErrorMessage error={jobError} />
      </form>
      {job && <JobOutcome job={job} />}
    </>
  );
}

/** The job's progress while it runs (a bar with the rows done), then its outcome: the count, or the row errors. */
function JobOutcome({ job }: { job: TJob }) {
  const id = useId();
  const total = job.progress.total;
  const done = job.status === 'succeeded' && total !== null ? total : job.progress.done;
  const percent = total ? Math.round((done / total) * 100) : job.status === 'succeeded' ? 100 : 0;
  const result = (job.result ?? {}) as { created?: number; duplicates?: number; checked?: number; generatedIds?: number; ignoredColumns?: string[]; dryRun?: boolean; errors?: TRowError[]; errorCount?: number };
  const errors = result.errors ?? [];
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {t('survey.import.progressLabel')}
      </h2>
      <p role="status" className="sv-import-progress">
        {total === null && running(job) ? t('survey.import.queued') : t('survey.import.progress', { done: formatNumber(done), total: formatNumber(total ?? done), percent })}
      </p>
      <progress className="sv-progress" aria-label={t('survey.import.progressLabel')} value={percent} max={100} />
      {job.status === 'succeeded' && result.dryRun === true && <Success>{t('survey.import.checked', { count: formatNumber(result.checked ?? 0) })}</Success>}
      {job.status === 'succeeded' && result.dryRun !== true && <Success>{t('survey.import.done', { count: formatNumber(result.created ?? 0) })}</Success>}
      {job.status === 'succeeded' && (
        <ul className="sv-import-notes">
          {(result.duplicates ?? 0) > 0 && <li>{t('survey.import.duplicates', { count: formatNumber(result.duplicates ?? 0) })}</li>}
          {(result.generatedIds ?? 0) > 0 && <li>{t('survey.import.generated', { count: formatNumber(result.generatedIds ?? 0) })}</li>}
          {(result.ignoredColumns?.length ?? 0) > 0 && <li>{t('survey.import.ignored', { columns: result.ignoredColumns?.join(', ') ?? '' })}</li>}
        </ul>
      )}
      {job.status === 'failed' && (
        <div className="alert" role="alert">
          <p>{t('survey.import.failed')}</p>
          {job.error && <p>{job.error}</p>}
          {(result.errorCount ?? errors.length) > 0 && <p>{t('survey.import.errorCount', { count: formatNumber(result.errorCount ?? errors.length) })}</p>}
        </div>
      )}
      {errors.length > 0 && (
        <table className="table responsive">
          <thead>
            <tr>
              <th className="num">{t('survey.import.row')}</th>
              <th>{t('survey.import.field')}</th>
              <th>{t('survey.import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, i) => (
              <tr key={i} className="sv-issue">
                <td className="num" data-label={t('survey.import.row')}>
                  {error.row}
                </td>
                <td data-label={t('survey.import.field')}>
                  <code>{error.field}</code>
                </td>
                <td data-label={t('survey.import.message')}>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
