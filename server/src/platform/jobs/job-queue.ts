import { hostname } from 'node:os';
import type { TRole } from '#contracts/auth.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { NO_DERIVED_VALUES } from '#server/shared/derived-values.ts';
import { AppError } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { claimNextJob, finishJob, insertJob, updateProgress } from './job.repository.ts';

/** What a job handler gets: the database, the blob store, its payload, the actor who asked, and a progress hook. */
export interface JobContext<P = unknown> {
  db: Database;
  files: BlobStore;
  jobId: string;
  payload: P;
  /** The user who started the job, as they were then (the request checked their policy and scope). */
  actor: Actor;
  /** Rows (or items) done out of total; written at most every 250 ms, and always when done = total. */
  progress(done: number, total: number): Promise<void>;
  /** The app's derived values: a job that writes records refreshes them as a request would (`touch`). */
  derived: DerivedValues;
}

/** Runs one kind of job; its return value is the job's result (JSON). Modules export these as `jobHandlers`. */
export type JobHandler = (context: JobContext<never>) => Promise<unknown>;

/** A failure that retrying will not fix (bad rows in a file): the job ends failed with this message and result. */
export class JobFailed extends Error {
  constructor(
    message: string,
    readonly result?: unknown,
  ) {
    super(message);
  }
}

/** The actor as stored in a job's payload (JSON: roles as a list). */
type ActorSnapshot = Omit<Actor, 'roles'> & { roles: TRole[] };

const LEASE_MS = 60_000;
const PROGRESS_EVERY_MS = 250;

/**
 * The table-backed job queue (migration 20261202T1210_jobs.sql): `enqueue` inside the service's transaction,
 * and a worker loop per process that claims due jobs with FOR UPDATE SKIP LOCKED, polls (no LISTEN/NOTIFY),
 * reports progress, retries crashes with a growing delay and stops cleanly with the app.
 */
export class JobQueue {
  readonly workerId = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly files: BlobStore,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly pollMs = 1000,
    private readonly derived: DerivedValues = NO_DERIVED_VALUES,
  ) {}

  /** Queues a job for the actor; returns its id. Pass the transaction of the request that asked for it. */
  async enqueue(trx: Database, actor: Actor, job: { kind: string; payload: object; target: string; unitId: number | null; maxAttempts?: number }) {
    if (!this.handlers.has(job.kind)) throw new Error(`no handler for job kind ${job.kind}`);
    const id = uuidv7();
    const snapshot: ActorSnapshot = { ...actor, roles: [...actor.roles] };
    await insertJob(trx, {
      id,
      kind: job.kind,
      payload: { ...job.payload, actor: snapshot },
      target: job.target,
      ownerUserId: actor.userId,
      unitId: job.unitId,
      maxAttempts: job.maxAttempts ?? 3,
      now: clock.now(),
    });
    return id;
  }

  /** Asks the worker to look for work now (after a commit that queued a job) instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Stops polling and waits for the job in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let ran = false;
      try {
        ran = await this.runOne();
      } catch (error) {
        console.error(`job worker: ${(error as Error).message}`);
      }
      if (!ran && !this.stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  /** Claims and runs one due job; false when there was none. */
  async runOne(): Promise<boolean> {
    const now = clock.now();
    const job = await this.db.transaction().execute((trx) => claimNextJob(trx, this.workerId, now, new Date(now.getTime() + LEASE_MS)));
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    const { actor: snapshot, ...payload } = job.payload as { actor: ActorSnapshot };
    const actor: Actor = { ...snapshot, roles: new Set(snapshot.roles) };
    // how often progress is written is a matter of elapsed time, not of the date: a monotonic timer
    let lastWrite = Number.NEGATIVE_INFINITY;
    const progress = async (done: number, total: number) => {
      const at = performance.now();
      if (done < total && at - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = at;
      await updateProgress(this.db, job.id, this.workerId, done, total, new Date(clock.now().getTime() + LEASE_MS));
    };
    try {
      if (!handler) throw new JobFailed(msg('jobs.noHandler', { kind: job.kind }));
      const result = await handler({ db: this.db, files: this.files, jobId: job.id, payload: payload as never, actor, progress, derived: this.derived });
      await finishJob(this.db, job.id, this.workerId, { status: 'succeeded', result, error: null, at: clock.now() });
    } catch (error) {
      const permanent = error instanceof JobFailed || error instanceof AppError;
      const retry = !permanent && job.attempts < job.max_attempts;
      if (!permanent) console.error(`job ${job.kind} ${job.id} attempt ${job.attempts}: ${(error as Error).stack ?? error}`);
      const at = clock.now();
      await finishJob(this.db, job.id, this.workerId, {
        status: retry ? 'queued' : 'failed',
        result: error instanceof JobFailed ? error.result : undefined,
        error: permanent ? (error as Error).message : msg('jobs.crashed'),
        at,
        ...(retry ? { retryAt: new Date(at.getTime() + 5_000 * job.attempts) } : {}),
      });
    }
    return true;
  }
}
