/**
 * The emulation part of the national seed (issue 15 "Performance"): ≈ BENCH_MODELS "Dân vận khéo" models (default
 * 150,000) over the 34 provinces of 2025 in proportion to their population, registered 2019-03-01 … today, one
 * set-based INSERT … SELECT generate_series per province (skipped for a province that holds models, so an
 * interrupted seed resumes). Every value derives from hashes of the province and the row number, so every seed
 * gives the same data. Shares: fields evenly; 12 % individual; statuses 8 % registered, 14 % building, 10 %
 * reviewed, 55 % recognised, 8 % commended, 5 % withdrawn; recognised at commune 70 %, district 15 % (only for
 * models recognised before 2025-07-01), province 13 %, central 2 %; every tenth model a replica of an earlier one of
 * its province. Simplifications (stated in RESULTS.md): models sit on 2025 communes whatever their date, no owners,
 * no history steps, no photos. `node --import tsx bench/emulation.seed.ts` alone (after the units), or from a script.
 */
import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';
import { clock } from '#server/shared/clock.ts';
import { benchTarget, openBenchDatabase } from './db.ts';
import { POPULATION_2025 } from './petitions.seed.ts';

const TITLES = [
  'to hop tac trong rau an toan', 'dan van kheo trong don dien doi thua', 'duong hoa nong thon moi', 'thap sang duong que', 'ngay chu nhat xanh',
  'camera an ninh khu dan cu', 'dong ho khong co nguoi vi pham phap luat', 'to tu quan an ninh trat tu', 'dang vien phu trach ho',
  'bo phan mot cua than thien', 'noi chao tinh thuong', 'tu sach phap luat cong dong', 'nuoi ong duoi tan rung', 'canh dong lua huu co',
];

/** The models of one province: one statement. */
async function insertProvinceModels(db: Database, province: { id: number; code: string; path: string }, count: number, today: string) {
  await sql`
    with communes as (select array_agg(id order by id) as ids from admin_unit where path <@ ${province.path}::ltree and level = 'commune' and structure = '2025'),
    rows as (
      select g, c.ids as communes,
        abs(hashint8extended(g, ${province.id})) as h1, abs(hashint8extended(g, ${province.id} + 1000)) as h2,
        abs(hashint8extended(g, ${province.id} + 2000)) as h3,
        -- the model this one replicates: every tenth model, of an earlier row of the province
        case when g % 10 = 0 then g / 10 end as o
      from generate_series(1, ${count}::bigint) g, communes c
    ),
    dated as (
      select r.*, (date '2019-03-01' + (r.h1 % (${today}::date - date '2019-03-01' + 1))::int) as started_on,
        case when r.o is null then null else (date '2019-03-01' + (abs(hashint8extended(r.o, ${province.id})) % (${today}::date - date '2019-03-01' + 1))::int) end as o_started
      from rows r
    ),
    drawn as (
      select d.*, (array['economy', 'culture_society', 'defence_security', 'party_building'])[1 + d.h2 % 4] as field,
        case when (d.h2 / 4) % 100 < 12 then 'individual' else 'collective' end as kind,
        case when d.h3 % 100 < 8 then 'registered' when d.h3 % 100 < 22 then 'building' when d.h3 % 100 < 32 then 'reviewed'
             when d.h3 % 100 < 87 then 'recognised' when d.h3 % 100 < 95 then 'commended' else 'withdrawn' end as status,
        least(${today}::date, d.started_on + 120 + ((d.h3 / 100) % 200)::int) as recognised_on,
        (d.h3 / 100000) % 100 as level_draw,
        d.communes[1 + (d.h1 / 7) % array_length(d.communes, 1)] as unit_id
      from dated d
    ),
    id_of as (
      select x.*,
        (lpad(to_hex((extract(epoch from x.started_on) * 1000)::bigint), 12, '0') || '7' || substr(md5(${province.id} || ':' || x.g), 1, 3) || '8' || substr(md5(${province.id} || ':' || x.g), 4, 15))::uuid as id,
        case when x.o is null then null else
          (lpad(to_hex((extract(epoch from x.o_started) * 1000)::bigint), 12, '0') || '7' || substr(md5(${province.id} || ':' || x.o), 1, 3) || '8' || substr(md5(${province.id} || ':' || x.o), 4, 15))::uuid end as origin_id,
        case when x.status in ('recognised', 'commended') then
          case when x.level_draw < 70 then 'commune' when x.level_draw < 85 then case when x.recognised_on < date '2025-07-01' then 'district' else 'commune' end
               when x.level_draw < 98 then 'province' else 'central' end end as level
      from drawn x
    )
    insert into emulation_model (id, province_id, unit_id, origin_model_id, origin_province_id, kind, field, title, summary, started_on, status,
      recognised_level, recognised_on, search_text, version, created_at, updated_at)
    select y.id, ${province.id}::bigint, y.unit_id, y.origin_id, case when y.origin_id is null then null else ${province.id}::bigint end, y.kind, y.field,
      (${TITLES}::text[])[1 + (y.h1 / 1000) % ${TITLES.length}] || ' ' || y.g, 'mo hinh dan van kheo', y.started_on, y.status,
      y.level, case when y.level is null then null else y.recognised_on end,
      (${TITLES}::text[])[1 + (y.h1 / 1000) % ${TITLES.length}] || ' ' || y.g, 1,
      y.started_on::timestamp + make_interval(secs => (y.h2 % 86400)::int), y.started_on::timestamp + make_interval(secs => (y.h2 % 86400)::int)
    from id_of y`.execute(db);
}

/** Models of every 2025 province (skipping provinces that have some), then ANALYZE. */
export async function seedModels(db: Database, wanted: number): Promise<void> {
  const started = performance.now();
  const today = clock.today();
  const provinces = await sql<{ id: number; code: string; path: string; models: boolean }>`
    select p.id, p.code, p.path::text as path, exists (select 1 from emulation_model m where m.province_id = p.id) as models
    from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code`.execute(db);
  const total = provinces.rows.reduce((sum, p) => sum + (POPULATION_2025[p.code] ?? 1000), 0);
  let done = 0;
  for (const [index, province] of provinces.rows.entries()) {
    const count = Math.max(10, Math.round((wanted * (POPULATION_2025[province.code] ?? 1000)) / total));
    if (province.models) {
      console.log(`[${index + 1}/${provinces.rows.length}] ${province.code}: models present, skipped`);
      continue;
    }
    const tick = performance.now();
    await db.transaction().execute((trx) => insertProvinceModels(trx, { id: Number(province.id), code: province.code, path: province.path }, count, today));
    done += count;
    console.log(`[${index + 1}/${provinces.rows.length}] ${province.code}: ${count} models (${((performance.now() - tick) / 1000).toFixed(1)} s; ${done} in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  await sql`analyze emulation_model`.execute(db);
  console.log(`emulation: ${done} models in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const wanted = Number(process.env.BENCH_MODELS ?? 150_000);
  if (!Number.isInteger(wanted) || wanted < 1000) throw new Error('BENCH_MODELS must be an integer ≥ 1000');
  const bench = await openBenchDatabase(benchTarget());
  try {
    await migrate(bench.handle.db);
    const official = await bench.handle.db.transaction().execute((trx) => importOfficialUnits(trx));
    console.log(`official units: ${JSON.stringify(official)}`);
    await seedModels(bench.handle.db, wanted);
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
