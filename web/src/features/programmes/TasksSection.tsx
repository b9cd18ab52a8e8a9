import { useId, useState, type FormEvent } from 'react';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import type { TSolutionGroup, TTask, TTaskAssignment, TTaskStatus } from '#contracts/programmes/tasks.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading, Success } from '../../components/Status.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { downloadUrl } from '../files/files.api.ts';
import { AssignmentsEditor, TaskForm } from './ProgrammeForms.tsx';
import { useProgressHistory, useReportProgress, useTasks } from './programmes.api.ts';
import { TaskStatus } from './StatusBadge.tsx';
import { TaskStatusFilter } from './TaskStatusFilter.tsx';

const bodyName = (a: TTaskAssignment) => a.organizationName ?? a.bodyName;

/** "Chủ trì: …" and "Phối hợp: …". */
export function Assignments({ assignments }: { assignments: readonly TTaskAssignment[] }) {
  const lead = assignments.filter((a) => a.role === 'lead');
  const coordinate = assignments.filter((a) => a.role === 'coordinate');
  return (
    <dl className="prog-assign">
      {lead.length > 0 && (
        <div>
          <dt>{t('programmes.role.lead')}</dt>
          <dd>{lead.map(bodyName).join('; ')}</dd>
        </div>
      )}
      {coordinate.length > 0 && (
        <div>
          <dt>{t('programmes.role.coordinate')}</dt>
          <dd>{coordinate.map(bodyName).join('; ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** "Hạn: 31/12/2025 (hằng năm)", or "Không ghi hạn". */
export function dueText(task: Pick<TTask, 'currentDueOn' | 'recurrence'>): string {
  if (!task.currentDueOn) return t('programmes.noDue');
  const due = t('programmes.due', { date: formatDate(task.currentDueOn) });
  return task.recurrence ? `${due} (${t(`programmes.recurrence.${task.recurrence}`)})` : due;
}

/** The form of a progress report: what was done, the percent, an optional file; then the reports so far. */
function ProgressPanel({ task, mayReport }: { task: TTask; mayReport: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const history = useProgressHistory(task.id, open);
  const report = useReportProgress(task.id);
  const [formKey, setFormKey] = useState(0);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const assignment = String(form.get('assignmentId') ?? '');
    report.mutate(
      {
        body: {
          note: String(form.get('note') ?? '').trim(),
          percent: Number(form.get('percent')),
          ...(assignment ? { assignmentId: Number(assignment) } : {}),
        },
        file: file instanceof File && file.size > 0 ? file : null,
      },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <details className="prog-progress" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{mayReport ? t('programmes.progress.open', { count: formatNumber(task.reportCount) }) : t('programmes.progress.history', { count: formatNumber(task.reportCount) })}</summary>
      {mayReport && (
        <form key={formKey} className="form prog-progress-form" onSubmit={submit}>
          {task.assignments.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-assignment`}>{t('programmes.progress.for')}</label>
              <select id={`${id}-assignment`} name="assignmentId" defaultValue="">
                <option value="">{t('programmes.progress.forDefault')}</option>
                {task.assignments.map((a) => (
                  <option key={a.id} value={a.id}>
                    {`${bodyName(a)} (${t(`programmes.role.${a.role}`)})`}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('programmes.progress.note')}</label>
            <textarea id={`${id}-note`} name="note" required maxLength={4000} rows={3} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-percent`}>{t('programmes.progress.percent')}</label>
            <input id={`${id}-percent`} name="percent" type="number" inputMode="numeric" min={0} max={100} step={1} required defaultValue={task.percent ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('programmes.progress.file')}</label>
            <input id={`${id}-file`} name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.csv,.txt" aria-describedby={`${id}-file-hint`} />
            <p className="hint" id={`${id}-file-hint`}>
              {t('files.hint')}
            </p>
          </div>
          <button type="submit" disabled={report.isPending}>
            {t('programmes.progress.send')}
          </button>
        </form>
      )}
      <ErrorMessage error={report.error} />
      {report.isSuccess && <Success>{t('programmes.progress.sent')}</Success>}
      {open && history.isPending && <Loading />}
      <ErrorMessage error={history.error} />
      {history.data && history.data.reports.length === 0 && <Empty>{t('programmes.progress.none')}</Empty>}
      {history.data && history.data.reports.length > 0 && (
        <ol className="prog-reports">
          {history.data.reports.map((r) => (
            <li key={r.id}>
              <p className="prog-report-head">
                <strong>{r.percent === null ? t('common.none') : t('programmes.percent', { percent: formatNumber(r.percent) })}</strong>
                <span className="muted">
                  {t('programmes.progress.by', { at: formatDateTime(r.reportedAt), who: r.reportedBy ?? r.unitName, body: r.bodyName ?? r.unitName })}
                </span>
              </p>
              <p>{r.note}</p>
              {r.attachments.length > 0 && (
                <ul className="file-list">
                  {r.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={downloadUrl(f.id)} download={f.filename}>
                        {f.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

function TaskItem({ task, mayReport, manage }: { task: TTask; mayReport: boolean; manage: { programmeId: number; groups: readonly TSolutionGroup[] } | null }) {
  const [editing, setEditing] = useState(false);
  if (manage && editing) {
    return (
      <li className="prog-task prog-task-editing">
        <TaskForm programmeId={manage.programmeId} groups={manage.groups} task={task} onDone={() => setEditing(false)} />
        <AssignmentsEditor task={task} />
      </li>
    );
  }
  return (
    <li className={`prog-task prog-task-item-${task.status}`}>
      {manage && (
        <button type="button" className="button-secondary prog-edit-button" onClick={() => setEditing(true)} aria-label={t('programmes.edit.taskEditOf', { code: task.code })}>
          {t('programmes.edit.edit')}
        </button>
      )}
      <p className="prog-task-text">
        <span className="prog-code">{task.code}</span> {task.text}
      </p>
      <p className="prog-task-meta">
        <TaskStatus status={task.status} />
        <span>{dueText(task)}</span>
        {task.percent !== null && <span>{t('programmes.percentDone', { percent: formatNumber(task.percent) })}</span>}
      </p>
      {task.expectedOutput && <p className="hint">{t('programmes.expectedOutput', { output: task.expectedOutput })}</p>}
      <Assignments assignments={task.assignments} />
      <ProgressPanel task={task} mayReport={mayReport} />
    </li>
  );
}

/** "Giải pháp, nhiệm vụ": the solution groups with their tasks, assignments, status today and progress reports. */
export function TasksSection({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  const me = useMe();
  const [status, setStatus] = useState<TTaskStatus | ''>('');
  const tasks = useTasks(programme.id);
  const mayReport = can(me, 'programmes.reportProgress');
  const [adding, setAdding] = useState(false);
  const data = tasks.data;
  const manage = programme.canManage && data ? { programmeId: programme.id, groups: data.groups } : null;
  const shown = data ? data.tasks.filter((task) => status === '' || task.status === status) : [];
  const groups = data ? [...data.groups.map((g) => ({ key: String(g.id), title: `${g.code}. ${g.title}`, id: g.id as number | null })), { key: 'none', title: t('programmes.otherTasks'), id: null }] : [];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('programmes.tab.tasks')}</h2>
      <div className="filters">
        <TaskStatusFilter id={`${id}-status`} value={status} onChange={setStatus} />
      </div>
      {manage &&
        (adding ? (
          <div className="panel prog-panel">
            <TaskForm programmeId={programme.id} groups={manage.groups} onDone={() => setAdding(false)} />
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setAdding(true)}>
              {t('programmes.edit.taskNew')}
            </button>
          </p>
        ))}
      {tasks.isPending && <Loading />}
      <ErrorMessage error={tasks.error} />
      {data && (
        <p className="muted">
          {t('programmes.tasksToday', { count: formatNumber(shown.length), total: formatNumber(data.tasks.length), date: formatDate(data.today) })}
        </p>
      )}
      {data && shown.length === 0 && <Empty>{t('programmes.noTasks')}</Empty>}
      {groups.map((group) => {
        const inGroup = shown.filter((task) => (group.id === null ? !data?.groups.some((g) => g.id === task.groupId) : task.groupId === group.id));
        if (inGroup.length === 0) return null;
        return (
          <section key={group.key} className="prog-group" aria-labelledby={`${id}-g-${group.key}`}>
            <h3 id={`${id}-g-${group.key}`}>{group.title}</h3>
            <ul className="prog-tasks">
              {inGroup.map((task) => (
                <TaskItem key={task.id} task={task} mayReport={mayReport} manage={manage} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
