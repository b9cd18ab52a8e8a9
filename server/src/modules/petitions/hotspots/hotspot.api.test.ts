import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotspotEndpoints } from '#contracts/petitions/portal.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildUser, officialUnitId, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let provinceId: number;
let dongHoi: number;
let dongSon: number;
let fields: Record<string, number>;
let n = 0;

async function insertCase(c: { unitId: number; communeId: number | null; field: string; kind?: 'feedback' | 'complaint'; on: string; lat?: number; lon?: number; crowd?: boolean; hotSpot?: boolean; status?: 'received' | 'closed'; duplicateOf?: string }) {
  const id = uuidv7();
  const now = new Date();
  await t.db
    .insertInto('petition_case')
    .values({
      id, province_id: provinceId, unit_id: c.unitId, commune_id: c.communeId, village_id: null, lat: c.lat ?? null, lon: c.lon ?? null, code: `44-2026-H${++n}`,
      kind: c.kind ?? 'feedback', channel: 'portal', field_id: fields[c.field] as number, subject: 'Vụ việc', content: 'Nội dung', received_on: c.on,
      status: c.duplicateOf ? 'duplicate' : (c.status ?? 'received'), crowd: c.crowd ?? false, hot_spot: c.hotSpot ?? false,
      duplicate_of_id: c.duplicateOf ?? null, origin_case_id: null, origin_province_id: null, competent_unit_id: null, competent_body: null, handler_user_id: null,
      accepted_on: null, rule_set_code: null, due_on: null, resolved_on: null, closed_on: c.status === 'closed' ? c.on : null, outcome: null, satisfaction: null,
      public_answer: null, answered_on: null, source: 'portal', created_by: null, search_text: 'vu viec', subject_fold: 'vu viec', created_at: now, updated_at: now,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  t = await startTestApp({ today: '2026-06-30' });
  provinceId = await officialUnitId(t.db, '2025', '44');
  dongHoi = await officialUnitId(t.db, '2025', '18880');
  dongSon = await officialUnitId(t.db, '2025', '18871');
  const rows = await t.db.selectFrom('petition_field').select(['id', 'code']).where('province_id', 'is', null).execute();
  fields = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  // Đồng Hới: 3 land cases (two located, one crowd and closed), 1 environment complaint, 1 duplicate (not counted)
  const first = await insertCase({ unitId: dongHoi, communeId: dongHoi, field: 'land', on: '2026-02-01', lat: 17.47, lon: 106.6, crowd: true });
  await insertCase({ unitId: dongHoi, communeId: dongHoi, field: 'land', on: '2026-03-01', lat: 17.49, lon: 106.62, status: 'closed' });
  await insertCase({ unitId: dongHoi, communeId: dongHoi, field: 'land', on: '2026-05-01' });
  await insertCase({ unitId: dongHoi, communeId: dongHoi, field: 'environment', kind: 'complaint', on: '2026-05-02', hotSpot: true });
  await insertCase({ unitId: dongHoi, communeId: dongHoi, field: 'land', on: '2026-05-03', duplicateOf: first });
  // Đồng Sơn: 2 land cases received by the province, one without a commune
  await insertCase({ unitId: provinceId, communeId: dongSon, field: 'land', on: '2026-04-01' });
  await insertCase({ unitId: provinceId, communeId: null, field: 'land', on: '2026-04-02' });
});
afterAll(() => t.close());

async function officer(unitId: number) {
  const user = await buildUser(t.db, { unitId, roles: ['leader'] });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

describe('hot spots by commune', () => {
  it('counts cases per commune of 2025 in the province, duplicates not twice, markers at the mean point on the dashboard’s outline', async () => {
    const client = await officer(provinceId);
    const res = await client.call(hotspotEndpoints.hotspots, { query: {} });
    expect(res.status).toBe(200);
    expect(res.body.province).toMatchObject({ id: provinceId, code: '44', name: 'Quảng Trị' });
    expect(res.body.total).toBe(6);
    expect(res.body.withoutCommune).toBe(1);
    expect(res.body.communes.map((c) => [c.name, c.cases, c.open, c.crowd, c.hotSpot, c.located])).toEqual([
      ['Phường Đồng Hới', 4, 3, 1, 1, 2],
      ['Phường Đồng Sơn', 1, 1, 0, 0, 0],
    ]);
    const hoi = res.body.communes[0];
    expect(hoi?.x).not.toBeNull();
    expect(res.body.communes[1]?.x).toBeNull();
    // the marker lies inside the province's cropped view
    const [minX, minY, width, height] = (res.body.map?.viewBox ?? '').split(' ').map(Number) as [number, number, number, number];
    expect(hoi?.x).toBeGreaterThan(minX);
    expect(hoi?.x).toBeLessThan(minX + width);
    expect(hoi?.y).toBeGreaterThan(minY);
    expect(hoi?.y).toBeLessThan(minY + height);
    expect(res.body.map?.path.startsWith('M')).toBe(true);
  });

  it('filters by field, kind, flag and period', async () => {
    const client = await officer(provinceId);
    const counts = async (query: Record<string, string | number>) =>
      (await client.call(hotspotEndpoints.hotspots, { query })).body.communes.map((c) => [c.name, c.cases]);
    expect(await counts({ fieldId: fields.environment as number })).toEqual([['Phường Đồng Hới', 1]]);
    expect(await counts({ kind: 'complaint' })).toEqual([['Phường Đồng Hới', 1]]);
    expect(await counts({ flag: 'crowd' })).toEqual([['Phường Đồng Hới', 1]]);
    expect(await counts({ from: '2026-03-01', to: '2026-04-30' })).toEqual([['Phường Đồng Hới', 1], ['Phường Đồng Sơn', 1]]);
    const bad = await client.call(hotspotEndpoints.hotspots, { query: { from: '2026-05-01', to: '2026-04-01' } });
    expect(bad.status).toBe(400);
  });

  it('is scoped to the actor: a ward’s officer counts only the cases its ward received; another province is refused', async () => {
    const ward = await officer(dongHoi);
    const res = await ward.call(hotspotEndpoints.hotspots, { query: {} });
    expect(res.body.communes.map((c) => [c.name, c.cases])).toEqual([['Phường Đồng Hới', 4]]);
    expect(res.body.total).toBe(4);
    const hanoi = await officialUnitId(t.db, '2025', '01');
    const other = await ward.call(hotspotEndpoints.hotspots, { query: { provinceId: hanoi } });
    expect(other.status).toBe(400);
    const anonymous = await new TestClient(t.baseUrl).call(hotspotEndpoints.hotspots, { query: {} });
    expect(anonymous.status).toBe(401);
  });
});
