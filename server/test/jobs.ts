import { expect } from 'vitest';
import { jobEndpoints, type TJob } from '#contracts/jobs.ts';
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
