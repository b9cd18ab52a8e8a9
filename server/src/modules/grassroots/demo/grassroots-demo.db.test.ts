import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { indicatorFigures } from '#server/modules/indicators/index.ts';
import { unitsModule } from '#server/modules/units/index.ts';
import { signIn } from '#test/factories-people.ts';
import { waitForBackfills } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { GRASSROOTS_DERIVED_CODES } from '../figures/field-days.ts';
import { grassrootsModule } from '../index.ts';

const TODAY = '2026-12-02';
let t: TestApp;
let load: DemoLoad;
let provinceId: number;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  load = await loadDemo(t.db, [unitsModule, grassrootsModule]);
  provinceId = (await t.db.selectFrom('admin_unit').select('id').where('structure', '=', '2025').where('code', '=', PROVINCE_2025_CODE).executeTakeFirstOrThrow()).id;
}, 600_000);
afterAll(() => t.close());

describe('grassroots demo step', () => {
  it('two years of visits in Quảng Trị, communes differing: some below 3 days a month, most above', async () => {
    expect(load.applied).toContain('grassroots.demo@1');
    const span = (await sql<{ first: string; last: string; n: number }>`select min(from_date)::text as first, max(to_date)::text as last, count(*)::int as n from field_visit where province_id = ${provinceId}`.execute(t.db)).rows[0];
    expect(span?.first.slice(0, 7)).toBe('2024-12');
    expect((span?.last ?? '') <= TODAY).toBe(true);
    expect(Number(span?.n)).toBeGreaterThan(1000);
    const leader = await signIn(t.baseUrl, t.db, { unitId: provinceId, roles: ['leader'] });
    const november = await leader.call(grassrootsEndpoints.fieldDays, { query: { month: '2026-11' } });
    expect(november.status).toBe(200);
    const communes = november.body.units.filter((u) => u.level === 'commune' && u.cadres > 0);
    expect(communes.length).toBeGreaterThan(10);
    const below = communes.filter((u) => (u.share ?? 0) < 50);
    const above = communes.filter((u) => (u.share ?? 0) >= 50);
    expect(below.length).toBeGreaterThan(communes.length / 6);
    expect(above.length).toBeGreaterThan(communes.length / 3);
    expect(november.body.total.committeeAtCellMeetings).toBeGreaterThan(0);
    // a second run adds nothing
    const again = await t.db.transaction().execute((trx) => (grassrootsModule.demoSteps?.[0] as NonNullable<typeof grassrootsModule.demoSteps>[number]).run(trx, { today: TODAY }));
    expect(again).toBe('field visits already present');
  }, 480_000);

  it('seed 000 i7 as an indicator over the figures: the share of cadres with ≥ 3 days and days per cadre equal the field-days page, by commune and for the province', async () => {
    for (const code of GRASSROOTS_DERIVED_CODES) await waitForBackfills(t.db, code);
    const leader = await signIn(t.baseUrl, t.db, { unitId: provinceId, roles: ['leader'] });
    const page = (await leader.call(grassrootsEndpoints.fieldDays, { query: { month: '2026-11' } })).body;
    const communes = page.units.filter((u) => u.level === 'commune' && u.cadres > 0);
    const codes = ['GR_TL_CB_DI_CO_SO_3_NGAY', 'GR_BQ_NGAY_DI_CO_SO'];
    const figures = await indicatorFigures(t.db, { all: true }, { indicatorCodes: codes, unitIds: [provinceId, ...communes.map((u) => u.unitId)], provinceOf: provinceId, view: 'current', groups: { '202611': ['202611'] } });
    for (const unit of communes) {
      const share = figures.figure('GR_TL_CB_DI_CO_SO_3_NGAY', unit.unitId, '202611');
      expect([share.numerator, share.denominator], unit.unitName).toEqual([unit.meeting, unit.cadres]);
      expect(share.value, unit.unitName).toBe(unit.share);
      expect(figures.figure('GR_BQ_NGAY_DI_CO_SO', unit.unitId, '202611').value, unit.unitName).toBe(Math.round((10 * unit.fieldDays) / unit.cadres) / 10);
    }
    // the province: its communes' cadres and its own bodies' (the page's total over every unit listed)
    const whole = figures.figure('GR_TL_CB_DI_CO_SO_3_NGAY', provinceId, '202611');
    expect([whole.numerator, whole.denominator]).toEqual([page.total.meeting, page.total.cadres]);
    expect(whole.value).toBeGreaterThan(20);
    expect(whole.value).toBeLessThan(100);
  }, 480_000);

  it('two years of briefings of its blocs and teams, some missed, communes differing', async () => {
    expect(load.applied).toContain('grassroots.briefings@1');
    const span = (await sql<{ first: string; last: string; held: number; notHeld: number; bad: number }>`
      select min(period) as first, max(held_on)::text as last, count(*) filter (where held)::int as held, count(*) filter (where not held)::int as "notHeld",
        count(*) filter (where held and (members = 0 or attended > members))::int as bad
      from briefing where province_id = ${provinceId}`.execute(t.db)).rows[0];
    expect(span?.first.slice(0, 7)).toBe('2024-12');
    expect((span?.last ?? '') <= TODAY).toBe(true);
    expect(Number(span?.held)).toBeGreaterThan(5000);
    expect(Number(span?.notHeld)).toBeGreaterThan(100);
    expect(Number(span?.bad)).toBe(0);
    const leader = await signIn(t.baseUrl, t.db, { unitId: provinceId, roles: ['leader'] });
    const year = await leader.call(grassrootsEndpoints.listBriefings, { query: { type: 'commune_bloc' } });
    expect(year.status).toBe(200);
    const blocs = year.body.bodies.filter((b) => b.periods.length === 12);
    expect(blocs.length).toBeGreaterThan(20);
    const share = (b: (typeof blocs)[number]) => b.periods.filter((p) => p.status === 'held').length / b.periods.filter((p) => p.status !== 'open').length;
    // the blocs' running month is open; communes differ: some hold nearly all, some miss many
    expect(blocs.every((b) => b.periods.at(-1)?.status === 'open')).toBe(true);
    expect(blocs.filter((b) => share(b) >= 0.9).length).toBeGreaterThan(blocs.length / 4);
    expect(blocs.filter((b) => share(b) < 0.7).length).toBeGreaterThan(blocs.length / 10);
    expect(year.body.total.attendanceRate).toBeGreaterThan(60);
    const quarterly = await sql<{ n: number }>`select count(*)::int as n from briefing_schedule where recurrence = 'quarterly'`.execute(t.db);
    expect(Number(quarterly.rows[0]?.n)).toBeGreaterThan(0);
    const again = await t.db.transaction().execute((trx) => (grassrootsModule.demoSteps?.[1] as NonNullable<typeof grassrootsModule.demoSteps>[number]).run(trx, { today: TODAY }));
    expect(again).toBe('briefings already present');
  }, 480_000);
});
