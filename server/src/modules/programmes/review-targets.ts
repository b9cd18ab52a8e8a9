import type { TReviewWorkspace } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';

/**
 * HOOK for the targets evaluation (helper prog-targets): the target statuses a review workspace shows, for every
 * year of its period. Until the evaluation service is merged it answers no targets (never a made-up status).
 */
export async function targetStatusesForReview(
  _db: Database,
  _actor: Actor,
  _programmeId: number,
  _period: { fromYear: number; toYear: number },
): Promise<TReviewWorkspace['targets']> {
  return [];
}
