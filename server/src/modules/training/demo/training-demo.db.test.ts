import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETARY_HEAD_PATTERN } from '#contracts/training/rules.ts';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { indicatorFigures } from '#server/modules/indicators/index.ts';
import { unitsModule } from '#server/modules/units/index.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { waitForBackfills } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { trainingModule } from '../index.ts';
import { holdersCode } from '../training-derived.ts';

const TODAY = '2026-12-02';
/** A closed month the demo's monthly backfill writes: its figures are as of its last day. */
const MONTH = '202611';
const AS_OF = '2026-11-30';

let t: TestApp;
let load: DemoLoad;
let province: { id: number; path: string };
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  load = await loadDemo(t.db, [unitsModule, trainingModule]);
  province = await t.db.selectFrom('admin_unit').select(['id', 'path']).where('structure', '=', '2025').where('code', '=', PROVINCE_2025_CODE).executeTakeFirstOrThrow();
}, 600_000);
afterAll(() => t.close());

/**
 * Party-cell secretaries who are village heads on AS_OF and those of them trained within their term, by commune,
 * counted here from the registry and the participants (not through the coverage SQL the derived values use).
 */
async function secretariesByCommune() {
  const roles = await sql<{ person_id: number; commune_id: number; title: string; term_from: string; term_to: string | null }>`
    select r.person_id, c.id as commune_id, r.title, r.term_from::text, r.term_to::text
    from person_role r join organization o on o.id = r.organization_id join admin_unit v on v.id = o.unit_id
    join admin_unit c on c.level = 'commune' and v.path <@ c.path
    where o.type = 'party_cell' and v.path <@ ${province.path}::ltree and r.term_from <= ${AS_OF}::date and (r.term_to is null or r.term_to >= ${AS_OF}::date)
      and (o.founded_on is null or o.founded_on <= ${AS_OF}::date) and (o.dissolved_on is null or o.dissolved_on > ${AS_OF}::date)`.execute(t.db);
  const courses = await sql<{ person_id: number; ends_on: string }>`
    select p.person_id, c.ends_on::text from training_participant p join training_course c on c.id = p.course_id
    where p.completed and c.ends_on <= ${AS_OF}::date and (cardinality(c.target_groups) = 0 or 'cell_secretary_village_head' = any(c.target_groups))`.execute(t.db);
  const lastCourse = new Map<number, string>();
  for (const row of courses.rows) if ((lastCourse.get(Number(row.person_id)) ?? '') < row.ends_on) lastCourse.set(Number(row.person_id), row.ends_on);
  // a person's latest term of the group counts
  const holders = new Map<number, { communeId: number; termFrom: string }>();
  for (const row of roles.rows) {
    if (!SECRETARY_HEAD_PATTERN.test(foldVi(row.title).toLowerCase())) continue;
    const held = holders.get(Number(row.person_id));
    if (!held || held.termFrom < row.term_from) holders.set(Number(row.person_id), { communeId: Number(row.commune_id), termFrom: row.term_from });
  }
  const byCommune = new Map<number, { holders: number; trained: number }>();
  for (const [personId, held] of holders) {
    const counts = byCommune.get(held.communeId) ?? { holders: 0, trained: 0 };
    counts.holders += 1;
    if ((lastCourse.get(personId) ?? '') >= held.termFrom) counts.trained += 1;
    byCommune.set(held.communeId, counts);
  }
  return byCommune;
}

describe('training demo step', () => {
  it('adds the coverage indicators of seeds 000 (i8, i9) and 004 over the derived values, once', async () => {
    expect(load.applied).toContain('training.demo@1');
    const indicators = await sql<{ code: string; numerator: string; denominator: string; target: number }>`
      select code, numerator, denominator, target from indicator where code like 'TH_TL_%' order by id`.execute(t.db);
    expect(indicators.rows).toEqual([
      { code: 'TH_TL_CB_DAN_VAN_TAP_HUAN', numerator: '#{TRN_MOB_TRAINED_PROVINCE}', denominator: '#{TRN_MOB_HOLDERS_PROVINCE}', target: 100 },
      { code: 'TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', numerator: '#{TRN_CSVH_TRAINED_COMMUNE}', denominator: '#{TRN_CSVH_HOLDERS_COMMUNE}', target: 100 },
      { code: 'TH_TL_CB_TINH_HUYEN_TAP_HUAN', numerator: '#{TRN_UPPER_TRAINED_PROVINCE}', denominator: '#{TRN_UPPER_HOLDERS_PROVINCE}', target: 100 },
      { code: 'TH_TL_CB_CO_SO_TAP_HUAN', numerator: '#{TRN_GRASS_TRAINED_COMMUNE}', denominator: '#{TRN_GRASS_HOLDERS_COMMUNE}', target: 80 },
    ]);
    const again = await t.db.transaction().execute((trx) => (trainingModule.demoSteps?.[0] as NonNullable<typeof trainingModule.demoSteps>[number]).run(trx, { today: TODAY }));
    expect(again).toBe(`province ${PROVINCE_2025_CODE} already holds courses`);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from indicator where code like 'TH_TL_%'`.execute(t.db)).rows[0]?.n)).toBe(4);
  });

  it('i9 by commune is the share counted from the records; communes differ; the province adds them up', async () => {
    for (const group of ['cell_secretary_village_head', 'mobilisation_cadre', 'grassroots_cadre'] as const) {
      await waitForBackfills(t.db, holdersCode(group, 'commune'));
    }
    const expected = await secretariesByCommune();
    const communes = [...expected.keys()].sort((a, b) => a - b);
    expect(communes.length).toBeGreaterThan(20);
    const codes = ['TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', 'TH_TL_CB_DAN_VAN_TAP_HUAN', 'TH_TL_CB_CO_SO_TAP_HUAN'];
    const figures = await indicatorFigures(t.db, { all: true }, { indicatorCodes: codes, unitIds: [province.id, ...communes], provinceOf: province.id, view: 'current', groups: { [MONTH]: [MONTH] } });
    const values = new Set<number | null>();
    for (const communeId of communes) {
      const counts = expected.get(communeId) as { holders: number; trained: number };
      const figure = figures.figure('TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', communeId, MONTH);
      expect([figure.numerator, figure.denominator], `commune ${communeId}`).toEqual([counts.trained, counts.holders]);
      expect(figure.value).toBe(Math.round((1000 * counts.trained) / counts.holders) / 10);
      values.add(figure.value);
    }
    // communes differ: some have trained every secretary, some far fewer
    expect(values.size).toBeGreaterThan(5);
    expect([...values].some((v) => v === 100)).toBe(true);
    expect([...values].some((v) => v !== null && v < 70)).toBe(true);
    const total = [...expected.values()].reduce((sum, c) => ({ holders: sum.holders + c.holders, trained: sum.trained + c.trained }), { holders: 0, trained: 0 });
    const whole = figures.figure('TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN', province.id, MONTH);
    expect([whole.numerator, whole.denominator]).toEqual([total.trained, total.holders]);
    // i8 over the province's own values: some cadres overdue; seed 004's grassroots cadres differ by commune
    const i8 = figures.figure('TH_TL_CB_DAN_VAN_TAP_HUAN', province.id, MONTH).value;
    expect(i8).toBeGreaterThan(30);
    expect(i8).toBeLessThan(100);
    const grassroots = new Set(communes.map((id) => figures.figure('TH_TL_CB_CO_SO_TAP_HUAN', id, MONTH).value).filter((v) => v !== null));
    expect(grassroots.size).toBeGreaterThan(3);
  }, 600_000);
});
