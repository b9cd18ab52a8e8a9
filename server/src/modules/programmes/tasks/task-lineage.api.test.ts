import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { taskEndpoints as e } from '#contracts/programmes/tasks.api.ts';
import { buildOrganization, buildProvince, TEST_PASSWORD } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildProgramme, settableClock } from '#test/factories-tasks.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * Issue 9 item 8: "a record of the Ban Dân vận Tỉnh ủy reads under its Ban Tuyên giáo và Dân vận". A task given to
 * the 2019 commission before the merger is found, listed and reported on by the body that took its duty over.
 */
const clock = settableClock('2025-01-10');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

describe('tasks of a body read under the body that took it over', () => {
  it('lists a task assigned to the merged Ban Dân vận under the Ban Tuyên giáo và Dân vận, whose focal point reports on it', async () => {
    clock.set('2025-01-10');
    const province = await buildProvince(t.db);
    const commission = await buildOrganization(t.db, province.provinceId, { type: 'mobilization_commission', name: 'Ban Dân vận Tỉnh ủy', foundedOn: null, dissolvedOn: '2025-03-01' });
    const propaganda = await buildOrganization(t.db, province.provinceId, { type: 'agency', name: 'Ban Tuyên giáo Tỉnh ủy', foundedOn: null, dissolvedOn: '2025-03-01' });
    const front = await buildOrganization(t.db, province.provinceId, { type: 'fatherland_front', name: 'Ủy ban MTTQ tỉnh' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const programmeId = await buildProgramme(t.db, province.provinceId);
    const task = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '1', text: 'Sơ kết 5 năm phong trào Dân vận khéo', dueOn: '2025-12-31' } });
    const other = await officer.call(e.createTask, { params: { id: programmeId }, body: { code: '2', text: 'Hội nghị đối thoại', dueOn: '2025-12-31' } });
    await officer.call(e.assign, { params: { taskId: task.body.id }, body: { role: 'lead', bodyName: 'Ban Dân vận Tỉnh ủy', organizationId: commission } });
    await officer.call(e.assign, { params: { taskId: task.body.id }, body: { role: 'coordinate', bodyName: 'Ủy ban MTTQ tỉnh', organizationId: front } });
    await officer.call(e.assign, { params: { taskId: other.body.id }, body: { role: 'lead', bodyName: 'Ủy ban MTTQ tỉnh', organizationId: front } });

    clock.set('2026-03-02');
    const admin = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const merged = await buildOrganization(t.db, province.provinceId, { type: 'propaganda_mobilization_commission', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', foundedOn: '2025-03-01' });
    // before the link is recorded, the new body has no task
    const focal = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['focal_point'], organizationId: merged });
    const before = await focal.call(e.assignmentTable, { query: { organizationId: merged } });
    expect(before.body.rows).toEqual([]);
    const unlinked = await focal.call(e.reportProgress, { params: { taskId: task.body.id }, body: { note: 'Chưa được giao', percent: 10 } });
    expect(unlinked.status).toBe(403);

    for (const [old, reason] of [[commission, 'Hợp nhất Ban Dân vận'], [propaganda, 'Hợp nhất Ban Tuyên giáo']] as const) {
      const link = await admin.call(organizationEndpoints.addSuccessor, {
        params: { id: old },
        body: { successorId: merged, kind: 'merged', effectiveDate: '2025-03-01', instrument: 'Quyết định 983-QĐ/TU', reason },
      });
      expect(link.status).toBe(200);
    }

    await officer.login(officer.username, TEST_PASSWORD);
    const table = await officer.call(e.assignmentTable, { query: { organizationId: merged } });
    expect(table.status).toBe(200);
    expect(table.body.rows.map((row) => [row.task.code, row.assignment.bodyName, row.assignment.organizationId, row.assignment.role])).toEqual([
      ['1', 'Ban Dân vận Tỉnh ủy', commission, 'lead'],
    ]);
    const listed = await officer.call(e.listTasks, { params: { id: programmeId }, query: { organizationId: merged } });
    expect(listed.body.tasks.map((row) => row.code)).toEqual(['1']);
    // the old body's own filter still finds it; the front's finds both of its tasks
    expect((await officer.call(e.listTasks, { params: { id: programmeId }, query: { organizationId: commission } })).body.tasks.map((row) => row.code)).toEqual(['1']);
    expect((await officer.call(e.listTasks, { params: { id: programmeId }, query: { organizationId: front } })).body.tasks.map((row) => row.code)).toEqual(['1', '2']);

    // the successor's focal point reports under the old body's assignment, not under the front's
    const report = await focal.call(e.reportProgress, { params: { taskId: task.body.id }, body: { note: 'Đã xây dựng kế hoạch sơ kết', percent: 40 } });
    expect(report.status).toBe(200);
    const assignments = (await officer.call(e.listTasks, { params: { id: programmeId }, query: {} })).body.tasks.find((row) => row.code === '1')?.assignments ?? [];
    const lead = assignments.find((a) => a.organizationId === commission);
    expect(report.body.assignmentId).toBe(lead?.id);
    expect(report.body.percent).toBe(40);
    // it may not report on a task given only to the front
    expect((await focal.call(e.reportProgress, { params: { taskId: other.body.id }, body: { note: 'Không phải việc của Ban', percent: 10 } })).status).toBe(403);
  });
});
