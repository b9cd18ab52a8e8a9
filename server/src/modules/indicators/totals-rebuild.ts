import type { JobContext } from '#server/platform/jobs/job-queue.ts';
import type { TotalsRebuildPayload } from '#server/shared/totals-rebuild.ts';
import { rebuildTotals } from './totals.repository.ts';

/** Recomputes the totals of one province in one transaction (TOTALS_REBUILD_JOB). */
export async function runTotalsRebuild(context: JobContext<TotalsRebuildPayload>): Promise<{ created: number }> {
  await context.db.transaction().execute((trx) => rebuildTotals(trx, context.payload.provinceId));
  return { created: 0 };
}
