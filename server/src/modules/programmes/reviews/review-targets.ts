import type { TReviewWorkspace } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError } from '#server/shared/errors.ts';
import { programmeEvaluation } from '../targets/target-eval.service.ts';

/**
 * The target statuses a review workspace shows: the targets evaluation (prog-targets) at its default unit and
 * level, for every year of the review's period that lies within the programme's years.
 */
export async function targetStatusesForReview(
  db: Database,
  actor: Actor,
  programmeId: number,
  period: { fromYear: number; toYear: number },
  programmeYears: { fromYear: number; toYear: number },
): Promise<Pick<TReviewWorkspace, 'targets' | 'targetsUnavailable'>> {
  const years: number[] = [];
  for (let year = Math.max(period.fromYear, programmeYears.fromYear); year <= Math.min(period.toYear, programmeYears.toYear); year++) years.push(year);
  const evaluations = [];
  const targetsUnavailable: TReviewWorkspace['targetsUnavailable'] = [];
  for (const year of years) {
    try {
      evaluations.push(await programmeEvaluation(db, actor, programmeId, { year }));
    } catch (error) {
      // a year the programme's unit was not in force (and has no successor in scope): said, not guessed
      if (!(error instanceof AppError) || error.status !== 400) throw error;
      targetsUnavailable.push({ year, reason: error.message });
    }
  }
  const targets = evaluations.flatMap((evaluation) =>
    evaluation.targets.map((target) => ({
      targetId: target.id,
      code: target.code,
      text: target.text,
      year: evaluation.year,
      status: target.status,
      value: target.figure.value,
      threshold: target.threshold,
      counts: target.counts,
      waitsFor: target.waitsFor ?? target.noDataReason,
    })),
  );
  return { targets, targetsUnavailable };
}
