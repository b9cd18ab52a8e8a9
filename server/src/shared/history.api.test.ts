import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { personEndpoints } from '#contracts/people.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildOrganization, buildPerson, buildProvince, countRows, type TestProvince } from '#test/factories.ts';
import { buildRole, signIn } from '#test/factories-people.ts';
import { errorBody, type TestClient } from '#test/http-client.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// History is read-only for daily work (issue 8, item 3): writes to units, organisations and roles that ended
// before today are refused with a 409 naming the record and its last day; a system administrator's explicit
// back-fill goes through and is audited as 'backfill'.
let t: TestApp;
let old: TestProvince;
let live: TestProvince;
/** A commission officer of the 2019 province: a legacy account whose whole territory has ended. */
let clerk: TestClient;
/** A commission officer of the 2025 province (daily work on live units). */
let liveClerk: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
  old = await buildProvince(t.db, { structure: '2019' });
  live = await buildProvince(t.db);
  clerk = await signIn(t.baseUrl, t.db, { unitId: old.provinceId, roles: ['commission_officer'] });
  liveClerk = await signIn(t.baseUrl, t.db, { unitId: live.provinceId, roles: ['commission_officer'] });
  admin = await signIn(t.baseUrl, t.db, { unitId: null, roles: ['system_admin'] });
});
afterAll(() => t.close());

const auditOf = (entity: string, entityId: number) =>
  t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', entity).where('entity_id', '=', String(entityId)).orderBy('id').execute();

const oldCommune = () => old.communeIds[0] as number;
const oldVillage = () => (old.villagesByCommune[0] as number[])[0] as number;
const UNIT_ENDED = /^Xã Xuân 1 chỉ tồn tại đến ngày 30\/06\/2025: đơn vị đã kết thúc là dữ liệu lịch sử, chỉ để xem; không thêm, nhập, sửa hay đóng được\./;

describe('daily work on ended units is refused', () => {
  it('villages: no add, import or close on a commune that ended on 30/06/2025; a live commune takes them', async () => {
    const before = await countRows(t.db, 'admin_unit');
    const add = await clerk.call(unitEndpoints.createVillage, { params: { id: oldCommune() }, body: { name: 'Mới', type: 'thôn' } });
    expect(add.status).toBe(409);
    expect(errorBody(add).message).toMatch(UNIT_ENDED);
    const preview = await clerk.upload(unitEndpoints.importVillages, { params: { id: oldCommune() }, query: { dryRun: 'true' } }, 'thon.csv', 'Tên,Loại\nMới,thôn\n');
    expect(preview.status).toBe(409);
    expect(errorBody(preview).message).toMatch(UNIT_ENDED);
    const commit = await clerk.upload(unitEndpoints.importVillages, { params: { id: oldCommune() }, query: { dryRun: 'false' } }, 'thon.csv', 'Tên,Loại\nMới,thôn\n');
    expect(commit.status).toBe(409);
    const close = await clerk.call(unitEndpoints.closeVillage, { params: { id: oldVillage() }, body: { validTo: '2024-12-31' } });
    expect(close.status).toBe(409);
    expect(errorBody(close).message).toMatch(/^Thôn 1 chỉ tồn tại đến ngày 30\/06\/2025: /);
    expect(await countRows(t.db, 'admin_unit')).toBe(before);

    const liveAdd = await liveClerk.call(unitEndpoints.createVillage, { params: { id: live.communeIds[0] as number }, body: { name: 'Mới', type: 'thôn' } });
    expect(liveAdd.status).toBe(200);
  });

  it('organisations: no create in an ended unit, no change or member import of an ended organisation', async () => {
    const create = await clerk.call(organizationEndpoints.create, { body: { unitId: oldCommune(), type: 'mediation_team', name: 'Tổ hòa giải mới' } });
    expect(create.status).toBe(409);
    expect(errorBody(create).message).toMatch(UNIT_ENDED);

    // ended with its unit (the 2019 rows of the demo end like this), or dissolved on a unit still in force
    const withUnit = await buildOrganization(t.db, oldCommune(), { type: 'farmers_union', name: 'Hội Nông dân xã Xuân 1' });
    await t.db.updateTable('organization').set({ dissolved_on: '2025-07-01' }).where('id', '=', withUnit).execute();
    const dissolved = await buildOrganization(t.db, live.communeIds[0] as number, { type: 'mediation_team', name: 'Tổ hòa giải cũ' });
    await t.db.updateTable('organization').set({ dissolved_on: '2026-01-01' }).where('id', '=', dissolved).execute();

    const rename = await clerk.call(organizationEndpoints.update, { params: { id: withUnit }, body: { name: 'Hội Nông dân' } });
    expect(rename.status).toBe(409);
    expect(errorBody(rename).message).toBe(
      'Hội Nông dân xã Xuân 1 chỉ hoạt động đến ngày 30/06/2025: tổ chức đã kết thúc là dữ liệu lịch sử, chỉ để xem; không thêm, nhập hay sửa được. Hãy làm việc trên tổ chức của đơn vị kế tiếp.',
    );
    const reopen = await liveClerk.call(organizationEndpoints.update, { params: { id: dissolved }, body: { dissolvedOn: null } });
    expect(reopen.status).toBe(409);
    expect(errorBody(reopen).message).toMatch(/^Tổ hòa giải cũ chỉ hoạt động đến ngày 31\/12\/2025: /);
    const members = await clerk.upload(
      organizationEndpoints.importMembers,
      { params: { id: withUnit }, query: { dryRun: 'true' } },
      'tv.csv',
      'Họ và tên,Chức danh,Từ ngày\nLê Văn A,Thành viên,01/01/2024\n',
    );
    expect(members.status).toBe(409);
    const attach = await clerk.upload(fileEndpoints.upload, { query: { ownerType: 'organization', ownerId: String(withUnit) } }, 'bien-ban.pdf', '%PDF-1.4\n%%EOF\n');
    expect(attach.status).toBe(403);
    expect(await auditOf('organization', withUnit)).toEqual([]);
  });

  it('people and roles: no person registered in an ended unit, no role given or ended in an ended organisation', async () => {
    const register = await clerk.call(personEndpoints.create, { body: { unitId: oldVillage(), fullName: 'Lê Thị Mới' } });
    expect(register.status).toBe(409);
    expect(errorBody(register).message).toMatch(/^Thôn 1 chỉ tồn tại đến ngày 30\/06\/2025: /);

    const team = await buildOrganization(t.db, oldVillage(), { name: 'Tổ dân vận thôn 1 (2019)' });
    const person = await buildPerson(t.db, oldVillage(), { fullName: 'Trần Văn Cũ' });
    const open = await buildRole(t.db, person, team, { title: 'Tổ trưởng', termFrom: '2020-06-01' });
    const ended = await buildRole(t.db, person, team, { title: 'Tổ phó', termFrom: '2018-01-01', termTo: '2020-05-31' });

    const add = await clerk.call(personEndpoints.addRole, { params: { id: person }, body: { organizationId: team, title: 'Thành viên', termFrom: '2021-01-01' } });
    expect(add.status).toBe(409);
    expect(errorBody(add).message).toMatch(/^Tổ dân vận thôn 1 \(2019\) chỉ hoạt động đến ngày 30\/06\/2025: /);
    const endOpen = await clerk.call(personEndpoints.endRole, { params: { id: open }, body: { termTo: '2025-06-30' } });
    expect(endOpen.status).toBe(409);
    expect(errorBody(endOpen).message).toMatch(/^Tổ dân vận thôn 1 \(2019\) chỉ hoạt động đến ngày 30\/06\/2025: /);
    const endEnded = await clerk.call(personEndpoints.endRole, { params: { id: ended }, body: { termTo: '2020-04-30' } });
    expect(endEnded.status).toBe(409);
    expect(errorBody(endEnded).message).toBe('Chức danh "Tổ phó" của Trần Văn Cũ đã kết thúc ngày 31/05/2020: dữ liệu lịch sử chỉ để xem, không sửa được.');
    expect(await auditOf('person_role', open)).toEqual([]);
  });
});

describe('back-filling history', () => {
  it('is for system administrators only (403), and only on what has ended (400 naming the field)', async () => {
    const asClerk = await clerk.call(unitEndpoints.createVillage, { params: { id: oldCommune() }, body: { name: 'Cũ', type: 'thôn', backfill: true } });
    expect(asClerk.status).toBe(403);
    expect(errorBody(asClerk).message).toBe('Chỉ quản trị hệ thống được bổ sung dữ liệu lịch sử.');
    const onLive = await admin.call(unitEndpoints.createVillage, { params: { id: live.communeIds[1] as number }, body: { name: 'Cũ', type: 'thôn', backfill: true } });
    expect(onLive.status).toBe(400);
    expect(errorBody(onLive).message).toBe(
      'Bổ sung lịch sử (backfill): chỉ dùng để bổ sung lịch sử của đơn vị, tổ chức hoặc chức danh đã kết thúc; Xã Xuân 2 vẫn còn hiệu lực',
    );
  });

  it('adds the villages of 2018 to an ended commune, one by one or imported, audited as back-fill', async () => {
    const commune = old.communeIds[1] as number;
    const added = await admin.call(unitEndpoints.createVillage, { params: { id: commune }, body: { name: 'Tân Định', type: 'thôn', backfill: true } });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ fullName: 'Thôn Tân Định', structure: '2019', validTo: '2025-06-30', parentId: commune });
    expect(await auditOf('admin_unit', added.body.id)).toEqual([{ action: 'backfill', after: { name: 'Tân Định', type: 'thôn', backfill: true } }]);
    // shown in the commune as it stood before the reform
    const children = await admin.call(unitEndpoints.children, { query: { parentId: commune, asOf: '2025-06-30' } });
    expect(children.body.map((unit) => unit.fullName)).toContain('Thôn Tân Định');

    const preview = await admin.upload(
      unitEndpoints.importVillages,
      { params: { id: commune }, query: { dryRun: 'true', backfill: 'true' } },
      'thon-2018.csv',
      'Tên,Loại\nAn Hưng,thôn\nPa Ling,bản\n',
    );
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    const commit = await admin.upload(
      unitEndpoints.importVillages,
      { params: { id: commune }, query: { dryRun: 'false', backfill: 'true' } },
      'thon-2018.csv',
      'Tên,Loại\nAn Hưng,thôn\nPa Ling,bản\n',
    );
    expect(commit.status).toBe(200);
    const job = await waitForJob(admin, commit.body.jobId);
    expect(job.status).toBe('succeeded');
    expect(await auditOf('admin_unit', commune)).toEqual([{ action: 'backfill', after: { villages: 2, file: 'thon-2018.csv', backfill: true } }]);
    const after = await admin.call(unitEndpoints.children, { query: { parentId: commune, asOf: '2025-06-30' } });
    expect(after.body.filter((unit) => ['Thôn An Hưng', 'Bản Pa Ling'].includes(unit.fullName)).map((unit) => unit.validTo)).toEqual(['2025-06-30', '2025-06-30']);
  });

  it('records an organisation and a role of the past, the role ending with its organisation', async () => {
    const village = (old.villagesByCommune[1] as number[])[0] as number;
    const organization = await admin.call(organizationEndpoints.create, {
      body: { unitId: village, type: 'mediation_team', name: 'Tổ hòa giải thôn 1 (2019)', dissolvedOn: '2025-07-01', backfill: true },
    });
    expect(organization.status).toBe(200);
    expect(organization.body).toMatchObject({ lastDay: '2025-06-30', endedWithUnit: true });
    expect((await auditOf('organization', organization.body.id)).map((row) => row.action)).toEqual(['backfill']);
    // a 2019 province's Ban Dân vận with no founding date: its type is judged on the province's last day, not today
    const commission = await admin.call(organizationEndpoints.create, {
      body: { unitId: old.provinceId, type: 'mobilization_commission', name: 'Ban Dân vận Tỉnh ủy (2019)', backfill: true },
    });
    expect(commission.status).toBe(200);
    expect(commission.body.lastDay).toBe('2025-06-30');
    const person = await buildPerson(t.db, village, { fullName: 'Hồ Thị Hòa' });
    const role = await admin.call(personEndpoints.addRole, {
      params: { id: person },
      body: { organizationId: organization.body.id, title: 'Tổ trưởng', isHead: true, termFrom: '2020-03-01', backfill: true },
    });
    expect(role.status).toBe(200);
    expect(role.body).toMatchObject({ termFrom: '2020-03-01', termTo: '2025-06-30' });
    expect((await auditOf('person_role', role.body.id)).map((row) => row.action)).toEqual(['backfill']);
  });
});

describe('how an organisation ended', () => {
  it('one that ended with its unit is not "dissolved": it names the organisation that carries it on', async () => {
    const oldUnit = old.communeIds[0] as number;
    const newUnit = live.communeIds[0] as number;
    await t.db.insertInto('unit_succession').values({ old_unit_id: oldUnit, new_unit_id: newUnit, kind: 'merged', effective_date: '2025-07-01' }).execute();
    const before = await buildOrganization(t.db, oldUnit, { type: 'womens_union', name: 'Hội Liên hiệp Phụ nữ xã Xuân 1 (cũ)' });
    await t.db.updateTable('organization').set({ dissolved_on: '2025-07-01' }).where('id', '=', before).execute();
    const after = await buildOrganization(t.db, newUnit, { type: 'womens_union', name: 'Hội Liên hiệp Phụ nữ xã Xuân 1 (mới)' });
    await t.db.updateTable('organization').set({ founded_on: '2025-07-01' }).where('id', '=', after).execute();
    // a truly dissolved one of the same unit: no continuation
    const gone = await buildOrganization(t.db, newUnit, { type: 'mediation_team', name: 'Tổ hòa giải giải thể' });
    await t.db.updateTable('organization').set({ dissolved_on: '2025-10-01' }).where('id', '=', gone).execute();

    const detail = await admin.call(organizationEndpoints.get, { params: { id: before }, query: {} });
    expect(detail.body.organization).toMatchObject({ lastDay: '2025-06-30', endedWithUnit: true, dissolvedOn: '2025-07-01' });
    expect(detail.body.continuedAs).toEqual([{ id: after, name: 'Hội Liên hiệp Phụ nữ xã Xuân 1 (mới)', unitId: newUnit, unitName: 'Xã Xuân 1' }]);
    const dissolved = await admin.call(organizationEndpoints.get, { params: { id: gone }, query: {} });
    expect(dissolved.body.organization).toMatchObject({ lastDay: '2025-09-30', endedWithUnit: false });
    expect(dissolved.body.continuedAs).toEqual([]);
    const current = await admin.call(organizationEndpoints.get, { params: { id: after }, query: {} });
    expect(current.body.organization).toMatchObject({ lastDay: null, endedWithUnit: false });
  });
});
