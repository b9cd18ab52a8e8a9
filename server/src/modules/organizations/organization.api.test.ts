import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { buildOrganization, buildPerson, buildProvince } from '#test/factories.ts';
import { buildRole, signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auditOf = (entity: string, entityId: number) =>
  t.db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', String(entityId)).orderBy('id').execute();

describe('registry', () => {
  it('creates organisations of several types and lists them with member counts as of a date', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const officer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    const bloc = await officer.call(organizationEndpoints.create, {
      body: { unitId: communeId, type: 'commune_bloc', name: '  Khối dân vận  xã Xuân 1 ', foundedOn: '2020-01-01' },
    });
    expect(bloc.status).toBe(200);
    expect(bloc.body).toMatchObject({ unitId: communeId, unitName: 'Xã Xuân 1', type: 'commune_bloc', name: 'Khối dân vận xã Xuân 1', memberCount: 0 });
    const factory = await officer.call(organizationEndpoints.create, {
      body: { unitId: communeId, type: 'enterprise', name: 'Công ty May Xuân', workerCount: 350, hasTradeUnion: true },
    });
    expect(factory.body).toMatchObject({ workerCount: 350, hasTradeUnion: true, religionName: null });
    const pagoda = await officer.call(organizationEndpoints.create, {
      body: { unitId: communeId, type: 'religious_establishment', name: 'Chùa Phước Lâm', religionName: 'Phật giáo' },
    });
    expect(pagoda.body.religionName).toBe('Phật giáo');
    const closed = await officer.call(organizationEndpoints.create, {
      body: { unitId: communeId, type: 'mediation_team', name: 'Tổ hòa giải cũ', foundedOn: '2019-01-01', dissolvedOn: '2023-12-31' },
    });
    expect(closed.status).toBe(200);

    const [a, b, c] = await Promise.all([buildPerson(t.db, communeId), buildPerson(t.db, communeId), buildPerson(t.db, communeId)]);
    await buildRole(t.db, a, bloc.body.id, { title: 'Trưởng khối', isHead: true, termFrom: '2021-01-01' });
    await buildRole(t.db, a, bloc.body.id, { title: 'Thành viên', termFrom: '2021-01-01' });
    await buildRole(t.db, b, bloc.body.id, { termFrom: '2021-01-01', termTo: '2024-06-30' });
    await buildRole(t.db, c, bloc.body.id, { termFrom: '2025-01-01' });

    const list = async (asOf: string) => (await officer.call(organizationEndpoints.list, { query: { unitId: communeId, asOf } })).body;
    const in2022 = await list('2022-01-01');
    expect(in2022.map((org) => [org.name, org.memberCount])).toEqual([
      ['Khối dân vận xã Xuân 1', 2],
      ['Tổ hòa giải cũ', 0],
      ['Công ty May Xuân', 0],
      ['Chùa Phước Lâm', 0],
    ]);
    const in2025 = await list('2025-06-01');
    expect(in2025.map((org) => org.name)).not.toContain('Tổ hòa giải cũ');
    expect(in2025.find((org) => org.id === bloc.body.id)?.memberCount).toBe(2);
    const enterprises = await officer.call(organizationEndpoints.list, { query: { unitId: communeId, type: 'enterprise' } });
    expect(enterprises.body.map((org) => org.id)).toEqual([factory.body.id]);
    expect((await auditOf('organization', bloc.body.id)).map((row) => row.action)).toEqual(['create']);
  });

  it('lists roles current on the date: heads first, then by title, then by given name', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[0] as number;
    const team = await buildOrganization(t.db, villageId);
    const people = {
      head: await buildPerson(t.db, villageId, { fullName: 'Vũ Văn Tùng' }),
      an: await buildPerson(t.db, villageId, { fullName: 'Trần Thị An' }),
      binh: await buildPerson(t.db, villageId, { fullName: 'Lê Bình' }),
      deputy: await buildPerson(t.db, villageId, { fullName: 'Đỗ Hữu Đức' }),
      gone: await buildPerson(t.db, villageId, { fullName: 'Hà Văn Cũ' }),
    };
    await buildRole(t.db, people.binh, team, { title: 'Thành viên' });
    await buildRole(t.db, people.an, team, { title: 'Thành viên' });
    await buildRole(t.db, people.deputy, team, { title: 'Tổ phó' });
    await buildRole(t.db, people.head, team, { title: 'Tổ trưởng', isHead: true });
    await buildRole(t.db, people.gone, team, { title: 'Tổ trưởng', isHead: true, termFrom: '2019-01-01', termTo: '2023-12-31' });
    const reader = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['leader'] });
    const detail = await reader.call(organizationEndpoints.get, { params: { id: team }, query: { asOf: '2025-01-01' } });
    expect(detail.status).toBe(200);
    expect(detail.body.roles.map((role) => `${role.title}: ${role.personName}`)).toEqual([
      'Tổ trưởng: Vũ Văn Tùng',
      'Thành viên: Trần Thị An',
      'Thành viên: Lê Bình',
      'Tổ phó: Đỗ Hữu Đức',
    ]);
    expect(detail.body.organization.memberCount).toBe(4);
    const earlier = await reader.call(organizationEndpoints.get, { params: { id: team }, query: { asOf: '2020-01-01' } });
    expect(earlier.body.roles.map((role) => role.personName)).toEqual(['Hà Văn Cũ']);
  });
});

describe('rules', () => {
  it('refuses type-specific fields on other types, naming the field', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const workers = await clerk.call(organizationEndpoints.create, { body: { unitId: communeId, type: 'agency', name: 'Phòng Văn hóa', workerCount: 12 } });
    expect(workers.status).toBe(400);
    expect(errorBody(workers).message).toContain('Số lao động (workerCount)');
    expect(errorBody(workers).fields).toEqual([{ field: 'workerCount', message: 'chỉ dùng cho doanh nghiệp' }]);
    const religion = await clerk.call(organizationEndpoints.create, {
      body: { unitId: communeId, type: 'enterprise', name: 'Công ty A', religionName: 'Công giáo' },
    });
    expect(errorBody(religion).fields?.[0]?.field).toBe('religionName');
    const enterprise = await buildOrganization(t.db, communeId, { type: 'enterprise' });
    const retype = await clerk.call(organizationEndpoints.update, { params: { id: enterprise }, body: { type: 'agency', hasTradeUnion: true } });
    expect(errorBody(retype).fields?.[0]?.field).toBe('hasTradeUnion');
  });

  it('needs the parent of a branch, in scope, and never the organisation itself or below it', async () => {
    const province = await buildProvince(t.db);
    const [mine, other] = province.communeIds as [number, number];
    const clerk = await signIn(t.baseUrl, t.db, { unitId: mine });
    const noParent = await clerk.call(organizationEndpoints.create, { body: { unitId: mine, type: 'branch', name: 'Chi hội Phụ nữ thôn 1' } });
    expect(noParent.status).toBe(400);
    expect(errorBody(noParent).fields?.[0]?.field).toBe('parentOrganizationId');
    const foreign = await buildOrganization(t.db, other, { type: 'womens_union' });
    const outOfScope = await clerk.call(organizationEndpoints.create, {
      body: { unitId: mine, type: 'branch', name: 'Chi hội', parentOrganizationId: foreign },
    });
    expect(outOfScope.status).toBe(404);
    const union = await buildOrganization(t.db, mine, { type: 'womens_union' });
    const branch = await clerk.call(organizationEndpoints.create, {
      body: { unitId: mine, type: 'branch', name: 'Chi hội Phụ nữ thôn 1', parentOrganizationId: union },
    });
    expect(branch.status).toBe(200);
    const cycle = await clerk.call(organizationEndpoints.update, { params: { id: union }, body: { parentOrganizationId: branch.body.id } });
    expect(cycle.status).toBe(400);
    const orphan = await clerk.call(organizationEndpoints.update, { params: { id: branch.body.id }, body: { parentOrganizationId: null } });
    expect(errorBody(orphan).fields?.[0]?.field).toBe('parentOrganizationId');
  });

  it('audits an update with before and after', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const org = await buildOrganization(t.db, communeId, { type: 'enterprise', name: 'Công ty Cũ' });
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const updated = await admin.call(organizationEndpoints.update, { params: { id: org }, body: { name: 'Công ty Mới', workerCount: 80 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Công ty Mới', workerCount: 80, type: 'enterprise' });
    const [audit] = await auditOf('organization', org);
    expect(audit).toMatchObject({ action: 'update', unit_id: communeId, before: { name: 'Công ty Cũ', workerCount: null }, after: { name: 'Công ty Mới', workerCount: 80 } });
  });
});

describe('who may', () => {
  it('a user of commune A gets 404 for everything of commune B', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const orgB = await buildOrganization(t.db, b, { type: 'commune_bloc' });
    const clerk = await signIn(t.baseUrl, t.db, { unitId: a });
    expect((await clerk.call(organizationEndpoints.get, { params: { id: orgB }, query: {} })).status).toBe(404);
    expect((await clerk.call(organizationEndpoints.list, { query: { unitId: b } })).status).toBe(404);
    expect((await clerk.call(organizationEndpoints.update, { params: { id: orgB }, body: { name: 'Đổi' } })).status).toBe(404);
    expect((await clerk.call(organizationEndpoints.create, { body: { unitId: b, type: 'agency', name: 'X' } })).status).toBe(404);
    expect((await clerk.call(organizationEndpoints.get, { params: { id: 99_999_999 }, query: {} })).status).toBe(404);
    const upload = await clerk.upload(organizationEndpoints.importMembers, { params: { id: orgB }, query: {} }, 'a.csv', 'Họ và tên,Chức danh\nA,B\n');
    expect(upload.status).toBe(404);
  });

  it('a focal point edits only its own organisation; a leader only reads', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const own = await buildOrganization(t.db, communeId, { type: 'farmers_union', name: 'Hội Nông dân xã' });
    const other = await buildOrganization(t.db, communeId, { type: 'youth_union' });
    const focal = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: own });
    expect((await focal.call(organizationEndpoints.update, { params: { id: own }, body: { foundedOn: '1990-03-26' } })).status).toBe(200);
    expect((await focal.call(organizationEndpoints.update, { params: { id: other }, body: { name: 'Đổi' } })).status).toBe(403);
    expect((await focal.call(organizationEndpoints.create, { body: { unitId: communeId, type: 'agency', name: 'X' } })).status).toBe(403);
    const leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    expect((await leader.call(organizationEndpoints.get, { params: { id: own }, query: {} })).body.organization.foundedOn).toBe('1990-03-26');
    expect((await leader.call(organizationEndpoints.update, { params: { id: own }, body: { name: 'Đổi' } })).status).toBe(403);
  });
});
