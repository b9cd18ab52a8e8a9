/**
 * The training part of the national seed (issue 14 "Performance"): for every 2025 village holding a Tổ dân vận of
 * the seed (bench/seed.ts: ~600,000 people), a Chi bộ whose secretary is the team's Tổ trưởng, titled "Bí thư chi bộ
 * kiêm Trưởng thôn" in 55 % of villages (else "Bí thư chi bộ"), from 2025-07-01; per 2025 province ten refresher
 * courses of the term (monthly from 01/09/2025) (target group cell_secretary_village_head) and one course of two years ago for everyone,
 * with ~70 % of the secretaries on a course of the term (95 % completed, communes taking turns) and ~30 % on the
 * old one. One set-based statement per province and table; a province holding courses is skipped (resumes).
 * Values derive from hashes of ids. `node --import tsx bench/training.seed.ts` alone (after `bench:seed`).
 */
import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { clock } from '#server/shared/clock.ts';
import { benchTarget, openBenchDatabase } from './db.ts';

const uuid = (seed: ReturnType<typeof sql>) =>
  sql`(lpad(to_hex((extract(epoch from timestamp '2025-08-01') * 1000)::bigint), 12, '0') || '7' || substr(md5(${seed}), 1, 3) || '8' || substr(md5(${seed}), 4, 15))::uuid`;

async function seedProvince(db: Database, province: { id: number; path: string }, today: string) {
  await sql`
    insert into organization (unit_id, type, name, founded_on, updated_at)
    select v.id, 'party_cell', 'Chi bộ ' || v.type || ' ' || v.name, date '2025-07-01', now()
    from admin_unit v
    where v.level = 'village' and v.structure = '2025' and v.path <@ ${province.path}::ltree
      and exists (select 1 from organization t where t.unit_id = v.id and t.type = 'village_team')
      and not exists (select 1 from organization o where o.unit_id = v.id and o.type = 'party_cell')`.execute(db);
  await sql`
    insert into person_role (person_id, organization_id, title, is_head, term_from)
    select r.person_id, c.id,
      case when (hashint8(v.id) & 2147483647) % 100 < 55 then 'Bí thư chi bộ kiêm Trưởng ' || v.type else 'Bí thư chi bộ' end, true, date '2025-07-01'
    from admin_unit v
    join organization t on t.unit_id = v.id and t.type = 'village_team'
    join person_role r on r.organization_id = t.id and r.is_head
    join organization c on c.unit_id = v.id and c.type = 'party_cell'
    where v.level = 'village' and v.structure = '2025' and v.path <@ ${province.path}::ltree
      and not exists (select 1 from person_role x where x.organization_id = c.id)`.execute(db);
  await sql`
    insert into training_course (id, province_id, unit_id, title, kind, level, subject, starts_on, ends_on, target_groups, created_at, updated_at)
    select ${uuid(sql`${province.id} || ':course:' || k`)}, ${province.id}::bigint, ${province.id}::bigint,
      'Lớp bồi dưỡng bí thư chi bộ kiêm trưởng thôn (đợt ' || k || ')', 'refresher', 'province', 'Xây dựng Đảng; nghiệp vụ dân vận',
      date '2025-09-01' + k * 30 - 2, date '2025-09-01' + k * 30, array['cell_secretary_village_head'], now(), now()
    from generate_series(0, 9) k
    union all
    select ${uuid(sql`${province.id} || ':course:old'`)}, ${province.id}::bigint, ${province.id}::bigint,
      'Hội nghị tập huấn nghiệp vụ công tác dân vận', 'training', 'province', 'Nghiệp vụ dân vận', ${today}::date - 800, ${today}::date - 798, '{}', now(), now()`.execute(db);
  await sql`
    with holders as (
      select r.person_id, p.unit_id, (hashint8(r.person_id) & 2147483647) as h,
        (select a.id from admin_unit a where a.id = any(string_to_array(v.path::text, '.')::bigint[]) and a.level = 'commune') as commune_id
      from organization c join admin_unit v on v.id = c.unit_id join person_role r on r.organization_id = c.id join person p on p.id = r.person_id
      where c.type = 'party_cell' and v.path <@ ${province.path}::ltree
    )
    insert into training_participant (province_id, course_id, person_id, unit_id, completed, source, created_at)
    select ${province.id}::bigint, ${uuid(sql`${province.id} || ':course:' || (h.commune_id % 10)`)}, h.person_id, h.unit_id, h.h % 100 < 67, 'demo', now()
    from holders h where h.h % 100 < 70
    union all
    select ${province.id}::bigint, ${uuid(sql`${province.id} || ':course:old'`)}, h.person_id, h.unit_id, true, 'demo', now()
    from holders h where (h.h / 100) % 100 < 30`.execute(db);
}

/** Chi bộ, secretaries, courses and participants of every 2025 province (skipping provinces that hold courses), then ANALYZE. */
export async function seedTraining(db: Database): Promise<void> {
  const started = performance.now();
  const today = clock.today();
  const provinces = await sql<{ id: number; code: string; path: string; done: boolean }>`
    select p.id, p.code, p.path::text as path, exists (select 1 from training_course c where c.province_id = p.id) as done
    from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code`.execute(db);
  for (const [index, province] of provinces.rows.entries()) {
    if (province.done) continue;
    const tick = performance.now();
    await db.transaction().execute((trx) => seedProvince(trx, { id: Number(province.id), path: province.path }, today));
    console.log(`[${index + 1}/${provinces.rows.length}] ${province.code}: training (${((performance.now() - tick) / 1000).toFixed(1)} s)`);
  }
  await sql`analyze organization, person_role, training_course, training_participant`.execute(db);
  console.log(`training: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const bench = await openBenchDatabase(benchTarget());
  try {
    await migrate(bench.handle.db);
    await seedTraining(bench.handle.db);
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
