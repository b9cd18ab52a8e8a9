import { useId, useState } from 'react';
import type { TExcelUploadResult } from '#contracts/indicators/excel.api.ts';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t } from '../../i18n/i18n.ts';
import { templateUrl, useExcelUpload } from './excel.api.ts';

interface ExcelPanelProps {
  dataSetId: number;
  period: string;
  unitId: number;
  /** 'unit': this report's rows; 'subtree': every reporting unit under the unit. */
  scope: 'unit' | 'subtree';
  /** Whether the user may upload (enter values); others only download. */
  canUpload: boolean;
  /** After a commit, once forms and completeness were read again. */
  onImported?: () => void;
}

/**
 * "Nhập bằng Excel": download the template pre-filled with the current values, fill it, upload it. The preview
 * lists each change (old → new), the errors by row and column and the rules the new values break; the server
 * writes nothing when any row is wrong, so confirming is offered only for a clean preview.
 */
export function ExcelPanel({ dataSetId, period, unitId, scope, canUpload, onImported }: ExcelPanelProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const preview = useExcelUpload(dataSetId, period, true);
  const commit = useExcelUpload(dataSetId, period, false);
  const choose = (chosen: File | null) => {
    setFile(chosen);
    preview.reset();
    commit.reset();
  };
  const result = preview.data;
  return (
    <section className="panel excel-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reports.excel.title')}</h2>
      <p className="hint">{t(scope === 'unit' ? 'reports.excel.hintUnit' : 'reports.excel.hintSubtree')}</p>
      <p>
        <a className="button button-secondary" href={templateUrl(dataSetId, period, unitId, scope)} download>
          {t(scope === 'unit' ? 'reports.excel.downloadUnit' : 'reports.excel.downloadSubtree')}
        </a>
      </p>
      {canUpload && (
        <>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('reports.excel.file')}</label>
            <input id={`${id}-file`} type="file" accept=".xlsx,.csv" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
          </div>
          <button type="button" disabled={!file || preview.isPending} onClick={() => file && preview.mutate(file)}>
            {t('reports.excel.preview')}
          </button>
          <ErrorMessage error={preview.error} />
          {result && <Preview result={result} />}
          {result && result.errorCount === 0 && result.changeCount > 0 && !commit.data && (
            <button type="button" disabled={commit.isPending} onClick={() => file && commit.mutate(file, { onSuccess: () => onImported?.() })}>
              {t('reports.excel.confirm', { count: result.changeCount, reports: result.reports })}
            </button>
          )}
          <ErrorMessage error={commit.error} />
          {commit.data && <Success>{t('reports.excel.done', { count: commit.data.written, reports: commit.data.reports })}</Success>}
        </>
      )}
    </section>
  );
}

function Preview({ result }: { result: TExcelUploadResult }) {
  const severity = (v: TExcelUploadResult['violations'][number]) => t(v.severity === 'error' ? 'reports.excel.severityError' : 'reports.excel.severityWarning');
  return (
    <div className="excel-preview">
      {result.errorCount > 0 ? (
        <p className="alert" role="alert">
          {t('reports.excel.hasErrors', { count: result.errorCount })}
        </p>
      ) : (
        <p role="status">{t('reports.excel.ready', { rows: result.rows, count: result.changeCount, reports: result.reports })}</p>
      )}
      {result.closedRows > 0 && <p className="muted">{t('reports.excel.closedRows', { count: result.closedRows })}</p>}
      {result.errors.length > 0 && <ErrorTable errors={result.errors} />}
      {result.changes.length > 0 && <ChangeTable changes={result.changes} count={result.changeCount} />}
      {result.violations.length > 0 && (
        <section className="checks" aria-label={t('reports.excel.violations')}>
          <h3>{t('reports.excel.violations')}</h3>
          <ul>
            {result.violations.map((v) => (
              <li key={`${v.row}|${v.code}`} className={v.severity === 'error' ? 'check-error' : 'check-warning'}>
                {t('reports.excel.violation', { row: v.row, unit: v.unitName, message: v.message, severity: severity(v) })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Row errors: row, column (header and letter), problem; one card per error on phones. */
function ErrorTable({ errors }: { errors: TExcelUploadResult['errors'] }) {
  return (
    <section aria-label={t('reports.excel.errorsCaption')}>
      <h3>{t('reports.excel.errorsCaption')}</h3>
      <table className="table responsive">
        <thead>
          <tr>
            <th scope="col">{t('reports.excel.row')}</th>
            <th scope="col">{t('reports.excel.column')}</th>
            <th scope="col">{t('reports.excel.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={`${error.row}|${error.field}|${error.message}`} className="row-error">
              <td data-label={t('reports.excel.row')}>{error.row}</td>
              <td data-label={t('reports.excel.column')}>{error.field}</td>
              <td data-label={t('reports.excel.problem')}>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The cells the upload changes, old → new (the first ones when the server listed only part). */
function ChangeTable({ changes, count }: { changes: TExcelUploadResult['changes']; count: number }) {
  const title = changes.length < count ? t('reports.excel.changesFirst', { shown: changes.length, count }) : t('reports.excel.changesCaption');
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <table className="table responsive">
        <thead>
          <tr>
            <th scope="col">{t('reports.excel.row')}</th>
            <th scope="col">{t('reports.excel.unit')}</th>
            <th scope="col">{t('reports.excel.element')}</th>
            <th scope="col">{t('reports.excel.old')}</th>
            <th scope="col">{t('reports.excel.new')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={`${change.row}|${change.dataElementId}|${change.cocId}`}>
              <td data-label={t('reports.excel.row')}>{change.row}</td>
              <td data-label={t('reports.excel.unit')}>{change.unitName}</td>
              <td data-label={t('reports.excel.element')}>{change.column}</td>
              <td data-label={t('reports.excel.old')}>{change.oldValue ?? t('reports.excel.empty')}</td>
              <td data-label={t('reports.excel.new')}>
                <strong>{change.newValue ?? t('reports.excel.removed')}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
