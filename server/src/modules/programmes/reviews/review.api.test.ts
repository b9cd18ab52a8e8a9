import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskEndpoints as e } from '#contracts/programmes/tasks.api.ts';
import { buildOrganization, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { buildProgramme } from '#test/factories-tasks.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

describe('assignments table, reviews, workspace and budget', () => {
  it("the assigning unit's table of every assignment across programmes, filtered by body, status and due date", async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const front = await buildOrganization(t.db, communeId, { type: 'fatherland_front', name: 'Ủy ban MTTQ xã Xuân 1' });
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const [p1, p2] = [await buildProgramme(t.db, province.provinceId), await buildProgramme(t.db, province.provinceId)];
    const task = async (programmeId: number, code: string, dueOn: string, bodies: [string, number | null][]) => {
      const created = await officer.call(e.createTask, { params: { id: programmeId }, body: { code, text: `Nhiệm vụ ${code}`, dueOn } });
      for (const [index, [bodyName, organizationId]] of bodies.entries()) {
        await officer.call(e.assign, { params: { taskId: created.body.id }, body: { role: index === 0 ? 'lead' : 'coordinate', bodyName, organizationId } });
      }
      return created.body.id;
    };
    await task(p1, 'a', '2026-02-01', [['Ban Dân vận Tỉnh ủy', null], ['Ủy ban MTTQ xã', front]]);
    await task(p1, 'b', '2026-09-30', [['Sở Nội vụ', null]]);
    await task(p2, 'c', '2026-04-30', [['Ban Dân vận Tỉnh ủy', null]]);
    const table = async (query: object) => (await officer.call(e.assignmentTable, { query: { unitId: province.provinceId, ...query } })).body;
    const all = await table({});
    expect(all.total).toBe(4);
    expect(all.rows.map((row) => [row.programme.id, row.task.code, row.assignment.bodyName, row.task.status])).toEqual([
      [p1, 'a', 'Ban Dân vận Tỉnh ủy', 'overdue'],
      [p1, 'a', 'Ủy ban MTTQ xã', 'overdue'],
      [p1, 'b', 'Sở Nội vụ', 'not_started'],
      [p2, 'c', 'Ban Dân vận Tỉnh ủy', 'not_started'],
    ]);
    expect((await table({ body: 'ban dan van' })).rows.map((row) => row.task.code)).toEqual(['a', 'c']);
    expect((await table({ status: 'overdue' })).rows.map((row) => row.assignment.bodyName)).toEqual(['Ban Dân vận Tỉnh ủy', 'Ủy ban MTTQ xã']);
    expect((await table({ dueBefore: '2026-04-30', role: 'lead' })).rows.map((row) => row.task.code)).toEqual(['a', 'c']);
    expect((await table({ organizationId: front })).rows.map((row) => row.assignment.bodyName)).toEqual(['Ủy ban MTTQ xã']);

    // the commune whose front carries a late task sees it in its "what is due"
    const communeReader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    const due = await communeReader.call(e.due, { query: {} });
    expect(due.body.overdueTasks.map((row) => [row.programme.id, row.task.code])).toEqual([[p1, 'a']]);
    expect((await communeReader.call(e.assignmentTable, { query: { unitId: province.provinceId } })).status).toBe(404);
  });

  it('reviews with reminders, the review workspace and budget totals per year', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const id = await buildProgramme(t.db, province.provinceId, { fromYear: 2025, toYear: 2027 });
    const review = async (body: Parameters<typeof officer.call<typeof e.createReview>>[1]['body']) => (await officer.call(e.createReview, { params: { id }, body })).body;
    const annual = await review({ kind: 'annual', title: 'Báo cáo năm 2025', fromYear: 2025, toYear: 2025, dueOn: '2026-03-20' });
    expect(annual).toMatchObject({ state: 'due_soon', daysLeft: 18 });
    const midterm = await review({ kind: 'midterm', title: 'Sơ kết giữa kỳ', fromYear: 2025, toYear: 2026, dueOn: '2026-12-15' });
    expect(midterm.state).toBe('upcoming');
    const late = await review({ kind: 'evaluation', title: 'Đánh giá quý', fromYear: 2025, toYear: 2025, dueOn: '2026-02-15' });
    expect(late).toMatchObject({ state: 'overdue', daysLeft: -15 });
    const reversed = await officer.call(e.createReview, { params: { id }, body: { kind: 'final', title: 'Tổng kết', fromYear: 2027, toYear: 2025, dueOn: '2027-12-01' } });
    expect(reversed.status).toBe(400);

    const line = async (body: object) => (await officer.call(e.createBudgetLine, { params: { id }, body: body as { title: string } })).body;
    await line({ year: 2025, title: 'Tập huấn', source: 'Ngân sách tỉnh', planned: 100_000_000, allocated: 80_000_000, spent: 50_000_000 });
    const second = await line({ year: 2025, title: 'Tuyên truyền', planned: 20_000_000 });
    await line({ year: 2026, title: 'Tập huấn', planned: 150_000_000, allocated: 150_000_000 });
    await line({ title: 'Xã hội hóa', source: 'Huy động' });
    const patched = await officer.call(e.updateBudgetLine, { params: { id, lineId: second.id }, body: { spent: 5_500_000 } });
    expect(patched.body).toMatchObject({ planned: 20_000_000, spent: 5_500_000 });
    const budget = (await officer.call(e.budget, { params: { id }, query: {} })).body;
    expect(budget.years).toEqual([
      { year: null, planned: 0, allocated: 0, spent: 0, lineCount: 1 },
      { year: 2025, planned: 120_000_000, allocated: 80_000_000, spent: 55_500_000, lineCount: 2 },
      { year: 2026, planned: 150_000_000, allocated: 150_000_000, spent: 0, lineCount: 1 },
    ]);
    expect(budget.total).toEqual({ year: null, planned: 270_000_000, allocated: 230_000_000, spent: 55_500_000, lineCount: 4 });

    const lateTask = await officer.call(e.createTask, { params: { id }, body: { code: '1', text: 'Ra mắt mô hình', dueOn: '2026-01-31' } });
    await officer.call(e.createTask, { params: { id }, body: { code: '2', text: 'Hội nghị', dueOn: '2026-10-31' } });
    const reported = await officer.call(e.createTask, { params: { id }, body: { code: '3', text: 'Khảo sát', dueOn: '2026-05-31' } });
    await officer.call(e.assign, { params: { taskId: reported.body.id }, body: { role: 'lead', bodyName: 'Ban Dân vận' } });
    expect((await officer.call(e.reportProgress, { params: { taskId: reported.body.id }, body: { note: 'Đang khảo sát', percent: 50 } })).status).toBe(200);

    await t.db.insertInto('programme_target').values({ province_id: sql<number>`(select province_id from programme where id = ${id})`, programme_id: id, code: 't1', position: 1, text: '100% thôn có Tổ dân vận', rule: null, waits_for: 'Chờ phân hệ tổ chức', levels: null, parent_target_id: null }).execute();
    const workspace = (await officer.call(e.reviewWorkspace, { params: { id, reviewId: annual.id } })).body;
    expect(workspace.targets.map((target) => [target.code, target.year, target.status, target.waitsFor])).toEqual([['t1', 2025, 'no_data', 'Chờ phân hệ tổ chức']]);
    expect(workspace.period).toEqual({ fromYear: 2025, toYear: 2025, from: '2025-01-01', to: '2025-12-31' });
    expect(workspace.budget.total).toMatchObject({ planned: 120_000_000, allocated: 80_000_000, spent: 55_500_000, lineCount: 2 });
    expect(workspace.tasks).toMatchObject({ total: 3, byStatus: { not_started: 1, on_track: 1, overdue: 1, done: 0 }, averagePercent: 16.7, reportsInPeriod: 0 });
    expect(workspace.tasks.late.map((task) => task.id)).toEqual([lateTask.body.id]);
    const midWorkspace = (await officer.call(e.reviewWorkspace, { params: { id, reviewId: midterm.id } })).body;
    expect(midWorkspace.tasks.reportsInPeriod).toBe(1);
    expect(midWorkspace.budget.total.planned).toBe(270_000_000);
    expect(midWorkspace.targets.map((target) => target.year)).toEqual([2025, 2026]);
    expect(midWorkspace.targetsUnavailable).toEqual([]);

    const due = (await officer.call(e.due, { query: { unitId: province.provinceId } })).body;
    expect(due.reviews.map((row) => row.review.title)).toEqual(['Đánh giá quý', 'Báo cáo năm 2025']);
    expect(due.overdueTasks.map((row) => row.task.code)).toEqual(['1']);
    const done = await officer.call(e.markReviewDone, { params: { id, reviewId: annual.id }, body: {} });
    expect(done.body).toMatchObject({ state: 'done', doneOn: '2026-03-02' });
    expect((await officer.call(e.due, { query: {} })).body.reviews.map((row) => row.review.title)).toEqual(['Đánh giá quý']);
    expect((await officer.call(e.listReviews, { params: { id } })).body.map((r) => r.state)).toEqual(['overdue', 'done', 'upcoming']);
    const audits = await t.db.selectFrom('audit_log').select('entity').where('unit_id', '=', province.provinceId).where('entity', 'in', ['programme_review', 'programme_budget_line']).execute();
    expect(audits).toHaveLength(3 + 1 + 4 + 1);

    const stranger = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['unit_admin'] });
    for (const response of [
      await stranger.call(e.listReviews, { params: { id } }),
      await stranger.call(e.reviewWorkspace, { params: { id, reviewId: annual.id } }),
      await stranger.call(e.budget, { params: { id }, query: {} }),
      await stranger.call(e.createBudgetLine, { params: { id }, body: { title: 'x' } }),
    ]) expect(response.status).toBe(404);
  });

  // --- prog ---
  it('deletes a budget line and an empty solution group, audited; refuses one with spending or with tasks, in Vietnamese', async () => {
    const province = await buildProvince(t.db);
    const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
    const id = await buildProgramme(t.db, province.provinceId);
    const line = async (body: { title: string; spent?: number; planned?: number }) => (await officer.call(e.createBudgetLine, { params: { id }, body: { year: 2026, ...body } })).body;
    const spent = await line({ title: 'Tập huấn', planned: 100_000_000, spent: 30_000_000 });
    const planned = await line({ title: 'Tuyên truyền', planned: 20_000_000 });

    const refused = await officer.call(e.deleteBudgetLine, { params: { id, lineId: spent.id } });
    expect(refused.status).toBe(409);
    expect(errorBody(refused).message).toBe('Dòng kinh phí “Tập huấn” đã ghi số đã chi: không xóa được (khoản đã chi phải còn trong sổ; hãy sửa số liệu nếu ghi nhầm).');
    expect((await officer.call(e.deleteBudgetLine, { params: { id, lineId: planned.id } })).status).toBe(200);
    expect((await officer.call(e.budget, { params: { id }, query: {} })).body.total).toMatchObject({ planned: 100_000_000, spent: 30_000_000, lineCount: 1 });
    expect((await officer.call(e.deleteBudgetLine, { params: { id, lineId: planned.id } })).status).toBe(404);

    const full = await officer.call(e.createGroup, { params: { id }, body: { code: '1', title: 'Tuyên truyền' } });
    const empty = await officer.call(e.createGroup, { params: { id }, body: { code: '2', title: 'Kiểm tra' } });
    await officer.call(e.createTask, { params: { id }, body: { groupId: full.body.id, code: '1.1', text: 'Hội nghị', dueOn: '2026-06-30' } });
    const withTasks = await officer.call(e.deleteGroup, { params: { id, groupId: full.body.id } });
    expect(withTasks.status).toBe(409);
    expect(errorBody(withTasks).message).toBe('Nhóm giải pháp “Tuyên truyền” còn 1 nhiệm vụ: hãy chuyển hoặc xóa các nhiệm vụ trước khi xóa nhóm.');
    expect((await officer.call(e.deleteGroup, { params: { id, groupId: empty.body.id } })).status).toBe(200);
    expect((await officer.call(e.listTasks, { params: { id }, query: {} })).body.groups.map((g) => g.code)).toEqual(['1']);

    // a commune reads the programme but may not delete from it; another province does not see it
    const communeOfficer = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['commission_officer'] });
    expect((await communeOfficer.call(e.deleteBudgetLine, { params: { id, lineId: spent.id } })).status).toBe(403);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: (await buildProvince(t.db)).provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(e.deleteGroup, { params: { id, groupId: full.body.id } })).status).toBe(404);

    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('action', '=', 'delete').where('entity', 'in', ['programme_budget_line', 'programme_solution_group']).where('unit_id', '=', province.provinceId).orderBy('id').execute();
    expect(audit.map((row) => [row.action, row.entity, Number(row.entity_id)])).toEqual([
      ['delete', 'programme_budget_line', planned.id],
      ['delete', 'programme_solution_group', empty.body.id],
    ]);
  });
});
