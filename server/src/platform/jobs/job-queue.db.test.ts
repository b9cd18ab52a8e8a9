import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { localBlobStore } from '../files/blob-store.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobFailed, JobQueue, type JobHandler } from './job-queue.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const files = localBlobStore(mkdtempSync(join(tmpdir(), 'dvs-jobs-test-')));
const actor: Actor = { userId: 7, username: 'u7', roles: new Set(['data_entry']), unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
const jobRow = (id: string) => handle.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('B6 jobs: the table-backed queue', () => {
  it('B6 jobs: progress written by a running job is visible to other readers before it ends', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handlers = new Map<string, JobHandler>([
      [
        'test.slow',
        (async (ctx: { progress(done: number, total: number): Promise<void> }) => {
          await ctx.progress(120, 480);
          await gate;
          await ctx.progress(480, 480);
          return { created: 480 };
        }) as JobHandler,
      ],
    ]);
    const queue = new JobQueue(handle.db, files, handlers, 50);
    const id = await queue.enqueue(handle.db, actor, { kind: 'test.slow', payload: {}, target: 'test:1', unitId: null });
    const running = queue.runOne();
    await expect.poll(async () => (await jobRow(id)).progress_done, { timeout: 10_000 }).toBe(120);
    expect(await jobRow(id)).toMatchObject({ status: 'running', progress_total: 480, locked_by: queue.workerId, attempts: 1 });
    release();
    expect(await running).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', progress_done: 480, result: { created: 480 }, locked_by: null, error: null });
  });

  it('B6 jobs: two workers running at once take each job exactly once', async () => {
    const ran: string[] = [];
    const handlers = new Map<string, JobHandler>([
      [
        'test.count',
        (async (ctx: { jobId: string }) => {
          ran.push(ctx.jobId);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return {};
        }) as JobHandler,
      ],
    ]);
    const a = new JobQueue(handle.db, files, handlers);
    const b = new JobQueue(handle.db, files, handlers);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await a.enqueue(handle.db, actor, { kind: 'test.count', payload: { i }, target: 'test:2', unitId: null }));
    const drain = async (queue: JobQueue) => {
      let count = 0;
      while (await queue.runOne()) count++;
      return count;
    };
    const [byA, byB] = await Promise.all([drain(a), drain(b)]);
    expect(byA + byB).toBe(12);
    expect([...ran].sort()).toEqual([...ids].sort());
    const rows = await handle.db.selectFrom('job').select(['status', 'attempts']).where('target', '=', 'test:2').execute();
    expect(rows.every((row) => row.status === 'succeeded' && row.attempts === 1)).toBe(true);
  });

  it('B6 jobs: a crash is retried later, a JobFailed ends the job with its message, a lapsed lease is claimed again', async () => {
    let calls = 0;
    const handlers = new Map<string, JobHandler>([
      [
        'test.flaky',
        (async () => {
          calls++;
          if (calls === 1) throw new Error('connection reset');
          throw new JobFailed('Tệp có 2 lỗi; chưa ghi dòng nào.', { errors: [] });
        }) as JobHandler,
      ],
      ['test.ok', (async () => ({ created: 1 })) as JobHandler],
    ]);
    const queue = new JobQueue(handle.db, files, handlers);
    const flaky = await queue.enqueue(handle.db, actor, { kind: 'test.flaky', payload: {}, target: 'test:3', unitId: null });
    expect(await queue.runOne()).toBe(true);
    const first = await jobRow(flaky);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, error: 'Lỗi hệ thống khi chạy tác vụ. Vui lòng thử lại sau.' });
    expect(await queue.runOne()).toBe(false); // not due yet: retried after a delay
    await handle.db.updateTable('job').set({ run_after: new Date(0) }).where('id', '=', flaky).execute();
    expect(await queue.runOne()).toBe(true);
    expect(await jobRow(flaky)).toMatchObject({ status: 'failed', attempts: 2, error: 'Tệp có 2 lỗi; chưa ghi dòng nào.', result: { errors: [] } });

    // a process died holding a job: once its lease has run out, another worker takes it
    const orphan = await queue.enqueue(handle.db, actor, { kind: 'test.ok', payload: {}, target: 'test:4', unitId: null });
    await handle.db.updateTable('job').set({ status: 'running', locked_by: 'dead:1', locked_until: new Date(Date.now() - 1000), attempts: 1 }).where('id', '=', orphan).execute();
    expect(await queue.runOne()).toBe(true);
    expect(await jobRow(orphan)).toMatchObject({ status: 'succeeded', attempts: 2, result: { created: 1 } });
  });
});
