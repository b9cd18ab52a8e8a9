/**
 * "Dân vận khéo" models at national scale (issue 15 "Performance"), on the models of bench/emulation.seed.ts:
 * listing (first page, newest first, and the total) and counting (field × recognition level) the models of the
 * nation as a system administrator, GET /api/emulation/models and /api/emulation/models/counts, p95 ≤ 1.5 × the raw
 * SQL of the same page and counts, measured in the same run; and the same for one province's unit administrator.
 * BENCH_RUNS (30) timed runs per variant after 3 warm-up runs, interleaved; BENCH_ONLY=emulation runs it alone.
 */
import type { AddressInfo } from 'node:net';
import { modelEndpoints } from '#contracts/emulation/model.api.ts';
import { buildApp } from '#server/app.ts';
import { TestClient } from '#test/http-client.ts';
import { measure, type Variant } from './measure.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';
import { BENCH_PASSWORD, ensureBenchUser } from './bench-users.ts';

export const MODELS_MAX_RATIO = 1.5;

/** The raw page: the list's columns (unit, campaign, owner names, replicas) newest first, and the total. */
const PAGE_SQL = (where: string) => `
  select m.id, m.title, m.field, m.kind, m.status, m.recognised_level, m.started_on, u.full_name as unit_name, c.title as campaign_title,
    coalesce(oo.name, op.full_name, ou.full_name, '') as owner_name,
    (select count(*) from emulation_model r where r.origin_province_id = m.province_id and r.origin_model_id = m.id) as replicas
  from emulation_model m join admin_unit u on u.id = m.unit_id
    left join emulation_campaign c on c.id = m.campaign_id
    left join organization oo on oo.id = m.owner_organization_id
    left join person op on op.id = m.owner_person_id
    left join admin_unit ou on ou.id = m.owner_unit_id
  ${where} order by m.created_at desc, m.id desc limit 50`;
const TOTAL_SQL = (where: string) => `select count(*) as n from emulation_model m ${where}`;
const COUNTS_SQL = (where: string) => `select m.field, m.recognised_level, count(*) as n, count(m.origin_model_id) as replicas from emulation_model m ${where} group by 1, 2`;

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench } = ctx;
  const { db } = bench.handle;
  const [{ n: totalModels } = { n: '0' }] = await bench.raw.query<{ n: string }>('select count(*) as n from emulation_model');
  if (Number(totalModels) === 0) throw new Error('no models in the benchmark database: run `node --import tsx bench/emulation.seed.ts` (BENCH_MODELS)');
  const [province] = await bench.raw.query<{ id: string; name: string; models: string }>(
    `select p.id, p.name, (select count(*) from emulation_model m where m.province_id = p.id) as models
     from admin_unit p where p.level = 'province' and p.structure = '2025' order by 3 desc limit 1`,
  );
  if (!province) throw new Error('no province');
  const provinceId = Number(province.id);
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  await ensureBenchUser(db, 'bench.emulation.national', null, 'system_admin');
  await ensureBenchUser(db, 'bench.emulation.province', provinceId, 'unit_admin');

  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const national = new TestClient(base);
    const local = new TestClient(base);
    for (const [client, user] of [[national, 'bench.emulation.national'], [local, 'bench.emulation.province']] as const) {
      const login = await client.login(user, BENCH_PASSWORD);
      if (login.status !== 200) throw new Error(`login ${user}: ${login.status}`);
    }
    const nation = '';
    const inProvince = `where m.province_id = ${provinceId}`;
    const rawList = (where: string) => async () => {
      const [rows] = await Promise.all([bench.raw.query(PAGE_SQL(where)), bench.raw.query(TOTAL_SQL(where))]);
      return rows.length;
    };
    const rawCounts = (where: string) => async () => (await bench.raw.query(COUNTS_SQL(where))).length;
    const httpList = (client: TestClient) => async () => {
      const response = await client.call(modelEndpoints.listModels, { query: {} });
      if (response.status !== 200) throw new Error(`list: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return response.body.items.length;
    };
    const httpCounts = (client: TestClient) => async () => {
      const response = await client.call(modelEndpoints.countModels, { query: {} });
      if (response.status !== 200) throw new Error(`counts: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return response.body.cells.length;
    };

    // the same answers both ways before timing
    const [rawTotal] = await bench.raw.query<{ n: string }>(TOTAL_SQL(nation));
    const list = await national.call(modelEndpoints.listModels, { query: {} });
    const counts = await national.call(modelEndpoints.countModels, { query: {} });
    if (list.status !== 200 || counts.status !== 200) throw new Error(`list ${list.status}, counts ${counts.status}`);
    const rawCells = await bench.raw.query<{ field: string; recognised_level: string | null; n: string }>(COUNTS_SQL(nation));
    const differ = rawCells.filter((cell) => counts.body.cells.find((c) => c.field === cell.field && c.level === (cell.recognised_level ?? 'none'))?.count !== Number(cell.n));
    if (list.body.total !== Number(rawTotal?.n) || counts.body.total !== Number(rawTotal?.n) || differ.length > 0) {
      throw new Error(`the endpoints differ from the raw SQL: total ${list.body.total} / ${counts.body.total} vs ${rawTotal?.n}, ${differ.length} cells`);
    }
    const [rawFirst] = await bench.raw.query<{ id: string }>(PAGE_SQL(nation));
    if (list.body.items[0]?.id !== rawFirst?.id) throw new Error('the first model of the page differs from the raw SQL');

    const variants: Variant[] = [
      { name: 'nation: list page + total, raw SQL', run: rawList(nation) },
      { name: 'nation: list page + total, HTTP GET /api/emulation/models', run: httpList(national) },
      { name: 'nation: counts field × level, raw SQL', run: rawCounts(nation) },
      { name: 'nation: counts field × level, HTTP GET /api/emulation/models/counts', run: httpCounts(national) },
      { name: `${province.name}: list page + total, raw SQL`, run: rawList(inProvince) },
      { name: `${province.name}: list page + total, HTTP (unit administrator)`, run: httpList(local) },
      { name: `${province.name}: counts field × level, raw SQL`, run: rawCounts(inProvince) },
      { name: `${province.name}: counts field × level, HTTP (unit administrator)`, run: httpCounts(local) },
    ];
    const { samples, sizes } = await measure(variants, runs, 3);
    const rows = variants.map((v) => {
      const list = samples.get(v.name) ?? [];
      return { name: v.name, rows: sizes.get(v.name) ?? 0, p50: quantile(list, 0.5), p95: quantile(list, 0.95) };
    });
    const at = (i: number) => rows[i] as (typeof rows)[number];
    const table = [['variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs raw']];
    rows.forEach((row, i) => table.push([row.name, count(row.rows), ms(row.p50), ms(row.p95), i % 2 === 0 ? '1.00× (baseline)' : ratio(row.p95 / at(i - 1).p95)]));
    const verdict = (i: number, what: string) => ({
      target: `${what} ≤ ${MODELS_MAX_RATIO}× raw SQL (p95)`,
      met: at(i).p95 <= MODELS_MAX_RATIO * at(i - 1).p95,
      detail: `${ms(at(i).p95)} ms vs ${ms(at(i - 1).p95)} ms = ${ratio(at(i).p95 / at(i - 1).p95)}`,
    });
    return {
      title: '"Dân vận khéo" models: list and counts for the nation',
      table,
      notes: [
        `${count(Number(totalModels))} models over the 34 provinces of 2025 (population-weighted, bench/emulation.seed.ts), ${province.name}: ${count(Number(province.models))}. ` +
          'The nation as a system administrator; the province as its unit administrator.',
        `${runs} timed runs per variant after 3 warm-up runs, interleaved. Raw SQL = the statements a hand-written endpoint would send for the same page (newest first, with the unit, ` +
          'campaign and owner names and the number of replicas) and its total, or the same counts, through the driver, no HTTP.',
        'The machine is shared with other engineers: absolute times are noisy; ratios are of the same run.',
      ],
      verdicts: [verdict(1, 'list of the nation'), verdict(3, 'counts of the nation')],
      interpretation:
        'Both sides read every model of the nation once for the total and the counts (no filter narrows them); the page is a top-50 by creation time over all models. ' +
        'The endpoint adds the scope join (every unit of the nation for a system administrator), the session, validation and the presenter. For one province the counts endpoint pays its scope join (unit paths under the province) against a raw count that reads the rows of the province by province_id alone: the largest relative overhead, small in absolute time and not a stated target.',
    };
  } finally {
    await app.close();
  }
}

const bench: BenchModule = { order: 60, run };
export default bench;
