import { REVIEW_REMINDER_DAYS, type TReview } from '#contracts/programmes/tasks.api.ts';
import type { ReviewRow } from './review.repository.ts';
import { daysBetween } from '../tasks/task.rules.ts';

/** A review's state on `today`: done, overdue (due date passed), due_soon (within 30 days), upcoming. */
export function presentReview(row: ReviewRow, today: string): TReview {
  const daysLeft = daysBetween(today, row.due_on);
  const state = row.done_on !== null ? 'done' : daysLeft < 0 ? 'overdue' : daysLeft <= REVIEW_REMINDER_DAYS ? 'due_soon' : 'upcoming';
  return {
    id: row.id,
    programmeId: row.programme_id,
    kind: row.kind,
    title: row.title,
    fromYear: row.from_year,
    toYear: row.to_year,
    dueOn: row.due_on,
    doneOn: row.done_on,
    state,
    daysLeft,
  };
}
