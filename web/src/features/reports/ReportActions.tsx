import { useState } from 'react';
import type { TForm, TReport, TReportState } from '#contracts/indicators/reports.api.ts';
import { useOutbox } from '../../components/outbox/useOutbox.ts';
import { ErrorMessage, Success } from '../../components/Status.tsx';
import { t, type MessageKey } from '../../i18n/i18n.ts';
import { useTransition } from './reports.api.ts';

/** The button of a move: resubmitting and withdrawing an approval read differently from their target state. */
function actionLabel(from: TReportState, to: TReportState): MessageKey {
  if (to === 'submitted' && from === 'returned') return 'reports.action.resubmitted';
  if (to === 'submitted' && from === 'approved') return 'reports.action.unapproved';
  return `reports.action.${to as 'submitted' | 'accepted' | 'approved' | 'returned'}`;
}

const needsReason = (from: TReportState, to: TReportState) => to === 'returned' || (from === 'approved' && to === 'submitted');

/**
 * The moves the server says this user may make now. Returning and withdrawing an approval ask for a reason;
 * sending waits until the outbox has delivered every change and the checks have no error.
 */
export function ReportActions({ form, report }: { form: TForm; report: TReport }) {
  const transition = useTransition(report.id);
  const { queued } = useOutbox();
  const [asking, setAsking] = useState<TReportState | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<TReportState | null>(null);
  if (report.actions.length === 0 && !done) return null;
  const errors = form.violations.some((v) => v.severity === 'error');
  const move = (to: TReportState) => {
    if (needsReason(report.state, to) && asking !== to) return setAsking(to);
    transition.mutate(
      { to, seenState: report.state, seenVersion: report.version, reason: needsReason(report.state, to) ? reason : null },
      { onSuccess: (next) => (setDone(next.state), setAsking(null), setReason('')) },
    );
  };
  return (
    <section aria-labelledby="actions-title" className="report-actions">
      <h2 id="actions-title">{t('reports.actions')}</h2>
      {report.actions.includes('submitted') && report.state !== 'approved' && queued > 0 && <p className="notice">{t('reports.waitOutbox')}</p>}
      {report.actions.includes('submitted') && report.state !== 'approved' && errors && <p className="notice">{t('reports.fixErrors')}</p>}
      {asking && (
        <label className="reason">
          {t('reports.reason')}
          <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} aria-describedby="reason-hint" required />
          <small id="reason-hint" className="muted">
            {t('reports.reasonHint')}
          </small>
        </label>
      )}
      <div className="buttons">
        {report.actions.map((to) => (
          <button
            key={to}
            type="button"
            className={to === 'returned' ? 'button-danger' : undefined}
            disabled={transition.isPending || (to === 'submitted' && report.state !== 'approved' && (queued > 0 || errors)) || (asking === to && reason.trim() === '')}
            onClick={() => move(to)}
          >
            {asking === to ? t('reports.confirm') : t(actionLabel(report.state, to))}
          </button>
        ))}
        {asking && (
          <button type="button" className="button-secondary" onClick={() => (setAsking(null), setReason(''))}>
            {t('reports.cancel')}
          </button>
        )}
      </div>
      <ErrorMessage error={transition.error} />
      {done && <Success>{t('reports.done', { state: t(`reports.state.${done}`) })}</Success>}
    </section>
  );
}
