/**
 * Survey tabulation at scale (issue 13 "Performance"), on the survey of bench/surveys.seed.ts (≈ 1,000,000
 * responses × 30 questions, a third select_multiple, across the communes of three provinces):
 * - the full tabulation (every question, choice, count, base, percent, number summaries) through HTTP
 *   GET /api/surveys/:id/tabulation and through the service (getTabulation), p95 ≤ 2 s on PostgreSQL 15;
 * - baselines in the same run: the raw SQL of the tally sum (what the service reads, through the driver), and
 *   formpack-style counting: every accepted response read from the database in batches of 10,000 (keyset by id)
 *   and counted row by row in Node per question and choice, as KoboToolbox's formpack summarises submissions;
 *   the ratio is printed. Before timing, the endpoint's figures must equal the row-by-row count's.
 * BENCH_RUNS (30) timed runs per fast variant after 3 warm-up runs, interleaved; BENCH_SURVEY_BASELINE_RUNS (3)
 * row-by-row runs; BENCH_ONLY=surveys runs it alone.
 */
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { formQuestions, ZSurveyForm, type TSurveyForm } from '#contracts/surveys/form.ts';
import { surveyEndpoints } from '#contracts/surveys/api.ts';
import type { TTabulatedQuestion } from '#contracts/surveys/tabulation.schemas.ts';
import { buildApp } from '#server/app.ts';
import { getTabulation, tabulate, type TallyRow } from '#server/modules/surveys/tabulation/index.ts';
import type { Actor } from '#server/shared/actor.ts';
import { TestClient } from '#test/http-client.ts';
import type { RawClient } from './db.ts';
import { measure, type Variant } from './measure.ts';
import { count, ms, quantile, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';
import { BENCH_CROSS_QUESTION, BENCH_SURVEY_CODE } from './surveys.seed.ts';
import { BENCH_PASSWORD, ensureBenchUser } from './bench-users.ts';

export const TABULATION_MAX_P95_MS = 2000;
const BATCH = 10_000;

/**
 * The baseline: formpack-style counting. Every accepted response of the survey read in batches (keyset on the
 * primary key), each answer counted in Node per question and value; the counts then go through the same pure
 * tabulate() (percentages of a few hundred cells: negligible) so that both sides give comparable figures.
 */
async function countRowByRow(
  raw: RawClient,
  survey: { id: number; province_id: number },
  form: TSurveyForm,
  crossBy?: string,
): Promise<{ submissions: number; questions: TTabulatedQuestion[]; read: number; columns: Map<string, { submissions: number; questions: TTabulatedQuestion[] }> }> {
  const questions = formQuestions(form).map((q) => q.question);
  const newCounts = () => new Map<string, Map<string, number>>([['', new Map<string, number>()], ...questions.map((q) => [q.name, new Map<string, number>()] as const)]);
  const overall = newCounts();
  // with crossBy (the check before timing), each response is also counted under its answer to that question
  const byChoice = new Map<string, Map<string, Map<string, number>>>();
  const bump = (cells: Map<string, number>, value: string) => cells.set(value, (cells.get(value) ?? 0) + 1);
  let submissions = 0;
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await raw.query<{ id: string; answers: Record<string, unknown>; cells: Record<string, string> }>(
      `select id, answers, cells from survey_response where province_id = $1 and id > $2 and survey_id = $3 and status = 'accepted' order by id limit ${BATCH}`,
      [survey.province_id, last, survey.id],
    );
    for (const row of rows) {
      submissions += 1;
      const choice = crossBy === undefined ? undefined : row.answers[crossBy];
      let crossed: Map<string, Map<string, number>> | undefined;
      if (typeof choice === 'string') {
        crossed = byChoice.get(choice) ?? newCounts();
        byChoice.set(choice, crossed);
      }
      for (const counts of crossed ? [overall, crossed] : [overall]) {
      bump(counts.get('') as Map<string, number>, '');
      for (const q of questions) {
        const cells = counts.get(q.name) as Map<string, number>;
        // answered = has an answer; stored cells keep the other states (responses/tally.ts cellState)
        const cell = Object.hasOwn(row.answers, q.name) ? 'answered' : row.cells[q.name];
        if (cell === 'skipped') bump(cells, '~skipped');
        else if (cell !== 'answered') bump(cells, '~unanswered');
        else {
          bump(cells, '');
          const value = row.answers[q.name];
          if (q.type === 'select_multiple' && Array.isArray(value)) for (const choice of value) bump(cells, String(choice));
          else if (q.type === 'select_one' && typeof value === 'string') bump(cells, value);
          else if ((q.type === 'integer' || q.type === 'decimal') && value !== undefined) bump(cells, String(Number(value)));
        }
      }
      }
    }
    if (rows.length < BATCH) break;
    last = (rows[rows.length - 1] as { id: string }).id;
  }
  const tabulated = (counts: Map<string, Map<string, number>>) => {
    const tally: TallyRow[] = [];
    for (const [question, cells] of counts) for (const [value, n] of cells) tally.push({ question, value, count: n });
    return tabulate(form, tally, { base: 'respondents', decimals: 1, language: form.defaultLanguage, readSensitive: true });
  };
  return { ...tabulated(overall), read: submissions, columns: new Map([...byChoice].map(([choice, counts]) => [choice, tabulated(counts)])) };
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench } = ctx;
  const { db } = bench.handle;
  const [survey] = await bench.raw.query<{ id: string; province_id: string; unit_id: string; form: unknown }>(
    `select s.id, s.province_id, s.unit_id, v.form from survey s join survey_version v on v.province_id = s.province_id and v.survey_id = s.id and v.number = s.current_version where s.code = $1`,
    [BENCH_SURVEY_CODE],
  );
  if (!survey) throw new Error('no benchmark survey: run `node --import tsx bench/surveys.seed.ts` (BENCH_SURVEY_RESPONSES)');
  const target = { id: Number(survey.id), province_id: Number(survey.province_id) };
  const form = ZSurveyForm.parse(survey.form);
  const [sizes] = await bench.raw.query<{ responses: string; accepted: string; tallies: string; cross_tallies: string; provinces: string; units: string }>(
    `select (select count(*) from survey_response where province_id = $1 and survey_id = $2) as responses,
       (select count(*) from survey_response where province_id = $1 and survey_id = $2 and status = 'accepted') as accepted,
       (select count(*) from survey_tally where province_id = $1 and survey_id = $2) as tallies,
       (select count(*) from survey_cross_tally where province_id = $1 and survey_id = $2) as cross_tallies,
       (select count(distinct unit_province_id(unit_id)) from survey_tally where province_id = $1 and survey_id = $2 and question = '') as provinces,
       (select count(distinct unit_id) from survey_tally where province_id = $1 and survey_id = $2 and question = '') as units`,
    [target.province_id, target.id],
  );
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const baselineRuns = Number(process.env.BENCH_SURVEY_BASELINE_RUNS ?? 3);
  const nationalId = await ensureBenchUser(db, 'bench.surveys.national', null, 'system_admin');
  await ensureBenchUser(db, 'bench.surveys.province', Number(survey.unit_id), 'unit_admin');
  const actor: Actor = { userId: nationalId, username: 'bench.surveys.national', roles: new Set(['system_admin']), unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  const settings =
    bench.handle.target.kind === 'postgres'
      ? (await bench.raw.query<{ name: string; setting: string }>(`select name, current_setting(name) as setting from unnest(array['shared_buffers', 'work_mem', 'jit']) as name`)).map((r) => `${r.name} ${r.setting}`).join(', ')
      : 'PGlite defaults';

  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const national = new TestClient(base);
    const local = new TestClient(base);
    for (const [client, user] of [[national, 'bench.surveys.national'], [local, 'bench.surveys.province']] as const) {
      const login = await client.login(user, BENCH_PASSWORD);
      if (login.status !== 200) throw new Error(`login ${user}: ${login.status}`);
    }
    const http = (client: TestClient, query: Record<string, string>) => async () => {
      const response = await client.call(surveyEndpoints.tabulation, { params: { id: target.id }, query: query as never });
      if (response.status !== 200) throw new Error(`tabulation: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
      return response.body.questions.length;
    };
    const rawSum = async () =>
      (await bench.raw.query(`select question, value, sum(count) as count from survey_tally where province_id = $1 and survey_id = $2 group by 1, 2`, [target.province_id, target.id])).length;

    // the same figures both ways before timing: the endpoint against the row-by-row count over the responses
    const started = performance.now();
    const baseline = await countRowByRow(bench.raw, target, form, BENCH_CROSS_QUESTION);
    const firstBaselineMs = performance.now() - started;
    const check = await national.call(surveyEndpoints.tabulation, { params: { id: target.id }, query: {} as never });
    if (check.status !== 200) throw new Error(`tabulation: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    if (check.body.submissions !== baseline.submissions || !isDeepStrictEqual(check.body.questions, baseline.questions)) {
      const differ = baseline.questions.filter((q, i) => !isDeepStrictEqual(q, check.body.questions[i])).map((q) => q.name);
      throw new Error(`the endpoint differs from the row-by-row count: submissions ${check.body.submissions} vs ${baseline.submissions}; questions ${differ.join(', ')}`);
    }
    const choices = check.body.questions.reduce((sum, q) => sum + (q.choices?.length ?? 0), 0);
    // the cross-tabulation by a select_one question (its cross tally) against the same count split by its answer
    const crossQuery = { by: `question:${BENCH_CROSS_QUESTION}` };
    const crossed = await national.call(surveyEndpoints.tabulation, { params: { id: target.id }, query: crossQuery as never });
    if (crossed.status !== 200) throw new Error(`cross-tabulation: ${crossed.status} ${JSON.stringify(crossed.body).slice(0, 300)}`);
    for (const column of crossed.body.columns) {
      const expected = baseline.columns.get(column.key);
      if (!expected || column.submissions !== expected.submissions || !isDeepStrictEqual(column.questions, expected.questions)) {
        throw new Error(`the cross-tabulation by ${BENCH_CROSS_QUESTION} differs from the row-by-row count in column ${column.key}`);
      }
    }
    if (crossed.body.columns.length !== baseline.columns.size) throw new Error(`cross-tabulation: ${crossed.body.columns.length} columns, row by row ${baseline.columns.size}`);
    const rawCross = async () =>
      (
        await bench.raw.query(`select by_value, question, value, sum(count) as count from survey_cross_tally where province_id = $1 and survey_id = $2 and by_question = $3 group by 1, 2, 3`, [
          target.province_id,
          target.id,
          BENCH_CROSS_QUESTION,
        ])
      ).length;

    const variants: Variant[] = [
      { name: 'tally sum by question × value: raw SQL', run: rawSum },
      { name: 'full tabulation: service getTabulation()', run: async () => (await getTabulation(db, actor, target.id, { base: 'respondents' })).questions.length },
      { name: 'full tabulation: HTTP GET /api/surveys/:id/tabulation (system administrator)', run: http(national, {}) },
      { name: 'full tabulation, base = all submissions: HTTP', run: http(national, { base: 'submissions' }) },
      { name: 'cross-tabulation by respondent group (6 columns): HTTP', run: http(national, { by: 'group' }) },
      { name: `cross tally sum by ${BENCH_CROSS_QUESTION} choice × question × value: raw SQL`, run: rawCross },
      { name: `cross-tabulation by a select_one question (${BENCH_CROSS_QUESTION}, ${crossed.body.columns.length} columns) × every question: HTTP`, run: http(national, crossQuery) },
      { name: 'the owner province’s share: HTTP (its unit administrator)', run: http(local, {}) },
    ];
    const { samples, sizes: rowsOf } = await measure(variants, runs, 3);
    const baselineSamples = [firstBaselineMs];
    for (let i = 1; i < baselineRuns; i++) {
      const tick = performance.now();
      await countRowByRow(bench.raw, target, form);
      baselineSamples.push(performance.now() - tick);
    }
    const stat = (list: readonly number[]) => ({ p50: quantile(list, 0.5), p95: quantile(list, 0.95) });
    const timed = variants.map((v) => ({ name: v.name, rows: rowsOf.get(v.name) ?? 0, ...stat(samples.get(v.name) ?? []) }));
    const raw = timed[0] as (typeof timed)[number];
    const service = timed[1] as (typeof timed)[number];
    const viaHttp = timed[2] as (typeof timed)[number];
    const rawCrossTimed = timed[5] as (typeof timed)[number];
    const viaCross = timed[6] as (typeof timed)[number];
    const rowByRow = { name: `baseline: formpack-style row-by-row count in Node (${count(baseline.read)} responses read in batches of ${count(BATCH)})`, rows: baseline.questions.length, ...stat(baselineSamples) };
    const table = [['variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs raw SQL']];
    for (const row of [...timed, rowByRow]) table.push([row.name, count(row.rows), ms(row.p50), ms(row.p95), ratio(row.p95 / raw.p95)]);
    const speedup = rowByRow.p50 / viaHttp.p50;
    return {
      title: 'Survey tabulation: 1M responses × 30 questions from the tallies vs row-by-row counting',
      table,
      notes: [
        `${count(Number(sizes?.responses))} responses (${count(Number(sizes?.accepted))} accepted, counted) of one survey of 30 questions (10 select_multiple, 12 select_one, 4 integer, 1 decimal, 2 text, 1 date; 2 asked only on an earlier answer) ` +
          `from ${count(Number(sizes?.units))} communes of ${sizes?.provinces} provinces and 6 respondent groups (bench/surveys.seed.ts); ${count(Number(sizes?.tallies))} survey_tally rows (unit × group × question × value); ` +
          `the tabulation has ${check.body.questions.length} questions and ${count(choices)} choices. The survey is crossed by ${BENCH_CROSS_QUESTION} (survey.cross_questions): ${count(Number(sizes?.cross_tallies))} survey_cross_tally rows; before timing, the cross-tabulation by it equalled the row-by-row count split by its answer, column by column.`,
        `Row-by-row is ${speedup.toFixed(0)}× slower than the endpoint (p50 ${ms(rowByRow.p50)} ms vs ${ms(viaHttp.p50)} ms); before timing, the endpoint's figures equalled the row-by-row count's, question by question.`,
        `${runs} timed runs per variant after 3 warm-up runs, interleaved; the row-by-row baseline ${baselineRuns} runs (its p95 is its slowest). Raw SQL = the tally sum through the driver, without the scope join or HTTP. ${settings}. ` +
          `Load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (2 cores shared with other work).`,
      ],
      verdicts: [
        { target: `full tabulation through HTTP ≤ ${TABULATION_MAX_P95_MS} ms (p95)`, met: viaHttp.p95 <= TABULATION_MAX_P95_MS, detail: `${ms(viaHttp.p95)} ms (service ${ms(service.p95)} ms, raw tally sum ${ms(raw.p95)} ms); row-by-row ${ms(rowByRow.p50)} ms = ${speedup.toFixed(0)}× slower` },
        { target: `cross-tabulation by a select_one question through HTTP ≤ ${TABULATION_MAX_P95_MS} ms (p95)`, met: viaCross.p95 <= TABULATION_MAX_P95_MS, detail: `${ms(viaCross.p95)} ms (raw cross tally sum ${ms(rawCrossTimed.p95)} ms)` },
      ],
      interpretation:
        'The tabulation reads the tallies the write path keeps (a few hundred thousand rows: unit × group × question × value), not the responses: its cost grows with the communes and the distinct values, not with the number of responses. ' +
        'Row-by-row counting must read and parse every response (≈ 1.3 kB of JSON each) and grows with them. A cross-tabulation by a select_one question the survey names in cross_questions reads its cross tally (the same keys split by the choice), kept by the write path; by any other question it still expands every response in SQL (minutes on this survey).',
    };
  } finally {
    await app.close();
  }
}

const bench: BenchModule = { order: 70, run };
export default bench;
