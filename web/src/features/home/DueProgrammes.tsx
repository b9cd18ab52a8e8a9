import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDate } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { useProgrammesDue } from '../programmes/programmes.api.ts';

/** Entries shown before the link to all assignments. */
const SHOWN = 6;

/** A task's text cut to one line's worth, at a word. */
const short = (text: string) => (text.length <= 120 ? text : `${text.slice(0, text.lastIndexOf(' ', 117))}…`);

/**
 * "Chương trình, đề án: việc đến hạn": review milestones within 30 days or late, and overdue tasks of the unit's
 * programmes or of its organisations (GET /api/programmes/due), each linked to where it is done.
 */
export function DueProgrammes() {
  const due = useProgrammesDue();
  const reviews = due.data?.reviews ?? [];
  const tasks = due.data?.overdueTasks ?? [];
  const more = reviews.length + tasks.length > SHOWN;
  return (
    <section aria-labelledby="home-programmes-due" className="home-panel">
      <h2 id="home-programmes-due">{t('home.programmesDue')}</h2>
      {due.isPending && <Loading />}
      <ErrorMessage error={due.error} />
      {due.data && reviews.length + tasks.length === 0 && <Empty>{t('home.programmesDueNone')}</Empty>}
      {reviews.length + tasks.length > 0 && (
        <ul className="due-list">
          {reviews.slice(0, SHOWN).map(({ programme, review }) => (
            <li key={`r${review.id}`} className="due-item">
              <p className="due-title">
                <Link to={`/programmes/${programme.id}/reviews/${review.id}`}>{review.title}</Link>
              </p>
              <p className="due-status">
                {review.daysLeft < 0 ? <span className="badge badge-danger">{t('home.overdue')}</span> : <span className="badge">{t('home.daysLeft', { days: review.daysLeft })}</span>}{' '}
                {t('home.dueOn', { date: formatDate(review.dueOn) })} · {programme.number}
              </p>
            </li>
          ))}
          {tasks.slice(0, Math.max(0, SHOWN - reviews.length)).map(({ programme, task }) => (
            <li key={`t${task.id}`} className="due-item">
              <p className="due-title">
                <Link to={`/programmes/${programme.id}`}>
                  {task.code} {short(task.text)}
                </Link>
              </p>
              <p className="due-status">
                <span className="badge badge-danger">{t('home.overdue')}</span> {t('home.dueOn', { date: formatDate(task.currentDueOn ?? task.dueOn) })} ·{' '}
                {programme.number}
              </p>
            </li>
          ))}
        </ul>
      )}
      {more && <Link to="/programmes/assignments">{t('home.programmesDueAll', { count: reviews.length + tasks.length })}</Link>}
    </section>
  );
}
