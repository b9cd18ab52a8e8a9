/**
 * Training coverage at national scale (issue 14 "Performance"), on bench/training.seed.ts: coverage of party-cell
 * secretaries who are also village heads (trained within the term) by commune for the province with the most of
 * them: the product's aggregate (coverageByUnit) against the raw SQL of the same aggregate, and GET
 * /api/training/coverage as that province's unit administrator against the same SQL behind a bare node:http server,
 * each p95 ≤ 1.5× in the same run. BENCH_RUNS (30) timed runs per variant after 3 warm-up runs, interleaved;
 * BENCH_ONLY=training runs it alone.
 */
import type { AddressInfo } from 'node:net';
import { trainingEndpoints } from '#contracts/training/api.ts';
import { GROUP_TARGETS } from '#contracts/training/rules.ts';
import { buildApp } from '#server/app.ts';
import { coverageByUnit } from '#server/modules/training/training-coverage.repository.ts';
import { provinceScope } from '#server/modules/units/index.ts';
import { clock } from '#server/shared/clock.ts';
import { TestClient } from '#test/http-client.ts';
import { startBaselineServer } from './baseline-server.ts';
import type { RawClient } from './db.ts';
import { measure, type Variant } from './measure.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';
import { seedTraining } from './training.seed.ts';
import { BENCH_PASSWORD, ensureBenchUser } from './bench-users.ts';

export const COVERAGE_MAX_RATIO = 1.5;

/** The raw aggregate: current holders once each, by the commune holding their Chi bộ, and those with a completed course of the term. */
const COVERAGE_SQL = `
  with h as (
    select distinct on (r.person_id) r.person_id, r.term_from,
      coalesce((select a.id from admin_unit a where a.id = any(string_to_array(u.path::text, '.')::bigint[]) and a.level = 'commune'), u.id) as commune_id
    from organization o join admin_unit u on u.id = o.unit_id join person_role r on r.organization_id = o.id
    where u.path <@ $1::ltree and o.type = 'party_cell' and fold_vi(r.title) ~ '^bi thu chi bo.*kiem truong'
      and r.term_from <= $2::date and (r.term_to is null or r.term_to >= $2::date)
      and (o.founded_on is null or o.founded_on <= $2::date) and (o.dissolved_on is null or o.dissolved_on > $2::date)
    order by r.person_id, r.term_from desc, r.id desc
  )
  select h.commune_id, c.full_name, count(*) as holders,
    count(*) filter (where exists (select 1 from training_participant tp join training_course k on k.province_id = tp.province_id and k.id = tp.course_id
      where tp.person_id = h.person_id and tp.completed and k.ends_on <= $2::date and k.ends_on >= h.term_from
        and (cardinality(k.target_groups) = 0 or 'cell_secretary_village_head' = any(k.target_groups)))) as trained
  from h join admin_unit c on c.id = h.commune_id
  group by h.commune_id, c.full_name order by c.full_name, h.commune_id`;

/** The bare server's route: the session lookup, then COVERAGE_SQL, in the endpoint's answer shape. */
const coverageRoute = (path: string, today: string) => async (raw: RawClient) => {
  const rows = await raw.query<{ commune_id: string; full_name: string; holders: string; trained: string }>(COVERAGE_SQL, [path, today]);
  const out = rows.map((row) => ({ unitId: Number(row.commune_id), unitName: row.full_name, holders: Number(row.holders), trained: Number(row.trained) }));
  return { holders: out.reduce((sum, row) => sum + row.holders, 0), trained: out.reduce((sum, row) => sum + row.trained, 0), rows: out };
};

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench } = ctx;
  const { db } = bench.handle;
  const [{ n: villages } = { n: '0' }] = await bench.raw.query<{ n: string }>("select count(*) as n from admin_unit where level = 'village'");
  if (Number(villages) === 0) throw new Error('no villages in the benchmark database: run `npm run bench:seed` first');
  await seedTraining(db);
  const [province] = await bench.raw.query<{ id: string; name: string; path: string; cells: string }>(
    `select p.id, p.name, p.path::text as path, (select count(*) from organization o join admin_unit v on v.id = o.unit_id where o.type = 'party_cell' and v.path <@ p.path) as cells
     from admin_unit p where p.level = 'province' and p.structure = '2025' order by 4 desc, 1 limit 1`,
  );
  if (!province) throw new Error('no province');
  const provinceId = Number(province.id);
  const today = clock.today();
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  await ensureBenchUser(db, 'bench.training.province', provinceId, 'unit_admin');
  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const baseline = await startBaselineServer(bench.raw, { units: null, health: null }, { '/raw/training-coverage': coverageRoute(province.path, today) });
  try {
    const client = new TestClient(base);
    const login = await client.login('bench.training.province', BENCH_PASSWORD);
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const raw = async () => (await bench.raw.query<{ holders: string; trained: string }>(COVERAGE_SQL, [province.path, today])).length;
    const http = async () => {
      const response = await client.call(trainingEndpoints.coverage, { query: { unitId: provinceId, group: 'cell_secretary_village_head' } });
      if (response.status !== 200) throw new Error(`coverage: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return response.body.rows.length;
    };
    const group = 'cell_secretary_village_head' as const;
    const scope = await provinceScope(db, provinceId);
    const product = async () => (await coverageByUnit(db, scope, { group, window: GROUP_TARGETS[group].window, asOf: today, underPath: province.path })).length;
    const bare = async () => {
      const response = await fetch(`${baseline.base}/raw/training-coverage`, { headers: { cookie: client.cookie ?? '' } });
      if (!response.ok) throw new Error(`bare coverage: ${response.status}`);
      return ((await response.json()) as { rows: unknown[] }).rows.length;
    };
    // the same answer every way before timing
    const rawRows = await bench.raw.query<{ commune_id: string; holders: string; trained: string }>(COVERAGE_SQL, [province.path, today]);
    const answer = await client.call(trainingEndpoints.coverage, { query: { unitId: provinceId, group: 'cell_secretary_village_head' } });
    const same =
      answer.status === 200 &&
      answer.body.rows.length === rawRows.length &&
      rawRows.every((row, i) => answer.body.rows[i]?.unitId === Number(row.commune_id) && answer.body.rows[i]?.holders === Number(row.holders) && answer.body.rows[i]?.trained === Number(row.trained));
    const productRows = await coverageByUnit(db, scope, { group, window: GROUP_TARGETS[group].window, asOf: today, underPath: province.path });
    const sameProduct = productRows.length === rawRows.length && rawRows.every((row, i) => productRows[i]?.unitId === Number(row.commune_id) && productRows[i]?.holders === Number(row.holders) && productRows[i]?.trained === Number(row.trained));
    if (!sameProduct) throw new Error(`coverageByUnit differs from the raw SQL (${productRows.length} vs ${rawRows.length} communes)`);
    if ((await bare()) !== rawRows.length) throw new Error('the bare server does not answer the raw rows');
    if (!same) throw new Error(`the endpoint differs from the raw SQL (${answer.status}, ${answer.body && 'rows' in answer.body ? answer.body.rows.length : '?'} vs ${rawRows.length} communes)`);
    const holders = rawRows.reduce((sum, row) => sum + Number(row.holders), 0);
    const trained = rawRows.reduce((sum, row) => sum + Number(row.trained), 0);

    const variants: Variant[] = [
      { name: `${province.name}: coverage by commune, raw SQL`, run: raw },
      { name: `${province.name}: coverage by commune, the product's aggregate (coverageByUnit, as the endpoint and the derived values run it)`, run: product },
      { name: `${province.name}: coverage by commune, bare node:http + session lookup + raw SQL`, run: bare },
      { name: `${province.name}: coverage by commune, HTTP GET /api/training/coverage (unit administrator)`, run: http },
    ];
    const { samples, sizes } = await measure(variants, runs, 3);
    const rows = variants.map((v) => {
      const list = samples.get(v.name) ?? [];
      return { name: v.name, rows: sizes.get(v.name) ?? 0, p50: quantile(list, 0.5), p95: quantile(list, 0.95) };
    });
    const [base0, aggregate, bareHttp, endpoint] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    return {
      title: 'Training: coverage of party-cell secretaries who are village heads, by commune for a province',
      table: [
        ['variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs its baseline'],
        [base0.name, count(base0.rows), ms(base0.p50), ms(base0.p95), '1.00× (baseline)'],
        [aggregate.name, count(aggregate.rows), ms(aggregate.p50), ms(aggregate.p95), `${ratio(aggregate.p95 / base0.p95)} raw SQL`],
        [bareHttp.name, count(bareHttp.rows), ms(bareHttp.p50), ms(bareHttp.p95), '1.00× (HTTP baseline)'],
        [endpoint.name, count(endpoint.rows), ms(endpoint.p50), ms(endpoint.p95), `${ratio(endpoint.p95 / bareHttp.p95)} bare HTTP, ${ratio(endpoint.p95 / base0.p95)} raw SQL`],
      ],
      notes: [
        `${province.name}: ${count(Number(province.cells))} Chi bộ, ${count(holders)} secretaries who are village heads, ${count(trained)} trained within the term (bench/training.seed.ts).`,
        `${runs} timed runs per variant after 3 warm-up runs, interleaved. Raw SQL = the statement a hand-written endpoint would send for the same aggregate, through the driver, no HTTP. The product's aggregate = coverageByUnit with the province's scope, no HTTP. Bare node:http = the same raw SQL behind the session lookup, served with the app's headers (bench/baseline-server.ts): the like-for-like baseline of the endpoint.`,
        'The machine is shared with other engineers: absolute times are noisy; ratios are of the same run.',
      ],
      verdicts: [
        {
          target: `coverage by commune, the product's aggregate ≤ ${COVERAGE_MAX_RATIO}× raw SQL (p95)`,
          met: aggregate.p95 <= COVERAGE_MAX_RATIO * base0.p95,
          detail: `${ms(aggregate.p95)} ms vs ${ms(base0.p95)} ms = ${ratio(aggregate.p95 / base0.p95)}`,
        },
        {
          target: `coverage by commune over HTTP ≤ ${COVERAGE_MAX_RATIO}× bare node:http + raw SQL (p95)`,
          met: endpoint.p95 <= COVERAGE_MAX_RATIO * bareHttp.p95,
          detail: `${ms(endpoint.p95)} ms vs ${ms(bareHttp.p95)} ms = ${ratio(endpoint.p95 / bareHttp.p95)} (against the raw SQL alone: ${ratio(endpoint.p95 / base0.p95)})`,
        },
      ],
      interpretation:
        'Both read every party-cell role of the province once (ltree subtree of the province, the title folded and matched), then the completed courses of each holder. The endpoint adds the scope condition (the same subtree), the session, validation and the presenter.',
    };
  } finally {
    await baseline.close();
    await app.close();
  }
}

const bench: BenchModule = { order: 70, run };
export default bench;
