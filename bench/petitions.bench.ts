/**
 * Citizens' cases at national scale (issue 12 "Performance"), on the cases of bench/petitions.seed.ts:
 * - accent-insensitive search of a province (GET /api/petitions?q=…, first page and total) p95 ≤ 50 ms;
 * - the overdue list of a province (GET /api/petitions?due=overdue, first page soonest due, and total) p95 ≤ 100 ms;
 * - the resolution rate of the nation by province (GET /api/petition-figures?by=province, a national administrator)
 *   p95 ≤ 1.5 × the raw SQL of the same counts, measured in the same run.
 * BENCH_RUNS (30) timed runs per variant after 3 warm-up runs, interleaved; BENCH_ONLY=petitions runs it alone.
 */
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { petitionEndpoints } from '#contracts/petitions/api.ts';
import { petitionFigureEndpoints } from '#contracts/petitions/figures.schemas.ts';
import { buildApp } from '#server/app.ts';
import { TestClient } from '#test/http-client.ts';
import type { RawClient } from './db.ts';
import { measure, type Variant } from './measure.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';
import { BENCH_PASSWORD, ensureBenchUser } from './bench-users.ts';

export const SEARCH_MAX_P95_MS = 50;
export const OVERDUE_MAX_P95_MS = 100;
export const RATE_MAX_RATIO = 1.5;
const ENDED = `('refused', 'transferred', 'closed', 'withdrawn', 'duplicate')`;

/** The 2025 province with the most cases. */
async function biggestProvince(raw: RawClient) {
  const [row] = await raw.query<{ id: string; name: string; path: string; cases: string }>(
    `select p.id, p.name, p.path::text as path, (select count(*) from petition_case c where c.province_id = p.id) as cases
     from admin_unit p where p.level = 'province' and p.structure = '2025' order by 4 desc limit 1`,
  );
  return row ? { id: Number(row.id), name: row.name, path: row.path, cases: Number(row.cases) } : null;
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench, today } = ctx;
  const { db } = bench.handle;
  const province = await biggestProvince(bench.raw);
  if (!province || province.cases === 0) throw new Error('no cases in the benchmark database: run `node --import tsx bench/petitions.seed.ts` (BENCH_CASES)');
  const [{ n: totalCases } = { n: '0' }] = await bench.raw.query<{ n: string }>('select count(*) as n from petition_case');
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const settings = bench.handle.target.kind === 'postgres'
    ? (await bench.raw.query<{ name: string; setting: string }>(`select name, current_setting(name) as setting from unnest(array['shared_buffers', 'work_mem']) as name`)).map((r) => `${r.name} ${r.setting}`).join(', ')
    : 'PGlite defaults';
  await ensureBenchUser(db, 'bench.petitions.province', province.id, 'unit_admin');
  await ensureBenchUser(db, 'bench.petitions.national', null, 'system_admin');
  const year = Number(today.slice(0, 4)) - 1;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const local = new TestClient(base);
    const national = new TestClient(base);
    for (const [client, user] of [[local, 'bench.petitions.province'], [national, 'bench.petitions.national']] as const) {
      const login = await client.login(user, BENCH_PASSWORD);
      if (login.status !== 200) throw new Error(`login ${user}: ${login.status}`);
    }
    const searches = { selective: 'nguyễn văn hùng bồi thường', common: 'đất đai' } as const;
    // the petitions module matches the folded words of q in the word index: every word but the last as a whole
    // word, the last as the start of a word (case.repository.ts caseConditions)
    const folded = { selective: ['nguyen', 'van', 'hung', 'boi', 'thuong'], common: ['dat', 'dai'] } as const;
    // a text search reads its page with one row more and is not counted (case.repository.ts listCases)
    const rawSearch = (words: readonly string[]) => async () => {
      const whole = words.slice(0, -1).map((_, i) => `to_tsquery('simple', $${i + 2})`).join(' && ');
      const where = `c.province_id = $1 and c.status <> 'duplicate' and c.search_words @@ (${whole}) and (c.search_words @@ to_tsquery('simple', $${words.length + 1} || ':*')) is true`;
      const params = [province.id, ...words];
      const rows = await bench.raw.query(`select c.id, c.code, c.subject, c.received_on from petition_case c where ${where} order by c.received_on desc, c.code desc limit 51`, params);
      return Math.min(rows.length, 50);
    };
    const httpList = (query: Record<string, string>) => async () => {
      const response = await local.call(petitionEndpoints.listCases, { query });
      if (response.status !== 200) throw new Error(`list: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return response.body.items.length;
    };
    const rateSql = `
      select c.province_id,
        count(*) filter (where c.received_on between $1 and $2 and c.status <> 'duplicate') as received,
        count(*) filter (where c.resolved_on between $1 and $2 and c.status not in ('duplicate', 'refused', 'transferred')) as resolved,
        count(*) filter (where c.resolved_on between $1 and $2 and c.status not in ('duplicate', 'refused', 'transferred') and c.outcome = 'on_time') as on_time,
        count(*) filter (where c.kind in ('complaint', 'denunciation') and c.received_on between $1 and $2 and c.status not in ('duplicate', 'refused', 'transferred', 'withdrawn')) as to_resolve,
        count(*) filter (where c.kind in ('complaint', 'denunciation') and c.resolved_on between $1 and $2 and c.status not in ('duplicate', 'refused', 'transferred')) as kd_resolved
      from petition_case c where (c.received_on between $1 and $2 or c.resolved_on between $1 and $2)
      group by c.province_id order by 1`;
    // the same figures both ways before timing
    const rawRates = await bench.raw.query<{ province_id: string; to_resolve: string; kd_resolved: string }>(rateSql, [from, to]);
    const figures = await national.call(petitionFigureEndpoints.figures, { query: { from, to, by: 'province' } });
    if (figures.status !== 200) throw new Error(`figures: ${figures.status}`);
    const mismatch = rawRates.filter((row) => {
      const http = figures.body.rows.find((r) => r.unitId === Number(row.province_id));
      return !http || http.kdToResolve !== Number(row.to_resolve) || http.kdResolved !== Number(row.kd_resolved);
    });
    if (mismatch.length > 0 || figures.body.rows.length !== rawRates.length) throw new Error(`figures differ from the raw SQL for ${mismatch.length} provinces`);

    const variants: Variant[] = [
      { name: `search "${searches.selective}": raw SQL (page + 1 row)`, run: rawSearch(folded.selective) },
      { name: `search "${searches.selective}": HTTP GET /api/petitions?q=`, run: httpList({ q: searches.selective }) },
      { name: `search "${searches.common}": raw SQL (page + 1 row)`, run: rawSearch(folded.common) },
      { name: `search "${searches.common}": HTTP GET /api/petitions?q=`, run: httpList({ q: searches.common }) },
      {
        name: 'overdue list: raw SQL (page + total)',
        run: async () => {
          const where = `c.province_id = $1 and c.status not in ${ENDED} and c.due_on < $2`;
          const [rows] = await Promise.all([
            bench.raw.query(`select c.id, c.code, c.due_on from petition_case c where ${where} order by c.due_on, c.received_on limit 50`, [province.id, today]),
            bench.raw.query(`select count(*) from petition_case c where ${where}`, [province.id, today]),
          ]);
          return rows.length;
        },
      },
      { name: 'overdue list: HTTP GET /api/petitions?due=overdue', run: httpList({ due: 'overdue' }) },
      { name: `resolution rate ${year}, nation by province: raw SQL`, run: async () => (await bench.raw.query(rateSql, [from, to])).length },
      {
        name: `resolution rate ${year}, nation by province: HTTP GET /api/petition-figures`,
        run: async () => {
          const response = await national.call(petitionFigureEndpoints.figures, { query: { from, to, by: 'province' } });
          if (response.status !== 200) throw new Error(`figures: ${response.status}`);
          return response.body.rows.length;
        },
      },
    ];
    const { samples, sizes } = await measure(variants, runs, 3);
    const rows = variants.map((v) => {
      const list = samples.get(v.name) ?? [];
      return { name: v.name, rows: sizes.get(v.name) ?? 0, p50: quantile(list, 0.5), p95: quantile(list, 0.95) };
    });
    const at = (i: number) => rows[i] as (typeof rows)[number];
    const table = [['variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs raw']];
    rows.forEach((row, i) => table.push([row.name, count(row.rows), ms(row.p50), ms(row.p95), i % 2 === 0 ? '1.00× (baseline)' : ratio(row.p95 / at(i - 1).p95)]));
    const [overdueTotal] = await bench.raw.query<{ n: string }>(`select count(*) as n from petition_case where province_id = $1 and status not in ${ENDED} and due_on < $2`, [province.id, today]);
    const worstSearch = Math.max(at(1).p95, at(3).p95);
    const total = figures.body.total;
    return {
      title: "Citizens' cases: search, overdue list, resolution rate by province",
      table,
      notes: [
        `${count(Number(totalCases))} cases over the 34 provinces of 2025 (population-weighted), received 2021-01-01 … ${today}; ${province.name}: ${count(province.cases)} cases, ` +
          `${count(Number(overdueTotal?.n ?? 0))} overdue today. Search and overdue list as a unit administrator of ${province.name}; the rate as a system administrator, year ${year}: ` +
          `${count(total.kdResolved)} / ${count(total.kdToResolve)} complaints and denunciations = ${total.resolutionRate ?? '–'} %.`,
        `${runs} timed runs per variant after 3 warm-up runs, interleaved. Raw SQL = the statements a hand-written endpoint would send for the same answer (search: ` +
          'the folded words in the word index search_words, whole words and the start of the last one, as the module does, newest first, the page and one row more to know whether more follow, not counted; overdue: open and due before today, soonest first, the page and the count), through the driver, no HTTP.',
        `PostgreSQL settings: ${settings}. Load average at the end of the run: ${loadavg()[0]?.toFixed(1)} on this machine (shared with other work): absolute times are noisy; ratios are of the same run.`,
      ],
      verdicts: [
        { target: `accent-insensitive search of a province ≤ ${SEARCH_MAX_P95_MS} ms (p95, HTTP)`, met: worstSearch <= SEARCH_MAX_P95_MS, detail: `selective ${ms(at(1).p95)} ms, common word ${ms(at(3).p95)} ms` },
        { target: `overdue list of a province ≤ ${OVERDUE_MAX_P95_MS} ms (p95, HTTP)`, met: at(5).p95 <= OVERDUE_MAX_P95_MS, detail: `${ms(at(5).p95)} ms; raw ${ms(at(4).p95)} ms` },
        {
          target: `resolution rate of the nation by province ≤ ${RATE_MAX_RATIO}× raw SQL (p95)`,
          met: at(7).p95 <= RATE_MAX_RATIO * at(6).p95,
          detail: `${ms(at(7).p95)} ms vs ${ms(at(6).p95)} ms = ${ratio(at(7).p95 / at(6).p95)}`,
        },
      ],
      interpretation:
        'Search reads one province newest first (the planner walks the (province_id, received_on) index and filters a common word, or intersects the word index for a rare combination) and stops after the page and one row; the page’s ids come from the cases alone, the scope checked on each case’s unit, since the unit join’s low estimate made the planner sort every match of a common word: a text search is not counted, since counting a common word (“đất đai”: every tenth case of a province) is a pass over the matches; the list says “hơn N vụ việc” and /api/petitions/counts counts on its own. ' +
        'The overdue list walks the partial index of open cases by due date (petition_case_open_by_due, with the unit for the scope check) for its page; its count reads that index alone and checks the scope against the set of the scope’s unit ids (read once through the path index and hashed), not by joining every case to its unit. ' +
        'The selective search reads the word index (a tsvector of the folded text, GIN with the province: migration 20261218T0900): every word of “nguyễn văn hùng bồi thường” is common, and GIN’s scan skips along the rarest whole word; the last word, which may still be being typed, is checked as the start of a word on the cases found, not in the index, which would first gather every case holding any word with that start, in every province. ' +
        'The resolution rate reads every case received or resolved in the year once (one pass, five filtered counts per province); the endpoint adds the scope join, names and the presenter.',
    };
  } finally {
    await app.close();
  }
}

const bench: BenchModule = { order: 50, run };
export default bench;
