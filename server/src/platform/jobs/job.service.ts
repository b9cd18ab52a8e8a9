import type { TJob } from '#contracts/jobs.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { findJob, latestJobs, type JobRow } from './job.repository.ts';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Row → contract. */
export function presentJob(row: JobRow): TJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    target: row.target,
    progress: { done: row.progress_done, total: row.progress_total },
    result: (row.result as TJob['result']) ?? null,
    error: row.error,
    createdAt: iso(row.created_at) as string,
    finishedAt: iso(row.finished_at),
  };
}

/** A job its owner (or a user whose scope holds its unit) may watch; 404 otherwise. */
export async function getJob(db: Database, actor: Actor, id: string): Promise<TJob> {
  const row = await findJob(db, actor.userId, actor.scope, id);
  if (!row) throw notFound('entity.job');
  return presentJob(row);
}

/** The signed-in user's five latest jobs on a target. */
export async function listJobs(db: Database, actor: Actor, target: string): Promise<TJob[]> {
  return (await latestJobs(db, actor.userId, target, 5)).map(presentJob);
}
