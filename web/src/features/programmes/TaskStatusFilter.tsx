import { TASK_STATUSES, type TTaskStatus } from '#contracts/programmes/tasks.api.ts';
import { t } from '../../i18n/i18n.ts';

/** The task status filter ("Tất cả" or one status), shared by a programme's tasks and the assignments table. */
export function TaskStatusFilter({ id, value, onChange }: { id: string; value: TTaskStatus | ''; onChange: (status: TTaskStatus | '') => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('programmes.taskStatusFilter')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as TTaskStatus | '')}>
        <option value="">{t('common.all')}</option>
        {TASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`programmes.taskStatus.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
