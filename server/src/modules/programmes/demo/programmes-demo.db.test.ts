import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { targetEndpoints } from '#contracts/programmes/targets.api.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { TestClient } from '#test/http-client.ts';
import { waitForBackfills } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/** On PGlite the demo's derived-value backfill (every registered value since 2019) holds the one connection for minutes. */
const DEMO_BACKFILL_MS = 300_000;

let t: TestApp;
let load: DemoLoad;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-12-02' });
  load = await loadDemo(t.db);
}, 600_000);
afterAll(() => t.close());

const signIn = async (username: string) => {
  const client = new TestClient(t.baseUrl);
  expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
};

describe('programmes demo step (Quảng Trị runs seeds 000 and 003; xã Hải Lăng its plan)', () => {
  it('loads the two packs into the province and the commune plan with one stricter target, once', async () => {
    expect(load.applied).toContain('programmes.demo@1');
    expect(load.summary).toContain("programmes QN-DEAN-2019-DANVAN, NB-DEAN-334-2021 loaded into province 44; plan of commune 19702 with 9 targets; the province's plan for 2026 with 4 targets");
    const province = await signIn('tinh.qt');
    const list = (await province.call(programmeEndpoints.listProgrammes, { query: {} })).body;
    const byPack = new Map(list.map((p) => [p.pack?.code ?? `plan:${p.parentProgrammeId}`, p]));
    const deAn = byPack.get('QN-DEAN-2019-DANVAN');
    expect(deAn).toMatchObject({ ownerUnit: { fullName: 'Tỉnh Quảng Trị', level: 'province' }, fromYear: 2019, toYear: 2025, targetCount: 9, taskCount: 26 });
    expect(byPack.get('NB-DEAN-334-2021')).toMatchObject({ number: '334-QĐ/TU', targetCount: 16, taskCount: 8 });
    const detail = (await province.call(programmeEndpoints.getProgramme, { params: { id: deAn?.id ?? 0 } })).body;
    expect(detail.plans.map((plan) => [plan.ownerUnit.fullName, plan.number])).toEqual([['Xã Hải Lăng', '12-KH/ĐU']]);

    const commune = await signIn('xa.hai-lang');
    const plan = (await commune.call(programmeEndpoints.getProgramme, { params: { id: detail.plans[0]?.id ?? 0 } })).body;
    expect(plan.canManage).toBe(true);
    const local = plan.targets.find((target) => target.code === 'i2');
    const parent = detail.targets.find((target) => target.code === 'i2');
    expect(local?.parentTargetId).toBe(parent?.id);
    expect(parent?.rule).toMatchObject({ indicator: 'PET_TL_GIAI_QUYET_KNTC', threshold: 85 });
    expect(local?.rule).toMatchObject({ indicator: 'PET_TL_GIAI_QUYET_KNTC', threshold: 90 });
    // the commune reads the province's programme, but it is not theirs to manage
    expect((await commune.call(programmeEndpoints.getProgramme, { params: { id: deAn?.id ?? 0 } })).body.canManage).toBe(false);

    const matched = await t.db
      .selectFrom('task_assignment as a')
      .innerJoin('programme_task as k', 'k.id', 'a.task_id')
      .innerJoin('organization as o', 'o.id', 'a.organization_id')
      .select(['a.body_name', 'o.type'])
      .where('k.programme_id', '=', deAn?.id ?? 0)
      .execute();
    // the 2019 pack's Ban Dân vận Tỉnh ủy is today's Ban Tuyên giáo và Dân vận (the type that took its duty over)
    expect(new Set(matched.map((row) => row.type))).toContain('propaganda_mobilization_commission');
    expect((await loadDemo(t.db)).applied).toEqual([]);
  }, DEMO_BACKFILL_MS);

  it("shows the province's plan for the current year judged on the figures so far: some targets at risk, with the method", async () => {
    // judged on the resolution rate of the cases, which the petitions demo's backfill job writes
    await waitForBackfills(t.db, 'petitions.resolved', DEMO_BACKFILL_MS);
    const leader = await signIn('lanhdao.qt');
    const list = (await leader.call(programmeEndpoints.listProgrammes, { query: {} })).body;
    const annual = list.find((p) => p.title === 'Kế hoạch công tác dân vận năm 2026');
    expect(annual).toMatchObject({ fromYear: 2026, toYear: 2026, targetCount: 4, pack: null });
    const evaluation = await leader.call(targetEndpoints.programmeEvaluation, { params: { id: annual?.id ?? 0 }, query: { year: 2026, level: 'commune' } });
    expect(evaluation.status).toBe(200);
    expect(evaluation.body.currentYear).toBe(true);
    const statuses = evaluation.body.targets.map((target) => target.status);
    expect(statuses).toContain('at_risk');
    // the villages' yearly form of 2026 is not in yet: no data (the villages counted in the denominator are not a 0)
    const mediation = evaluation.body.targets.find((target) => target.code === '4');
    expect(mediation).toMatchObject({ status: 'no_data', figure: { value: null, nValues: 0 } });
    expect(mediation?.noDataReason).toContain('chưa có số liệu năm 2026');
    for (const target of evaluation.body.targets.filter((t) => t.code !== '4')) {
      expect(target.basis).toBe('projected');
      expect(target.atRiskMethod).toMatch(/^Năm 2026 chưa kết thúc: số liệu từ đầu năm đến /);
      // the communes are counted: 78 communes of the province today
      expect(target.counts?.total).toBe(78);
    }
  }, 2 * DEMO_BACKFILL_MS);
});
