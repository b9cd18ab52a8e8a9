import type { TReport } from '#contracts/indicators/reports.api.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';

/** Who moved the report when, and why (a return or a withdrawn approval says why). */
export function ReportHistory({ report }: { report: TReport | null }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('reports.history')}</h2>
      {!report || report.history.length === 0 ? (
        <p className="muted">{t('reports.noHistory')}</p>
      ) : (
        <ol className="report-history">
          {report.history.map((h, i) => (
            <li key={i}>
              {t('reports.historyLine', { at: formatDateTime(h.at), by: h.by, from: t(`reports.state.${h.from}`), to: t(`reports.state.${h.to}`) })}
              {h.reason && <q>{h.reason}</q>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
