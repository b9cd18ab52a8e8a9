import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TTaskStatus } from '#contracts/programmes/tasks.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { Empty, ErrorMessage, Loading, Searching } from '../../components/Status.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useOrganization } from '../organizations/organizations.api.ts';
import { NotAllowed } from './NotAllowed.tsx';
import { useAssignmentTable } from './programmes.api.ts';
import { TaskStatus } from './StatusBadge.tsx';
import { dueText } from './TasksSection.tsx';
import './programmes.css';
import { TaskStatusFilter } from './TaskStatusFilter.tsx';

/**
 * "Bảng phân công nhiệm vụ": the assigning unit sees every assignment of its programmes across bodies in one table,
 * filtered by body, status and due date.
 */
export function AssignmentsPage() {
  usePageTitle(t('programmes.assignments.title'));
  const id = useId();
  const me = useMe();
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<TTaskStatus | ''>('');
  const [dueBefore, setDueBefore] = useState('');
  const settledBody = useDebounced(body.trim());
  // one body's tasks (from its page): across every programme read, with those of the bodies it took over
  const organizationId = Number(useSearchParams()[0].get('organizationId')) || undefined;
  const organization = useOrganization(organizationId ?? 0, undefined, organizationId !== undefined);
  const table = useAssignmentTable({ body: settledBody || undefined, status: status || undefined, dueBefore: dueBefore || undefined, organizationId });
  if (!can(me, 'programmes.read')) return <NotAllowed />;
  const data = table.data;
  const bodyName = organization.data?.organization.name;
  return (
    <section className="prog-page">
      <p>
        <Link to="/programmes">{t('programmes.back')}</Link>
      </p>
      <h1>{t('programmes.assignments.title')}</h1>
      {organizationId === undefined ? (
        <p className="hint">{t('programmes.assignments.intro', { unit: me.unitName ?? '' })}</p>
      ) : (
        <p className="hint">
          {t('programmes.assignments.ofBody', { body: bodyName ?? '…' })}{' '}
          <Link to={`/organizations/${organizationId}`}>{t('programmes.assignments.openBody')}</Link> · <Link to="/programmes/assignments">{t('programmes.assignments.allBodies')}</Link>
        </p>
      )}
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('programmes.assignments.body')}</label>
          <input id={`${id}-body`} type="search" value={body} maxLength={300} onChange={(event) => setBody(event.target.value)} />
        </div>
        <TaskStatusFilter id={`${id}-status`} value={status} onChange={setStatus} />
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('programmes.assignments.dueBefore')}</label>
          <DateField id={`${id}-due`} value={dueBefore} onChange={setDueBefore} />
        </div>
      </form>
      {(body.trim() !== settledBody || (table.isFetching && !table.isPending)) && <Searching />}
      {table.isPending && <Loading />}
      <ErrorMessage error={table.error} />
      {data && (
        <p className="muted" aria-live="polite">
          {t('programmes.assignments.count', { count: formatNumber(data.rows.length), total: formatNumber(data.total), date: formatDate(data.today) })}
        </p>
      )}
      {data && data.rows.length === 0 && <Empty>{t('programmes.assignments.none')}</Empty>}
      {data && data.rows.length > 0 && (
        <table className="table responsive prog-table prog-assign-table">
          <thead>
            <tr>
              <th>{t('programmes.assignments.task')}</th>
              <th>{t('programmes.assignments.body')}</th>
              <th>{t('programmes.assignments.role')}</th>
              <th>{t('programmes.assignments.due')}</th>
              <th>{t('programmes.status')}</th>
              <th>{t('programmes.assignments.programme')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.assignment.id}>
                <td>
                  <span className="prog-code">{row.task.code}</span> {row.task.text}
                </td>
                <td data-label={t('programmes.assignments.body')}>
                  {row.assignment.organizationName ?? row.assignment.bodyName}
                  {row.assignment.organizationName && row.assignment.organizationName !== row.assignment.bodyName && (
                    <span className="prog-subline">{t('programmes.assignments.asWritten', { name: row.assignment.bodyName })}</span>
                  )}
                </td>
                <td data-label={t('programmes.assignments.role')}>{t(`programmes.role.${row.assignment.role}`)}</td>
                <td data-label={t('programmes.assignments.due')}>{dueText(row.task)}</td>
                <td data-label={t('programmes.status')}>
                  <TaskStatus status={row.task.status} />
                  {row.task.percent !== null && <span className="prog-subline">{t('programmes.percentDone', { percent: formatNumber(row.task.percent) })}</span>}
                </td>
                <td data-label={t('programmes.assignments.programme')}>
                  <Link to={`/programmes/${row.programme.id}?tab=tasks`}>{row.programme.number}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
