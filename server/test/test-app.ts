import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '#server/app.ts';
import type { Database } from '#server/db/database.ts';
import { localBlobStore, type BlobStore } from '#server/platform/files/blob-store.ts';
import { fixedClock, type Clock } from '#server/shared/clock.ts';
import { createTestDatabase } from './test-db.ts';

export interface TestApp {
  db: Database;
  /** The server's file store (a temporary directory). */
  files: BlobStore;
  app: FastifyInstance;
  /** http://127.0.0.1:<port> of the listening server. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real server on a random port over a fresh cloned database. Call close() in afterAll. `today` stops the
 * server's clock on that date (09:00 in Vietnam); `clock` installs a clock the test moves itself.
 */
export async function startTestApp(
  options: { loginRateLimit?: number; today?: string; clock?: Clock; secureCookies?: boolean; trustProxy?: boolean; webDist?: string } = {},
): Promise<TestApp> {
  const handle = await createTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'dvs-test-files-'));
  const files = localBlobStore(filesDir);
  const app = await buildApp({
    db: handle.db,
    files,
    databaseKind: inject('dbKind'),
    loginRateLimit: options.loginRateLimit ?? 1000,
    ...(options.today ? { clock: fixedClock(options.today) } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? false,
    ...(options.webDist ? { webDist: options.webDist } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The test's fetch (undici) and the server share one event loop, which PGlite's WASM stalls for seconds. An idle
  // keep-alive socket that the server closes at fastify's 72 s just as the client reuses it answers ECONNRESET
  // (seen after a test waited 83 s for backfills): the server keeps idle sockets longer than any wait in a test.
  app.server.keepAliveTimeout = 10 * 60_000;
  const { port } = app.server.address() as AddressInfo;
  return {
    db: handle.db,
    files,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await handle.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
