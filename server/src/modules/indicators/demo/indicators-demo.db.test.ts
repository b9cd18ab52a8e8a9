import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { RETURN_REASON } from './demo-catalogue.ts';

/** On PGlite the demo's derived-value backfill (every registered value since 2019) holds the one connection for minutes. */
const DEMO_BACKFILL_MS = 300_000;

/** The demo's clock in this test: the last month is November 2026 (due 5 December, locked after the 15th). */
const TODAY = '2026-12-02';

let t: TestApp;
let load: DemoLoad;
let seconds: number;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  load = await loadDemo(t.db);
  seconds = Number(/indicators\.demo v1: .*? in ([\d.]+) s/.exec(load.summary)?.[1]);
}, 300_000);
afterAll(() => t.close());

const signIn = async (username: string) => {
  const client = new TestClient(t.baseUrl);
  expect((await client.login(username, DEMO_PASSWORD)).status).toBe(200);
  return client;
};

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows[0] as T;
const idOf = async (table: 'data_set' | 'data_element', code: string) => (await one(sql<{ id: number }>`select id from ${sql.table(table)} where code = ${code}`)).id;
const unitId = async (structure: string, code: string) => (await one(sql<{ id: number }>`select id from admin_unit where structure = ${structure} and code = ${code}`)).id;

describe('indicators demo step (Quảng Trị 44, reports 202501–202611 and years 2024–2025)', () => {
  it('runs once, after the units steps, in a few seconds', async () => {
    expect(load.applied).toEqual(['foundation@1', 'province-44-whole@1', 'indicators.demo@1', 'indicators.derived-demo@1', 'programmes.demo@1', 'petitions.demo@1', 'reception.demo@1', 'emulation.demo@1', 'emulation.commitments-demo@1', 'surveys.demo@1', 'grassroots.demo@1', 'grassroots.briefings@1', 'training.demo@1', 'sentiment.demo@1']);
    // the same on every database on this day (seeded generator): PGlite and PostgreSQL alike
    expect(load.summary).toContain(
      'indicators.demo v1: 2 data sets, 5 indicators; 3024 reports 202501–202611 and years 2024–2025 (2987 approved, 17 waiting for review, ' +
        '18 draft, 253 late, 132 returned for correction, 2 of them not corrected yet), 42776 values + 260 corrections in ',
    );
    console.log(`indicators.demo: ${seconds} s (${load.summary.split('; indicators.demo v1: ')[1]})`);
    expect(seconds).toBeGreaterThan(0);
  });

  it('defines the two forms of the province with their rules, the field disaggregation and the seeds’ indicators', async () => {
    const officer = await signIn('xa.hai-lang');
    const sets = await officer.call(metadataEndpoints.listDataSets, {});
    expect(sets.status).toBe(200);
    const byCode = new Map(sets.body.map((set) => [set.code, set]));
    expect(byCode.get('BCDV-THANG')).toMatchObject({ name: 'Báo cáo công tác dân vận', periodType: 'monthly', dueDays: 5, lockDays: 15, ownerUnitName: 'Tỉnh Quảng Trị', levels: ['commune'] });
    expect(byCode.get('BCDV-NAM')).toMatchObject({ name: 'Báo cáo năm về dân vận ở cơ sở', periodType: 'yearly', dueDays: 15, lockDays: 45, levels: ['village'] });
    expect(byCode.get('BCDV-THANG')?.elements).toHaveLength(9);
    expect(byCode.get('BCDV-THANG')?.rules.map((r) => [r.code, r.severity])).toEqual([
      ['DV_R_DON_GIAI_QUYET', 'error'],
      ['DV_R_HO_SO_DUNG_HAN', 'error'],
      ['DV_R_NGAY_CO_SO', 'warning'],
    ]);
    const elements = await officer.call(metadataEndpoints.listDataElements, {});
    const received = elements.body.find((e) => e.code === 'DV_DON_TIEP_NHAN');
    expect(received?.optionCombos.map((c) => [c.code, c.name])).toEqual([
      ['LINH_VUC_DAT_DAI', 'Đất đai'],
      ['LINH_VUC_CHINH_SACH_XA_HOI', 'Chính sách xã hội'],
      ['LINH_VUC_KHAC', 'Khác'],
    ]);
    const indicators = await sql<{ code: string; target: number }>`select code, target from indicator order by id`.execute(t.db);
    expect(indicators.rows).toEqual([
      { code: 'DV_TL_DON_GIAI_QUYET', target: 85 },
      { code: 'DV_TL_HO_SO_DUNG_HAN', target: 100 },
      { code: 'DV_BQ_MO_HINH_TU_QUAN', target: 2 },
      { code: 'DV_TL_THON_HOA_GIAI', target: 80 },
      { code: 'DV_BQ_NGAY_CO_SO', target: 3 },
      // the petitions demo's rate from the cases themselves (seed 000 i2 counted from records, not typed in a report)
      { code: 'PET_TL_GIAI_QUYET_KNTC', target: 85 },
      // the emulation demo's villages with self-management models (seed 000 i6, seed 003 (7)) over derived values
      { code: 'EMU_TL_THON_2_MH_TU_QUAN', target: 100 },
      { code: 'EMU_TL_THON_4_MH_TU_QUAN', target: 100 },
      // the grassroots demo's field days counted from the visits (seed 000 i7: cadres with ≥ 3 days a month; days per cadre)
      { code: 'GR_TL_CB_DI_CO_SO_3_NGAY', target: 100 },
      { code: 'GR_BQ_NGAY_DI_CO_SO', target: 3 },
      // the grassroots demo's briefings of blocs and teams: held on time, attendance (over derived values)
      { code: 'GB_TL_GIAO_BAN_DUNG_KY', target: 100 },
      { code: 'GB_TL_DU_GIAO_BAN', target: 90 },
      // the training demo's coverage (seed 000 i8, i9; seed 004's 100 % and 80 %) over derived values
      { code: 'TH_TL_CB_DAN_VAN_TAP_HUAN', target: 100 },
      { code: 'TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', target: 100 },
      { code: 'TH_TL_CB_TINH_HUYEN_TAP_HUAN', target: 100 },
      { code: 'TH_TL_CB_CO_SO_TAP_HUAN', target: 80 },
    ]);
  }, DEMO_BACKFILL_MS);

  it('expects 264 communes a month before the reform (Quảng Trị 119 + Quảng Bình 145) and 78 after; old months are all approved, some late', async () => {
    const province = await signIn('tinh.qt');
    const monthly = await idOf('data_set', 'BCDV-THANG');
    const at = async (period: string) => (await province.call(reportEndpoints.completeness, { query: { dataSetId: monthly, period } })).body;
    for (const [period, expected] of [['202503', 264], ['202506', 264], ['202507', 78], ['202609', 78]] as const) {
      const c = await at(period);
      expect(c.expected, period).toBe(expected);
      expect(c.approved, period).toBe(c.submitted);
      expect(c.submitted + c.missing, period).toBe(expected);
      expect(c.missing, period).toBeLessThan(expected * 0.06);
      expect(c.late, period).toBe(c.units.filter((u) => u.report?.onTime === false).length);
    }
    const reports = await one(sql<{ late: number; returned: number; total: number }>`
      select count(*) filter (where on_time = false)::int as late, count(*)::int as total,
        count(*) filter (where exists (select 1 from workflow_transition w where w.province_id = r.province_id
          and w.entity_type = 'indicator_report' and w.entity_id = r.id::text and w.to_state = 'returned'))::int as returned
      from report r where data_set_id = ${monthly}`);
    expect(reports.late / reports.total).toBeGreaterThan(0.05);
    expect(reports.late / reports.total).toBeLessThan(0.11);
    expect(reports.returned).toBeGreaterThan(20);

    // the last month: partly sent, partly draft, partly not begun; the story communes have no report yet
    const last = await at('202611');
    expect(last.expected).toBe(78);
    const states = last.units.map((u) => u.report?.state ?? 'none');
    for (const state of ['submitted', 'draft', 'none']) expect(states, state).toContain(state);
    expect(states).not.toContain('approved');
    const story = last.units.filter((u) => u.name === 'Xã Tà Rụt' || u.name === 'Xã Hải Lăng');
    expect(story.map((u) => [u.name, u.report])).toEqual([
      ['Xã Hải Lăng', null],
      ['Xã Tà Rụt', null],
    ]);
    // the month before: a few sent back for correction and not sent again yet
    expect((await at('202610')).returned).toBeGreaterThan(0);
  });

  it('yearly: 2024 reported by old Quảng Trị communes for their villages, 2025 by the 78 communes; one row per village', async () => {
    const yearly = await idOf('data_set', 'BCDV-NAM');
    const element = await idOf('data_element', 'DV_THON_HOA_GIAI');
    const rows = await sql<{ period: string; reports: number; villages: number; values: number; effective: number }>`
      select r.period, count(*)::int as reports,
        sum((select count(*) from admin_unit v where v.parent_id = r.unit_id and v.level = 'village'
          and (v.valid_from is null or v.valid_from <= (r.period || '-12-31')::date) and (v.valid_to is null or v.valid_to >= (r.period || '-12-31')::date)))::int as villages,
        (select count(*)::int from data_value d where d.period = r.period and d.data_element_id = ${element}) as values,
        (select sum(num)::int from data_value d where d.period = r.period and d.data_element_id = ${element}) as effective
      from report r where r.data_set_id = ${yearly} group by r.period order by r.period`.execute(t.db);
    const [y2024, y2025] = rows.rows;
    expect([y2024?.period, y2025?.period]).toEqual(['2024', '2025']);
    // 125 communes have villages on 31/12/2024 (the six merged on 1/1/2025 still stood; the Quảng Bình side has
    // none before 2025 in the demo), 78 in 2025
    expect(y2024?.reports).toBeGreaterThan(115);
    expect(y2024?.reports).toBeLessThanOrEqual(125);
    expect(y2025?.reports).toBeGreaterThan(72);
    expect(y2025?.reports).toBeLessThanOrEqual(78);
    for (const year of [y2024, y2025]) {
      expect(year?.values, year?.period).toBe(year?.villages);
      expect((year?.effective ?? 0) / (year?.villages ?? 1)).toBeGreaterThan(0.7);
    }
    expect(y2024?.villages).toBeGreaterThan(1000);
    expect(y2025?.villages).toBeGreaterThan(1800);
  });

  it('keeps totals: the province figure of a month is the sum of its communes’ values, in both views', async () => {
    const element = await idOf('data_element', 'DV_DON_TIEP_NHAN');
    const province44 = await unitId('2025', '44');
    const province45 = await unitId('2019', '45');
    const total = (view: string, unit: number, period: string) =>
      one(sql<{ sum: number; n: number }>`select coalesce(sum(sum), 0)::int as sum, coalesce(sum(n_values), 0)::int as n from data_total
        where province_id = ${province44} and view = ${view} and unit_id = ${unit} and period = ${period} and data_element_id = ${element}`);
    const entered = (period: string, under: number | null) =>
      one(sql<{ sum: number; n: number }>`select coalesce(sum(v.num), 0)::int as sum, count(*)::int as n from data_value v join admin_unit u on u.id = v.unit_id
        where v.province_id = ${province44} and v.period = ${period} and v.data_element_id = ${element} and not v.deleted
          and (${under}::bigint is null or u.path <@ (select path from admin_unit where id = ${under}))`);
    const after = await entered('202608', null);
    expect(after.sum).toBeGreaterThan(300);
    expect(await total('current', province44, '202608')).toEqual(after);
    // before the reform: today's province holds both old provinces; the old Quảng Trị holds its own communes
    const before = await entered('202503', null);
    expect(await total('current', province44, '202503')).toEqual(before);
    const oldQuangTri = await entered('202503', province45);
    expect(oldQuangTri.n).toBeLessThan(before.n);
    expect(await total('entered', province45, '202503')).toEqual(oldQuangTri);
  });

  it('a returned report shows who sent it back and why, and the corrected value keeps its earlier figure', async () => {
    const province = await signIn('tinh.qt');
    const returned = await one(sql<{ id: string; unit_id: number; period: string }>`
      select r.id, r.unit_id, r.period from report r join admin_unit u on u.id = r.unit_id and u.structure = '2025'
      where r.state = 'approved' and exists (select 1 from workflow_transition w where w.province_id = r.province_id
        and w.entity_type = 'indicator_report' and w.entity_id = r.id::text and w.to_state = 'returned')
      order by r.period, u.code limit 1`);
    const report = await province.call(reportEndpoints.getReport, { params: { id: returned.id } });
    expect(report.status).toBe(200);
    expect(report.body.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      ['draft', 'submitted', null],
      ['submitted', 'returned', RETURN_REASON],
      ['returned', 'submitted', null],
      ['submitted', 'approved', null],
    ]);
    const ats = report.body.history.map((h) => h.at);
    expect(ats).toEqual([...ats].sort());
    // all before the demo's today began in Vietnam (00:00 +07:00)
    expect(ats.every((at) => at < '2026-12-01T17:00:00.000Z')).toBe(true);

    const resolved = await idOf('data_element', 'DV_DON_GIAI_QUYET');
    const received = await idOf('data_element', 'DV_DON_TIEP_NHAN');
    const land = (await one(sql<{ id: number }>`select id from category_option_combo where code = 'LINH_VUC_DAT_DAI'`)).id;
    const history = await province.call(reportEndpoints.valueHistory, { query: { unitId: returned.unit_id, period: returned.period, dataElementId: resolved, cocId: land } });
    expect(history.status).toBe(200);
    expect(history.body.map((h) => [h.version, h.source])).toEqual([
      [2, 'demo'],
      [1, 'demo'],
    ]);
    const form = await province.call(reportEndpoints.getForm, { params: { dataSetId: await idOf('data_set', 'BCDV-THANG') }, query: { unitId: returned.unit_id, period: returned.period } });
    const receivedLand = form.body.values.find((v) => v.dataElementId === received && v.cocId === land)?.num ?? -1;
    const [now, before] = history.body;
    expect(Number(before?.newValue)).toBeGreaterThan(receivedLand);
    expect(Number(now?.newValue)).toBeLessThanOrEqual(receivedLand);
    expect((now?.at ?? '').slice(0, 10) > (before?.at ?? '').slice(0, 10)).toBe(true);
  });

  it('does nothing the second time', async () => {
    // values entered in reports only: the derived values' backfill the demo queued may still be writing in the job worker
    const count = async () =>
      one(sql<{ reports: number; values: number }>`select (select count(*)::int from report) as reports,
        (select count(*)::int from data_value v join data_element e on e.id = v.data_element_id where e.source <> 'derived') as values`);
    const before = await count();
    expect((await loadDemo(t.db)).applied).toEqual([]);
    expect(await count()).toEqual(before);
  });

  it('leaves the last month to xa.hai-lang: the empty form is open, with last month beside it, and it can be sent', async () => {
    const commune = await signIn('xa.hai-lang');
    const haiLang = await unitId('2025', '19702');
    const dataSetId = await idOf('data_set', 'BCDV-THANG');
    const form = await commune.call(reportEndpoints.getForm, { params: { dataSetId }, query: { unitId: haiLang, period: '202611' } });
    expect(form.status).toBe(200);
    expect([form.body.report, form.body.values, form.body.editable, form.body.period.due]).toEqual([null, [], true, '2026-12-05']);
    expect(form.body.previous).toHaveLength(13);
    const put = await commune.call(reportEndpoints.putValues, {
      body: {
        dataSetId,
        unitId: haiLang,
        period: '202611',
        values: form.body.previous.map((v) => ({ writeId: uuidv7(), unitId: haiLang, dataElementId: v.dataElementId, cocId: v.cocId, value: String(v.num) })),
      },
    });
    expect(put.status).toBe(200);
    expect(put.body.violations.filter((v) => v.severity === 'error')).toEqual([]);
    const sent = await commune.call(reportEndpoints.transitionReport, { params: { id: put.body.report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    expect([sent.status, sent.body.state, sent.body.onTime]).toEqual([200, 'submitted', true]);
  });
});
