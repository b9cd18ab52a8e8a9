import type { TReportState } from '#contracts/indicators/reports.api.ts';
import { t } from '../../i18n/i18n.ts';

const TONE: Record<TReportState, string> = {
  draft: 'badge',
  submitted: 'badge badge-info',
  accepted: 'badge badge-info',
  returned: 'badge badge-danger',
  approved: 'badge badge-ok',
};

/** A report's state as a badge, with "Trễ hạn" when its first submission came after the due date. */
export function StateBadge({ state, late = false }: { state: TReportState; late?: boolean }) {
  return (
    <>
      <span className={TONE[state]}>{t(`reports.state.${state}`)}</span>
      {late && <span className="badge badge-danger">{t('reports.lateBadge')}</span>}
    </>
  );
}
