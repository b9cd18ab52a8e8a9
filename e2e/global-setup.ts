import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server under test (built web + API + demo province). */
    e2eBaseUrl: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts the product as a user would (`npm run serve` on an empty data dir: migrations + demo load). */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build:web` first');
  // a server already running with the demo loaded (a developer re-running one file): E2E_BASE_URL=http://127.0.0.1:PORT
  const running = process.env.E2E_BASE_URL;
  if (running) {
    await demoJobsDone(running);
    project.provide('e2eBaseUrl', running);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dvs-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    // every browser signs in from 127.0.0.1: the per-IP login limit (20 a minute, tested over the API in
    // auth.api.test.ts) would refuse the suite's own sign-ins when the files run quickly one after another
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOGIN_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // a guard against a hang, not a speed check: a first start migrates, imports the official units and loads the demo
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 300 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await demoJobsDone(baseUrl);
  project.provide('e2eBaseUrl', baseUrl);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * A fetch that sends again when the connection fails (not on an HTTP error): on PGlite one long statement of the
 * demo's background jobs can hold the server's event loop past its keep-alive timeout, and the poll that was
 * waiting on that idle socket is reset (ECONNRESET); the next one goes through.
 */
async function fetchAgain(url: string, init: RequestInit, deadline: number): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      console.warn(`e2e setup: ${url}: ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}, sending again`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/**
 * Waits for the demo's background jobs (the derived values' backfill since 2019, the models' photos) to finish: on
 * PGlite they hold the one connection for minutes after the start, and a browser test timed against them measures
 * them instead of its page. Read as the administrator who owns them, through the API.
 */
async function demoJobsDone(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 900_000;
  const login = await fetchAgain(
    `${baseUrl}/api/auth/login`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'DanVanSo2025' }) },
    deadline,
  );
  if (!login.ok) throw new Error(`admin sign-in for the demo jobs: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const provinces = (await (await fetchAgain(`${baseUrl}/api/public/emulation/provinces`, {}, deadline)).json()) as { id: number; name: string }[];
  const province = provinces.find((p) => p.name === 'Tỉnh Quảng Trị');
  if (!province) throw new Error('the demo province is missing');
  for (;;) {
    const response = await fetchAgain(`${baseUrl}/api/jobs?target=admin_unit:${province.id}`, { headers: { cookie } }, deadline);
    const jobs = (await response.json()) as { kind: string; status: string }[];
    if (!response.ok) throw new Error(`demo jobs: ${response.status}`);
    const failed = jobs.filter((job) => job.status === 'failed');
    if (failed.length > 0) throw new Error(`demo jobs failed: ${failed.map((job) => job.kind).join(', ')}`);
    if (jobs.every((job) => job.status === 'succeeded')) return;
    if (Date.now() > deadline) throw new Error('the demo jobs did not finish within 900 s');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
