/**
 * The surveys part of the benchmark data (issue 13 "Performance"): one survey of 30 questions (10 select_multiple,
 * 12 select_one, 4 integer, 1 decimal, 2 text, 1 date; two of them asked only on an earlier answer, so some are
 * skipped) answered ≈ BENCH_SURVEY_RESPONSES times (default 1,000,000) across the 2025 communes of the first three
 * provinces of 2025 by code and the six respondent groups; 1 % of the responses are pending (a paper form awaiting
 * its second typing) and are not counted. The survey belongs to the first province (a benchmark simplification:
 * a survey of three provinces would belong to a central unit, which the unit tree does not hold); its responses and
 * tallies carry its province_id, as the response store writes them.
 * Answers derive from hashes of the response number and the question, so every seed gives the same data. The
 * responses are written in bulk, one set-based INSERT … SELECT generate_series per province; the tallies are then
 * built from the inserted responses by one SQL aggregation over the same keys the write path counts
 * (RESPONSE_KEYS of the tabulation repository: the counts survey_tally would hold had each response gone through
 * the store). Skipped when the survey already holds its responses, so a run resumes.
 * `node --import tsx bench/surveys.seed.ts` (after `npm run bench:seed`, which loads the units).
 */
import { sql } from 'kysely';
import type { TFormItem, TSurveyForm } from '#contracts/surveys/form.ts';
import type { Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { rebuildCrossTally } from '#server/modules/surveys/responses/response.repository.ts';
import { RESPONSE_KEYS } from '#server/modules/surveys/tabulation/tabulation.repository.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';
import { benchTarget, openBenchDatabase } from './db.ts';

export const BENCH_SURVEY_CODE = 'BENCH-KHAO-SAT-30';
export const BENCH_SURVEY_PROVINCES = 3;
/** The select_one question the survey is crossed by (survey.cross_questions). */
export const BENCH_CROSS_QUESTION = 's01';
const GROUPS = ['cadre', 'party_member', 'citizen', 'union_member', 'respected_person', 'other'];

/** One question of the benchmark form: its hash index k, type, choices or value range, and the answer that makes it relevant. */
interface Spec {
  k: number;
  name: string;
  type: 'select_one' | 'select_multiple' | 'integer' | 'decimal' | 'text' | 'date';
  /** choices c1…cn (selects) */
  n: number;
  /** integer range lo…hi (decimal: lo/2 … hi/2) */
  lo: number;
  hi: number;
  required: boolean;
  /** asked only when the select_one question number `dep` was answered with choice c{depChoice} */
  dep: number | null;
  depChoice: number | null;
}

function specs(): Spec[] {
  const out: Spec[] = [];
  let k = 0;
  const add = (s: Omit<Spec, 'k'>) => out.push({ ...s, k: ++k });
  // s01 and s02 first (required: the conditions of m06 and n02 read them)
  for (let i = 1; i <= 12; i++) add({ name: `s${String(i).padStart(2, '0')}`, type: 'select_one', n: 3 + (i % 4), lo: 0, hi: 0, required: i <= 2, dep: null, depChoice: null });
  for (let i = 1; i <= 10; i++) add({ name: `m${String(i).padStart(2, '0')}`, type: 'select_multiple', n: 5 + (i % 4), lo: 0, hi: 0, required: false, dep: i === 6 ? 1 : null, depChoice: i === 6 ? 1 : null });
  add({ name: 'n01', type: 'integer', n: 0, lo: 18, hi: 80, required: false, dep: null, depChoice: null });
  add({ name: 'n02', type: 'integer', n: 0, lo: 1, hi: 10, required: false, dep: 2, depChoice: 2 });
  add({ name: 'n03', type: 'integer', n: 0, lo: 0, hi: 40, required: false, dep: null, depChoice: null });
  add({ name: 'n04', type: 'integer', n: 0, lo: 0, hi: 24, required: false, dep: null, depChoice: null });
  add({ name: 'd01', type: 'decimal', n: 0, lo: 1, hi: 60, required: false, dep: null, depChoice: null });
  add({ name: 't01', type: 'text', n: 0, lo: 0, hi: 0, required: false, dep: null, depChoice: null });
  add({ name: 't02', type: 'text', n: 0, lo: 0, hi: 0, required: false, dep: null, depChoice: null });
  add({ name: 'date01', type: 'date', n: 0, lo: 0, hi: 0, required: false, dep: null, depChoice: null });
  return out;
}
export const BENCH_SPECS = specs();

/** The questionnaire (ZSurveyForm) of the benchmark survey: the selects in a group, the rest after it. */
export function benchSurveyForm(): TSurveyForm {
  const VI = '';
  const question = (s: Spec): TFormItem => {
    const dep = s.dep === null ? null : BENCH_SPECS.find((d) => d.k === s.dep);
    return {
      kind: 'question',
      name: s.name,
      type: s.type,
      label: { [VI]: `Câu ${s.k}` },
      required: s.required,
      ...(s.n > 0 ? { listName: `l${s.n}` } : {}),
      ...(dep ? { relevant: `\${${dep.name}} = 'c${s.depChoice}'` } : {}),
    };
  };
  const lists = Object.fromEntries(
    [3, 4, 5, 6, 7, 8].map((n) => [`l${n}`, Array.from({ length: n }, (_, i) => ({ name: `c${i + 1}`, label: { [VI]: `Phương án ${i + 1}` } }))]),
  );
  return {
    title: 'Khảo sát 30 câu (benchmark)',
    defaultLanguage: VI,
    languages: [VI],
    items: [
      { kind: 'group', name: 'lua_chon', label: { [VI]: 'Câu hỏi lựa chọn' }, items: BENCH_SPECS.filter((s) => s.n > 0).map(question) },
      ...BENCH_SPECS.filter((s) => s.n === 0).map(question),
    ],
    choiceLists: lists,
  };
}

const SEED = 13;

/** The survey (and its version 1), created once; its id and province. */
async function ensureSurvey(db: Database, owner: { id: number; provinceId: number }): Promise<number> {
  const existing = await db.selectFrom('survey').select('id').where('unit_id', '=', owner.id).where('code', '=', BENCH_SURVEY_CODE).executeTakeFirst();
  if (existing) return Number(existing.id);
  const now = new Date('2026-03-01T02:00:00Z');
  const survey = await db
    .insertInto('survey')
    .values({
      province_id: owner.provinceId, unit_id: owner.id, code: BENCH_SURVEY_CODE, title: 'Khảo sát 30 câu (benchmark)', status: 'open', current_version: 1,
      search_text: 'khao sat 30 cau benchmark', created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('survey_version')
    .values({ province_id: owner.provinceId, survey_id: Number(survey.id), number: 1, form: JSON.stringify(benchSurveyForm()), created_at: now })
    .execute();
  return Number(survey.id);
}

/** Responses number `from`…`to` of the survey in the communes under `path`: one statement. */
async function insertResponses(db: Database, survey: { id: number; provinceId: number }, path: string, from: number, to: number): Promise<void> {
  const s = BENCH_SPECS;
  const n = (x: Spec) => x.n;
  await sql`
    with spec as (
      select * from unnest(${s.map((x) => x.k)}::int[], ${s.map((x) => x.name)}::text[], ${s.map((x) => x.type)}::text[], ${s.map(n)}::int[],
        ${s.map((x) => x.lo)}::int[], ${s.map((x) => x.hi)}::int[], ${s.map((x) => x.required)}::boolean[], ${s.map((x) => x.dep ?? 0)}::int[],
        ${s.map((x) => (x.dep === null ? 0 : (s.find((d) => d.k === x.dep) as Spec).n))}::int[], ${s.map((x) => x.depChoice ?? 0)}::int[])
        as t(k, name, type, n, lo, hi, required, dep, dep_n, dep_choice)
    ),
    communes as (select array_agg(id order by id) as ids from admin_unit where path <@ ${path}::ltree and level = 'commune' and structure = '2025'),
    rows as (select g, abs(hashint8extended(g, ${SEED})) as h0, c.ids as communes from generate_series(${from}::bigint, ${to}::bigint) g, communes c),
    responses as (
      select r.g, r.communes[1 + r.h0 % array_length(r.communes, 1)] as unit_id, (${GROUPS}::text[])[1 + (r.h0 / 1000) % 6] as respondent_group,
        case when (r.h0 / 7) % 100 = 0 then 'pending' else 'accepted' end as status,
        timestamptz '2026-03-01 08:00:00+07' + make_interval(secs => ((r.h0 / 100000) % (60 * 86400))::int) as submitted_at, x.answers, x.cells
      from rows r cross join lateral (
        select coalesce(jsonb_object_agg(c.name, c.answer) filter (where c.state = 'answered'), '{}'::jsonb) as answers, coalesce(jsonb_object_agg(c.name, c.state) filter (where c.state <> 'answered'), '{}'::jsonb) as cells
        from (
          select q.name,
            case when q.dep > 0 and 1 + (abs(hashint8extended(r.g * 64 + q.dep, ${SEED})) / 100) % q.dep_n <> q.dep_choice then 'skipped'
                 when not q.required and q.h % 100 < 4 then 'unanswered' else 'answered' end as state,
            case q.type
              when 'select_one' then to_jsonb('c' || (1 + (q.h / 100) % q.n))
              when 'select_multiple' then to_jsonb(array_remove(array[
                case when q.mask & 1 > 0 then 'c1' end, case when q.mask & 2 > 0 then 'c2' end, case when q.mask & 4 > 0 then 'c3' end,
                case when q.mask & 8 > 0 then 'c4' end, case when q.mask & 16 > 0 then 'c5' end, case when q.mask & 32 > 0 and q.n >= 6 then 'c6' end,
                case when q.mask & 64 > 0 and q.n >= 7 then 'c7' end, case when q.mask & 128 > 0 and q.n >= 8 then 'c8' end], null))
              when 'integer' then to_jsonb(q.lo + (q.h / 100) % (q.hi - q.lo + 1))
              when 'decimal' then to_jsonb(((q.lo + (q.h / 100) % (q.hi - q.lo + 1)) / 2.0)::float8)
              when 'text' then to_jsonb('y kien so ' || (q.h / 100) % 1000)
              else to_jsonb(to_char(date '2026-01-01' + ((q.h / 100) % 300)::int, 'YYYY-MM-DD'))
            end as answer
          from (
            select sp.*, abs(hashint8extended(r.g * 64 + sp.k, ${SEED})) as h,
              -- a non-empty set of choices: bits of the hash, c1 when none
              greatest(1, ((abs(hashint8extended(r.g * 64 + sp.k, ${SEED})) / 100) % 256)::int & ((1 << greatest(sp.n, 1)) - 1)) as mask
            from spec sp
          ) q
        ) c
      ) x
    )
    insert into survey_response (id, province_id, survey_id, version_number, unit_id, respondent_group, channel, status, answers, cells, submitted_at, created_at, updated_at)
    select (lpad(to_hex((extract(epoch from x.submitted_at) * 1000)::bigint), 12, '0') || '7' || substr(md5(${survey.id} || ':' || x.g), 1, 3) || '8' || substr(md5(${survey.id} || ':' || x.g), 4, 15))::uuid,
      ${survey.provinceId}::bigint, ${survey.id}::bigint, 1, x.unit_id, x.respondent_group, 'import', x.status, x.answers, x.cells, x.submitted_at, x.submitted_at, x.submitted_at
    from responses x`.execute(db);
}

/** The tallies of the survey from its accepted responses: what the write path would hold. */
async function buildTallies(db: Database, survey: { id: number; provinceId: number }): Promise<number> {
  const questions = BENCH_SPECS.map((s) => s.name);
  const valueQuestions = BENCH_SPECS.filter((s) => s.type !== 'text' && s.type !== 'date').map((s) => s.name);
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '512MB'`.execute(trx);
    await sql`delete from survey_tally where province_id = ${survey.provinceId} and survey_id = ${survey.id}`.execute(trx);
    const result = await sql`
      insert into survey_tally (province_id, survey_id, unit_id, respondent_group, question, value, count)
      select r.province_id, r.survey_id, r.unit_id, r.respondent_group, x.question, x.value, count(*)
      from survey_response r cross join lateral (${RESPONSE_KEYS(sql`r.answers`, sql`r.cells`, questions, valueQuestions)}) x
      where r.province_id = ${survey.provinceId} and r.survey_id = ${survey.id} and r.status = 'accepted'
      group by 1, 2, 3, 4, 5, 6`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/**
 * The survey crosses by its first select_one question (s01, four choices, required): its cross tally built from
 * the accepted responses, as naming the question in the survey's cross_questions does.
 */
async function buildCrossTally(db: Database, survey: { id: number; provinceId: number }): Promise<void> {
  const questions = BENCH_SPECS.map((s) => s.name);
  const valueQuestions = BENCH_SPECS.filter((s) => s.type !== 'text' && s.type !== 'date').map((s) => s.name);
  await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '512MB'`.execute(trx);
    await trx.updateTable('survey').set({ cross_questions: [BENCH_CROSS_QUESTION] }).where('id', '=', survey.id).execute();
    await rebuildCrossTally(trx, { province_id: survey.provinceId, id: survey.id }, BENCH_CROSS_QUESTION, [{ number: 1, questions, valueQuestions }]);
  });
}

/** The benchmark survey with ≈ `wanted` responses and their tallies; returns its id. */
export async function seedSurveys(db: Database, wanted: number): Promise<number> {
  const started = performance.now();
  const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
  const provinces = await sql<{ id: number; code: string; name: string; path: string }>`
    select p.id, p.code, p.name, p.path::text as path from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code limit ${BENCH_SURVEY_PROVINCES}`.execute(db);
  const [owner] = provinces.rows;
  if (!owner) throw new Error('no 2025 province: run `npm run bench:seed` first');
  const survey = { id: await ensureSurvey(db, { id: Number(owner.id), provinceId: Number(owner.id) }), provinceId: Number(owner.id) };
  const per = Math.ceil(wanted / provinces.rows.length);
  let inserted = false;
  for (const [index, province] of provinces.rows.entries()) {
    const from = index * per + 1;
    const to = Math.min(wanted, (index + 1) * per);
    const present = await sql<{ n: string }>`
      select count(*) as n from survey_response r join admin_unit u on u.id = r.unit_id
      where r.province_id = ${survey.provinceId} and r.survey_id = ${survey.id} and u.path <@ ${province.path}::ltree`.execute(db);
    if (Number(present.rows[0]?.n ?? 0) > 0) {
      console.log(`[${index + 1}/${provinces.rows.length}] ${province.name}: responses present, skipped`);
      continue;
    }
    const tick = performance.now();
    await db.transaction().execute((trx) => insertResponses(trx, survey, province.path, from, to));
    inserted = true;
    console.log(`[${index + 1}/${provinces.rows.length}] ${province.name}: ${to - from + 1} responses (${seconds(tick)} s; ${seconds(started)} s)`);
  }
  const tallies = await db.selectFrom('survey_tally').select(sql<number>`count(*)`.as('n')).where('province_id', '=', survey.provinceId).where('survey_id', '=', survey.id).executeTakeFirst();
  if (inserted || Number(tallies?.n ?? 0) === 0) {
    const tick = performance.now();
    const rows = await buildTallies(db, survey);
    console.log(`tallies: ${rows} rows from the accepted responses (${seconds(tick)} s)`);
  }
  const crossed = await db.selectFrom('survey_cross_tally').select('count').where('province_id', '=', survey.provinceId).where('survey_id', '=', survey.id).where('by_question', '=', BENCH_CROSS_QUESTION).limit(1).execute();
  if (inserted || crossed.length === 0) {
    const tick = performance.now();
    await buildCrossTally(db, survey);
    console.log(`cross tally by ${BENCH_CROSS_QUESTION}: built from the accepted responses (${seconds(tick)} s)`);
  }
  await sql`analyze survey_response`.execute(db);
  await sql`analyze survey_tally`.execute(db);
  await sql`analyze survey_cross_tally`.execute(db);
  console.log(`surveys: survey ${survey.id} ready in ${seconds(started)} s`);
  return survey.id;
}

async function main(): Promise<void> {
  const wanted = Number(process.env.BENCH_SURVEY_RESPONSES ?? 1_000_000);
  if (!Number.isInteger(wanted) || wanted < 1000) throw new Error('BENCH_SURVEY_RESPONSES must be an integer ≥ 1000');
  const bench = await openBenchDatabase(benchTarget());
  try {
    await migrate(bench.handle.db);
    await bench.handle.db.transaction().execute((trx) => importOfficialUnits(trx));
    await seedSurveys(bench.handle.db, wanted);
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
