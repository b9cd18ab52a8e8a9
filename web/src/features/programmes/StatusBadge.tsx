import type { TTargetStatus } from '#contracts/programmes/target-rule.ts';
import type { TTaskStatus } from '#contracts/programmes/tasks.api.ts';
import { t } from '../../i18n/i18n.ts';
import { STATUS_SIGN, statusText } from './programme-text.ts';

/** A target's status in words, with a sign and a border style so it reads without colour. */
export function TargetStatus({ status, projected = false }: { status: TTargetStatus | null; projected?: boolean }) {
  const key = status ?? 'none';
  return (
    <span className={`prog-status prog-status-${key}`}>
      <span aria-hidden="true" className="prog-status-sign">
        {status === null ? '–' : STATUS_SIGN[status]}
      </span>
      {statusText(status)}
      {projected && status !== null && status !== 'no_data' && <span className="prog-status-basis">{t('programmes.projected')}</span>}
    </span>
  );
}

const TASK_SIGN: Record<TTaskStatus, string> = { done: '✓', on_track: '→', overdue: '!', not_started: '○' };

/** A task's status today: "Quá hạn", "Đang thực hiện"… with a sign. */
export function TaskStatus({ status }: { status: TTaskStatus }) {
  return (
    <span className={`prog-task-status prog-task-${status}`}>
      <span aria-hidden="true" className="prog-status-sign">
        {TASK_SIGN[status]}
      </span>
      {t(`programmes.taskStatus.${status}`)}
    </span>
  );
}
