import { useId, useState, type FormEvent } from 'react';
import { DHIS2_IMPORT_TARGET, ID_SCHEMES, IMPORT_STRATEGIES, type TIdScheme, type TImportStrategy } from '#contracts/indicators/dhis2.api.ts';
import type { TDataSet } from '#contracts/indicators/metadata.api.ts';
import { ErrorMessage } from '../../components/Status.tsx';
import { useImportJob } from '../../components/useImportJob.ts';
import { t } from '../../i18n/i18n.ts';
import { summaryOf, useStartImport } from './dhis2.api.ts';
import { dataSetIdentifier } from './identifiers.ts';
import { ImportSummaryView } from './ImportSummaryView.tsx';

/**
 * Upload a dataValueSets file with DHIS2's options (dry run on by default), follow the job's progress, then read
 * the ImportSummary. After a reload the page finds the user's latest import again (useImportJob).
 */
export function Dhis2Import({ dataSets }: { dataSets: readonly TDataSet[] }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [importStrategy, setStrategy] = useState<TImportStrategy>('CREATE_AND_UPDATE');
  const [idScheme, setIdScheme] = useState<TIdScheme>('UID');
  const [dataSetId, setDataSetId] = useState('');
  const start = useStartImport();
  const found = useImportJob(DHIS2_IMPORT_TARGET, start.data?.jobId ?? null);
  // until the job just started is read, the previous import's outcome is not this file's
  const waiting = start.isPending || (start.data !== undefined && found.job?.id !== start.data.jobId);
  const job = waiting ? null : found.job;
  const jobError = found.error;
  const running = waiting || job?.status === 'queued' || job?.status === 'running';
  const summary = running ? null : summaryOf(job);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const dataSet = dataSets.find((candidate) => String(candidate.id) === dataSetId);
    start.mutate({ file, choices: { dryRun, importStrategy, idScheme, dataSet: dataSet ? dataSetIdentifier(dataSet, idScheme) : '' } });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dhis2.import.title')}</h2>
      <form className="dhis2-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('dhis2.import.file')}</label>
          <input id={`${id}-file`} type="file" accept=".json,.csv,application/json,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-strategy`}>{t('dhis2.import.strategy')}</label>
          <select id={`${id}-strategy`} value={importStrategy} onChange={(event) => setStrategy(event.target.value as TImportStrategy)}>
            {IMPORT_STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {t(`dhis2.import.strategy.${strategy}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scheme`}>{t('dhis2.import.idScheme')}</label>
          <select id={`${id}-scheme`} value={idScheme} onChange={(event) => setIdScheme(event.target.value as TIdScheme)}>
            {ID_SCHEMES.map((scheme) => (
              <option key={scheme} value={scheme}>
                {t(`dhis2.import.idScheme.${scheme}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-set`}>{t('dhis2.import.dataSet')}</label>
          <select id={`${id}-set`} value={dataSetId} onChange={(event) => setDataSetId(event.target.value)}>
            <option value="">{t('dhis2.import.noDataSet')}</option>
            {dataSets.map((dataSet) => (
              <option key={dataSet.id} value={dataSet.id}>
                {dataSet.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id={`${id}-dry`} type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />
          <label htmlFor={`${id}-dry`}>{t('dhis2.import.dryRun')}</label>
        </div>
        <button type="submit" disabled={!file || start.isPending || running}>
          {dryRun ? t('dhis2.import.submitDry') : t('dhis2.import.submit')}
        </button>
      </form>
      <ErrorMessage error={start.error} />
      <ErrorMessage error={jobError} />
      {running && (
        <p role="status" className="muted">
          {!job || job.progress.total === null ? t('dhis2.import.queued') : t('dhis2.import.progress', { done: job.progress.done, total: job.progress.total })}
          <progress value={job?.progress.done ?? 0} max={job?.progress.total ?? 1} aria-hidden="true" />
        </p>
      )}
      {job?.status === 'failed' && !summary && (
        <div className="alert" role="alert">
          <p>
            {t('dhis2.import.failed')}: {job.error}
          </p>
        </div>
      )}
      {summary && <ImportSummaryView summary={summary} />}
    </section>
  );
}
