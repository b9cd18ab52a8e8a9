import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { unitEndpoints } from '#contracts/units.ts';
import { TestClient } from '#test/http-client.ts';
import { runScript, testServerPort, SERVER_TEST_TIMEOUT_MS, waitForHealth } from '#test/server-process.ts';
import { openDatabase } from './db/database.ts';
import { DEMO_PASSWORD } from './demo/demo-accounts.ts';

const root = mkdtempSync(join(tmpdir(), 'dvs-main-'));
// like a fresh clone: the data folder does not exist yet
const dataDir = join(root, 'data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the server process on PGlite', () => {
  it('starts on an empty data dir with the demo, serves a scoped user, and on SIGTERM closes the database and exits 0', async () => {
    const port = testServerPort();
    const server = runScript('server/src/main.ts', [], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true' });
    const { child, exited } = server;
    const health = await waitForHealth(server, port);
    expect(health).toEqual({ status: 'ok', database: 'pglite', version: '0.1.0', demo: true });

    // first start of a fresh data dir: a scoped user (several scope roots) can list their top units: the 2025
    // province today, and the two provinces it came from before the reform
    const client = new TestClient(`http://127.0.0.1:${port}`);
    expect((await client.login('tinh.qt', DEMO_PASSWORD)).status).toBe(200);
    const today = await client.call(unitEndpoints.children, { query: {} });
    expect(today.body.map((unit) => `${unit.fullName} ${unit.structure}`)).toEqual(['Tỉnh Quảng Trị 2025']);
    const top = await client.call(unitEndpoints.children, { query: { asOf: '2025-06-30' } });
    expect(top.status).toBe(200);
    expect(top.body.map((unit) => `${unit.fullName} ${unit.code}`)).toEqual(['Tỉnh Quảng Bình 44', 'Tỉnh Quảng Trị 45']);
    // a second process on the same data dir is refused instead of corrupting it
    await expect(openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') })).rejects.toThrow('is in use by process');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: closing');

    // the data dir was closed cleanly: it reopens with the schema and the official units in it
    const handle = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const migrations = await handle.db.selectFrom('schema_migration').select('name').execute();
      expect(migrations.length).toBeGreaterThanOrEqual(3);
      const units = await sql<{ n: number }>`select count(*)::int as n from admin_unit where level <> 'village'`.execute(handle.db);
      // both structures, and the 2019–2025 history's rows (units that ended, earlier parent periods)
      expect(units.rows[0]?.n).toBe(10_794 + 3_355 + 1_408);
      const steps = await handle.db.selectFrom('demo_step').select(['name', 'version']).orderBy('name').execute();
      expect(steps).toEqual([
        { name: 'emulation.commitments-demo', version: 1 },
        { name: 'emulation.demo', version: 1 },
        { name: 'foundation', version: 1 },
        { name: 'grassroots.briefings', version: 1 },
        { name: 'grassroots.demo', version: 1 },
        { name: 'indicators.demo', version: 1 },
        { name: 'indicators.derived-demo', version: 1 },
        { name: 'petitions.demo', version: 1 },
        { name: 'programmes.demo', version: 1 },
        { name: 'province-44-whole', version: 1 },
        { name: 'reception.demo', version: 1 },
        // --- sentiment ---
        { name: 'sentiment.demo', version: 1 },
        { name: 'surveys.demo', version: 1 },
        // --- training ---
        { name: 'training.demo', version: 1 },
      ]);
    } finally {
      await handle.close();
    }
  }, SERVER_TEST_TIMEOUT_MS);

  it('B8 demo steps: DEMO=false applies no demo step and creates no account', async () => {
    const emptyDir = join(root, 'no-demo');
    const port = testServerPort();
    const server = runScript('server/src/main.ts', [], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: emptyDir, DEMO: 'false' });
    const { child, exited } = server;
    const health = await waitForHealth(server, port);
    expect(health).toMatchObject({ status: 'ok' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const handle = await openDatabase({ kind: 'pglite', dataDir: join(emptyDir, 'pglite') });
    try {
      const counts = await sql<{ steps: number; users: number; villages: number }>`select
        (select count(*)::int from demo_step) as steps, (select count(*)::int from app_user) as users,
        (select count(*)::int from admin_unit where level = 'village') as villages`.execute(handle.db);
      expect(counts.rows[0]).toEqual({ steps: 0, users: 0, villages: 0 });
    } finally {
      await handle.close();
    }
  }, SERVER_TEST_TIMEOUT_MS);
});
