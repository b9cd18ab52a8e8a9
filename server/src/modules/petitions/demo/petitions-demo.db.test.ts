import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { petitionFigureEndpoints } from '#contracts/petitions/figures.schemas.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { decryptIdentity } from '../identity-crypto.ts';
import { DEMO_CASES, HOT_SPOT_CASES, HOT_SPOT_COMMUNE_CODE } from './petitions-demo-step.ts';

/** On PGlite the demo's derived-value backfill (every registered value since 2019) holds the one connection for minutes. */
const DEMO_BACKFILL_MS = 300_000;

const TODAY = '2026-12-02';
let t: TestApp;
let load: DemoLoad;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  load = await loadDemo(t.db);
}, 600_000);
afterAll(() => t.close());

const count = async (where: ReturnType<typeof sql>) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from petition_case c where ${where}`.execute(t.db)).rows[0]?.n);

describe('petitions demo step (Quảng Trị, January 2025 to today)', () => {
  it('holds the cases it claims: every kind, land-heavy, across the reform, crowd, above-level, prolonged, overdue, a hot spot', async () => {
    expect(load.applied).toContain('petitions.demo@1');
    const total = await count(sql`true`);
    expect(total).toBe(DEMO_CASES + HOT_SPOT_CASES);
    const kinds = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from petition_case group by kind order by kind`.execute(t.db);
    const byKind = Object.fromEntries(kinds.rows.map((row) => [row.kind, row.n]));
    for (const kind of ['complaint', 'denunciation', 'petition', 'feedback']) expect(byKind[kind]).toBeGreaterThan(200);
    expect(load.summary).toContain(`${total} cases (`);
    // land and compensation behind ~62 % (seed 001: 61.8 %)
    const land = await count(sql`c.field_id in (select id from petition_field where code in ('land', 'compensation_clearance'))`);
    expect(land / total).toBeGreaterThan(0.55);
    expect(land / total).toBeLessThan(0.7);
    // before July 2025 the cases sit on 2019 communes, after it on 2025 ones
    expect(await count(sql`c.received_on < '2025-07-01' and c.commune_id in (select id from admin_unit where structure = '2025')`)).toBe(0);
    expect(await count(sql`c.received_on >= '2025-07-01' and c.commune_id in (select id from admin_unit where structure = '2019')`)).toBe(0);
    expect(await count(sql`c.received_on < '2025-07-01'`)).toBeGreaterThan(500);
    expect(await count(sql`c.received_on > ${TODAY}::date or c.received_on < '2025-01-01'`)).toBe(0);
    expect(await count(sql`c.crowd and c.person_count >= 5`)).toBeGreaterThan(20);
    expect(await count(sql`c.crowd <> (c.person_count >= 5)`)).toBe(0);
    expect(await count(sql`c.above_level`)).toBeGreaterThan(20);
    expect(await count(sql`c.prolonged`)).toBeGreaterThan(20);
    // overdue: open, past the due date the legal module gave
    const overdue = await count(sql`c.status not in ('refused', 'transferred', 'closed', 'withdrawn', 'duplicate') and c.due_on < ${TODAY}::date`);
    expect(overdue).toBeGreaterThan(10);
    expect(load.summary).toContain(`${overdue} overdue`);
    // the hot spot: one commune with a cluster about compensation and clearance, flagged
    const hot = await sql<{ code: string; n: number; field: string }>`
      select u.code, count(*)::int as n, min(f.code) as field from petition_case c join admin_unit u on u.id = c.commune_id join petition_field f on f.id = c.field_id
      where c.hot_spot group by u.code`.execute(t.db);
    expect(hot.rows).toEqual([{ code: HOT_SPOT_COMMUNE_CODE, n: HOT_SPOT_CASES, field: 'compensation_clearance' }]);
    // statuses across the lifecycle, history steps for each, outcomes of every kind
    const statuses = (await sql<{ status: string }>`select distinct status from petition_case order by 1`.execute(t.db)).rows.map((row) => row.status);
    expect(statuses).toEqual(expect.arrayContaining(['received', 'verifying', 'concluded', 'notified', 'closed', 'refused', 'transferred', 'withdrawn', 'duplicate', 'appealed']));
    expect(await count(sql`c.version <> (select count(*) from petition_step s where s.province_id = c.province_id and s.case_id = c.id)`)).toBe(0);
    const outcomes = (await sql<{ outcome: string }>`select distinct outcome from petition_case where outcome is not null order by 1`.execute(t.db)).rows.map((r) => r.outcome);
    expect(outcomes).toEqual(['late', 'late_extended', 'on_time']);
    expect(await count(sql`c.status = 'duplicate' and c.duplicate_of_id is null`)).toBe(0);
  });

  it("keeps denouncers' identities encrypted: nothing readable in the table, decrypted through the petitions module's key", async () => {
    const rows = await sql<{ id: string; full_name: string | null; identity_cipher: string | null; kind: string }>`
      select p.id, p.full_name, p.identity_cipher, c.kind from petition_person p join petition_case c on c.province_id = p.province_id and c.id = p.case_id
      where c.kind = 'denunciation' limit 50`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.full_name).toBeNull();
      expect(decryptIdentity(row.identity_cipher as string, row.id).fullName).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}*)+$/u);
    }
    // nor does the search text hold a denouncer's name
    const [one] = rows.rows;
    const name = decryptIdentity(one?.identity_cipher as string, one?.id as string).fullName;
    expect(await count(sql`c.kind = 'denunciation' and c.search_text like ${`%${name.toLowerCase()}%`}`)).toBe(0);
  });

  it('serves the figures of the province over HTTP: the counts of the cases, and the resolution rate of 2025', async () => {
    const client = new TestClient(t.baseUrl);
    expect((await client.login('tinh.qt', DEMO_PASSWORD)).status).toBe(200);
    const res = await client.call(petitionFigureEndpoints.figures, { query: { from: '2025-01-01', to: '2025-12-31', by: 'province' } });
    expect(res.status).toBe(200);
    const received = await count(sql`c.received_on between '2025-01-01' and '2025-12-31' and c.status <> 'duplicate'`);
    const toResolve = await count(sql`c.received_on between '2025-01-01' and '2025-12-31' and c.kind in ('complaint', 'denunciation') and c.status not in ('duplicate', 'refused', 'transferred', 'withdrawn')`);
    const resolved = await count(sql`c.resolved_on between '2025-01-01' and '2025-12-31' and c.kind in ('complaint', 'denunciation') and c.status not in ('duplicate', 'refused', 'transferred')`);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.total).toMatchObject({ received, kdToResolve: toResolve, kdResolved: resolved, resolutionRate: Math.round((1000 * resolved) / toResolve) / 10 });
    expect(res.body.total.resolutionRate).toBeGreaterThan(60);
    expect(res.body.total.resolutionRate).toBeLessThan(100);
    const bad = await client.call(petitionFigureEndpoints.figures, { query: { from: '2025-12-31', to: '2025-01-01', by: 'province' } });
    expect(bad.status).toBe(400);
  }, DEMO_BACKFILL_MS);
});
