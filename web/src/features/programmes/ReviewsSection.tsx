import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { TProgrammeDetail } from '#contracts/programmes/programmes.api.ts';
import type { TReview } from '#contracts/programmes/tasks.api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { t } from '../../i18n/i18n.ts';
import { ReviewForm } from './ProgrammeForms.tsx';
import { useMarkReviewDone, useReviews } from './programmes.api.ts';
import { yearsText } from './programme-text.ts';

const STATE_SIGN: Record<TReview['state'], string> = { done: '✓', overdue: '!', due_soon: '⏰', upcoming: '○' };

/** "Đã xong 15/01/2026", "Quá hạn 12 ngày", "Còn 20 ngày", "Sắp tới". */
export function ReviewState({ review }: { review: TReview }) {
  const text =
    review.state === 'done'
      ? t('programmes.review.done', { date: formatDate(review.doneOn) })
      : review.state === 'overdue'
        ? t('programmes.review.overdue', { days: formatNumber(-review.daysLeft) })
        : t(review.state === 'due_soon' ? 'programmes.review.dueSoon' : 'programmes.review.upcoming', { days: formatNumber(review.daysLeft) });
  return (
    <span className={`prog-review-state prog-review-${review.state}`}>
      <span aria-hidden="true" className="prog-status-sign">
        {STATE_SIGN[review.state]}
      </span>
      {text}
    </span>
  );
}


/** "Sơ kết, tổng kết": the review milestones with their dates and state; each opens its workspace. */
export function ReviewsSection({ programme }: { programme: TProgrammeDetail }) {
  const id = useId();
  const reviews = useReviews(programme.id);
  const done = useMarkReviewDone(programme.id);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const edited = reviews.data?.find((review) => review.id === editing);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('programmes.tab.reviews')}</h2>
      {programme.canManage &&
        (editing === 'new' || edited ? (
          <div className="panel prog-panel">
            <ReviewForm key={editing} programme={programme} {...(edited ? { review: edited } : {})} onDone={() => setEditing(null)} />
          </div>
        ) : (
          <p>
            <button type="button" onClick={() => setEditing('new')}>
              {t('programmes.edit.reviewNew')}
            </button>
          </p>
        ))}
      {reviews.isPending && <Loading />}
      <ErrorMessage error={reviews.error ?? done.error} />
      {reviews.data && reviews.data.length === 0 && <Empty>{t('programmes.noReviews')}</Empty>}
      {reviews.data && reviews.data.length > 0 && (
        <table className="table responsive prog-table">
          <thead>
            <tr>
              <th>{t('programmes.review.title')}</th>
              <th>{t('programmes.review.kind')}</th>
              <th>{t('programmes.review.period')}</th>
              <th>{t('programmes.review.dueOn')}</th>
              <th>{t('programmes.status')}</th>
              {programme.canManage && <th>{t('programmes.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {reviews.data.map((review) => (
              <tr key={review.id}>
                <td>
                  <Link to={`/programmes/${programme.id}/reviews/${review.id}`}>{review.title}</Link>
                </td>
                <td data-label={t('programmes.review.kind')}>{t(`programmes.reviewKind.${review.kind}`)}</td>
                <td data-label={t('programmes.review.period')}>{yearsText(review)}</td>
                <td data-label={t('programmes.review.dueOn')} className="nowrap">
                  {formatDate(review.dueOn)}
                </td>
                <td data-label={t('programmes.status')}>
                  <ReviewState review={review} />
                </td>
                {programme.canManage && (
                  <td data-label={t('programmes.actions')} className="prog-actions">
                    <button type="button" className="button-secondary button-small" onClick={() => setEditing(review.id)} aria-label={t('programmes.edit.reviewEditOf', { title: review.title })}>
                      {t('programmes.edit.edit')}
                    </button>
                    {review.state !== 'done' && (
                      <button type="button" className="button-secondary button-small" disabled={done.isPending} onClick={() => done.mutate(review.id)}>
                        {t('programmes.review.markDone')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
