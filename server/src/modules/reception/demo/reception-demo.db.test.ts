import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receptionEndpoints as e } from '#contracts/reception/api.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let load: DemoLoad;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-12-02' });
  load = await loadDemo(t.db);
}, 300_000);
afterAll(() => t.close());

const signIn = async (username: string) => {
  const client = new TestClient(t.baseUrl);
  expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
};

describe('reception demo step (two years in Quảng Trị)', () => {
  it('gives xã Hải Lăng schedules with kept and missed months, dialogues, Front activities and overdue recommendations', async () => {
    expect(load.applied).toContain('reception.demo@1');
    const commune = await signIn('xa.hai-lang');
    const months = await Promise.all(['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'].map((month) => commune.call(e.compliance, { query: { month } })));
    const rows = months.flatMap((m) => m.body);
    expect(new Set(rows.map((r) => r.leader.roleKind))).toEqual(new Set(['government_head', 'party_secretary']));
    expect(rows.every((r) => r.unitName === 'Xã Hải Lăng')).toBe(true);
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses.has('met')).toBe(true);
    expect(statuses.has('not_met')).toBe(true);
    const dialogues = (await commune.call(e.listDialogues, { query: { kind: 'dialogue' } })).body;
    expect(dialogues.length).toBeGreaterThan(0);
    expect(dialogues.every((d) => d.byHead)).toBe(true);
    const province = await signIn('tinh.qt');
    const front = (await province.call(e.listFrontActivities, { query: { from: '2025-01-01', to: '2025-12-31' } })).body;
    expect(front.filter((a) => a.level === 'province' && a.kind === 'supervision')).toHaveLength(2);
    expect(front.filter((a) => a.level === 'province' && a.kind === 'critique')).toHaveLength(1);
    const overdue = (await province.call(e.listRecommendations, { query: { state: 'overdue' } })).body;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((k) => k.dueOn < '2026-12-02' && k.status === 'sent')).toBe(true);
    const answered = (await province.call(e.listRecommendations, { query: { state: 'closed' } })).body;
    expect(answered.length).toBeGreaterThan(0);
  });
});
