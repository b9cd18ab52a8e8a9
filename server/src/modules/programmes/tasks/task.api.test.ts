import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { taskEndpoints as e } from '#contracts/programmes/tasks.api.ts';
import { buildOrganization, buildProvince, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildProgramme, settableClock } from '#test/factories-tasks.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const clock = settableClock('2026-03-02');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

/** Moves the clock (sessions last 12 h on it, so the clients sign in again). */
async function moveTo(day: string, ...clients: { username: string; login(u: string, p: string): Promise<unknown> }[]) {
  clock.set(day);
  for (const client of clients) await client.login(client.username, TEST_PASSWORD);
}

const auditOf = (entity: string) => t.db.selectFrom('audit_log').select(['action', 'entity_id', 'unit_id']).where('entity', '=', entity).orderBy('id').execute();

describe('tasks, assignments and progress', () => {
  it('creates and assigns tasks; focal points report on their own tasks only; reports are append-only; overdue from the clock', async () => {
    clock.set('2026-03-02');
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const farmers = await buildOrganization(t.db, communeId, { type: 'farmers_union', name: 'Hội Nông dân xã Xuân 1' });
    const women = await buildOrganization(t.db, communeId, { type: 'womens_union', name: 'Hội Phụ nữ xã Xuân 1' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const programmeId = await buildProgramme(t.db, province.provinceId);

    const group = await officer.call(e.createGroup, { params: { id: programmeId }, body: { code: 'II.1', title: 'Nâng cao nhận thức' } });
    expect(group.status).toBe(200);
    const one = await officer.call(e.createTask, {
      params: { id: programmeId },
      body: { groupId: group.body.id, code: '1', text: '  Tổ chức  hội nghị quán triệt ', dueOn: '2026-06-30', expectedOutput: 'Hội nghị' },
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ text: 'Tổ chức hội nghị quán triệt', status: 'not_started', currentDueOn: '2026-06-30', reportCount: 0 });
    const yearly = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '2', text: 'Báo cáo năm', recurrence: 'yearly', dueOn: '2026-11-30' } });
    expect(yearly.body).toMatchObject({ status: 'not_started', currentDueOn: '2026-11-30', occurrenceFrom: '2026-01-01' });
    const duplicate = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '1', text: 'Trùng mã' } });
    expect(duplicate.status).toBe(400);
    expect(errorBody(duplicate).message).toContain('đã có trong chương trình này');

    const lead = await officer.call(e.assign, { params: { taskId: one.body.id }, body: { role: 'lead', bodyName: 'Hội Nông dân xã', organizationId: farmers } });
    expect(lead.body).toMatchObject({ role: 'lead', organizationId: farmers, organizationName: 'Hội Nông dân xã Xuân 1', unitId: communeId, unitName: 'Xã Xuân 1' });
    await officer.call(e.assign, { params: { taskId: one.body.id }, body: { role: 'coordinate', bodyName: 'Ban Dân vận Tỉnh ủy' } });
    await officer.call(e.assign, { params: { taskId: yearly.body.id }, body: { role: 'lead', bodyName: 'Hội Phụ nữ xã', organizationId: women } });

    const farmersPoint = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: farmers });
    const womenPoint = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['focal_point'], organizationId: women });
    const refused = await womenPoint.call(e.reportProgress, { params: { taskId: one.body.id }, body: { note: 'Không phải việc của hội', percent: 10 } });
    expect(refused.status).toBe(403);
    const badPercent = await farmersPoint.call(e.reportProgress, { params: { taskId: one.body.id }, body: { note: 'Sai', percent: 120 } });
    expect(badPercent.status).toBe(400);
    expect(errorBody(badPercent).fields?.[0]?.field).toBe('percent');

    const first = await farmersPoint.call(e.reportProgress, { params: { taskId: one.body.id }, body: { note: 'Đã xây dựng kế hoạch', percent: 40 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ percent: 40, assignmentId: lead.body.id, bodyName: 'Hội Nông dân xã', unitId: communeId });
    await moveTo('2026-03-10', officer, farmersPoint, womenPoint);
    const second = await farmersPoint.call(e.reportProgress, { params: { taskId: one.body.id }, body: { note: 'Đã tổ chức 2 hội nghị', percent: 60 } });
    expect(second.status).toBe(200);

    const upload = await farmersPoint.upload(fileEndpoints.upload, { query: { ownerType: 'task_progress', ownerId: second.body.id } }, 'bien-ban.txt', 'Biên bản hội nghị');
    expect(upload.status).toBe(200);
    const foreignUpload = await womenPoint.upload(fileEndpoints.upload, { query: { ownerType: 'task_progress', ownerId: second.body.id } }, 'x.txt', 'x');
    expect(foreignUpload.status).toBe(403);

    const history = await officer.call(e.progressHistory, { params: { taskId: one.body.id } });
    expect(history.body.reports.map((r) => [r.percent, r.note, r.attachments.map((a) => a.filename)])).toEqual([
      [60, 'Đã tổ chức 2 hội nghị', ['bien-ban.txt']],
      [40, 'Đã xây dựng kế hoạch', []],
    ]);
    expect(history.body.task).toMatchObject({ status: 'on_track', percent: 60, reportCount: 2 });
    expect((await auditOf('task_progress')).map((row) => [row.action, row.unit_id])).toEqual(expect.arrayContaining([['create', communeId], ['create', communeId]]));
    expect(await t.db.selectFrom('task_progress').select('id').where('task_id', '=', one.body.id).execute()).toHaveLength(2);

    const list = async (query: object = {}) => (await officer.call(e.listTasks, { params: { id: programmeId }, query })).body;
    expect((await list()).tasks.map((task) => [task.code, task.status])).toEqual([['1', 'on_track'], ['2', 'not_started']]);
    await moveTo('2026-07-01', officer);
    expect((await list()).tasks.map((task) => [task.code, task.status])).toEqual([['1', 'overdue'], ['2', 'not_started']]);
    expect((await list({ status: 'overdue' })).tasks.map((task) => task.code)).toEqual(['1']);
    expect((await list({ organizationId: women })).tasks.map((task) => task.code)).toEqual(['2']);
    expect((await list({ body: 'nong dan' })).tasks.map((task) => task.code)).toEqual(['1']);
    expect((await list({ dueBefore: '2026-07-31' })).tasks.map((task) => task.code)).toEqual(['1']);
    await moveTo('2026-12-01', officer, womenPoint);
    expect((await list({ status: 'overdue' })).tasks.map((task) => task.code)).toEqual(['1', '2']);
    await womenPoint.call(e.reportProgress, { params: { taskId: yearly.body.id }, body: { note: 'Đã nộp báo cáo năm', percent: 100 } });
    expect((await list()).tasks.map((task) => [task.code, task.status])).toEqual([['1', 'overdue'], ['2', 'done']]);
    await moveTo('2027-03-01', officer);
    expect((await list()).tasks.find((task) => task.code === '2')).toMatchObject({ status: 'not_started', currentDueOn: '2027-11-30' });

    // a manager may not remove an assignment reports were made under
    expect((await officer.call(e.unassign, { params: { assignmentId: lead.body.id } })).status).toBe(409);
    // a commune reader may not change the province's programme
    const communeOfficer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    expect((await communeOfficer.call(e.updateTask, { params: { taskId: one.body.id }, body: { text: 'Sửa' } })).status).toBe(403);
    expect((await communeOfficer.call(e.listTasks, { params: { id: programmeId }, query: {} })).status).toBe(200);

    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(e.listTasks, { params: { id: programmeId }, query: {} })).status).toBe(404);
    expect((await stranger.call(e.progressHistory, { params: { taskId: one.body.id } })).status).toBe(404);
    expect((await stranger.call(e.reportProgress, { params: { taskId: one.body.id }, body: { note: 'x', percent: 1 } })).status).toBe(404);
    expect((await stranger.call(e.assignmentTable, { query: { unitId: province.provinceId } })).status).toBe(404);
    expect((await stranger.call(e.due, { query: { unitId: province.provinceId } })).status).toBe(404);
  });
});
