import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope } from '#server/shared/scope.ts';

export interface NewJob {
  id: string;
  kind: string;
  payload: unknown;
  target: string;
  ownerUserId: number;
  unitId: number | null;
  maxAttempts: number;
  now: Date;
}

export async function insertJob(db: Database, job: NewJob): Promise<void> {
  await db
    .insertInto('job')
    .values({
      id: job.id,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      target: job.target,
      owner_user_id: job.ownerUserId,
      unit_id: job.unitId,
      max_attempts: job.maxAttempts,
      run_after: job.now,
      created_at: job.now,
    })
    .execute();
}

/**
 * Claims the next due job for this worker: a queued job whose time has come, or a running one whose holder's
 * lease ran out (a crashed process). FOR UPDATE SKIP LOCKED lets several processes claim at once without
 * waiting on each other or taking the same row. Call inside a transaction.
 */
export async function claimNextJob(trx: Database, workerId: string, now: Date, leaseUntil: Date) {
  const due = await trx
    .selectFrom('job')
    .select('id')
    .where('run_after', '<=', now)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
    .orderBy('run_after')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!due) return null;
  return trx
    .updateTable('job')
    .set((eb) => ({ status: 'running', locked_by: workerId, locked_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', due.id)
    .returning(['id', 'kind', 'payload', 'owner_user_id', 'unit_id', 'attempts', 'max_attempts'])
    .executeTakeFirstOrThrow();
}

/** Progress of a running job, only while this worker still holds it; extends the lease. */
export async function updateProgress(db: Database, id: string, workerId: string, done: number, total: number | null, leaseUntil: Date) {
  await db
    .updateTable('job')
    .set({ progress_done: done, progress_total: total, locked_until: leaseUntil })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .execute();
}

/** Ends a job (succeeded or failed for good), or puts it back in the queue to retry after `retryAt`. */
export async function finishJob(
  db: Database,
  id: string,
  workerId: string,
  outcome: { status: 'succeeded' | 'failed' | 'queued'; result: unknown; error: string | null; at: Date; retryAt?: Date },
) {
  await db
    .updateTable('job')
    .set({
      status: outcome.status,
      result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
      error: outcome.error,
      locked_by: null,
      locked_until: null,
      finished_at: outcome.status === 'queued' ? null : outcome.at,
      ...(outcome.retryAt ? { run_after: outcome.retryAt } : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

const JOB_COLUMNS = [
  'j.id',
  'j.kind',
  'j.status',
  'j.target',
  'j.progress_done',
  'j.progress_total',
  'j.result',
  'j.error',
  'j.created_at',
  'j.finished_at',
] as const;

/** Jobs the actor may watch: their own, or (for those who see it) jobs on a unit in their scope. */
function visibleJobs(db: Database, userId: number, scope: Scope) {
  return db
    .selectFrom('job as j')
    .leftJoin('admin_unit as unit', 'unit.id', 'j.unit_id')
    .select(JOB_COLUMNS)
    .where((eb) => eb.or([eb('j.owner_user_id', '=', userId), eb.and([eb('j.unit_id', 'is not', null), inScope('unit.path', scope)])]));
}

export async function findJob(db: Database, userId: number, scope: Scope, id: string) {
  return visibleJobs(db, userId, scope).where('j.id', '=', id).executeTakeFirst();
}

/** The actor's latest jobs on a target (newest first), so a page finds its running import after a reload. */
export async function latestJobs(db: Database, userId: number, target: string, limit: number) {
  return db
    .selectFrom('job as j')
    .select(JOB_COLUMNS)
    .where('j.owner_user_id', '=', userId)
    .where('j.target', '=', target)
    .orderBy('j.created_at', 'desc')
    .orderBy(sql`j.id`, 'desc')
    .limit(limit)
    .execute();
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;
