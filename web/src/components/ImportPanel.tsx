import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { TRowError } from '#contracts/common.ts';
import { t } from '../i18n/i18n.ts';
import { ErrorMessage, Success } from './Status.tsx';
import { useImportJob } from './useImportJob.ts';

/** What both import endpoints answer: the parsed rows, row errors, and how many were written. */
interface ImportResult<Row extends { row: number }> {
  dryRun: boolean;
  rows: Row[];
  errors: TRowError[];
  created: number;
  /** A commit runs as a background job; its id (null for a preview). */
  jobId: string | null;
}

interface ImportColumn<Row> {
  label: string;
  value: (row: Row) => string;
}

interface ImportPanelProps<Row extends { row: number }> {
  title: string;
  /** Which columns the file must have. */
  hint: string;
  columns: ImportColumn<Row>[];
  run: (file: File, dryRun: boolean) => Promise<ImportResult<Row>>;
  /** What the import works on ('admin_unit:12'): after a reload the panel finds a job still running there. */
  target: string;
  onImported?: () => void;
}

/**
 * Spreadsheet import in two steps: preview (dryRun, nothing written) with errors by row number, then confirm.
 * The server writes nothing when any row is wrong, so confirming is offered only for a clean preview.
 */
export function ImportPanel<Row extends { row: number }>({ title, hint, columns, run, target, onImported }: ImportPanelProps<Row>) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => run(chosen, true) });
  const commit = useMutation({ mutationFn: (chosen: File) => run(chosen, false) });
  const { job, error: jobError } = useImportJob(target, commit.data?.jobId ?? null);
  const succeeded = job?.status === 'succeeded' ? job.id : null;
  const onImportedRef = useRef(onImported);
  useEffect(() => {
    onImportedRef.current = onImported;
  });
  // once per finished job: refresh what the import changed
  useEffect(() => {
    if (succeeded) onImportedRef.current?.();
  }, [succeeded]);
  const result = preview.data;
  const errorsByRow = new Map<number, string[]>();
  for (const error of result?.errors ?? []) errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), `${error.field}: ${error.message}`]);
  const rowNumbers = new Set(result?.rows.map((row) => row.row));
  const otherErrors = result?.errors.filter((error) => !rowNumbers.has(error.row)) ?? [];

  const choose = (chosen: File | null) => {
    setFile(chosen);
    preview.reset();
    commit.reset();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="hint">{hint}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input id={`${id}-file`} type="file" accept=".xlsx,.csv" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
      </div>
      <button type="button" disabled={!file || preview.isPending} onClick={() => file && preview.mutate(file)}>
        {t('import.preview')}
      </button>
      <ErrorMessage error={preview.error} />
      {result && (
        <>
          {result.errors.length > 0 ? (
            <p className="alert" role="alert">
              {t('import.hasErrors', { count: result.errors.length })}
            </p>
          ) : (
            <p role="status">{t('import.ready', { count: result.rows.length })}</p>
          )}
          {otherErrors.length > 0 && (
            <ul className="error-list">
              {otherErrors.map((error) => (
                <li key={`${error.row}-${error.field}`}>{t('import.rowError', { row: error.row, message: error.message })}</li>
              ))}
            </ul>
          )}
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('import.previewTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  {columns.map((column) => (
                    <th scope="col" key={column.label}>
                      {column.label}
                    </th>
                  ))}
                  <th scope="col">{t('import.errors')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.row} className={errorsByRow.has(row.row) ? 'row-error' : undefined}>
                    <td>{row.row}</td>
                    {columns.map((column) => (
                      <td key={column.label}>{column.value(row)}</td>
                    ))}
                    <td>{errorsByRow.get(row.row)?.join('; ') ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.errors.length === 0 && result.rows.length > 0 && !commit.data && !(job && (job.status === 'queued' || job.status === 'running')) && (
            <button type="button" disabled={commit.isPending} onClick={() => file && commit.mutate(file)}>
              {t('import.confirm', { count: result.rows.length })}
            </button>
          )}
        </>
      )}
      <ErrorMessage error={commit.error} />
      <ErrorMessage error={jobError} />
      {job && (job.status === 'queued' || job.status === 'running') && (
        <p role="status" className="muted">
          {job.progress.total === null ? t('import.queued') : t('import.progress', { done: job.progress.done, total: job.progress.total })}
          <progress value={job.progress.done} max={job.progress.total ?? 1} aria-hidden="true" />
        </p>
      )}
      {job?.status === 'failed' && (
        <div className="alert" role="alert">
          <p>{job.error}</p>
          {job.result?.errors && job.result.errors.length > 0 && (
            <ul className="error-list">
              {job.result.errors.slice(0, 20).map((error) => (
                <li key={`${error.row}-${error.field}`}>{t('import.rowError', { row: error.row, message: `${error.field}: ${error.message}` })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {job?.status === 'succeeded' && <Success>{t('import.done', { count: job.result?.created ?? 0 })}</Success>}
    </section>
  );
}
