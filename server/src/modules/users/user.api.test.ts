import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authEndpoints } from '#contracts/auth.ts';
import { userEndpoints } from '#contracts/users.ts';
import { buildOrganization, buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'KhoiDau2026x';
/** Account writes audited for a user (login rows share the entity, so they are left out). */
const auditOf = (entityId: number) =>
  t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'user')
    .where('entity_id', '=', String(entityId))
    .where('action', 'in', ['create', 'update'])
    .orderBy('id')
    .execute();

describe('one account', () => {
  it('reads an account of the subtree, 404 outside it, 403 for non-admins, never the hash', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const inA = await buildUser(t.db, { unitId: a, fullName: 'Lê Văn Bình', roles: ['leader'] });
    const inB = await buildUser(t.db, { unitId: b });
    const admin = await signIn(t.baseUrl, t.db, { unitId: a, roles: ['unit_admin'] });
    const one = await admin.call(userEndpoints.get, { params: { id: inA.id } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: inA.id, username: inA.username, fullName: 'Lê Văn Bình', unitId: a, roles: ['leader'] });
    expect(JSON.stringify(one.body)).not.toContain('argon2');
    expect((await admin.call(userEndpoints.get, { params: { id: inB.id } })).status).toBe(404);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: a, roles: ['data_entry'] });
    expect((await clerk.call(userEndpoints.get, { params: { id: inA.id } })).status).toBe(403);
  });
});

describe('listing', () => {
  it('a unit admin sees the accounts of its subtree; a system admin sees all, unit-less ones included', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const inA = await buildUser(t.db, { unitId: a, fullName: 'Nguyễn Thị Hoa' });
    const inVillage = await buildUser(t.db, { unitId: province.villagesByCommune[0]?.[0] as number });
    const inB = await buildUser(t.db, { unitId: b });
    const root = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
    const admin = await signIn(t.baseUrl, t.db, { unitId: a, roles: ['unit_admin'] });
    const list = await admin.call(userEndpoints.list, { query: {} });
    expect(list.status).toBe(200);
    expect(list.body.map((user) => user.id).sort()).toEqual([inA.id, inVillage.id, admin.userId].sort());
    expect(list.body.find((user) => user.id === inA.id)).toEqual({
      id: inA.id,
      username: inA.username,
      fullName: 'Nguyễn Thị Hoa',
      unitId: a,
      unitName: 'Xã Xuân 1',
      organizationId: null,
      roles: ['data_entry'],
      disabled: false,
      mustChangePassword: false,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      unitEnded: false,
      successorUnits: [],
    });
    expect(JSON.stringify(list.body)).not.toContain('argon2');
    expect((await admin.call(userEndpoints.list, { query: { q: 'hoa' } })).body.map((user) => user.id)).toEqual([inA.id]);

    const system = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const all = await system.call(userEndpoints.list, { query: {} });
    expect(all.body.map((user) => user.id)).toEqual(expect.arrayContaining([inA.id, inB.id, root.id]));
    const underProvince = await system.call(userEndpoints.list, { query: { unitId: province.provinceId } });
    expect(underProvince.body.map((user) => user.id).sort()).toEqual([inA.id, inVillage.id, inB.id, admin.userId].sort());

    const clerk = await signIn(t.baseUrl, t.db, { unitId: a });
    expect((await clerk.call(userEndpoints.list, { query: {} })).status).toBe(403);
  });
});

describe('creating', () => {
  it('creates an account that must change its password, audited without the hash', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const username = `canbo${Date.now() % 1e6}`;
    const created = await admin.call(userEndpoints.create, {
      body: { username: ` ${username.toUpperCase()} `, fullName: 'Lê Văn Tám', unitId: communeId, roles: ['commission_officer', 'commission_officer'], password: NEW_PASSWORD },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ username, unitId: communeId, roles: ['commission_officer'], mustChangePassword: true, disabled: false });
    const [audit] = await auditOf(created.body.id);
    expect(audit).toMatchObject({ action: 'create', user_id: admin.userId, unit_id: communeId, after: { username, roles: ['commission_officer'] } });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|KhoiDau/);
    const client = new TestClient(t.baseUrl);
    const login = await client.login(username, NEW_PASSWORD);
    expect(login.status).toBe(200);
    expect((await client.call(authEndpoints.me, {})).body.mustChangePassword).toBe(true);

    const again = await admin.call(userEndpoints.create, {
      body: { username, fullName: 'Người khác', unitId: communeId, roles: ['data_entry'], password: NEW_PASSWORD },
    });
    expect(again.status).toBe(409);
    expect(errorBody(again).message).toBe('Tên đăng nhập đã tồn tại.');
  });

  it('a unit admin creates only in its subtree and never a system admin; unit-less accounts are for system admins', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const admin = await signIn(t.baseUrl, t.db, { unitId: a, roles: ['unit_admin'] });
    const body = { username: `x${Date.now() % 1e6}`, fullName: 'Thử', unitId: a, roles: ['system_admin' as const], password: NEW_PASSWORD };
    const escalate = await admin.call(userEndpoints.create, { body });
    expect(escalate.status).toBe(403);
    expect((await admin.call(userEndpoints.create, { body: { ...body, roles: ['data_entry'], unitId: b } })).status).toBe(404);
    const unitless = await admin.call(userEndpoints.create, { body: { ...body, roles: ['leader'], unitId: null } });
    expect(unitless.status).toBe(400);
    expect(errorBody(unitless).fields?.[0]?.field).toBe('unitId');
    const focal = await admin.call(userEndpoints.create, { body: { ...body, roles: ['focal_point'] } });
    expect(errorBody(focal).fields?.[0]?.field).toBe('organizationId');
    const orgB = await buildOrganization(t.db, b);
    expect((await admin.call(userEndpoints.create, { body: { ...body, roles: ['focal_point'], organizationId: orgB } })).status).toBe(404);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: a });
    expect((await clerk.call(userEndpoints.create, { body: { ...body, roles: ['data_entry'] } })).status).toBe(403);

    const system = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
    const root = await system.call(userEndpoints.create, { body: { ...body, unitId: null } });
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ unitId: null, unitName: null, roles: ['system_admin'] });
    const otherUnit = await system.call(userEndpoints.create, { body: { ...body, username: `${body.username}b`, roles: ['focal_point'], organizationId: orgB } });
    expect(otherUnit.status).toBe(400);
    expect(errorBody(otherUnit).fields?.[0]?.field).toBe('organizationId');
  });
});

describe('changing', () => {
  it('disabling ends the sessions and the account can no longer sign in', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const admin = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['unit_admin'] });
    const victim = await signIn(t.baseUrl, t.db, { unitId: communeId });
    expect((await victim.call(authEndpoints.me, {})).status).toBe(200);
    const disabled = await admin.call(userEndpoints.update, { params: { id: victim.userId }, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await victim.call(authEndpoints.me, {})).status).toBe(401);
    expect((await new TestClient(t.baseUrl).login(victim.username, TEST_PASSWORD)).status).toBe(401);
    const self = await admin.call(userEndpoints.update, { params: { id: admin.userId }, body: { disabled: true } });
    expect(self.status).toBe(400);
    const [audit] = await auditOf(victim.userId);
    expect(audit).toMatchObject({ action: 'update', before: { disabled: false }, after: { disabled: true } });
  });

  it('a password reset ends the sessions and makes the user change it again', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const user = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const org = await buildOrganization(t.db, communeId);
    const reset = await admin.call(userEndpoints.update, {
      params: { id: user.userId },
      body: { password: NEW_PASSWORD, fullName: 'Tên Mới', roles: ['focal_point'], organizationId: org },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ mustChangePassword: true, fullName: 'Tên Mới', roles: ['focal_point'], organizationId: org });
    expect((await user.call(authEndpoints.me, {})).status).toBe(401);
    expect((await new TestClient(t.baseUrl).login(user.username, TEST_PASSWORD)).status).toBe(401);
    expect((await new TestClient(t.baseUrl).login(user.username, NEW_PASSWORD)).status).toBe(200);
    const [audit] = await auditOf(user.userId);
    expect(audit?.after).toMatchObject({ password: '[reset]', roles: ['focal_point'] });
    expect(JSON.stringify(audit)).not.toMatch(/argon2|KhoiDau/);
  });

  it('a unit admin cannot grant or touch system administrators, nor reach accounts outside its subtree', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const admin = await signIn(t.baseUrl, t.db, { unitId: a, roles: ['unit_admin'] });
    const clerk = await buildUser(t.db, { unitId: a });
    const rootInA = await buildUser(t.db, { unitId: a, roles: ['system_admin'] });
    const inB = await buildUser(t.db, { unitId: b });
    expect((await admin.call(userEndpoints.update, { params: { id: clerk.id }, body: { roles: ['system_admin'] } })).status).toBe(403);
    expect((await admin.call(userEndpoints.update, { params: { id: rootInA.id }, body: { password: NEW_PASSWORD } })).status).toBe(403);
    expect((await admin.call(userEndpoints.update, { params: { id: inB.id }, body: { disabled: true } })).status).toBe(404);
    expect((await admin.call(userEndpoints.update, { params: { id: 99_999_999 }, body: { disabled: true } })).status).toBe(404);
    expect((await admin.call(userEndpoints.update, { params: { id: clerk.id }, body: { roles: ['leader', 'data_entry'] } })).body.roles).toEqual([
      'data_entry',
      'leader',
    ]);
  });
});
