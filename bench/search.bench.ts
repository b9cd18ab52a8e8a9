/**
 * Unit search as a user types: names, initials ("tphcm"), earlier and common names, over every unit of both
 * structures and the villages (`matchUnits`: official units, then villages to fill the page; unscoped and
 * province-scoped) against two baselines measured in the same run: the same compiled SQL sent to the driver, and the plain name search it replaced (a substring of
 * the folded name, raw SQL), to show what the initials and history keys cost.
 */
import { matchUnits, searchKey, unitMatchQuery } from '#server/modules/units/unit-search.repository.ts';
import { measure, type Variant } from './measure.ts';
import { ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';

/** The search before initials and history: folded name contains the query (trigram index). */
const PLAIN_SQL = `select u.id from admin_unit u
  where replace(u.search_name, ' ', '') like '%' || $1 || '%'
    and (u.valid_from is null or u.valid_from <= $2::date) and (u.valid_to is null or u.valid_to >= $2::date)
  order by array_position(array['province','district','commune','village'], u.level), u.full_name limit 20`;

/** Target: a search answers in under this many milliseconds (median), fast enough to follow typing. */
export const SEARCH_TARGET_MS = 50;

const QUERIES = ['quang tri', 'tphcm', 'tt huế', 'thon 1', 'hai phu'];

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { db } = ctx.bench.handle;
  const { raw } = ctx.bench;
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const [province] = await raw.query<{ path: string }>(`select path::text as path from admin_unit where structure = '2025' and code = '44'`);
  const scoped = { all: false as const, roots: [province?.path ?? '0'] };
  const table = [['query', 'variant', 'rows', 'median ms', 'p95 ms', 'median vs raw']];
  let worst = 0;
  for (const q of QUERIES) {
    const compiled = unitMatchQuery(db, { all: true }, q, ctx.today, 20, 'official').compile();
    const compiledVillages = unitMatchQuery(db, { all: true }, q, ctx.today, 20, 'village').compile();
    const rawBoth = async () => {
      const official = await raw.query(compiled.sql, [...compiled.parameters]);
      return official.length < 20 ? official.length + (await raw.query(compiledVillages.sql, [...compiledVillages.parameters])).length : 20;
    };
    const variants: Variant[] = [
      { name: 'raw SQL (driver), same queries', run: rawBoth },
      { name: 'repository, scope all', run: async () => (await matchUnits(db, { all: true }, q, ctx.today, 20)).length },
      { name: 'repository, province actor', run: async () => (await matchUnits(db, scoped, q, ctx.today, 20)).length },
      { name: 'plain name search (old), raw', run: async () => (await raw.query(PLAIN_SQL, [searchKey(q), ctx.today])).length },
    ];
    const { samples, sizes } = await measure(variants, runs, 3);
    const rawMedian = quantile(samples.get(variants[0]?.name ?? '') ?? [], 0.5);
    for (const variant of variants) {
      const list = samples.get(variant.name) ?? [];
      const median = quantile(list, 0.5);
      if (variant.name.startsWith('repository')) worst = Math.max(worst, median);
      table.push([q, variant.name, String(sizes.get(variant.name)), ms(median), ms(quantile(list, 0.95)), ratio(median / rawMedian)]);
    }
  }
  const met = worst < SEARCH_TARGET_MS;
  return {
    title: 'Unit search: names, initials, earlier and common names',
    table,
    notes: [
      `${runs} timed runs per row after 3 warm-up runs, variants interleaved; limit 20 hits; as of ${ctx.today}.`,
      'Province actor = scope of the 2025 province Quảng Trị (44). "plain name search (old)" is the search before B10 (issue 7), for the cost of the new keys.',
    ],
    verdicts: [{ target: `unit search < ${SEARCH_TARGET_MS} ms median (repository)`, met, detail: `worst repository median ${ms(worst)} ms` }],
    interpretation:
      `${met ? 'Search follows typing at national scale' : 'Search is NOT fast enough at national scale'}: the slowest query ` +
      `takes ${ms(worst)} ms median through the repository (target < ${SEARCH_TARGET_MS} ms). The trigram indexes on the ` +
      'folded names and on the initials keys serve the name, history and common-name branches; compare with the plain ' +
      'substring search on the same rows to see what the extra keys cost.',
  };
}

const bench: BenchModule = { order: 15, run };
export default bench;
