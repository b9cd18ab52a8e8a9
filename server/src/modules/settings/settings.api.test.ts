import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { settingsEndpoints, type TProvinceSettings } from '#contracts/settings.ts';
import { buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/** Issue 9 item 10: what the 2025 reorganisation left open is a province's setting, with today's likely default. */
let t: TestApp;
let province: TestProvince;
let other: TestProvince;
beforeAll(async () => {
  t = await startTestApp();
  province = await buildProvince(t.db);
  other = await buildProvince(t.db);
});
afterAll(() => t.close());

const values = (body: TProvinceSettings) => Object.fromEntries(body.items.map((item) => [item.key, [item.value, item.isDefault]]));

describe("a province's settings", () => {
  it('start at their defaults, read by the province and by its communes', async () => {
    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number });
    const read = await commune.call(settingsEndpoints.list, { params: { id: province.provinceId } });
    expect(read.status).toBe(200);
    expect(values(read.body)).toEqual({
      'communeBloc.enabled': [true, true],
      'communeBloc.lead': ['standing_deputy_secretary', true],
      'villageTeam.enabled': [true, true],
      'communeTradeUnion.enabled': [false, true],
    });
    expect(read.body.canManage).toBe(false);
  });

  it('are changed by the province administrator with a reason; each change is kept and audited', async () => {
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    expect((await admin.call(settingsEndpoints.list, { params: { id: province.provinceId } })).body.canManage).toBe(true);
    const first = await admin.call(settingsEndpoints.set, {
      params: { id: province.provinceId, key: 'communeBloc.lead' },
      body: { value: 'front_chair', reason: 'Theo Quyết định của Ban Thường vụ Tỉnh ủy' },
    });
    expect(first.status).toBe(200);
    const lead = first.body.items.find((item) => item.key === 'communeBloc.lead');
    expect(lead).toMatchObject({ value: 'front_chair', isDefault: false, reason: 'Theo Quyết định của Ban Thường vụ Tỉnh ủy' });
    expect(lead?.setByName).toMatch(/^Người dùng /);
    const second = await admin.call(settingsEndpoints.set, {
      params: { id: province.provinceId, key: 'villageTeam.enabled' },
      body: { value: false, reason: 'Sau khi sắp xếp thôn năm 2026' },
    });
    expect(values(second.body)['villageTeam.enabled']).toEqual([false, false]);

    const rows = await t.db.selectFrom('province_setting').select(['key', 'value']).where('province_id', '=', province.provinceId).orderBy('id').execute();
    expect(rows).toEqual([
      { key: 'communeBloc.lead', value: 'front_chair' },
      { key: 'villageTeam.enabled', value: false },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'province_setting')
      .where('entity_id', '=', String(province.provinceId))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => [row.before, row.after])).toEqual([
      [{ key: 'communeBloc.lead', value: 'standing_deputy_secretary', isDefault: true }, { key: 'communeBloc.lead', value: 'front_chair', reason: 'Theo Quyết định của Ban Thường vụ Tỉnh ủy' }],
      [{ key: 'villageTeam.enabled', value: true, isDefault: true }, { key: 'villageTeam.enabled', value: false, reason: 'Sau khi sắp xếp thôn năm 2026' }],
    ]);
    // the setting is in force: no new Tổ dân vận in the province's villages, and the error says why
    const villageAdmin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const team = await villageAdmin.call(organizationEndpoints.create, {
      body: { unitId: province.villageIds[0] as number, type: 'village_team', name: 'Tổ dân vận thôn 1' },
    });
    expect(team.status).toBe(400);
    expect(errorBody(team).message).toContain('tỉnh đã cài đặt không tổ chức Tổ dân vận');
    // the other province is untouched
    const otherAdmin = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    const untouched = await otherAdmin.call(settingsEndpoints.list, { params: { id: other.provinceId } });
    expect(untouched.body.items.every((item) => item.isDefault)).toBe(true);
  });

  it('answer a clear error for a wrong value, an unknown key or no reason, and write nothing', async () => {
    const admin = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    const wrong = await admin.call(settingsEndpoints.set, {
      params: { id: other.provinceId, key: 'communeBloc.enabled' },
      body: { value: 'có', reason: 'Thử giá trị sai' },
    });
    expect(wrong.status).toBe(400);
    expect(errorBody(wrong).message).toMatch(/\(value\)/);
    const unknown = await admin.request('PUT', `/api/provinces/${other.provinceId}/settings/khongCo.batTat`, { value: true, reason: 'Thử khóa lạ' });
    expect(unknown.status).toBe(400);
    const noReason = await admin.call(settingsEndpoints.set, { params: { id: other.provinceId, key: 'communeBloc.enabled' }, body: { value: false, reason: '' } });
    expect(noReason.status).toBe(400);
    expect(await t.db.selectFrom('province_setting').select('id').where('province_id', '=', other.provinceId).execute()).toEqual([]);
  });

  it('are not changed from a commune, nor by another province, which does not see them', async () => {
    const commune = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['unit_admin'] });
    const set = (client: typeof commune) =>
      client.call(settingsEndpoints.set, { params: { id: province.provinceId, key: 'communeBloc.enabled' }, body: { value: false, reason: 'Không có quyền' } });
    expect((await set(commune)).status).toBe(403);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    expect((await set(stranger)).status).toBe(404);
    expect((await stranger.call(settingsEndpoints.list, { params: { id: province.provinceId } })).status).toBe(404);
  });
});
