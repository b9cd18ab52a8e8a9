import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import { targetEndpoints, type TTargetEvaluation } from '#contracts/programmes/targets.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { buildDataSet, type TestElement } from '#test/factories-indicators.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { storeValues, type ValueWrite } from '../../indicators/index.ts';

// 2027 has begun: 2025 and 2026 are over, January 2027 is entered (31 of 365 days covered)
let t: TestApp;
let adminId: number;
beforeAll(async () => {
  t = await startTestApp({ today: '2027-02-10' });
  adminId = (await buildUser(t.db, { unitId: null, roles: ['system_admin'] })).id;
});
afterAll(() => t.close());

async function signIn(unitId: number, roles: TRole[] = ['leader']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

async function indicator(code: string, name: string, numerator: TestElement, denominator: TestElement | null, factor = 1) {
  await t.db
    .insertInto('indicator')
    .values({ code, name, numerator: `#{${numerator.code}}`, denominator: denominator ? `#{${denominator.code}}` : '1', factor, decimals: 1 })
    .execute();
}

/** [unit, period, element, value] through the one write path. */
async function store(values: [number, string, TestElement, number][]) {
  const writes: ValueWrite[] = values.map(([unitId, period, e, num]) => ({ writeId: uuidv7(), unitId, period, dataElementId: e.id, cocId: e.cocId, num, txt: null }));
  await t.db.transaction().execute((trx) => storeValues(trx, writes, { userId: adminId, source: 'form' }));
}

const byCode = (targets: TTargetEvaluation[], code: string) => targets.find((target) => target.code === code) as TTargetEvaluation;

describe('target evaluation of a province programme', () => {
  let p: TestProvince;
  let a: number;
  let b: number;
  let programmeId: number;
  const targetIds = new Map<string, number>();
  const tag = String(process.pid % 1000);

  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 3, villagesPerCommune: 2 });
    [a, b] = p.communeIds as [number, number];
    const ds = await buildDataSet(t.db, p.provinceId, { elements: ['resolved', 'received', 'poor', 'members', 'models'].map(() => ({ valueType: 'integer' as const })) });
    const [resolved, received, poor, members, models] = ds.elements as [TestElement, TestElement, TestElement, TestElement, TestElement];
    await indicator(`RES_${tag}`, 'Tỷ lệ đơn thư được giải quyết', resolved, received, 100);
    await indicator(`POOR_${tag}`, 'Hộ nghèo dân tộc thiểu số', poor, null);
    await indicator(`MEM_${tag}`, 'Đoàn viên mới kết nạp', members, null);
    await indicator(`MOD_${tag}`, 'Mô hình dân vận khéo', models, null);
    const [va1, va2, vb1, vb2] = p.villageIds as [number, number, number, number];
    await store([
      // 2025: A 45/50 = 90.0, B 10/20 = 50.0, C nothing: the province 55/70 = 78.6 (not the average 70)
      [a, '202508', resolved, 20], [a, '202508', received, 25], [a, '202509', resolved, 25], [a, '202509', received, 25],
      [b, '202508', resolved, 10], [b, '202508', received, 20],
      // 2026: A 40/50, B 16/20: the province 56/70 = 80.0
      [a, '202603', resolved, 40], [a, '202603', received, 50], [b, '202603', resolved, 16], [b, '202603', received, 20],
      // poor households: 2025 A 100, B 100; 2026 A 80 (−20%), B 95 (−5%): the province 175 > 200 × 0.85
      [a, '202512', poor, 100], [b, '202512', poor, 100], [a, '202612', poor, 80], [b, '202612', poor, 95],
      // new members, January 2027: A 10 (≈ 117.7 a year), B 1 (≈ 11.8)
      [a, '202701', members, 10], [b, '202701', members, 1],
      // models per village, 2025: A's villages 2 and 3, B's 2 and 1, C's none
      [va1, '202510', models, 2], [va2, '202510', models, 3], [vb1, '202510', models, 2], [vb2, '202510', models, 1],
    ]);
    const programme = await t.db
      .insertInto('programme')
      .values({ province_id: p.provinceId, owner_unit_id: p.provinceId, kind: 'project', number: '14-NQ/TU', issuer: 'Tỉnh ủy', issued_on: '2025-08-01', title: 'Đề án thử', from_year: 2025, to_year: 2027 })
      .returning('id')
      .executeTakeFirstOrThrow();
    programmeId = programme.id;
    const targets: [string, TTargetRule | null, string | null][] = [
      ['res', { kind: 'value', indicator: `RES_${tag}`, comparator: '>=', threshold: { province: 80, commune: 60 } }, null],
      ['models', { kind: 'share_of_units', indicator: `MOD_${tag}`, childLevel: 'village', comparator: '>=', threshold: 2, share: { province: 80, commune: 100 } }, null],
      ['poor', { kind: 'change', indicator: `POOR_${tag}`, direction: 'decrease', percent: 15 }, null],
      ['members', { kind: 'value', indicator: `MEM_${tag}`, comparator: '>=', threshold: { province: 85, commune: 30 } }, null],
      ['online', { kind: 'milestone', indicator: `RES_${tag}`, by: '2027-12-31', comparator: '>=', threshold: 90 }, null],
      ['missing', { kind: 'value', indicator: 'KHONG_CO_CHI_SO', comparator: '>=', threshold: 1 }, null],
      ['waits', null, 'phân hệ Dân vận khéo'],
    ];
    for (const [i, [code, rule, waitsFor]] of targets.entries()) {
      const row = await t.db
        .insertInto('programme_target')
        .values({ province_id: sql<number>`(select province_id from programme where id = ${programmeId})`, programme_id: programmeId, code, position: i + 1, text: `Chỉ tiêu ${code}`, rule: rule === null ? null : JSON.stringify(rule), waits_for: waitsFor })
        .returning('id')
        .executeTakeFirstOrThrow();
      targetIds.set(code, row.id);
    }
  });

  it('evaluates every target at the province for a year over: figures, level thresholds, statuses, counts', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: { year: 2025 } });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ year: 2025, level: 'commune', levels: ['province', 'commune', 'village'], currentYear: false, asOf: '2025-12-31', view: 'current', unit: { id: p.provinceId } });
    const res2025 = byCode(body.targets, 'res');
    // a ratio of sums: 55/70 = 78.6, short of the province's 80 (nValues: the numerator's values, one per commune)
    expect(res2025).toMatchObject({ status: 'not_met', basis: 'final', threshold: 80, figure: { numerator: 55, denominator: 70, value: 78.6, nValues: 3 } });
    expect(res2025.counts).toEqual({ met: 1, at_risk: 0, not_met: 1, no_data: 1, total: 3 });
    // villages meeting ≥ 2 models: 3 of 6 = 50% at the province (80 needed); by commune: A 100%, B 50%, C no data
    expect(byCode(body.targets, 'models')).toMatchObject({ status: 'not_met', threshold: 80, figure: { value: 50, numerator: 3, denominator: 6 } });
    expect(byCode(body.targets, 'models').counts).toEqual({ met: 1, at_risk: 0, not_met: 1, no_data: 1, total: 3 });
    // the year before 2025 has no values: no data, saying which year it waits for
    expect(byCode(body.targets, 'poor')).toMatchObject({ status: 'no_data', noDataReason: expect.stringContaining('năm 2024') });
    const missing = byCode(body.targets, 'missing');
    expect(missing).toMatchObject({ status: 'no_data', indicator: null, noDataReason: expect.stringContaining('KHONG_CO_CHI_SO') });
    expect(missing.counts).toEqual({ met: 0, at_risk: 0, not_met: 0, no_data: 3, total: 3 });
    expect(byCode(body.targets, 'waits')).toMatchObject({ status: 'no_data', rule: null, waitsFor: 'phân hệ Dân vận khéo', noDataReason: 'Chưa có dữ liệu: đang chờ phân hệ Dân vận khéo.' });
  });

  it('judges a year-over-year change and a milestone by its trend', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: { year: 2026 } });
    expect(res.status).toBe(200);
    // 175 against 200 × 0.85 = 170
    expect(byCode(res.body.targets, 'poor')).toMatchObject({ status: 'not_met', comparator: '<=', threshold: 170, figure: { value: 175, previousValue: 200 } });
    expect(byCode(res.body.targets, 'poor').counts).toEqual({ met: 1, at_risk: 0, not_met: 1, no_data: 1, total: 3 });
    // 78.6 then 80.0 → 81.4 in 2027 on the least-squares line: short of 90
    const online = byCode(res.body.targets, 'online');
    expect(online).toMatchObject({ status: 'at_risk', basis: 'projected', threshold: 90, figure: { value: 80, projected: 81.4 } });
    expect(online.atRiskMethod).toContain('bình phương nhỏ nhất');
    expect(byCode(res.body.targets, 'res')).toMatchObject({ status: 'met', figure: { value: 80 } });
  });

  it('projects the current year from the part of it covered and states the method', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2027, currentYear: true, asOf: '2027-02-10' });
    const members = byCode(res.body.targets, 'members');
    // 11 in January → 129.5 a year at the province (85 needed)
    expect(members).toMatchObject({ status: 'met', basis: 'projected', figure: { value: 11, projected: 129.5 } });
    expect(members.counts).toEqual({ met: 1, at_risk: 1, not_met: 0, no_data: 1, total: 3 });
    expect(members.atRiskMethod).toContain('31/01/2027 (8% thời gian của năm)');
  });

  it('drills down to the units, laggards first, with the trend over the programme years', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(targetEndpoints.targetUnits, { params: { id: programmeId, targetId: targetIds.get('res') as number }, query: { year: 2025 } });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((row) => [row.unitId, row.status, row.threshold, row.figure.value, row.gap])).toEqual([
      [b, 'not_met', 60, 50, 10],
      [a, 'met', 60, 90, -30],
      [p.communeIds[2], 'no_data', 60, null, null],
    ]);
    expect(res.body.trend.map((point) => [point.year, point.status, point.figure.value])).toEqual([
      [2025, 'not_met', 78.6],
      [2026, 'met', 80],
      [2027, 'no_data', null],
    ]);
    const members = await leader.call(targetEndpoints.targetUnits, { params: { id: programmeId, targetId: targetIds.get('members') as number }, query: {} });
    expect(members.body.rows.map((row) => [row.unitId, row.status, row.figure.projected])).toEqual([
      [b, 'at_risk', 11.8],
      [a, 'met', 117.7],
      [p.communeIds[2], 'no_data', null],
    ]);
  });

  it('shows a commune officer only its own commune, and nothing to another province', async () => {
    const officer = await signIn(a);
    const own = await officer.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: { year: 2025 } });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ unit: { id: a }, level: 'commune' });
    expect(byCode(own.body.targets, 'res')).toMatchObject({ status: 'met', threshold: 60, figure: { value: 90 } });
    expect(byCode(own.body.targets, 'res').counts).toEqual({ met: 1, at_risk: 0, not_met: 0, no_data: 0, total: 1 });
    const drill = await officer.call(targetEndpoints.targetUnits, { params: { id: programmeId, targetId: targetIds.get('res') as number }, query: { year: 2025, level: 'village' } });
    expect(drill.body.rows.map((row) => row.unitId).sort()).toEqual([...(p.villagesByCommune[0] as number[])].sort());
    for (const unitId of [b, p.provinceId]) {
      expect((await officer.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: { unitId } })).status).toBe(404);
    }
    const other = await buildProvince(t.db);
    const stranger = await signIn(other.provinceId);
    expect((await stranger.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: {} })).status).toBe(404);
    expect((await stranger.call(targetEndpoints.targetUnits, { params: { id: programmeId, targetId: targetIds.get('res') as number }, query: {} })).status).toBe(404);
  });

  it('refuses a level the year has no units of, naming the field', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query: { year: 2026, level: 'district' } });
    expect(res.status).toBe(400);
    expect(errorBody(res).message).toContain('tỉnh, xã, thôn');
  });
});
