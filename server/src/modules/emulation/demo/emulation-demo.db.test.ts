import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, type DemoLoad } from '#server/demo/load-demo.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { unitsModule } from '#server/modules/units/index.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { emulationModule } from '../index.ts';
import { emulationDerivedValues, villagesSelfManagementCode } from '../figures/index.ts';
import { demoPhoto } from './demo-photo.ts';
import { laterYear, PHOTO_JOB, SHOWCASE_COMMUNE_CODE } from './emulation-demo-step.ts';

const TODAY = '2026-12-02';
let t: TestApp;
let load: DemoLoad;
let provinceId: number;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  load = await loadDemo(t.db, [unitsModule, emulationModule]);
  provinceId = (await t.db.selectFrom('admin_unit').select('id').where('structure', '=', '2025').where('code', '=', PROVINCE_2025_CODE).executeTakeFirstOrThrow()).id;
}, 600_000);
afterAll(() => t.close());

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows;
const one = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await rows(query))[0]?.n);

/** Waits for the emulation demo's jobs of a kind to finish (the test app's worker runs them; other steps' backfills aside). */
async function jobsDone(kind: string, timeoutMs = 480_000) {
  const ours = sql`kind = ${kind} and (kind <> 'indicators.derived-backfill' or payload->'codes' ? 'emulation.villages_self_management_2')`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = await one(sql<{ n: number }>`select count(*)::int as n from job where ${ours} and status not in ('succeeded', 'failed')`);
    if (pending === 0) break;
    if (Date.now() > deadline) throw new Error(`${kind} jobs still running`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(await one(sql<{ n: number }>`select count(*)::int as n from job where ${ours} and status = 'failed'`)).toBe(0);
}

describe('emulation demo step (Quảng Trị: "Năm Dân vận khéo 2020" and a later year)', () => {
  it('holds a few hundred models across fields and levels, with replicas, whole histories and photos', async () => {
    expect(load.applied).toContain('emulation.demo@1');
    const total = await one(sql<{ n: number }>`select count(*)::int as n from emulation_model where province_id = ${provinceId}`);
    expect(total).toBeGreaterThan(250);
    expect(total).toBeLessThan(600);
    expect(load.summary).toContain(`${total} models (`);
    const byLevel = Object.fromEntries(
      (await rows(sql<{ level: string | null; n: number }>`select recognised_level as level, count(*)::int as n from emulation_model where province_id = ${provinceId} group by 1`)).map((r) => [r.level ?? 'none', r.n]),
    );
    expect(byLevel.commune).toBeGreaterThan(100);
    expect(byLevel.district).toBeGreaterThan(10);
    expect(byLevel.province).toBeGreaterThan(10);
    expect(byLevel.none).toBeGreaterThan(20);
    const fields = await rows(sql<{ field: string }>`select distinct field from emulation_model where province_id = ${provinceId} order by 1`);
    expect(fields.map((r) => r.field)).toEqual(['culture_society', 'defence_security', 'economy', 'party_building']);
    // district recognitions only before the reform, on 2019 units; nothing dated after today
    expect(await one(sql<{ n: number }>`select count(*)::int as n from emulation_model where recognised_level = 'district' and recognised_on > '2025-06-30'`)).toBe(0);
    expect(await one(sql<{ n: number }>`select count(*)::int as n from emulation_model_step where on_date > ${TODAY}::date`)).toBe(0);
    // the two campaigns: seed 002's of 2020 and the later year's
    const campaigns = await rows(sql<{ year: number; n: number }>`select c.year, count(m.id)::int as n from emulation_campaign c join emulation_model m on m.campaign_id = c.id group by c.year order by 1`);
    expect(campaigns.map((c) => c.year)).toEqual([2020, laterYear(TODAY)]);
    for (const c of campaigns) expect(c.n).toBeGreaterThan(80);

    // replicas: each names an existing origin of another unit, and the origin records the replication
    const replicas = await rows(sql<{ id: string; unit_id: number; origin_unit: number | null; recorded: number }>`
      select r.id, r.unit_id, o.unit_id as origin_unit,
        (select count(*)::int from emulation_model_step s where s.province_id = o.province_id and s.model_id = o.id and s.step = 'replicated' and s.details->>'replicaModelId' = r.id::text) as recorded
      from emulation_model r left join emulation_model o on o.province_id = r.origin_province_id and o.id = r.origin_model_id
      where r.province_id = ${provinceId} and r.origin_model_id is not null`);
    expect(replicas.length).toBeGreaterThan(30);
    for (const r of replicas) {
      expect(r.origin_unit).not.toBeNull();
      expect(r.origin_unit).not.toBe(r.unit_id);
      expect(r.recorded).toBe(1);
    }

    // histories: steps 1..version, registered first; the status, level and date are those of the last steps
    const broken = await rows(sql<{ id: string }>`
      select m.id from emulation_model m
      where m.province_id = ${provinceId} and (
        m.version <> (select count(*) from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id)
        or (select s.step from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id and s.seq = 1) <> 'registered'
        or m.status <> (select s.to_status from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id and s.to_status is not null order by s.seq desc limit 1)
        or m.recognised_on is distinct from (select max(s.on_date) from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id and s.step = 'recognised')
        or m.recognised_level is distinct from (select s.details->>'level' from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id and s.step = 'recognised' order by s.seq desc limit 1))`);
    expect(broken).toEqual([]);
    // a public review records its vote
    const review = (await rows(sql<{ details: Record<string, number> }>`select details from emulation_model_step where step = 'reviewed' limit 1`))[0];
    expect((review?.details.votesFor ?? 0) + (review?.details.votesAgainst ?? 0) + (review?.details.votesAbstain ?? 0)).toBe(review?.details.participantCount);
    // published: exactly the models the province recognised
    expect(await one(sql<{ n: number }>`select count(*)::int as n from emulation_model where province_id = ${provinceId} and (published_at is not null) <> (recognised_level = 'province' and status <> 'withdrawn')`)).toBe(0);

    // the showcase commune (xã Hải Lăng) holds a province-recognised model and a replica
    const showcase = await rows(sql<{ level: string | null; replica: boolean }>`
      select m.recognised_level as level, m.origin_model_id is not null as replica from emulation_model m join admin_unit u on u.id = m.unit_id
      where u.structure = '2025' and u.code = ${SHOWCASE_COMMUNE_CODE}`);
    expect(showcase.some((m) => m.level === 'province')).toBe(true);
    expect(showcase.some((m) => m.replica)).toBe(true);

    // photos: attachments of models whose bytes the photo job wrote to the file store
    await jobsDone(PHOTO_JOB);
    const photos = await rows(sql<{ owner_id: string; sha256: string; size_bytes: number }>`select owner_id, sha256, size_bytes from attachment where owner_type = 'emulation_model' and province_id = ${provinceId}`);
    expect(photos.length).toBeGreaterThan(60);
    for (const photo of photos.slice(0, 20)) {
      const bytes = await t.files.get(photo.sha256);
      expect(bytes?.length).toBe(photo.size_bytes);
    }
    expect(demoPhoto(1).length).toBeGreaterThan(100);
  }, 600_000);

  it('figures: villages with 2 / 4 effective self-management models, agencies that built and replicated one, recognised models in the totals', async () => {
    const value = (code: string) => {
      const found = emulationDerivedValues.find((v) => v.code === code);
      if (!found) throw new Error(code);
      return found;
    };
    const sum = async (code: string) => (await value(code).compute(t.db, { provinceId, asOf: TODAY })).reduce((s, v) => s + v.value, 0);
    // the demo founds 24 villages' groups: 6 with four, 18 with two, each group's model recognised by its commune
    expect(await sum(villagesSelfManagementCode(2))).toBe(24);
    expect(await sum(villagesSelfManagementCode(4))).toBe(6);
    expect(await sum('emulation.agencies_built_replicated_province')).toBeGreaterThan(0);
    // recognised by the province, per field: the figure equals the models counted in SQL (placed in communes of today's province)
    const raw = Object.fromEntries(
      (await rows(sql<{ field: string; n: number }>`
        select m.field, count(*)::int as n from emulation_model m join admin_unit u on u.id = m.unit_id
        where m.province_id = ${provinceId} and m.recognised_level = 'province' and m.status <> 'withdrawn' and u.level = 'commune'
          and (u.valid_to is null or exists (select 1 from unit_succession s where s.old_unit_id = u.id)) group by 1`)).map((r) => [r.field, r.n]),
    );
    for (const field of ['economy', 'culture_society', 'defence_security', 'party_building']) {
      expect(await sum(`emulation.recognised_province_${field}`)).toBe(raw[field] ?? 0);
    }

    // the backfill stored them: the province's total of the year equals the computed sum
    await jobsDone('indicators.derived-backfill');
    const year = String(laterYear(TODAY));
    const total = async (code: string, period: string) =>
      Number(
        (await rows(sql<{ sum: number }>`
          select t.sum from data_total t join data_element e on e.id = t.data_element_id
          where t.province_id = ${provinceId} and t.unit_id = ${provinceId} and t.view = 'current' and e.derived_code = ${code} and t.period = ${period}`))[0]?.sum ?? 0,
      );
    expect(await total(villagesSelfManagementCode(2), year)).toBe(24);
    expect(await total('emulation.recognised_province_economy', year)).toBe(await sum('emulation.recognised_province_economy'));
    const indicator = await t.db.selectFrom('indicator').select(['numerator', 'denominator', 'target']).where('code', '=', 'EMU_TL_THON_2_MH_TU_QUAN').executeTakeFirstOrThrow();
    expect(indicator).toEqual({ numerator: '#{EMU_VILLAGES_SELF_MANAGEMENT_2}', denominator: '#{UNITS_VILLAGES}', target: 100 });

    // loaded once: a second load changes nothing
    expect((await loadDemo(t.db, [unitsModule, emulationModule])).applied).toEqual([]);
  }, 600_000);
});
