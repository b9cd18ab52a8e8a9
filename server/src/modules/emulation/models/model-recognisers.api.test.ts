import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelEndpoints, type TModelDetail, type TRecogniserQuery } from '#contracts/emulation/model.api.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import type { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// GET /api/emulation/models/:id/recognisers: the units the step form offers as "Đơn vị công nhận"
const clock = fixedClock('2026-10-20');
let t: TestApp;
let province: TestProvince;
let communeA: number;
let communeB: number;
let clerkA: TestClient;
let officerA: TestClient;
let officerB: TestClient;
let provinceOfficer: TestClient;
let otherProvinceOfficer: TestClient;
let model: TModelDetail;

beforeAll(async () => {
  t = await startTestApp({ clock });
  province = await buildProvince(t.db, { communes: 2 });
  [communeA, communeB] = province.communeIds as [number, number];
  clerkA = await signIn(t.baseUrl, t.db, { unitId: communeA, roles: ['data_entry'] });
  officerA = await signIn(t.baseUrl, t.db, { unitId: communeA, roles: ['commission_officer'] });
  officerB = await signIn(t.baseUrl, t.db, { unitId: communeB, roles: ['commission_officer'] });
  provinceOfficer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
  const other = await buildProvince(t.db, { communes: 1 });
  otherProvinceOfficer = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
  const created = await clerkA.call(modelEndpoints.createModel, {
    body: {
      kind: 'collective', field: 'economy', title: 'Mô hình “Tổ hợp tác trồng rau sạch”', summary: 'Mười hộ góp đất trồng rau theo VietGAP.',
      unitId: communeA, startedOn: '2025-09-01', ownerType: 'unit', ownerId: communeA,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  model = created.body;
});
afterAll(() => t.close());

async function recognisers(client: TestClient, id: string, query: TRecogniserQuery) {
  return client.call(modelEndpoints.listRecognisers, { params: { id }, query });
}
const ids = async (client: TestClient, id: string, query: TRecogniserQuery) => {
  const response = await recognisers(client, id, query);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.map((u) => u.id);
};

describe('recognisers of a model', () => {
  it('offers the commune its own unit at the commune level, the province its own at the province level, nothing else', async () => {
    const commune = await recognisers(officerA, model.id, { level: 'commune', onDate: '2026-10-15' });
    expect(commune.body).toEqual([{ id: communeA, fullName: 'Xã Xuân 1', level: 'commune', validFrom: '2025-07-01', validTo: null, own: true }]);
    // the commune is no province; the province does not record the commune's decisions (in force: its own decisions)
    expect(await ids(officerA, model.id, { level: 'province', onDate: '2026-10-15' })).toEqual([]);
    expect(await ids(provinceOfficer, model.id, { level: 'province', onDate: '2026-10-15' })).toEqual([province.provinceId]);
    expect(await ids(provinceOfficer, model.id, { level: 'central', onDate: '2026-10-15' })).toEqual([province.provinceId]);
    expect(await ids(provinceOfficer, model.id, { level: 'commune', onDate: '2026-10-15' })).toEqual([]);
    // a system administrator (no unit of their own) records any unit's decision: the units of the level on the model's line
    const admin = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    expect(await ids(admin, model.id, { level: 'commune', onDate: '2026-10-15' })).toEqual([communeA]);
    expect(await ids(admin, model.id, { level: 'province', onDate: '2026-10-15' })).toEqual([province.provinceId]);
    // not in force before the 2025 units began
    expect(await ids(officerA, model.id, { level: 'commune', onDate: '2025-06-30' })).toEqual([]);
  });

  it('is scoped: another commune and another province get 404; a clerk who does not recognise gets 403; bad input 400', async () => {
    expect((await recognisers(officerB, model.id, { level: 'commune', onDate: '2026-10-15' })).status).toBe(404);
    expect((await recognisers(otherProvinceOfficer, model.id, { level: 'province', onDate: '2026-10-15' })).status).toBe(404);
    expect((await recognisers(clerkA, model.id, { level: 'commune', onDate: '2026-10-15' })).status).toBe(403);
    const bad = await officerA.request('GET', `/api/emulation/models/${model.id}/recognisers?level=village&onDate=2026-10-15`);
    expect(bad.status).toBe(400);
  });

  it('offers a 2019 district and province for a decision before the reform, to the successor province; the step accepts them', async () => {
    const tag = `${process.pid}${Date.now() % 100000}`;
    const insert = async (unit: Record<string, unknown>) => {
      const row = await t.db.insertInto('admin_unit').values({ ...unit, path: '0' } as never).returning('id').executeTakeFirstOrThrow();
      await sql`update admin_unit c set path = coalesce((select p.path from admin_unit p where p.id = c.parent_id), ''::ltree) || text2ltree(c.id::text) where c.id = ${row.id}`.execute(t.db);
      return row.id;
    };
    const old = { structure: '2019', valid_from: null, valid_to: '2025-06-30' };
    const p19 = await insert({ ...old, code: `R${tag}`, name: `Cũ ${tag}`, full_name: `Tỉnh Cũ ${tag}`, level: 'province', type: 'tỉnh', parent_id: null });
    const d19 = await insert({ ...old, code: `R${tag}-1`, name: 'Gio Linh', full_name: 'Huyện Gio Linh', level: 'district', type: 'huyện', parent_id: p19 });
    const d19b = await insert({ ...old, code: `R${tag}-2`, name: 'Cam Lộ', full_name: 'Huyện Cam Lộ', level: 'district', type: 'huyện', parent_id: p19 });
    const c19 = await insert({ ...old, code: `R${tag}-1-1`, name: 'Gio Mỹ', full_name: 'Xã Gio Mỹ', level: 'commune', type: 'xã', parent_id: d19 });
    const now = { structure: '2025', valid_from: '2025-07-01', valid_to: null };
    const p25 = await insert({ ...now, code: `S${tag}`, name: `Mới ${tag}`, full_name: `Tỉnh Mới ${tag}`, level: 'province', type: 'tỉnh', parent_id: null });
    const c25 = await insert({ ...now, code: `S${tag}-1`, name: 'Gio Linh', full_name: 'Xã Gio Linh', level: 'commune', type: 'xã', parent_id: p25 });
    await t.db.insertInto('unit_succession').values([
      { old_unit_id: p19, new_unit_id: p25, kind: 'merged', effective_date: '2025-07-01' },
      { old_unit_id: c19, new_unit_id: c25, kind: 'merged', effective_date: '2025-07-01' },
    ]).execute();
    const id = uuidv7();
    const at = new Date('2024-09-01T03:00:00Z');
    await t.db.insertInto('emulation_model').values({
      id, province_id: p25, unit_id: c19, kind: 'collective', field: 'culture_society', owner_unit_id: c19, title: 'Mô hình “Xóm đạo bình yên” Gio Mỹ',
      summary: 'Giáo họ và thôn cùng giữ an ninh', figures: '[]', started_on: '2023-01-10', status: 'reviewed', search_text: 'xom dao binh yen gio my', version: 3, created_at: at, updated_at: at,
    }).execute();
    await t.db.insertInto('emulation_model_step').values([
      { id: uuidv7(), province_id: p25, model_id: id, seq: 1, step: 'registered', to_status: 'registered', on_date: '2023-01-10', at },
    ]).execute();
    const provinceUser = await signIn(t.baseUrl, t.db, { unitId: p25, roles: ['commission_officer'] });
    // the district the model's commune lay in, not the other district of the old province
    const districts = await recognisers(provinceUser, id, { level: 'district', onDate: '2024-10-15' });
    expect(districts.body).toEqual([{ id: d19, fullName: 'Huyện Gio Linh', level: 'district', validFrom: null, validTo: '2025-06-30', own: false }]);
    expect(districts.body.map((u) => u.id)).not.toContain(d19b);
    expect(await ids(provinceUser, id, { level: 'district', onDate: '2025-07-15' })).toEqual([]);
    // before the reform the old province decided; after it the successor province (its own unit)
    expect(await ids(provinceUser, id, { level: 'province', onDate: '2024-10-15' })).toEqual([p19]);
    expect(await ids(provinceUser, id, { level: 'province', onDate: '2026-10-15' })).toEqual([p25]);
    // the successor commune is no district and records only its own decisions
    const communeUser = await signIn(t.baseUrl, t.db, { unitId: c25, roles: ['commission_officer'] });
    expect(await ids(communeUser, id, { level: 'district', onDate: '2024-10-15' })).toEqual([]);
    expect(await ids(communeUser, id, { level: 'commune', onDate: '2026-10-15' })).toEqual([c25]);
    expect(await ids(communeUser, id, { level: 'commune', onDate: '2024-10-15' })).toEqual([c19]);
    // what the list offers, the step accepts
    const m = (await provinceUser.call(modelEndpoints.getModel, { params: { id } })).body;
    const step = await provinceUser.call(modelEndpoints.addModelStep, {
      params: { id }, body: { step: 'recognised', seenVersion: m.version, onDate: '2024-10-15', level: 'district', decisionNumber: '812/QĐ-UBND', byUnitId: d19 },
    });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect(step.body.recognisedBy).toEqual({ id: d19, fullName: 'Huyện Gio Linh' });
  });
});
