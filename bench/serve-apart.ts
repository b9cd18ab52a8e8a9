/**
 * The HTTP servers of a latency benchmark in processes of their own, as deployed: the app (server/src/main.ts on the
 * benchmark's PostgreSQL, no demo) and a bare node:http baseline. In the benchmark's process their garbage and the
 * benchmark's own (the raw-SQL variants, the client) land on each other's requests; apart, each request pays only
 * for its own. PostgreSQL only: PGlite's data directory is held by the benchmark's process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, testServerPort, waitForHealth, type ServerProcess } from '#test/server-process.ts';

export interface ServerApart {
  base: string;
  close(): Promise<void>;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** The app on `databaseUrl` (migrated already), listening on 127.0.0.1. */
export async function startAppApart(databaseUrl: string): Promise<ServerApart> {
  const port = testServerPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dvs-bench-app-'));
  const server = runScript('server/src/main.ts', [], {
    DATABASE_URL: databaseUrl,
    DEMO: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT: '1000',
  });
  await waitForHealth(server, port);
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      await stop(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare baseline script (bench/*-server.ts printing "BASE <url>") with this environment. */
export async function startBareApart(script: string, env: Record<string, string>): Promise<ServerApart> {
  const server = runScript(script, [], env);
  const until = Date.now() + 60_000;
  let base: string | undefined;
  while (!base) {
    if (Date.now() > until) throw new Error(`${script} did not start:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    base = /BASE (\S+)/.exec(server.output())?.[1];
  }
  return { base, close: () => stop(server) };
}
