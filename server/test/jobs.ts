import { sql } from 'kysely';
import { expect } from 'vitest';
import { jobEndpoints, type TJob } from '#contracts/jobs.ts';
import type { Database } from '#server/db/database.ts';
import type { TestClient } from './http-client.ts';

/** Polls GET /api/jobs/:id as the client until the job has finished (succeeded or failed); returns it. */
export async function waitForJob(client: TestClient, id: string | null, timeoutMs = 30_000): Promise<TJob> {
  expect(id, 'a commit answers with a job id').toMatch(/^[0-9a-f-]{36}$/);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.call(jobEndpoints.get, { params: { id: id as string } });
    expect(response.status).toBe(200);
    if (response.body.status === 'succeeded' || response.body.status === 'failed') return response.body;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${response.body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the derived-value backfills that write `code` have finished: those listing it and those of every
 * value (no list), as the demo steps queue them for the test app's worker; fails if one of them failed.
 */
export async function waitForBackfills(db: Database, code: string, timeoutMs = 480_000): Promise<void> {
  const ours = sql`kind = 'indicators.derived-backfill' and (payload->'codes' is null or payload->'codes' ? ${code})`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ pending: number; failed: number }>`
      select count(*) filter (where status not in ('succeeded', 'failed'))::int as pending,
             count(*) filter (where status = 'failed')::int as failed
      from job where ${ours}`.execute(db);
    expect(rows[0]?.failed, `a backfill of ${code} failed`).toBe(0);
    if (rows[0]?.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`backfills of ${code} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
