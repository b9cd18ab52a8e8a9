import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personEndpoints } from '#contracts/people.ts';
import { userEndpoints } from '#contracts/users.ts';
import { buildOrganization, buildPerson, buildUser, officialUnitId, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// Issue 7 item A1: accounts on units that ended in the reform are legacy accounts, moved in one action.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
});
afterAll(() => t.close());

const unitId = (structure: '2019' | '2025', code: string) => officialUnitId(t.db, structure, code);

describe('A1 legacy accounts', () => {
  it('A1 legacy: a 2019 commune account is listed as legacy with its successor suggested, and moved in one action', async () => {
    const haiPhu = await unitId('2019', '19702');
    const haiLang = await unitId('2025', '19702'); // Xã Hải Lăng took in Hải Phú, Hải Thượng and Hải Lâm
    const province = await unitId('2025', '44');
    const legacy = await buildUser(t.db, { unitId: haiPhu, roles: ['data_entry'], fullName: 'Trần Thị Lệ' });
    const current = await buildUser(t.db, { unitId: haiLang, roles: ['data_entry'] });
    const admin = await signIn(t.baseUrl, t.db, { unitId: province, roles: ['unit_admin'] });

    const listed = await admin.call(userEndpoints.list, { query: { legacy: 'true' } });
    expect(listed.status).toBe(200);
    expect(listed.body.map((user) => user.id)).toEqual([legacy.id]);
    expect(listed.body[0]).toMatchObject({
      unitId: haiPhu,
      unitName: 'Xã Hải Phú',
      unitEnded: true,
      successorUnits: [{ id: haiLang, fullName: 'Xã Hải Lăng', level: 'commune', structure: '2025' }],
    });
    const currentOnes = await admin.call(userEndpoints.list, { query: { legacy: 'false' } });
    expect(currentOnes.body.map((user) => user.id).sort((a, b) => a - b)).toEqual([current.id, admin.userId].sort((a, b) => a - b));
    expect(currentOnes.body.every((user) => !user.unitEnded && user.successorUnits.length === 0)).toBe(true);

    // before the move the legacy account sees Hải Phú's records only
    const villager = await buildPerson(t.db, haiLang);
    const clerk = new TestClient(t.baseUrl);
    expect((await clerk.login(legacy.username, TEST_PASSWORD)).status).toBe(200);
    expect((await clerk.call(personEndpoints.get, { params: { id: villager } })).status).toBe(404);

    const moved = await admin.call(userEndpoints.move, { params: { id: legacy.id }, body: { unitId: haiLang } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: legacy.id, unitId: haiLang, unitName: 'Xã Hải Lăng', unitEnded: false, successorUnits: [], organizationId: null });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'unit_id'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', String(legacy.id))
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([{ action: 'update', unit_id: haiLang, before: { unitId: haiPhu, organizationId: null }, after: { unitId: haiLang, organizationId: null } }]);
    // the move ended the old session; signed in again the account sees its new commune's records
    expect((await clerk.call(personEndpoints.get, { params: { id: villager } })).status).toBe(401);
    expect((await clerk.login(legacy.username, TEST_PASSWORD)).status).toBe(200);
    expect((await clerk.call(personEndpoints.get, { params: { id: villager } })).status).toBe(200);
    expect((await admin.call(userEndpoints.list, { query: { legacy: 'true' } })).body).toEqual([]);
  });

  it('A1 legacy: a move goes only to a current unit in the admin scope, and a focal point needs an organisation there', async () => {
    const haiPhu = await unitId('2019', '19702');
    const haiLang = await unitId('2025', '19702');
    const taRut = await unitId('2025', '19588');
    const admin = await signIn(t.baseUrl, t.db, { unitId: haiLang, roles: ['unit_admin'] });
    const legacy = await buildUser(t.db, { unitId: haiPhu, roles: ['data_entry', 'focal_point'] });
    const ended = await admin.call(userEndpoints.move, { params: { id: legacy.id }, body: { unitId: haiPhu } });
    expect(ended.status).toBe(400);
    expect(errorBody(ended).message).toBe('Đơn vị (unitId): tài khoản đã thuộc đơn vị này');
    const outside = await admin.call(userEndpoints.move, { params: { id: legacy.id }, body: { unitId: taRut } });
    expect(outside.status).toBe(404);
    const noOrg = await admin.call(userEndpoints.move, { params: { id: legacy.id }, body: { unitId: haiLang } });
    expect(noOrg.status).toBe(400);
    expect(errorBody(noOrg).message).toBe('Tổ chức (organizationId): bắt buộc với tài khoản đầu mối');
    const team = await buildOrganization(t.db, haiLang, { name: 'Tổ dân vận thôn Phú Hưng' });
    const ok = await admin.call(userEndpoints.move, { params: { id: legacy.id }, body: { unitId: haiLang, organizationId: team } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ unitId: haiLang, organizationId: team, roles: ['data_entry', 'focal_point'] });
  });

  it('A1 legacy: new accounts only on current units; a legacy admin creates none', async () => {
    const haiPhu = await unitId('2019', '19702');
    const province2025 = await unitId('2025', '44');
    const admin = await signIn(t.baseUrl, t.db, { unitId: province2025, roles: ['unit_admin'] });
    const body = { username: 'cu.hai-phu', fullName: 'Cũ Hải Phú', unitId: haiPhu, roles: ['data_entry' as const], password: TEST_PASSWORD };
    const refused = await admin.call(userEndpoints.create, { body });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toBe('Đơn vị (unitId): “Xã Hải Phú” không còn hiệu lực; chọn một đơn vị hiện hành');
    const legacyAdmin = await signIn(t.baseUrl, t.db, { unitId: await unitId('2019', '45'), roles: ['unit_admin'] });
    expect((await legacyAdmin.call(userEndpoints.create, { body })).status).toBe(400);
    const onSuccessor = await legacyAdmin.call(userEndpoints.create, { body: { ...body, unitId: await unitId('2025', '19702') } });
    expect(onSuccessor.status).toBe(404);
    // the legacy admin sees its own legacy accounts but has nowhere to move them
    const listed = await legacyAdmin.call(userEndpoints.list, { query: { legacy: 'true' } });
    expect(listed.body.find((user) => user.id === legacyAdmin.userId)).toMatchObject({ unitEnded: true, successorUnits: [] });
  });
});
