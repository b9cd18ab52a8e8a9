import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskEndpoints as e } from '#contracts/programmes/tasks.api.ts';
import { buildOrganization, buildProvince, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildProgramme, settableClock } from '#test/factories-tasks.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const clock = settableClock('2026-03-02');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

/** The figure of a derived element for a unit and period, as the dashboards read it (totals, 'current' view). */
async function total(provinceId: number, unitId: number, code: string, period: string) {
  const row = await t.db
    .selectFrom('data_total as d')
    .innerJoin('data_element as e', 'e.id', 'd.data_element_id')
    .select('d.sum')
    .where('d.province_id', '=', provinceId)
    .where('d.view', '=', 'current')
    .where('d.unit_id', '=', unitId)
    .where('e.code', '=', code)
    .where('d.period', '=', period)
    .executeTakeFirst();
  return Number(row?.sum ?? 0);
}

describe('the programmes’ derived values are refreshed by task writes, in the same transaction', () => {
  it('a report at 100% before the due date adds a task done on time; a task past due is overdue once touched; removing the body takes it back', async () => {
    const province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    const [c1, c2] = province.communeIds as [number, number];
    const bloc = await buildOrganization(t.db, c1, { type: 'commune_bloc', name: 'Khối dân vận xã Xuân 1' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const programmeId = await buildProgramme(t.db, province.provinceId);
    const figures = async (code: string) => ({
      province: await total(province.provinceId, province.provinceId, code, '202603'),
      c1: await total(province.provinceId, c1, code, '202603'),
      c2: await total(province.provinceId, c2, code, '202603'),
      year: await total(province.provinceId, province.provinceId, code, '2026'),
    });

    const meeting = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '1', text: 'Hội nghị quán triệt', dueOn: '2026-03-20' } });
    const late = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '2', text: 'Khảo sát', dueOn: '2026-03-05' } });
    await officer.call(e.assign, { params: { taskId: meeting.body.id }, body: { role: 'lead', bodyName: 'Khối dân vận xã', organizationId: bloc } });
    const lateBody = await officer.call(e.assign, { params: { taskId: late.body.id }, body: { role: 'lead', bodyName: 'Khối dân vận xã', organizationId: bloc } });
    expect(await figures('PROG_TASKS_OVERDUE')).toEqual({ province: 0, c1: 0, c2: 0, year: 0 });

    clock.set('2026-03-10');
    await officer.login(officer.username, TEST_PASSWORD);
    const point = await signIn(t.baseUrl, t.db, { unitId: c1, roles: ['focal_point'], organizationId: bloc });
    expect((await point.call(e.reportProgress, { params: { taskId: meeting.body.id }, body: { note: 'Đã tổ chức', percent: 100 } })).status).toBe(200);
    expect(await figures('PROG_TASKS_DONE_ON_TIME')).toEqual({ province: 1, c1: 1, c2: 0, year: 1 });
    // the report touched the commune: the survey, due on 5 March, is overdue
    expect(await figures('PROG_TASKS_OVERDUE')).toEqual({ province: 1, c1: 1, c2: 0, year: 1 });

    // the body removed, the survey is the province's own (above the communes): no commune holds it
    expect((await officer.call(e.unassign, { params: { assignmentId: lateBody.body.id } })).status).toBe(200);
    expect(await figures('PROG_TASKS_OVERDUE')).toEqual({ province: 0, c1: 0, c2: 0, year: 0 });
    // moved to a later date, then assigned to the commune again: not overdue
    await officer.call(e.updateTask, { params: { taskId: late.body.id }, body: { dueOn: '2026-04-30' } });
    await officer.call(e.assign, { params: { taskId: late.body.id }, body: { role: 'lead', bodyName: 'Khối dân vận xã', organizationId: bloc } });
    expect(await figures('PROG_TASKS_OVERDUE')).toEqual({ province: 0, c1: 0, c2: 0, year: 0 });
    await officer.call(e.updateTask, { params: { taskId: late.body.id }, body: { dueOn: '2026-03-09' } });
    expect(await figures('PROG_TASKS_OVERDUE')).toEqual({ province: 1, c1: 1, c2: 0, year: 1 });
  });
});
