/**
 * Programme targets at national scale (issue 11 "Done means"): every target of a programme (one of each rule kind,
 * a share of villages among them) evaluated for every commune of a province, on the indicators seed
 * (indicators.seed.ts). Compared with the raw SQL of the same data_total rows, read in the same run.
 *   BENCH_RUNS (30) timed runs per variant; BENCH_ONLY=programmes runs it alone.
 */
import type { AddressInfo } from 'node:net';
import { targetEndpoints, type TProgrammeEvaluation } from '#contracts/programmes/targets.api.ts';
import { buildApp } from '#server/app.ts';
import { programmeEvaluation } from '#server/modules/programmes/targets/target-eval.service.ts';
import type { Actor } from '#server/shared/actor.ts';
import { TestClient } from '#test/http-client.ts';
import { BENCH_INDICATORS } from './indicators.seed.ts';
import { measure, type Variant } from './measure.ts';
import { BENCH_PROGRAMME, benchElementIds, benchProvince, benchTargetId, ensureBenchProgramme, rawProgrammeTotals } from './programmes.repository.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';

/** Target of the issue: the evaluation of a province stays interactive. */
export const EVALUATION_MAX_P95_MS = 500;
const YEAR = 2025;

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench } = ctx;
  const { db } = bench.handle;
  const province = await benchProvince(bench.raw);
  if (!province) throw new Error('no indicator values in the benchmark database: run `npm run bench:seed` (BENCH_VALUES)');
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const programmeId = await ensureBenchProgramme(db, province.id, BENCH_INDICATORS.password);
  const shareTargetId = await benchTargetId(db, programmeId, 'hoa-giai');
  const asOf = `${YEAR}-12-31` < ctx.today ? `${YEAR}-12-31` : ctx.today;
  const view = asOf >= '2025-07-01' ? 'current' : 'entered';
  const elementIds = await benchElementIds(bench.raw);
  const years = Array.from({ length: YEAR - BENCH_PROGRAMME.fromYear + 2 }, (_, i) => BENCH_PROGRAMME.fromYear - 1 + i);
  const actor: Actor = {
    userId: 0,
    username: BENCH_PROGRAMME.user,
    roles: new Set(['unit_admin']),
    unitId: province.id,
    unitLevel: 'province',
    organizationId: null,
    scope: { all: false, roots: [province.path] },
    ip: null,
  };

  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const client = new TestClient(base);
    const login = await client.login(BENCH_PROGRAMME.user, BENCH_INDICATORS.password);
    if (login.status !== 200) throw new Error(`login ${BENCH_PROGRAMME.user}: ${login.status}`);
    const query = { year: YEAR, level: 'commune' as const };
    const first = await client.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query });
    if (first.status !== 200) throw new Error(`evaluation: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
    const evaluation = first.body as TProgrammeEvaluation;
    const variants: Variant[] = [
      {
        name: 'raw SQL: the same data_total rows (units in force, elements, years)',
        run: () => rawProgrammeTotals(bench.raw, { provinceId: province.id, path: province.path, view, asOf, elementIds, years }),
      },
      {
        name: 'evaluation, service (no HTTP)',
        run: async () => (await programmeEvaluation(db, actor, programmeId, query)).targets.length,
      },
      {
        name: 'evaluation, HTTP GET …/evaluation',
        run: async () => {
          const response = await client.call(targetEndpoints.programmeEvaluation, { params: { id: programmeId }, query });
          if (response.status !== 200) throw new Error(`evaluation: ${response.status}`);
          return response.body.targets.length;
        },
      },
      {
        name: 'drill-down, HTTP GET …/targets/:id/units (share of villages)',
        run: async () => {
          const response = await client.call(targetEndpoints.targetUnits, { params: { id: programmeId, targetId: shareTargetId }, query });
          if (response.status !== 200) throw new Error(`drill-down: ${response.status}`);
          return response.body.rows.length;
        },
      },
    ];
    const { samples, sizes } = await measure(variants, runs, 3);
    const rows = variants.map((v) => {
      const list = samples.get(v.name) ?? [];
      return { name: v.name, rows: sizes.get(v.name) ?? 0, p50: quantile(list, 0.5), p95: quantile(list, 0.95) };
    });
    const raw = rows[0] as (typeof rows)[number];
    const http = rows[2] as (typeof rows)[number];
    const table = [['variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs raw']];
    for (const row of rows) table.push([row.name, count(row.rows), ms(row.p50), ms(row.p95), row === raw ? '1.00× (baseline)' : ratio(row.p95 / raw.p95)]);
    const statuses = evaluation.targets.map((t) => `${t.code} ${t.status ?? '–'}${t.counts ? ` (${t.counts.met}/${t.counts.total} met)` : ''}`).join('; ');
    return {
      title: 'Programme targets: every target of a programme for every commune of a province',
      table,
      notes: [
        `${province.name}: ${count(province.communes)} communes, ${count(province.villages)} villages in force; programme ${BENCH_PROGRAMME.fromYear}–${BENCH_PROGRAMME.toYear} with ` +
          `${evaluation.targets.length} targets (value by level, count per year, change, 2-year coverage, milestone by trend, share of villages, one waiting for a module), year ${YEAR}, level commune, as of ${asOf} (view '${view}').`,
        `Statuses at the province: ${statuses}.`,
        `${runs} timed runs per variant after 3 warm-up runs, interleaved. Raw SQL = one statement over data_total for the province, its communes and villages in force on asOf, ` +
          `the targets' ${elementIds.length} elements and the year rollups Y${years[0]}–Y${years.at(-1)}: the rows the evaluation adds up, without the programme, the units' names or the rules.`,
        'The evaluation reads the programme, the unit, the units at the level and the villages of the share rule, the indicators, then their totals (one statement) and, for an open year, the latest period with values.',
      ],
      verdicts: [
        {
          target: `evaluation of every target for every commune of a province ≤ ${EVALUATION_MAX_P95_MS} ms (p95, HTTP)`,
          met: http.p95 <= EVALUATION_MAX_P95_MS,
          detail: `${ms(http.p95)} ms; raw SQL of the same totals ${ms(raw.p95)} ms = ${ratio(http.p95 / raw.p95)}`,
        },
      ],
      interpretation:
        `The evaluation reads maintained totals (year rollups), so its cost follows units × elements × years, not the values below: ` +
        `p95 ${ms(http.p95)} ms over HTTP against ${ms(raw.p95)} ms for the raw read of the same totals. The difference is the programme, the units' ` +
        'names, the indicators and the rules applied per unit and year in the process.',
    };
  } finally {
    await app.close();
  }
}

const bench: BenchModule = { order: 40, run };
export default bench;
