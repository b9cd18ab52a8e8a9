import { ExcelJS } from '#server/shared/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { personEndpoints } from '#contracts/people.ts';
import { clock } from '#server/shared/clock.ts';
import { buildOrganization, buildPerson, buildProvince, countRows } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const counts = async () => ({ people: await countRows(t.db, 'person'), roles: await countRows(t.db, 'person_role') });

async function workbook(rows: (string | number | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Thành viên');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('member import', () => {
  it('previews row errors by row number and column, and writes nothing even when asked to commit', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[0] as number;
    const team = await buildOrganization(t.db, villageId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number });
    const csv = [
      'Họ và tên;Chức danh;Giới tính;Năm sinh;Điện thoại;Từ ngày',
      'Nguyễn Văn Hùng;Tổ trưởng;Nam;1968;0912345678;01/03/2021',
      ';Thành viên;Nữ;1980;;',
      'Lò Thị Mai;;Nữ;1975;;',
      'Hà Văn Sáu;Thành viên;trai;19;12;31/02/2021',
      'nguyen van hung;To truong;;1968;;',
    ].join('\n');
    const before = await counts();
    const preview = await clerk.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'true' } }, 'to.csv', csv);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { row: 3, field: 'Họ và tên', message: 'không được để trống' },
      { row: 4, field: 'Chức danh', message: 'không được để trống' },
      { row: 5, field: 'Giới tính', message: expect.stringContaining('“trai”') },
      { row: 5, field: 'Năm sinh', message: expect.stringContaining('“19”') },
      { row: 5, field: 'Điện thoại', message: expect.stringContaining('“12”') },
      { row: 5, field: 'Từ ngày', message: expect.stringContaining('“31/02/2021”') },
      { row: 6, field: 'Chức danh', message: 'trùng với dòng 2 (cùng người, cùng chức danh)' },
    ]);
    expect(preview.body.rows[0]).toEqual({
      row: 2,
      fullName: 'Nguyễn Văn Hùng',
      title: 'Tổ trưởng',
      gender: 'male',
      birthYear: 1968,
      phone: '0912345678',
      termFrom: '2021-03-01',
      isHead: true,
      reusedPersonId: null,
    });
    expect(preview.body.created).toBe(0);
    const commit = await clerk.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'false' } }, 'to.csv', csv);
    expect(commit.status).toBe(200);
    const job = await waitForJob(clerk, commit.body.jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('Tệp có 7 lỗi; chưa ghi dòng nào');
    expect(job.result?.errors?.[0]).toEqual({ row: 3, field: 'Họ và tên', message: 'không được để trống' });
    expect(await counts()).toEqual(before);
  });

  it('commits an Excel file in one transaction, reusing a person already registered in the unit', async () => {
    const province = await buildProvince(t.db);
    const villageId = province.villageIds[1] as number;
    const team = await buildOrganization(t.db, villageId, { name: 'Tổ dân vận thôn 2' });
    const known = await buildPerson(t.db, villageId, { fullName: 'Đinh Thị Lan', birthYear: 1970 });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const data = await workbook([
      ['STT', 'Họ và tên', 'Chức danh', 'Giới tính', 'Năm sinh', 'Điện thoại', 'Từ ngày'],
      [1, 'Vi Văn Thắng', 'Tổ trưởng', 'Nam', 1965, '', new Date(Date.UTC(2021, 2, 15))],
      [2, 'DINH THI LAN', 'Thành viên', 'Nữ', 1970, '', '2022-01-10'],
      [3, 'Vi Văn Thắng', 'Bí thư chi bộ', 'Nam', 1965, '', '15/03/2021'],
      [4, 'Lương Văn Pó', 'Thành viên', '', '', '', ''],
    ]);
    const before = await counts();
    const preview = await officer.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'true' } }, 'to.xlsx', data);
    expect(preview.body.rows.map((row) => [row.fullName, row.isHead, row.reusedPersonId])).toEqual([
      ['Vi Văn Thắng', true, null],
      ['DINH THI LAN', false, known],
      ['Vi Văn Thắng', true, null],
      ['Lương Văn Pó', false, null],
    ]);
    const commit = await officer.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'false' } }, 'to.xlsx', data);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ dryRun: false, errors: [], created: 0 });
    expect(await waitForJob(officer, commit.body.jobId)).toMatchObject({ status: 'succeeded', result: { created: 4 }, progress: { done: 4, total: 4 } });
    expect(preview.body.rows.map((row) => row.termFrom)).toEqual(['2021-03-15', '2022-01-10', '2021-03-15', clock.today()]);
    expect(await counts()).toEqual({ people: before.people + 2, roles: before.roles + 4 });

    const detail = await officer.call(organizationEndpoints.get, { params: { id: team }, query: {} });
    expect(detail.body.organization.memberCount).toBe(3);
    expect(detail.body.roles.map((role) => [role.personName, role.title, role.isHead])).toEqual([
      ['Vi Văn Thắng', 'Bí thư chi bộ', true],
      ['Vi Văn Thắng', 'Tổ trưởng', true],
      ['Đinh Thị Lan', 'Thành viên', false],
      ['Lương Văn Pó', 'Thành viên', false],
    ]);
    const lan = await officer.call(personEndpoints.get, { params: { id: known } });
    expect(lan.body.roles.map((role) => role.organizationName)).toEqual(['Tổ dân vận thôn 2']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organization').where('entity_id', '=', String(team)).execute();
    expect(audit).toMatchObject([{ action: 'import', unit_id: villageId, after: { roles: 4, peopleCreated: 2, peopleReused: 1 } }]);

    const again = await officer.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'true' } }, 'to.xlsx', data);
    expect(again.body.errors).toHaveLength(4);
    expect(again.body.errors[0]).toEqual({ row: 2, field: 'Chức danh', message: expect.stringContaining('đã giữ chức danh “Tổ trưởng”') });
  });

  it('names a missing required column; a focal point imports into its own organisation only; a leader may not', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const own = await buildOrganization(t.db, communeId, { type: 'veterans_association' });
    const other = await buildOrganization(t.db, communeId, { type: 'youth_union' });
    const focal = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: own });
    const csv = 'Họ và tên,Chức danh\nTrần Văn Bảy,Chủ tịch Hội\n';
    const missing = await focal.upload(organizationEndpoints.importMembers, { params: { id: own }, query: {} }, 'a.csv', 'Họ và tên\nA\n');
    expect(missing.status).toBe(400);
    expect(errorBody(missing).message).toContain('thiếu cột “Chức danh”');
    const ok = await focal.upload(organizationEndpoints.importMembers, { params: { id: own }, query: { dryRun: 'false' } }, 'a.csv', csv);
    expect(ok.status).toBe(200);
    expect((await waitForJob(focal, ok.body.jobId)).result).toEqual({ created: 1 });
    expect((await focal.upload(organizationEndpoints.importMembers, { params: { id: other }, query: {} }, 'a.csv', csv)).status).toBe(403);
    const leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    expect((await leader.upload(organizationEndpoints.importMembers, { params: { id: own }, query: {} }, 'a.csv', csv)).status).toBe(403);
  });
});
