import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway PostgreSQL cluster for one test run. */
interface PgCluster {
  url: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb + pg_ctl start in a temporary directory on a free port. initdb refuses to run as root, so as root the
 * commands run as the `postgres` user.
 */
export async function startPgCluster(initdbPath: string): Promise<PgCluster> {
  const bin = dirname(initdbPath);
  const root = mkdtempSync(join(tmpdir(), 'dvs-pg-'));
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) =>
    asRoot
      ? execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' })
      : execFileSync('sh', ['-c', command], { stdio: 'pipe' });
  run(`${bin}/initdb -D ${data} -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null`);
  run(`${bin}/pg_ctl -D ${data} -o "-p ${port} -k ${root} -c fsync=off -c full_page_writes=off" -l ${root}/log -w start >/dev/null`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(`${bin}/pg_ctl -D ${data} -m immediate -w stop >/dev/null`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
