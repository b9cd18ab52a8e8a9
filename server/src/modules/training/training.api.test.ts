import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { trainingEndpoints as e } from '#contracts/training/api.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { provinceDerivedTotal } from '#test/derived-values.ts';
import { buildOrganization, buildPerson, buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const clock = fixedClock('2026-05-10');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
}, 120_000);
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[] = ['data_entry']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

async function role(personId: number, organizationId: number, title: string, termFrom: string, termTo: string | null = null) {
  await t.db.insertInto('person_role').values({ person_id: personId, organization_id: organizationId, title, is_head: true, term_from: termFrom, term_to: termTo }).execute();
}

/** The province's figure of a derived value for a period, as a dashboard reads it. */
const total = (provinceId: number, code: string, period: string) => provinceDerivedTotal(t.db, provinceId, code, period);

async function sheet(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Danh sách');
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Đơn vị', 'Hoàn thành']);
  rows.forEach((row, i) => ws.addRow([i + 1, ...row]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const participants = async (courseId: string) =>
  Number((await t.db.selectFrom('training_participant').select((eb) => eb.fn.countAll().as('n')).where('course_id', '=', courseId).executeTakeFirstOrThrow()).n);

describe('courses, the attendance import and coverage of party-cell secretaries who are village heads', () => {
  let p: TestProvince;
  let province: TestClient;
  const people: Record<string, number> = {};
  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 2 });
    const [v11, v12, v21, v22] = p.villageIds as [number, number, number, number];
    const cell = (village: number) => buildOrganization(t.db, village, { type: 'party_cell', name: `Chi bộ ${village}` });
    people.an = await buildPerson(t.db, v11, { fullName: 'Nguyễn Văn An', birthYear: 1970 });
    people.binh = await buildPerson(t.db, v12, { fullName: 'Lê Thị Bình', birthYear: 1975 });
    people.cuong = await buildPerson(t.db, v21, { fullName: 'Trần Văn Cường', birthYear: 1968 });
    people.dung = await buildPerson(t.db, v22, { fullName: 'Phạm Văn Dũng', birthYear: 1972 });
    // the same name and year in the other commune: a doubtful match unless the row names the unit
    people.an2 = await buildPerson(t.db, v22, { fullName: 'Nguyễn Văn An', birthYear: 1970 });
    await role(people.an, await cell(v11), 'Bí thư chi bộ kiêm Trưởng thôn', '2025-07-01');
    await role(people.binh, await cell(v12), 'Bí thư chi bộ kiêm Trưởng thôn', '2025-07-01');
    await role(people.cuong, await cell(v21), 'Bí thư chi bộ kiêm Trưởng thôn', '2025-07-01');
    // a secretary who is not village head, and an earlier term that ended: neither counts
    await role(people.dung, await cell(v22), 'Bí thư chi bộ', '2025-07-01');
    await role(people.an2, await cell(v22), 'Bí thư chi bộ kiêm Trưởng thôn', '2020-05-01', '2025-06-30');
    province = await signIn(p.provinceId);
  });

  it('creates a course, previews the list with row errors and doubtful matches, refuses it whole, then writes it with the choices', async () => {
    const created = await province.call(e.createCourse, {
      body: {
        unitId: p.provinceId, title: 'Lớp bồi dưỡng bí thư chi bộ kiêm trưởng thôn', kind: 'refresher', level: 'province',
        subject: 'Công tác xây dựng Đảng; kỹ năng dân vận', startsOn: '2026-04-18', endsOn: '2026-04-20', targetGroups: ['cell_secretary_village_head'],
      },
    });
    expect(created.status).toBe(200);
    const courseId = created.body.id;
    const bad = await province.call(e.createCourse, {
      body: { unitId: p.provinceId, title: 'Lớp', kind: 'training', level: 'province', subject: 'Thử', startsOn: '2026-04-18', endsOn: '2026-04-10' },
    });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('không được trước ngày bắt đầu');

    const before = await province.call(e.coverage, { query: { unitId: p.provinceId, group: 'cell_secretary_village_head' } });
    expect(before.body).toMatchObject({ window: 'term', targetPercent: 100, holders: 3, trained: 0 });
    expect(before.body.rows.map((r) => [r.unitName, r.holders, r.trained])).toEqual([['Xã Xuân 1', 2, 0], ['Xã Xuân 2', 1, 0]]);

    const withErrors = await sheet([
      ['Nguyễn Văn An', 1970, '', 'có'],
      ['Lê Thị Bình', 1976, 'Xuân 1', 'có'],
      ['TRẦN VĂN CƯỜNG', 1968, '', 'không'],
      ['Hoàng Văn Em', 1990, '', 'có'],
      ['Nguyễn Văn An', 'abc', '', 'có'],
    ]);
    const preview = await province.upload(e.uploadAttendance, { params: { id: courseId }, query: { dryRun: 'true' } }, 'hoc-vien.xlsx', withErrors);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { row: 5, field: 'Họ và tên', message: 'không tìm thấy người tên “Hoàng Văn Em” trong sổ đăng ký thuộc phạm vi lớp' },
      { row: 6, field: 'Năm sinh', message: 'phải là năm sinh bốn chữ số (ví dụ 1975)' },
    ]);
    expect(preview.body.doubtful).toBe(2);
    expect(preview.body.rows.map((r) => [r.row, r.status, r.reason, r.candidates.map((c) => c.personId).sort()])).toEqual([
      [2, 'doubtful', 'several', [people.an, people.an2].sort()],
      [3, 'doubtful', 'birthYear', [people.binh]],
      [4, 'matched', null, []],
    ]);
    const refused = await province.upload(e.uploadAttendance, { params: { id: courseId }, query: { dryRun: 'false' } }, 'hoc-vien.xlsx', withErrors);
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toBe('Danh sách chưa được ghi: 2 dòng có lỗi, 2 dòng trùng tên chưa chọn người.');
    expect(await participants(courseId)).toBe(0);

    const clean = await sheet([
      ['Nguyễn Văn An', 1970, '', 'có'],
      ['Lê Thị Bình', 1976, 'Xuân 1', 'có'],
      ['TRẦN VĂN CƯỜNG', 1968, '', 'không'],
    ]);
    const notCandidate = await province.upload(e.uploadAttendance, { params: { id: courseId }, query: { dryRun: 'true', choices: `2:${people.cuong}` } }, 'hoc-vien.xlsx', clean);
    expect(notCandidate.body.errors).toEqual([{ row: 2, field: 'Họ và tên', message: 'người được chọn không phải một trong những người trùng tên' }]);
    const written = await province.upload(
      e.uploadAttendance,
      { params: { id: courseId }, query: { dryRun: 'false', choices: `2:${people.an},3:${people.binh}` } },
      'hoc-vien.xlsx',
      clean,
    );
    expect(written.status).toBe(200);
    expect(written.body.written).toBe(3);
    const detail = await province.call(e.getCourse, { params: { id: courseId } });
    expect(detail.body.participantList.map((x) => [x.fullName, x.completed, x.source])).toEqual([
      ['Lê Thị Bình', true, 'excel'],
      ['Nguyễn Văn An', true, 'excel'],
      ['Trần Văn Cường', false, 'excel'],
    ]);
    expect(detail.body).toMatchObject({ participants: 3, completed: 2 });

    const after = await province.call(e.coverage, { query: { unitId: p.provinceId, group: 'cell_secretary_village_head' } });
    expect(after.body).toMatchObject({ holders: 3, trained: 2 });
    expect(after.body.rows.map((r) => [r.unitName, r.holders, r.trained])).toEqual([['Xã Xuân 1', 2, 2], ['Xã Xuân 2', 1, 0]]);
    const due = await province.call(e.dueList, { query: { unitId: p.provinceId, group: 'cell_secretary_village_head' } });
    expect(due.body).toEqual({
      total: 1,
      people: [expect.objectContaining({ personId: people.cuong, fullName: 'Trần Văn Cường', birthYear: 1968, unitName: 'Xã Xuân 2', lastTrainedOn: null, status: 'never' })],
    });
    // the figures were refreshed in the writer's transaction: the province's total this year and this month
    expect(await total(p.provinceId, 'training.cell_secretary_village_head_holders_province', '2026')).toBe(3);
    expect(await total(p.provinceId, 'training.cell_secretary_village_head_trained_province', '2026')).toBe(2);
    expect(await total(p.provinceId, 'training.cell_secretary_village_head_trained_commune', '202605')).toBe(2);

    // completion set by hand: the last one completes, and the list is empty
    const set = await province.call(e.setParticipant, { params: { id: courseId }, body: { personId: people.cuong, completed: true } });
    expect(set.status).toBe(200);
    expect((await province.call(e.dueList, { query: { unitId: p.provinceId, group: 'cell_secretary_village_head' } })).body.total).toBe(0);
    expect(await total(p.provinceId, 'training.cell_secretary_village_head_trained_province', '2026')).toBe(3);

    // the export of the due list is a real workbook
    const xlsx = await fetch(`${t.baseUrl}/api/training/due.xlsx?unitId=${p.provinceId}&group=cell_secretary_village_head&window=two_years&asOf=2028-06-01`, {
      headers: { cookie: province.cookie ?? '' },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const rows = (book.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows.length).toBe(4);
    expect(rows[1]?.[9]).toBe('Quá hạn');
  });

  it('two communes cannot read each other’s courses, coverage or people', async () => {
    const [c1, c2] = p.communeIds as [number, number];
    const first = await signIn(c1);
    const second = await signIn(c2);
    const course = await first.call(e.createCourse, {
      body: { unitId: c1, title: 'Lớp của xã 1', kind: 'training', level: 'commune', subject: 'Dân vận', startsOn: '2026-05-01', endsOn: '2026-05-02' },
    });
    expect(course.status).toBe(200);
    expect((await second.call(e.getCourse, { params: { id: course.body.id } })).status).toBe(404);
    expect((await second.call(e.listCourses, { query: {} })).body.map((c) => c.id)).not.toContain(course.body.id);
    expect((await second.call(e.coverage, { query: { unitId: c1, group: 'cell_secretary_village_head' } })).status).toBe(404);
    const own = await second.call(e.coverage, { query: { group: 'cell_secretary_village_head' } });
    expect(own.body).toMatchObject({ unitId: c2, holders: 1 });
    // a person of the other commune cannot be added to a course
    const foreign = await first.call(e.setParticipant, { params: { id: course.body.id }, body: { personId: people.cuong, completed: true } });
    expect(foreign.status).toBe(400);
    expect(errorBody(foreign).message).toContain('không có trong sổ đăng ký thuộc phạm vi của bạn');
    // the commune's import sees only its own people: the other commune's namesake is no candidate
    const list = await sheet([['Nguyễn Văn An', 1970, '', 'có']]);
    const preview = await first.upload(e.uploadAttendance, { params: { id: course.body.id }, query: { dryRun: 'true' } }, 'ds.xlsx', list);
    expect(preview.body.rows.map((r) => [r.status, r.person?.personId])).toEqual([['matched', people.an]]);
  });

  it('mass-mobilisation cadres over two years: trained, overdue and never', async () => {
    const [c1] = p.communeIds as [number];
    const bloc = await buildOrganization(t.db, c1, { type: 'commune_bloc', name: 'Khối dân vận xã Xuân 1' });
    const old = await buildPerson(t.db, c1, { fullName: 'Đỗ Văn Giang', birthYear: 1981 });
    const fresh = await buildPerson(t.db, c1, { fullName: 'Vũ Thị Hoa', birthYear: 1985 });
    const never = await buildPerson(t.db, c1, { fullName: 'Bùi Văn Khánh', birthYear: 1979 });
    for (const id of [old, fresh, never]) await role(id, bloc, 'Thành viên', '2023-01-01');
    const commune = await signIn(c1);
    const make = async (endsOn: string) =>
      (await commune.call(e.createCourse, { body: { unitId: c1, title: `Tập huấn ${endsOn}`, kind: 'training', level: 'commune', subject: 'Dân vận', startsOn: endsOn, endsOn } })).body.id;
    const early = await make('2024-05-10');
    const late = await make('2024-05-11');
    await commune.call(e.setParticipant, { params: { id: early }, body: { personId: old, completed: true } });
    await commune.call(e.setParticipant, { params: { id: late }, body: { personId: fresh, completed: true } });
    const coverage = await commune.call(e.coverage, { query: { group: 'grassroots_cadre', window: 'two_years' } });
    expect(coverage.body).toMatchObject({ holders: 3, trained: 1 });
    const due = await commune.call(e.dueList, { query: { group: 'grassroots_cadre', window: 'two_years' } });
    expect(due.body.people.map((x) => [x.fullName, x.status, x.lastTrainedOn])).toEqual([
      ['Bùi Văn Khánh', 'never', null],
      ['Đỗ Văn Giang', 'overdue', '2024-05-10'],
      ['Vũ Thị Hoa', 'due', '2024-05-11'],
    ]);
    // since taking the role, both count
    expect((await commune.call(e.coverage, { query: { group: 'grassroots_cadre', window: 'since_role' } })).body.trained).toBe(2);
  });
});
