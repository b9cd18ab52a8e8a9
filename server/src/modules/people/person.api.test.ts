import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personEndpoints } from '#contracts/people.ts';
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
  it('lists a unit or its subtree, finds names without diacritics, pages with a total', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const [village1, village2] = province.villagesByCommune[0] as [number, number];
    for (const fullName of ['Nguyễn Văn Đức', 'Trần Thị Ánh', 'Lê Văn Bình']) await buildPerson(t.db, village1, { fullName });
    await buildPerson(t.db, village2, { fullName: 'Phạm Đức Anh' });
    await buildPerson(t.db, communeId, { fullName: 'Hoàng Văn Đức' });
    const reader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    const village = await reader.call(personEndpoints.list, { query: { unitId: village1 } });
    expect(village.body.total).toBe(3);
    expect(village.body.items.map((person) => person.fullName)).toEqual(['Trần Thị Ánh', 'Lê Văn Bình', 'Nguyễn Văn Đức']);
    const duc = await reader.call(personEndpoints.list, { query: { unitId: communeId, subtree: 'true', q: 'duc' } });
    expect(duc.body.items.map((person) => person.fullName)).toEqual(['Phạm Đức Anh', 'Hoàng Văn Đức', 'Nguyễn Văn Đức']);
    const onlyCommune = await reader.call(personEndpoints.list, { query: { unitId: communeId, q: 'ĐỨC' } });
    expect(onlyCommune.body.items.map((person) => person.fullName)).toEqual(['Hoàng Văn Đức']);
    const page = await reader.call(personEndpoints.list, { query: { unitId: communeId, subtree: 'true', limit: 2, offset: 2 } });
    expect(page.body.total).toBe(5);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0]).toEqual({
      id: expect.any(Number),
      unitId: expect.any(Number),
      unitName: expect.any(String),
      fullName: expect.any(String),
      gender: null,
      birthYear: 1980,
      phone: null,
    });
    const wildcard = await reader.call(personEndpoints.list, { query: { unitId: communeId, subtree: 'true', q: '%' } });
    expect(wildcard.body.total).toBe(0);
  });

  it('creates and updates a person, auditing each write', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number });
    const created = await clerk.call(personEndpoints.create, {
      body: { unitId: villageId, fullName: ' Sùng  A Páo ', gender: 'male', birthYear: 1959, phone: '0987 654 321' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(Number),
      unitId: villageId,
      unitName: 'Thôn 1',
      fullName: 'Sùng A Páo',
      gender: 'male',
      birthYear: 1959,
      phone: '0987 654 321',
    });
    const updated = await clerk.call(personEndpoints.update, { params: { id: created.body.id }, body: { phone: null, birthYear: 1958 } });
    expect(updated.body).toMatchObject({ phone: null, birthYear: 1958, fullName: 'Sùng A Páo' });
    const audit = await auditOf('person', created.body.id);
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
    expect(audit[1]).toMatchObject({ unit_id: villageId, before: { phone: '0987 654 321', birthYear: 1959 }, after: { phone: null, birthYear: 1958 } });
    const bad = await clerk.call(personEndpoints.create, { body: { unitId: villageId, fullName: 'X', birthYear: 1800 } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('Năm sinh (birthYear)');
  });
});

describe('ethnicity and religion', () => {
  it('are returned to a commission officer, each read audited, and to nobody else', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const person = await buildPerson(t.db, communeId, { fullName: 'Hồ Văn Lâm', ethnicity: 'Vân Kiều', religion: 'Công giáo' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    const detail = await officer.call(personEndpoints.get, { params: { id: person } });
    expect(detail.status).toBe(200);
    expect(detail.body.sensitive).toEqual({ ethnicity: 'Vân Kiều', religion: 'Công giáo' });
    const reads = await auditOf('person', person);
    expect(reads).toMatchObject([{ action: 'read_protected', user_id: officer.userId, unit_id: communeId }]);
    expect(JSON.stringify(reads)).not.toContain('Vân Kiều');

    for (const roles of [['data_entry'], ['leader']] as const) {
      const other = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: [...roles] });
      const plain = await other.call(personEndpoints.get, { params: { id: person } });
      expect(plain.status).toBe(200);
      expect(plain.body.sensitive).toBeNull();
      expect(plain.body.person.fullName).toBe('Hồ Văn Lâm');
    }
    const org = await buildOrganization(t.db, communeId);
    const focal = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: org });
    expect((await focal.call(personEndpoints.get, { params: { id: person } })).body.sensitive).toBeNull();
    expect(await auditOf('person', person)).toHaveLength(1);
  });

  it('may be written only by the roles that may read them, and the audit keeps markers, not values', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const refused = await clerk.call(personEndpoints.create, { body: { unitId: communeId, fullName: 'Y Moan', ethnicity: 'Ê Đê' } });
    expect(refused.status).toBe(403);
    const person = await buildPerson(t.db, communeId, { religion: 'Tin Lành' });
    expect((await clerk.call(personEndpoints.update, { params: { id: person }, body: { religion: null } })).status).toBe(403);

    const admin = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['unit_admin'] });
    const created = await admin.call(personEndpoints.create, { body: { unitId: communeId, fullName: 'Y Moan', ethnicity: 'Ê Đê', religion: null } });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty('ethnicity');
    const changed = await admin.call(personEndpoints.update, { params: { id: person }, body: { religion: 'Phật giáo' } });
    expect(changed.status).toBe(200);
    const audit = [...(await auditOf('person', created.body.id)), ...(await auditOf('person', person))];
    expect(audit).toMatchObject([
      { action: 'create', after: { fullName: 'Y Moan', ethnicity: '[protected]', religion: '[protected]' } },
      { action: 'update', before: { religion: '[protected]' }, after: { religion: '[protected]' } },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Ê Đê|Tin Lành|Phật giáo/);
    expect((await admin.call(personEndpoints.get, { params: { id: person } })).body.sensitive).toEqual({ ethnicity: null, religion: 'Phật giáo' });
  });
});

describe('roles', () => {
  it('gives several roles at once, ends one without losing it, and refuses a duplicate or a term ending before it starts', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[0] as number;
    const cell = await buildOrganization(t.db, villageId, { type: 'party_cell', name: 'Chi bộ thôn 1' });
    const team = await buildOrganization(t.db, villageId, { type: 'village_team', name: 'Tổ dân vận thôn 1' });
    const person = await buildPerson(t.db, villageId, { fullName: 'Bùi Văn Khánh' });
    const clerk = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number });
    const secretary = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: cell, title: 'Bí thư chi bộ', isHead: true, termFrom: '2020-10-01' },
    });
    expect(secretary.status).toBe(200);
    expect(secretary.body).toEqual({
      id: expect.any(Number),
      personId: person,
      personName: 'Bùi Văn Khánh',
      organizationId: cell,
      organizationName: 'Chi bộ thôn 1',
      title: 'Bí thư chi bộ',
      isHead: true,
      termFrom: '2020-10-01',
      termTo: null,
      organizationLastDay: null,
    });
    const member = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: team, title: 'Tổ trưởng', isHead: true, termFrom: '2021-01-01' },
    });
    expect(member.status).toBe(200);
    const twice = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: cell, title: 'bí thư chi bộ', termFrom: '2022-01-01' },
    });
    expect(twice.status).toBe(409);
    const backwards = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: team, title: 'Thành viên', termFrom: '2022-01-01', termTo: '2021-12-31' },
    });
    expect(backwards.status).toBe(400);
    expect(errorBody(backwards).fields?.[0]?.field).toBe('termTo');

    expect((await clerk.call(personEndpoints.endRole, { params: { id: secretary.body.id }, body: { termTo: '2020-09-30' } })).status).toBe(400);
    const ended = await clerk.call(personEndpoints.endRole, { params: { id: secretary.body.id }, body: { termTo: '2025-09-30' } });
    expect(ended.body).toEqual({ ok: true });
    expect((await clerk.call(personEndpoints.endRole, { params: { id: secretary.body.id }, body: { termTo: '2025-10-30' } })).status).toBe(409);
    const detail = await clerk.call(personEndpoints.get, { params: { id: person } });
    expect(detail.body.roles.map((role) => [role.title, role.termFrom, role.termTo])).toEqual([
      ['Tổ trưởng', '2021-01-01', null],
      ['Bí thư chi bộ', '2020-10-01', '2025-09-30'],
    ]);
    const audit = await auditOf('person_role', secretary.body.id);
    expect(audit).toMatchObject([
      { action: 'create', unit_id: villageId },
      { action: 'update', before: { termTo: null }, after: { termTo: '2025-09-30' } },
    ]);
  });

  it('refuses a role starting on or after the organisation was dissolved, naming the field', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[0] as number;
    const team = await buildOrganization(t.db, villageId, { name: 'Tổ dân vận cũ' });
    // a dissolution still ahead: once it has passed, the organisation is history (history.api.test.ts)
    await t.db.updateTable('organization').set({ dissolved_on: '2099-07-01' }).where('id', '=', team).execute();
    const person = await buildPerson(t.db, villageId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number });
    const late = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: team, title: 'Tổ viên', termFrom: '2099-07-01' },
    });
    expect(late.status).toBe(400);
    expect(errorBody(late).message).toBe('Từ ngày (termFrom): Tổ dân vận cũ đã giải thể từ ngày 01/07/2099');
    const inTime = await clerk.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: team, title: 'Tổ viên', termFrom: '2099-06-30' },
    });
    expect(inTime.status).toBe(200);
  });

  it('a focal point manages roles of its own organisation only', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const own = await buildOrganization(t.db, communeId, { type: 'womens_union' });
    const other = await buildOrganization(t.db, communeId, { type: 'farmers_union' });
    const person = await buildPerson(t.db, communeId);
    const stranger = await buildPerson(t.db, communeId);
    const otherRole = await buildRole(t.db, stranger, other);
    const focal = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: own });
    const body = { organizationId: own, title: 'Hội viên', termFrom: '2024-01-01' };
    expect((await focal.call(personEndpoints.addRole, { params: { id: person }, body })).status).toBe(200);
    expect((await focal.call(personEndpoints.addRole, { params: { id: person }, body: { ...body, organizationId: other } })).status).toBe(403);
    expect((await focal.call(personEndpoints.endRole, { params: { id: otherRole }, body: { termTo: '2025-01-01' } })).status).toBe(403);
    expect((await focal.call(personEndpoints.update, { params: { id: person }, body: { phone: '0911222333' } })).status).toBe(200);
    expect((await focal.call(personEndpoints.update, { params: { id: stranger }, body: { phone: '0911222333' } })).status).toBe(403);
  });
});

describe('scope', () => {
  it('a user of commune A gets 404 for the people, roles and organisations of commune B', async () => {
    const province = await buildProvince(t.db);
    const [a, b] = province.communeIds as [number, number];
    const personA = await buildPerson(t.db, a);
    const personB = await buildPerson(t.db, b);
    const orgB = await buildOrganization(t.db, b);
    const roleB = await buildRole(t.db, personB, orgB);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: a });
    expect((await clerk.call(personEndpoints.get, { params: { id: personB } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.list, { query: { unitId: b } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.update, { params: { id: personB }, body: { fullName: 'Đổi' } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.create, { body: { unitId: b, fullName: 'Lạ' } })).status).toBe(404);
    const role = { organizationId: orgB, title: 'Thành viên', termFrom: '2024-01-01' };
    expect((await clerk.call(personEndpoints.addRole, { params: { id: personA }, body: role })).status).toBe(404);
    expect((await clerk.call(personEndpoints.endRole, { params: { id: roleB }, body: { termTo: '2025-01-01' } })).status).toBe(404);
    expect((await clerk.call(personEndpoints.get, { params: { id: 99_999_999 } })).status).toBe(404);
    const subtree = await clerk.call(personEndpoints.list, { query: { unitId: a, subtree: 'true' } });
    expect(subtree.body.items.map((person) => person.id)).toEqual([personA]);
  });
});
