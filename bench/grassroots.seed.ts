/**
 * The grassroots part of the national seed (issue 14 "Performance"): in every 2025 province, the seven bodies of
 * seed 000 i7 (Ban Dân vận, MTTQ, Công đoàn, Phụ nữ, Đoàn, Nông dân, Cựu chiến binh) and a Đảng ủy at each commune
 * and at the province; every person of bench/seed.ts (~600,000 members of a Tổ dân vận) a cadre of one of those
 * bodies of their (2025) commune from 2025-07-01 (1 % of the province's); ~5 % on the Đảng ủy too; one year of field
 * visits (2025-12-01 … 2026-11-30, 2.66 million, half days included) whose density differs by province. One
 * transaction per province, one set-based statement per table (generate_series); a province holding visits is
 * skipped (resumes); VACUUM ANALYZE at the end. SQL in grassroots.seed.repository.ts.
 * `DATABASE_URL=… node --import tsx bench/grassroots.seed.ts` after `bench:seed` (its own database is enough:
 * BENCH_VALUES=0 BENCH_CASES=0 BENCH_MODELS=0).
 */
import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { benchTarget, openBenchDatabase } from './db.ts';
import * as seed from './grassroots.seed.repository.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Bodies, cadre roles and visits of every 2025 province without visits, then VACUUM ANALYZE (PostgreSQL) or ANALYZE. */
export async function seedGrassroots(db: Database, options: { vacuum: boolean }): Promise<void> {
  const started = performance.now();
  const provinces = await seed.listProvinces(db);
  let total = 0;
  for (const [index, province] of provinces.entries()) {
    if (province.done) continue;
    const tick = performance.now();
    const counts = await db.transaction().execute(async (trx) => {
      const bodies = await seed.insertBodies(trx, province);
      const roles = await seed.insertCadreRoles(trx, province);
      const visits = await seed.insertVisits(trx, province);
      return { bodies, roles, visits };
    });
    total += counts.visits;
    console.log(
      `[${String(index + 1).padStart(2)}/${provinces.length}] ${province.name.padEnd(18)} ${String(counts.bodies).padStart(5)} bodies ` +
        `${String(counts.roles).padStart(6)} roles ${String(counts.visits).padStart(7)} visits (${seconds(tick)} s; ${total} visits, ${seconds(started)} s)`,
    );
  }
  const tick = performance.now();
  if (options.vacuum) await sql`vacuum analyze organization, person_role, field_visit`.execute(db);
  else await seed.analyze(db);
  console.log(`${options.vacuum ? 'vacuum analyze' : 'analyze'}: ${seconds(tick)} s; grassroots seeded in ${seconds(started)} s`);
}

async function main(): Promise<void> {
  const target = benchTarget();
  const bench = await openBenchDatabase(target);
  try {
    await migrate(bench.handle.db);
    const [{ n } = { n: '0' }] = await bench.raw.query<{ n: string }>("select count(*) as n from admin_unit where level = 'village'");
    if (Number(n) === 0) throw new Error('no villages in the benchmark database: run `npm run bench:seed` first');
    await seedGrassroots(bench.handle.db, { vacuum: target.kind === 'postgres' });
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
