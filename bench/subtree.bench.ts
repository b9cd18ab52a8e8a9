/**
 * Subtree query: every village under a big province as of a date, through the repository
 * (`listVillagesUnder`, unscoped and with a province-scoped actor) against the same SQL sent to the driver
 * directly. Medians and p95 over BENCH_RUNS runs (default 50), runs interleaved; plus the EXPLAIN ANALYZE plan.
 */
import type { Scope } from '#server/shared/actor.ts';
import { listVillagesUnder } from '#server/modules/units/unit.repository.ts';
import type { RawClient } from './db.ts';
import { measure, type Variant } from './measure.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';

/** The repository's query written by hand (all-scope form): the baseline. */
const RAW_SQL = `select u.id, u.name, u.type, u.parent_id from admin_unit u
  where u.path <@ $1::ltree and u.level = 'village'
    and (u.valid_from is null or u.valid_from <= $2::date) and (u.valid_to is null or u.valid_to >= $2::date)`;

const VALID = (alias: string) =>
  `(${alias}.valid_from is null or ${alias}.valid_from <= $1::date) and (${alias}.valid_to is null or ${alias}.valid_to >= $1::date)`;

/** Target: a province subtree in under this many milliseconds (median, PGlite, ~100k villages). */
export const SUBTREE_TARGET_MS = 50;

interface Province {
  id: number;
  name: string;
  structure: string;
  path: string;
  villages: number;
}

/** The province valid on `asOf` with the most villages valid on `asOf`. */
async function biggestProvince(raw: RawClient, asOf: string): Promise<Province> {
  const [row] = await raw.query<Province>(
    `select p.id, p.name, p.structure, p.path::text as path, count(v.id)::int as villages
     from admin_unit p join admin_unit v on ltree2text(subpath(v.path, 0, 1))::bigint = p.id
     where p.level = 'province' and v.level = 'village' and ${VALID('p')} and ${VALID('v')}
     group by p.id order by villages desc limit 1`,
    [asOf],
  );
  if (!row) throw new Error(`no villages valid on ${asOf}: run npm run bench:seed first`);
  return row;
}

/** Plan lines without costs, and whether the ltree gist index appears. */
async function explain(raw: RawClient, province: Province, asOf: string) {
  const rows = await raw.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, buffers off) ${RAW_SQL}`, [province.path, asOf]);
  const lines = rows.map((row) => row['QUERY PLAN']).filter((line) => !/^\s*Planning:|^\s*Buffers:/.test(line));
  const execution = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN);
  return { text: lines.join('\n'), usesGist: lines.some((line) => line.includes('admin_unit_path_gist')), execution };
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { db } = ctx.bench.handle;
  const { raw } = ctx.bench;
  const runs = Number(process.env.BENCH_RUNS ?? 50);
  const [{ total } = { total: 0 }] = await raw.query<{ total: number }>(`select count(*)::int as total from admin_unit where level = 'village'`);
  const table = [['as of', 'province (villages)', 'query', 'median ms', 'p95 ms', 'median vs raw']];
  const blocks: string[] = [];
  let worstRepositoryMedian = 0;
  let gistEverywhere = true;
  const ratios: number[] = [];
  const executions: number[] = [];
  const rawMedians: number[] = [];
  const villageCounts: number[] = [];

  for (const asOf of ['2019-01-01', ctx.today]) {
    const province = await biggestProvince(raw, asOf);
    const scoped: Scope = { all: false, roots: [province.path] };
    const variants: Variant[] = [
      { name: 'raw SQL (driver)', run: async () => (await raw.query(RAW_SQL, [province.path, asOf])).length },
      { name: 'repository, scope all', run: async () => (await listVillagesUnder(db, { all: true }, province.path, asOf)).length },
      { name: 'repository, scoped actor', run: async () => (await listVillagesUnder(db, scoped, province.path, asOf)).length },
    ];
    const { samples, sizes } = await measure(variants, runs, 5);
    if (new Set(sizes.values()).size !== 1 || sizes.get('raw SQL (driver)') !== province.villages) {
      throw new Error(`variants disagree on ${province.name} ${asOf}: ${JSON.stringify([...sizes])}`);
    }
    const rawMedian = quantile(samples.get('raw SQL (driver)') ?? [], 0.5);
    rawMedians.push(rawMedian);
    villageCounts.push(province.villages);
    for (const variant of variants) {
      const list = samples.get(variant.name) ?? [];
      const median = quantile(list, 0.5);
      if (variant.name.startsWith('repository')) {
        worstRepositoryMedian = Math.max(worstRepositoryMedian, median);
        ratios.push(median / rawMedian);
      }
      table.push([
        asOf,
        `${province.name} ${province.structure} (${count(province.villages)})`,
        variant.name,
        ms(median),
        ms(quantile(list, 0.95)),
        variant.name.startsWith('raw') ? '1.00× (baseline)' : ratio(median / rawMedian),
      ]);
    }
    const plan = await explain(raw, province, asOf);
    gistEverywhere &&= plan.usesGist;
    executions.push(plan.execution);
    blocks.push(`-- as of ${asOf}, ${province.name} ${province.structure}\n${plan.text}`);
  }

  const met = worstRepositoryMedian < SUBTREE_TARGET_MS;
  const range = (values: number[], format: (value: number) => string) =>
    `${format(Math.min(...values))}–${format(Math.max(...values))}`;
  const interpretation =
    `${met ? 'Subtree queries stay fast at national scale' : 'Subtree queries do NOT stay fast enough at national scale'}: ` +
    `with ${count(total)} villages, the ${range(villageCounts, count)} villages of the largest province come back in at most ` +
    `${ms(worstRepositoryMedian)} ms median through the repository (target < ${SUBTREE_TARGET_MS} ms), ` +
    `${range(ratios, ratio)} the time of the same SQL sent to the driver, so Kysely, the dialect and the scope condition cost ` +
    `little. ${gistEverywhere ? 'The planner uses the ltree GiST index' : 'The planner does NOT always use the ltree GiST index'}; ` +
    `the executor needs ${range(executions, ms)} ms of the ${range(rawMedians, ms)} ms a raw query takes, the rest is ` +
    `moving the rows out of the database${ctx.bench.handle.target.kind === 'pglite' ? ' (PGlite: WASM to JS)' : ''}.`;
  return {
    title: 'Subtree query: villages under a province as of a date',
    interpretation,
    table,
    block: blocks.join('\n\n'),
    notes: [
      `${count(total)} villages in the database; ${runs} timed runs per row after 5 warm-up runs, variants interleaved.`,
      'Raw = the same SQL through the driver (PGlite `query` / `pg.Pool`); repository = `listVillagesUnder` through Kysely and our dialect.',
      `Plan: the ltree GiST index admin_unit_path_gist is ${gistEverywhere ? 'used for both dates' : 'NOT used for every date (see plan)'}.`,
    ],
    verdicts: [
      {
        target: `province subtree < ${SUBTREE_TARGET_MS} ms median (repository)`,
        met,
        detail: `worst repository median ${ms(worstRepositoryMedian)} ms`,
      },
    ],
  };
}

const bench: BenchModule = { order: 10, run };
export default bench;
