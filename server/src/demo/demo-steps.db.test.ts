import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import type { ServerModule } from '#server/shared/module.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { appliedDemoSteps } from './demo.repository.ts';
import { foundationStep } from './foundation-step.ts';
import { loadDemo } from './load-demo.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
}, 120_000);
afterAll(() => handle.close());

const MIGRATION = join(import.meta.dirname, '../db/migrations/20261202T1010_demo_steps.sql');

describe('B8 demo steps on a database that had the demo before steps existed', () => {
  it('B8 demo steps: the migration records the foundation of an existing demo, and the next start runs only the new step', async () => {
    const { db } = handle;
    // the demo as it was loaded before this migration: the foundation only, no demo_step table
    const before: ServerModule = { name: 'before', registerRoutes: () => undefined, demoSteps: [foundationStep] };
    expect((await loadDemo(db, [before])).applied).toEqual(['foundation@1']);
    await sql`drop table demo_step`.execute(db);
    await sql.raw(readFileSync(MIGRATION, 'utf8')).execute(db);
    expect(await appliedDemoSteps(db)).toEqual([{ name: 'foundation', version: 1 }]);

    const next = await loadDemo(db);
    expect(next.applied).toEqual(['province-44-whole@1', 'indicators.demo@1', 'indicators.derived-demo@1', 'programmes.demo@1', 'petitions.demo@1', 'reception.demo@1', 'emulation.demo@1', 'emulation.commitments-demo@1', 'surveys.demo@1', 'grassroots.demo@1', 'grassroots.briefings@1', 'training.demo@1', 'sentiment.demo@1']);
    const villages = await sql<{ n: number }>`select count(*)::int as n from admin_unit where level = 'village' and structure = '2025'`.execute(db);
    expect(villages.rows[0]?.n).toBe(1113 + 885);
    expect((await loadDemo(db)).applied).toEqual([]);
  }, 180_000);
});
