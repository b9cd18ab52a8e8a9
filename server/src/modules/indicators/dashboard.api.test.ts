import { ExcelJS } from '#server/shared/exceljs.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { dashboardEndpoints, type TDashboardRow } from '#contracts/indicators/dashboard.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { buildDataSet, type TestElement } from '#test/factories-indicators.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { storeValues, type ValueWrite } from './value-store.ts';

let t: TestApp;
let adminId: number;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  adminId = user.id;
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

async function signIn(unitId: number, roles: TRole[] = ['leader']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

/** "Tỷ lệ đơn thư được giải quyết": 100 × resolved / received, target ≥ 85. */
async function buildIndicator(ownerUnitId: number | null, n: TestElement, d: TestElement) {
  const row = await t.db
    .insertInto('indicator')
    .values({
      code: `IND_${n.code}`,
      name: 'Tỷ lệ đơn thư được giải quyết',
      numerator: `#{${n.code}}`,
      denominator: `#{${d.code}}`,
      factor: 100,
      decimals: 1,
      target: 85,
      target_direction: 'higher',
      owner_unit_id: ownerUnitId,
      dhis2_uid: null,
      description: null,
      unit_of_measure: '%',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores [unit, period, numerator, denominator] figures through the one write path. */
async function store(n: TestElement, d: TestElement, figures: [number, string, number, number][]) {
  const writes: ValueWrite[] = figures.flatMap(([unitId, period, num, den]) => [
    { writeId: uuidv7(), unitId, period, dataElementId: n.id, cocId: n.cocId, num, txt: null },
    { writeId: uuidv7(), unitId, period, dataElementId: d.id, cocId: d.cocId, num: den, txt: null },
  ]);
  await t.db.transaction().execute((trx) => storeValues(trx, writes, { userId: adminId, source: 'form' }));
}

const figures = (row: Pick<TDashboardRow, 'numerator' | 'denominator' | 'value' | 'gap' | 'apportioned' | 'hasData'>) => ({
  numerator: row.numerator,
  denominator: row.denominator,
  value: row.value,
  gap: row.gap,
  apportioned: row.apportioned,
  hasData: row.hasData,
});

describe('dashboard of a province', () => {
  let p: TestProvince;
  let indicatorId: number;
  let a: number;
  let b: number;
  let c: number;
  let n: TestElement;
  let d: TestElement;
  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 3 });
    [a, b, c] = p.communeIds as [number, number, number];
    const ds = await buildDataSet(t.db, p.provinceId);
    [n, d] = ds.elements as [TestElement, TestElement];
    indicatorId = await buildIndicator(p.provinceId, n, d);
    // A: 45/50 = 90.0 over two months; B: 10/20 = 50.0; C: nothing
    await store(n, d, [
      [a, '202401', 20, 25],
      [a, '202402', 25, 25],
      [b, '202401', 4, 10],
      [b, '202402', 6, 10],
    ]);
  });

  it('lists the children furthest from the target first, the total from summed parts (never the average of ratios)', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: p.provinceId, from: '202401', to: '202412' } });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.unit).toMatchObject({ id: p.provinceId, level: 'province' });
    expect(body.periodLabel).toBe('Tháng 1/2024 – Tháng 12/2024');
    expect(body.view).toBe('current');
    expect(body.asOf).toBe('2026-03-02');
    expect(body.indicator).toMatchObject({ id: indicatorId, target: 85, targetDirection: 'higher', factor: 100 });
    expect(body.rows.map((r) => r.unitId)).toEqual([b, a, c]);
    expect(figures(body.rows[0] as TDashboardRow)).toEqual({ numerator: 10, denominator: 20, value: 50, gap: 35, apportioned: false, hasData: true });
    expect(figures(body.rows[1] as TDashboardRow)).toEqual({ numerator: 45, denominator: 50, value: 90, gap: -5, apportioned: false, hasData: true });
    expect(figures(body.rows[2] as TDashboardRow)).toEqual({ numerator: null, denominator: null, value: null, gap: null, apportioned: false, hasData: false });
    expect(body.rows[1]).toMatchObject({ name: 'Xã Xuân 1', level: 'commune', childCount: 2 });
    // 55/70 = 78.6, not (90 + 50) / 2 = 70
    expect(figures(body.total)).toEqual({ numerator: 55, denominator: 70, value: 78.6, gap: 6.4, apportioned: false, hasData: true });
  });

  it('reads an operand of one disaggregation (#{CODE.COC}) from that option combo', async () => {
    const id = (
      await t.db
        .insertInto('indicator')
        .values({ code: `IND_COC_${n.code}`, name: 'Theo phân tổ', numerator: `#{${n.code}.default}`, denominator: `#{${d.code}} + 0 * #{${n.code}.KHONG_CO}`, factor: 100, decimals: 1, owner_unit_id: p.provinceId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId: id, unitId: p.provinceId, from: '202401', to: '202412' } });
    expect(res.status).toBe(200);
    expect(figures(res.body.total)).toMatchObject({ numerator: 55, denominator: 70, value: 78.6 });
  });

  it('reads one month of the range only when asked, and a commune drills down to its villages', async () => {
    const one = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: p.provinceId, from: '202402', to: '202402' } });
    expect(one.body.periodLabel).toBe('Tháng 2/2024');
    expect(one.body.rows.map((r) => [r.unitId, r.value])).toEqual([
      [b, 60],
      [a, 100],
      [c, null],
    ]);
    const commune = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: a, from: '202401', to: '202412' } });
    expect(commune.body.rows.map((r) => r.level)).toEqual(['village', 'village']);
    expect(commune.body.ancestors).toEqual([{ id: p.provinceId, name: expect.any(String), level: 'province', reachable: true }]);
    expect(figures(commune.body.total)).toMatchObject({ numerator: 45, denominator: 50, value: 90 });
  });

  it('gives the trend per month, each month its own ratio', async () => {
    const leader = await signIn(p.provinceId);
    const res = await leader.call(dashboardEndpoints.dashboardTrend, { query: { indicatorId, unitId: p.provinceId, from: '202401', to: '202403' } });
    expect(res.status).toBe(200);
    expect(res.body.points.map((pt) => [pt.period, pt.label, pt.numerator, pt.denominator, pt.value, pt.hasData])).toEqual([
      ['202401', 'Tháng 1/2024', 24, 35, 68.6, true],
      ['202402', 'Tháng 2/2024', 31, 35, 88.6, true],
      ['202403', 'Tháng 3/2024', null, null, null, false],
    ]);
    const yearly = await leader.call(dashboardEndpoints.dashboardTrend, { query: { indicatorId, unitId: a, from: '2023', to: '2024' } });
    expect(yearly.body.points.map((pt) => [pt.label, pt.value])).toEqual([
      ['Năm 2023', null],
      ['Năm 2024', 90],
    ]);
  });

  it('exports the same table to Excel with Vietnamese headers', async () => {
    const leader = await signIn(p.provinceId);
    const res = await fetch(`${t.baseUrl}/api/indicators/dashboard/children.xlsx?indicatorId=${indicatorId}&unitId=${p.provinceId}&from=202401&to=202412`, {
      headers: { cookie: leader.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(`chi-so-IND_`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const rowValues = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(sheet.getCell('A1').value).toBe('Tỷ lệ đơn thư được giải quyết');
    expect(sheet.getCell('A3').value).toBe('Chỉ tiêu: ≥ 85');
    expect(rowValues(5)).toEqual(['Đơn vị', 'Mã đơn vị', 'Tử số', 'Mẫu số', 'Giá trị', 'Còn thiếu so với chỉ tiêu', 'Ước tính']);
    expect(rowValues(6).slice(2, 6)).toEqual([10, 20, 50, 35]);
    expect(rowValues(7).slice(2, 6)).toEqual([45, 50, 90, -5]);
    expect(rowValues(8)[4]).toBe('Không có số liệu');
    expect(rowValues(9)[0]).toMatch(/^Tổng cộng: Tỉnh /);
    expect(rowValues(9).slice(2, 6)).toEqual([55, 70, 78.6, 6.4]);
  });

  it('answers 404 for a unit or an indicator of another province, 400 for a range mixing period types', async () => {
    const other = await buildProvince(t.db, { communes: 1 });
    const stranger = await signIn(other.provinceId);
    for (const unitId of [p.provinceId, a]) {
      const res = await stranger.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId, from: '202401', to: '202412' } });
      expect(res.status).toBe(404);
    }
    // the indicator belongs to the other province: not readable from here
    const own = await stranger.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: other.provinceId, from: '202401', to: '202412' } });
    expect(own.status).toBe(404);
    expect(errorBody(own).message).toBe('Chỉ số không tồn tại hoặc bạn không có quyền xem.');
    const xlsx = await stranger.request('GET', `/api/indicators/dashboard/children.xlsx?indicatorId=${indicatorId}&unitId=${p.provinceId}&from=202401&to=202412`);
    expect(xlsx.status).toBe(404);
    const mixed = await admin.call(dashboardEndpoints.dashboardTrend, { query: { indicatorId, unitId: p.provinceId, from: '202401', to: '2024' } });
    expect(mixed.status).toBe(400);
    const reversed = await admin.call(dashboardEndpoints.dashboardTrend, { query: { indicatorId, unitId: p.provinceId, from: '202412', to: '202401' } });
    expect(reversed.status).toBe(400);
  });

  it("shows the nation to a system administrator as the sum of the provinces' rows", async () => {
    const res = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, from: '202401', to: '202412' } });
    expect(res.status).toBe(200);
    expect(res.body.unit).toEqual({ id: null, name: 'Cả nước', level: 'nation', code: null });
    expect(res.body.rows.filter((r) => r.code !== null && /^\d\d$/.test(r.code))).toHaveLength(34);
    expect(res.body.rows[0]).toMatchObject({ unitId: p.provinceId, numerator: 55, denominator: 70, value: 78.6 });
    expect(res.body.rows.slice(1).every((r) => !r.hasData)).toBe(true);
    expect(figures(res.body.total)).toMatchObject({ numerator: 55, denominator: 70, value: 78.6 });
    const trend = await admin.call(dashboardEndpoints.dashboardTrend, { query: { indicatorId, from: '202401', to: '202402' } });
    expect(trend.body.points.map((pt) => pt.value)).toEqual([68.6, 88.6]);
    // a leader without unitId gets their own unit, never the nation
    const leader = await signIn(p.provinceId);
    const mine = await leader.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, from: '202401', to: '202412' } });
    expect(mine.body.unit.id).toBe(p.provinceId);
    expect(mine.body.nationReachable).toBe(false);
  });
});

describe('dashboard across the 2025 reform', () => {
  it('shows a merged 2019 commune under its 2025 successor today, and as entered before the reform', async () => {
    const merged = await sql<{ old_unit_id: number; new_unit_id: number; old_parent: number; new_parent: number }>`
      select s.old_unit_id, s.new_unit_id, o.parent_id as old_parent, n.parent_id as new_parent
      from unit_succession s join admin_unit o on o.id = s.old_unit_id join admin_unit n on n.id = s.new_unit_id
      where o.level = 'commune' and s.kind = 'merged' and o.valid_to = '2025-06-30' and n.structure = '2025'
        and not exists (select 1 from unit_succession x where x.old_unit_id = s.old_unit_id and x.new_unit_id <> s.new_unit_id)
      order by s.old_unit_id limit 1`.execute(t.db);
    const m = merged.rows[0] as { old_unit_id: number; new_unit_id: number; old_parent: number; new_parent: number };
    const ds = await buildDataSet(t.db, Number(m.new_parent));
    const [n, d] = ds.elements as [TestElement, TestElement];
    const indicatorId = await buildIndicator(null, n, d);
    await store(n, d, [[Number(m.old_unit_id), '202405', 30, 40]]);
    const today = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: Number(m.new_parent), from: '202401', to: '202412' } });
    expect(today.status).toBe(200);
    expect(today.body.view).toBe('current');
    const row = today.body.rows.find((r) => r.unitId === Number(m.new_unit_id)) as TDashboardRow;
    expect(figures(row)).toEqual({ numerator: 30, denominator: 40, value: 75, gap: 10, apportioned: false, hasData: true });
    expect(today.body.rows[0]?.unitId).toBe(Number(m.new_unit_id));
    // before the reform: the 2019 district lists the old commune itself
    const before = await admin.call(dashboardEndpoints.dashboardChildren, {
      query: { indicatorId, unitId: Number(m.old_parent), from: '202401', to: '202412', asOf: '2024-12-31' },
    });
    expect(before.status).toBe(200);
    expect(before.body.view).toBe('entered');
    expect(before.body.rows.find((r) => r.unitId === Number(m.old_unit_id))).toMatchObject({ numerator: 30, denominator: 40, value: 75 });
    // a 2025 unit did not exist on that date
    const wrongDate = await admin.call(dashboardEndpoints.dashboardChildren, {
      query: { indicatorId, unitId: Number(m.new_parent), from: '202401', to: '202412', asOf: '2024-12-31' },
    });
    expect(wrongDate.status).toBe(400);
  });

  it('marks the share of a split commune as apportioned', async () => {
    const split = await sql<{ old_unit_id: number }>`
      select s.old_unit_id from unit_succession s join admin_unit o on o.id = s.old_unit_id
      where o.level = 'commune' and s.kind = 'split' and o.valid_to = '2025-06-30' and s.share is null
      group by 1 having count(*) = 2 order by 1 limit 1`.execute(t.db);
    const oldId = Number(split.rows[0]?.old_unit_id);
    const successors = await t.db
      .selectFrom('unit_succession as s')
      .innerJoin('admin_unit as n', 'n.id', 's.new_unit_id')
      .select(['n.id', 'n.parent_id'])
      .where('s.old_unit_id', '=', oldId)
      .execute();
    const ds = await buildDataSet(t.db, successors[0]?.parent_id as number);
    const [n, d] = ds.elements as [TestElement, TestElement];
    const indicatorId = await buildIndicator(null, n, d);
    await store(n, d, [[oldId, '202403', 9, 10]]);
    for (const successor of successors) {
      const res = await admin.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId, unitId: successor.parent_id as number, from: '2024', to: '2024' } });
      const row = res.body.rows.find((r) => r.unitId === successor.id) as TDashboardRow;
      expect(figures(row)).toEqual({ numerator: 4.5, denominator: 5, value: 90, gap: -5, apportioned: true, hasData: true });
      // both halves land in the same province: its total holds the whole value, no estimate
      if (successors.every((s) => s.parent_id === successor.parent_id)) {
        expect(figures(res.body.total)).toMatchObject({ numerator: 9, denominator: 10, value: 90, apportioned: false });
      }
    }
  });
});

describe('province outlines for the map', () => {
  it('projects the 34 provinces of 2025, keyed by the codes the table rows carry, in a small answer', async () => {
    const res = await admin.call(dashboardEndpoints.provinceOutlines, {});
    expect(res.status).toBe(200);
    expect(res.body.provinces).toHaveLength(34);
    const codes = await t.db.selectFrom('admin_unit').select('code').where('structure', '=', '2025').where('level', '=', 'province').execute();
    // official codes only: other tests of this file add provinces of their own ('T…')
    const official = codes.flatMap((c) => (c.code && /^\d\d$/.test(c.code) ? [c.code] : [])).sort();
    expect(official).toHaveLength(34);
    expect(res.body.provinces.map((p) => p.code).sort()).toEqual(official);
    expect(res.body.provinces.every((p) => /^M[\d. LMhvz-]+z$/.test(p.path))).toBe(true);
    expect(res.body.viewBox).toMatch(/^0 0 600 \d+$/);
    expect(JSON.stringify(res.body).length).toBeLessThan(150_000);
  });
});
