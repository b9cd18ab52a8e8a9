import { spawnSync } from 'node:child_process';
import { startPgCluster } from './pg-cluster.ts';
import { CHROMIUM, ensureSystemDependency, POSTGRES_15 } from './system-deps.ts';

/**
 * `npm test`: every suite, nothing skipped. Unit tests; repository/API tests on PGlite; the same on a throwaway
 * PostgreSQL 15 cluster; browser tests in Debian's chromium against the built app. Missing system packages are
 * installed with apt-get when running as root on Debian, or reported with the command to run.
 */
const results: { suite: string; ok: boolean }[] = [];

function run(suite: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n[test] ── ${suite} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ suite, ok: result.status === 0 });
}

const vitest = ['exec', '--', 'vitest', 'run', '--project'];
const initdb = ensureSystemDependency(POSTGRES_15);
const chromium = ensureSystemDependency(CHROMIUM);

run('unit', 'npm', [...vitest, 'unit']);
run('db on PGlite', 'npm', [...vitest, 'db']);

const cluster = await startPgCluster(initdb);
try {
  run('db on PostgreSQL 15', 'npm', [...vitest, 'db'], { TEST_DATABASE_URL: cluster.url });
} finally {
  cluster.stop();
}

run('build web', 'npm', ['run', 'build:web', '--silent']);
run('browser (chromium)', 'npm', [...vitest, 'e2e'], { CHROMIUM_PATH: chromium });

console.log('\n[test] summary');
for (const { suite, ok } of results) console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${suite}`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
