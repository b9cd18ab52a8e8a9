import { Link, useParams } from 'react-router';
import { TASK_STATUSES } from '#contracts/programmes/tasks.api.ts';
import { can } from '../../app/can.ts';
import { useMe } from '../../app/session.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { BudgetTotals } from './BudgetSection.tsx';
import { NotAllowed } from './NotAllowed.tsx';
import { formatFigure, yearsText } from './programme-text.ts';
import { useReviewWorkspace } from './programmes.api.ts';
import { ReviewState } from './ReviewsSection.tsx';
import { TaskStatus, TargetStatus } from './StatusBadge.tsx';
import { dueText } from './TasksSection.tsx';
import './programmes.css';

/**
 * "Hồ sơ sơ kết, tổng kết": what a review gathers for its period in one answer: target statuses, task progress
 * and the late tasks, the budget of its years (the document itself is written elsewhere).
 */
export function ReviewWorkspacePage() {
  const params = useParams();
  const programmeId = Number(params.id);
  const reviewId = Number(params.reviewId);
  const me = useMe();
  const workspace = useReviewWorkspace(programmeId, reviewId);
  const data = workspace.data;
  usePageTitle(data?.review.title ?? t('programmes.workspace.title'));
  if (!can(me, 'programmes.read')) return <NotAllowed />;
  return (
    <article className="prog-page">
      <p>
        <Link to={`/programmes/${programmeId}?tab=reviews`}>{t('programmes.workspace.back')}</Link>
      </p>
      {workspace.isPending && <Loading />}
      <ErrorMessage error={workspace.error} />
      {data && (
        <>
          <header className="prog-head">
            <p className="prog-kind">
              {t(`programmes.reviewKind.${data.review.kind}`)} · {data.programme.number}
            </p>
            <h1>{data.review.title}</h1>
            <dl className="prog-facts">
              <div>
                <dt>{t('programmes.workspace.programme')}</dt>
                <dd>{data.programme.title}</dd>
              </div>
              <div>
                <dt>{t('programmes.review.period')}</dt>
                <dd>{t('programmes.workspace.period', { years: yearsText(data.period), from: formatDate(data.period.from), to: formatDate(data.period.to) })}</dd>
              </div>
              <div>
                <dt>{t('programmes.review.dueOn')}</dt>
                <dd>{formatDate(data.review.dueOn)}</dd>
              </div>
              <div>
                <dt>{t('programmes.status')}</dt>
                <dd>
                  <ReviewState review={data.review} />
                </dd>
              </div>
            </dl>
          </header>

          <section aria-labelledby="ws-targets">
            <h2 id="ws-targets">{t('programmes.workspace.targets')}</h2>
            {data.targets.length === 0 && <Empty>{t('programmes.workspace.noTargets')}</Empty>}
            {data.targets.length > 0 && (
              <table className="table responsive prog-table">
                <thead>
                  <tr>
                    <th>{t('programmes.workspace.target')}</th>
                    <th>{t('programmes.year')}</th>
                    <th className="num">{t('programmes.figure')}</th>
                    <th className="num">{t('programmes.threshold')}</th>
                    <th>{t('programmes.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.targets.map((target) => (
                    <tr key={`${target.targetId}-${target.year}`}>
                      <td>
                        <span className="prog-code">{target.code}</span> {target.text}
                      </td>
                      <td data-label={t('programmes.year')}>{target.year}</td>
                      <td className="num" data-label={t('programmes.figure')}>
                        {formatFigure(target.value)}
                      </td>
                      <td className="num" data-label={t('programmes.threshold')}>
                        {formatFigure(target.threshold)}
                      </td>
                      <td data-label={t('programmes.status')}>
                        <TargetStatus status={target.status} />
                        {target.status === 'no_data' && target.waitsFor && <span className="prog-waits-inline">{target.waitsFor}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section aria-labelledby="ws-tasks">
            <h2 id="ws-tasks">{t('programmes.workspace.tasks')}</h2>
            <ul className="prog-summary">
              {TASK_STATUSES.map((status) => (
                <li key={status}>
                  <TaskStatus status={status} /> <strong>{formatNumber(data.tasks.byStatus[status] ?? 0)}</strong>
                </li>
              ))}
            </ul>
            <p>
              {t('programmes.workspace.taskFigures', {
                total: formatNumber(data.tasks.total),
                percent: formatFigure(data.tasks.averagePercent),
                reports: formatNumber(data.tasks.reportsInPeriod),
              })}
            </p>
            <h3>{t('programmes.lateTasks')}</h3>
            {data.tasks.late.length === 0 && <Empty>{t('programmes.noLateTasks')}</Empty>}
            <ul className="prog-late-list">
              {data.tasks.late.map((task) => (
                <li key={task.id}>
                  <p>
                    <span className="prog-code">{task.code}</span> {task.text}
                  </p>
                  <p className="prog-task-meta">
                    <TaskStatus status={task.status} />
                    <span>{dueText(task)}</span>
                  </p>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="ws-budget">
            <h2 id="ws-budget">{t('programmes.tab.budget')}</h2>
            {data.budget.lines.length === 0 ? <Empty>{t('programmes.budget.none')}</Empty> : <BudgetTotals budget={data.budget} />}
          </section>
        </>
      )}
    </article>
  );
}
