import type { TRowError } from '#contracts/common.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import { checkSheetUpload } from '#server/shared/spreadsheet.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { JobFailed, type JobContext, type JobQueue } from './job-queue.ts';

/** What an import job carries: where its file is, and what it imports into. */
export interface ImportPayload {
  sha256: string;
  filename: string;
  targetId: number;
  /** A system administrator's import into history (shared/history.ts); absent = daily work. */
  backfill?: boolean;
}

/**
 * Starts a spreadsheet import as a background job: the caller has checked policy and scope already; the file
 * is size-checked (no parse), stored in the blob store (a worker of another process can read it), and the job
 * queued in a transaction that checks the gate again. Returns the job id.
 */
export async function startImportJob(
  deps: { db: Database; files: BlobStore; jobs: JobQueue },
  actor: Actor,
  job: {
    kind: string;
    targetType: string;
    targetId: number;
    unitId: number;
    upload: Upload;
    backfill?: boolean;
    gate: (trx: Database) => Promise<unknown>;
  },
): Promise<string> {
  await checkSheetUpload(job.upload);
  const sha256 = await deps.files.put(job.upload.data);
  const payload: ImportPayload = { sha256, filename: job.upload.filename, targetId: job.targetId, ...(job.backfill ? { backfill: true } : {}) };
  const id = await deps.db.transaction().execute(async (trx) => {
    await job.gate(trx);
    return deps.jobs.enqueue(trx, actor, { kind: job.kind, payload, target: `${job.targetType}:${job.targetId}`, unitId: job.unitId, maxAttempts: 1 });
  });
  deps.jobs.kick();
  return id;
}

/** The uploaded file of an import job. */
export async function importUpload(context: JobContext<ImportPayload>): Promise<Upload> {
  const data = await context.files.get(context.payload.sha256);
  if (!data) throw new JobFailed(msg('jobs.uploadMissing'));
  return { filename: context.payload.filename, data };
}

/** Why an import with row errors wrote nothing: the count and the first error, one sentence. */
export const rejectedMessage = (errors: readonly TRowError[]) =>
  msg('import.rejected', { count: errors.length, row: String(errors[0]?.row), column: String(errors[0]?.field), problem: String(errors[0]?.message) });
