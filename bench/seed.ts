/**
 * `npm run bench:seed`: a national-scale synthetic data set for the benchmarks. Migrates, loads the official
 * units of both structures, then adds ~BENCH_VILLAGES villages (default 100,000) over the communes of both
 * structures, a Tổ dân vận per village and 5–7 members each, in one transaction (skipped if villages exist); then
 * ≈ BENCH_VALUES indicator data values (default 10 million, indicators.seed.ts; skipped per province if present);
 * then ≈ BENCH_CASES citizens' cases (default 5 million, petitions.seed.ts; skipped per province if present); then
 * ≈ BENCH_MODELS "Dân vận khéo" models (default 150,000, emulation.seed.ts; skipped per province if present).
 *
 * Target: DATABASE_URL (PostgreSQL) or PGlite in BENCH_DATA_DIR (default ./data/bench/pglite).
 */
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';
import { benchTarget, openBenchDatabase } from './db.ts';
import { seedIndicators } from './indicators.seed.ts';
// --- pet-figures ---
import { seedPetitions } from './petitions.seed.ts';
// --- emu-figures ---
import { seedModels } from './emulation.seed.ts';
import * as seed from './seed.repository.ts';

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Villages, their teams and members: one transaction, one set-based statement per province and table. */
async function seedVillages(db: Database, wanted: number, started: number): Promise<void> {
  const perWeight = wanted / (await seed.communeWeightSum(db));
  const provinces = await seed.listProvinces(db);
  let villages = 0;
  let people = 0;
  await db.transaction().execute(async (trx) => {
    for (const [index, province] of provinces.entries()) {
      const tick = performance.now();
      const v = await seed.insertVillages(trx, province.path, perWeight);
      const t = await seed.insertVillageTeams(trx, province.path);
      const p = await seed.insertTeamMembers(trx, province.path);
      villages += v;
      people += p;
      console.log(
        `[${String(index + 1).padStart(3)}/${provinces.length}] ${province.structure} ${province.name.padEnd(18)} ` +
          `${String(v).padStart(5)} villages ${String(t).padStart(5)} teams ${String(p).padStart(6)} people ` +
          `(${seconds(tick)} s; total ${villages} villages, ${people} people, ${seconds(started)} s)`,
      );
    }
  });
  const analyzing = performance.now();
  await seed.analyzeAll(db);
  console.log(`analyze: ${seconds(analyzing)} s`);
  const counts = await seed.seedCounts(db);
  console.log(
    `done in ${seconds(started)} s: ${counts.units} official units, ${counts.villages} villages, ` +
      `${counts.teams} village teams, ${counts.people} people, ${counts.roles} roles`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const target = benchTarget();
  const wanted = Number(process.env.BENCH_VILLAGES ?? 100_000);
  if (!Number.isInteger(wanted) || wanted < 1000) throw new Error('BENCH_VILLAGES must be an integer ≥ 1000');
  const values = Number(process.env.BENCH_VALUES ?? 10_000_000);
  if (!Number.isInteger(values) || values < 0) throw new Error('BENCH_VALUES must be an integer ≥ 0');
  const bench = await openBenchDatabase(target);
  const { db } = bench.handle;
  try {
    console.log(`bench:seed → ${target.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : target.dataDir} · ${bench.engine}`);
    const applied = await migrate(db);
    if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
    const official = await db.transaction().execute((trx) => importOfficialUnits(trx));
    console.log(`official units: ${JSON.stringify(official)} (${seconds(started)} s)`);

    const existing = await seed.countVillages(db);
    if (existing > 0) console.log(`${existing} villages already present: villages, teams and people are not seeded again.`);
    else await seedVillages(db, wanted, started);
    if (values > 0) await seedIndicators(db, values);
    // --- pet-figures --- citizens' cases (BENCH_CASES, default 5 million; 0 = none)
    const cases = Number(process.env.BENCH_CASES ?? 5_000_000);
    if (cases > 0) await seedPetitions(db, cases);
    // --- emu-figures --- "Dân vận khéo" models (BENCH_MODELS, default 150,000; 0 = none)
    const models = Number(process.env.BENCH_MODELS ?? 150_000);
    if (models > 0) await seedModels(db, models);
  } finally {
    await bench.close();
  }
}

await main();
