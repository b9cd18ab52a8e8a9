import { useId, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { TRowError } from '#contracts/common.ts';
import { t } from '../i18n/i18n.ts';
import { ErrorMessage, Success } from './Status.tsx';

/** What both import endpoints answer: the parsed rows, row errors, and how many were written. */
interface ImportResult<Row extends { row: number }> {
  dryRun: boolean;
  rows: Row[];
  errors: TRowError[];
  created: number;
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
  onImported?: () => void;
}

/**
 * Spreadsheet import in two steps: preview (dryRun, nothing written) with errors by row number, then confirm.
 * The server writes nothing when any row is wrong, so confirming is offered only for a clean preview.
 */
export function ImportPanel<Row extends { row: number }>({ title, hint, columns, run, onImported }: ImportPanelProps<Row>) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (chosen: File) => run(chosen, true) });
  const commit = useMutation({ mutationFn: (chosen: File) => run(chosen, false), onSuccess: () => onImported?.() });
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
          {result.errors.length === 0 && result.rows.length > 0 && !commit.data && (
            <button type="button" disabled={commit.isPending} onClick={() => file && commit.mutate(file)}>
              {t('import.confirm', { count: result.rows.length })}
            </button>
          )}
        </>
      )}
      <ErrorMessage error={commit.error} />
      {commit.data &&
        (commit.data.errors.length > 0 ? (
          <p className="alert" role="alert">
            {t('import.hasErrors', { count: commit.data.errors.length })}
          </p>
        ) : (
          <Success>{t('import.done', { count: commit.data.created })}</Success>
        ))}
    </section>
  );
}
