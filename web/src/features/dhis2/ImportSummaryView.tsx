import type { TImportConflict, TImportSummary } from '#contracts/indicators/dhis2.api.ts';
import { t } from '../../i18n/i18n.ts';

/** Positions shown per conflict before "(và N vị trí khác)". */
const SHOWN = 10;

/** Where a conflict is in the file: CSV lines (the header is line 1) or the n-th JSON value. */
function where(conflict: TImportConflict, format: 'json' | 'csv'): string {
  if (conflict.indexes.length === 0) return t('common.none');
  const shown = conflict.indexes.slice(0, SHOWN).map((index) => index + (format === 'csv' ? 2 : 1));
  const list = shown.join(', ');
  const text = format === 'csv' ? t('dhis2.summary.lines', { list }) : t('dhis2.summary.values', { list });
  const rest = conflict.indexes.length - shown.length;
  return rest > 0 ? `${text} ${t('dhis2.summary.more', { count: rest })}` : text;
}

const COUNTS = ['imported', 'updated', 'ignored', 'deleted'] as const;

/** DHIS2's ImportSummary: status, the four counts, and each conflict with its positions and Vietnamese reason. */
export function ImportSummaryView({ summary }: { summary: TImportSummary }) {
  const format = summary.importOptions.format;
  return (
    <section className="dhis2-summary" aria-labelledby="dhis2-summary-title">
      <h3 id="dhis2-summary-title">
        {t('dhis2.summary.title')} <span className={`badge dhis2-status-${summary.status.toLowerCase()}`}>{t(`dhis2.summary.status.${summary.status}`)}</span>
      </h3>
      <p className={summary.importOptions.dryRun ? 'notice' : undefined}>{summary.description}</p>
      <dl className="dhis2-counts">
        {COUNTS.map((count) => (
          <div key={count}>
            <dt>{t(`dhis2.summary.${count}`)}</dt>
            <dd>{summary.importCount[count].toLocaleString('vi-VN')}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('dhis2.summary.conflicts', { count: summary.conflicts.length })}</h4>
      {summary.conflicts.length === 0 ? (
        <p className="muted">{t('dhis2.summary.noConflicts')}</p>
      ) : (
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">{t('dhis2.summary.where')}</th>
              <th scope="col">{t('dhis2.summary.object')}</th>
              <th scope="col">{t('dhis2.summary.reason')}</th>
              <th scope="col">{t('dhis2.summary.code')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.conflicts.map((conflict) => (
              <tr key={`${conflict.errorCode}|${conflict.object}|${conflict.value}`}>
                <td data-label={t('dhis2.summary.where')} className="dhis2-where">
                  {where(conflict, format)}
                </td>
                <td data-label={t('dhis2.summary.object')}>
                  <code>{conflict.object || t('common.none')}</code>
                </td>
                <td data-label={t('dhis2.summary.reason')}>{conflict.value}</td>
                <td data-label={t('dhis2.summary.code')} className="nowrap">
                  {conflict.errorCode}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.truncated && <p className="muted">{t('dhis2.summary.truncated')}</p>}
    </section>
  );
}
