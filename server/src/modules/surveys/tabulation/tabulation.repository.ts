import { isExpression, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope, unitOwned } from '#server/shared/scope.ts';
import type { VersionKeys } from '../responses/tally.ts';

/**
 * All SQL of the tabulation (issue 13 must-have 4). A survey is read when its unit is in or above the reader's scope
 * (a commune reads the province's survey); its tallies and responses only for units in the scope (unitOwned on
 * survey_tally.unit_id / survey_response.unit_id), always by the survey's (province_id, survey_id): the tally and the
 * responses carry the survey's province (SCALE.md rule 2), first in their keys.
 */

type Db = Kysely<DB>;

export interface TabulatedSurvey {
  id: number;
  province_id: number;
  unit_id: number;
  code: string;
  title: string;
  decimals: number;
  current_version: number | null;
  /** The select_one questions survey_cross_tally crosses by. */
  cross_questions: string[];
  /** Those of them whose cross tally a job is still building (survey_cross_build): not to be read yet. */
  building: string[];
  /** The current version's questionnaire (ZSurveyForm), null before the first one. */
  form: unknown;
}

/** A survey whose unit is in or above the scope, with its current questionnaire. */
export async function findTabulatedSurvey(db: Db, scope: Scope, id: number): Promise<TabulatedSurvey | undefined> {
  return db
    .selectFrom('survey as s')
    .innerJoin('admin_unit as unit', 'unit.id', 's.unit_id')
    .leftJoin('survey_version as v', (join) =>
      join.onRef('v.province_id', '=', 's.province_id').onRef('v.survey_id', '=', 's.id').onRef('v.number', '=', 's.current_version'),
    )
    .where(inOrAboveScope('unit.path', scope))
    .where('s.id', '=', id)
    .select(['s.id', 's.province_id', 's.unit_id', 's.code', 's.title', 's.decimals', 's.current_version', 's.cross_questions', 'v.form'])
    .select(sql<string[]>`array(select b.question from survey_cross_build b where b.province_id = s.province_id and b.survey_id = s.id)`.as('building'))
    .executeTakeFirst();
}

/** The questionnaires of a survey's versions (by number): each response is counted with its own version's. */
export async function versionForms(db: Db, survey: { province_id: number; id: number }) {
  return db.selectFrom('survey_version').select(['number', 'form']).where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).execute();
}

/** What part of the sample a tabulation reads, besides the scope: a unit's subtree, one respondent group. */
export interface Selection {
  survey: { province_id: number; id: number };
  unitId?: number | undefined;
  respondentGroup?: string | undefined;
}

/** A summed tally row; `key` is the column of a cross-tabulation (a unit id, a group, a choice), '' without one. */
export interface KeyedTallyRow {
  key: string;
  question: string;
  value: string;
  count: number;
}

/** The unit at `unitId` and its subtree (when given). */
const underUnit = (unitId: number | undefined): Expression<SqlBool> =>
  unitId === undefined ? sql<SqlBool>`true` : sql<SqlBool>`unit.path <@ (select u.path from admin_unit u where u.id = ${unitId})`;

/**
 * The tallies of a selection summed by (question, value), and by the response unit or the respondent group for a
 * cross-tabulation: one aggregate over the survey's tally rows of the units in scope.
 */
export async function sumTally(db: Db, scope: Scope, selection: Selection, by: 'unit' | 'group' | null): Promise<KeyedTallyRow[]> {
  const key = by === 'unit' ? sql<string>`t.unit_id::text` : by === 'group' ? sql<string>`t.respondent_group` : sql<string>`''`;
  let query = unitOwned(db, 'survey_tally as t', 't.unit_id', scope)
    .where('t.province_id', '=', selection.survey.province_id)
    .where('t.survey_id', '=', selection.survey.id)
    .where(underUnit(selection.unitId));
  if (selection.respondentGroup) query = query.where('t.respondent_group', '=', selection.respondentGroup);
  const rows = await query
    .select([key.as('key'), 't.question', 't.value', sql<string>`sum(t.count)`.as('count')])
    .groupBy([sql`1`, 't.question', 't.value'])
    .having(sql<SqlBool>`sum(t.count) > 0`)
    .execute();
  return rows.map((row) => ({ key: row.key, question: row.question, value: row.value, count: Number(row.count) }));
}

/**
 * A cross-tabulation by a select_one question the survey names in cross_questions: its cross tally summed by
 * (choice, question, value) over the units in scope, as sumTally sums survey_tally (a few hundred thousand rows
 * at most, whatever the number of responses).
 */
export async function sumCrossTally(db: Db, scope: Scope, selection: Selection, question: string): Promise<KeyedTallyRow[]> {
  let query = unitOwned(db, 'survey_cross_tally as t', 't.unit_id', scope)
    .where('t.province_id', '=', selection.survey.province_id)
    .where('t.survey_id', '=', selection.survey.id)
    .where('t.by_question', '=', question)
    .where(underUnit(selection.unitId));
  if (selection.respondentGroup) query = query.where('t.respondent_group', '=', selection.respondentGroup);
  const rows = await query
    .select(['t.by_value as key', 't.question', 't.value', sql<string>`sum(t.count)`.as('count')])
    .groupBy(['t.by_value', 't.question', 't.value'])
    .having(sql<SqlBool>`sum(t.count) > 0`)
    .execute();
  return rows.map((row) => ({ key: row.key, question: row.question, value: row.value, count: Number(row.count) }));
}

/**
 * A cross-tabulation by a select_one question whose cross tally is not ready (not in the survey's cross_questions,
 * or still being built), from the accepted responses of the selection (the tallies do not cross questions): in
 * one pass, each response that answered `question` is counted under its choice as the tally would count it, with
 * the questions of the version it answered (`versions`) — ('', '') once, each question's cell ('' answered,
 * '~skipped', '~unanswered'), the choices of the selects and the numbers of its value questions (select and number
 * questions; text and dates only count as answered).
 * Its cost grows with the responses (every answer expanded in SQL): on the benchmark's 1,000,000 responses it took
 * 243 s on the shared 2-core machine (≈ 85 ms per 1,000 responses unloaded), against 0.4 s for the tallies; name
 * the question in the survey's cross_questions (sumCrossTally) or narrow it by unit or group on large surveys.
 */
export async function crossByQuestion(db: Db, scope: Scope, selection: Selection, question: string, versions: readonly VersionKeys[]): Promise<KeyedTallyRow[]> {
  let responses = unitOwned(db, 'survey_response as r', 'r.unit_id', scope)
    .where('r.province_id', '=', selection.survey.province_id)
    .where('r.survey_id', '=', selection.survey.id)
    .where('r.status', '=', 'accepted')
    .where(underUnit(selection.unitId))
    .where(sql<SqlBool>`jsonb_typeof(r.answers -> ${question}) = 'string'`);
  if (selection.respondentGroup) responses = responses.where('r.respondent_group', '=', selection.respondentGroup);
  const selected = responses.select([sql<string>`r.answers ->> ${question}`.as('key'), 'r.version_number', 'r.answers', 'r.cells']);
  const result = await sql<{ key: string; question: string; value: string; count: string }>`
    with r as (${selected})
    select r.key, x.question, x.value, count(*) as count
    from r join ${VERSION_KEYS(versions)} f on f.number = r.version_number
      cross join lateral (${RESPONSE_KEYS(sql`r.answers`, sql`r.cells`, sql<string[]>`f.questions`, sql<string[]>`f.value_questions`)}) x
    group by 1, 2, 3`.execute(db);
  return result.rows.map((row) => ({ key: row.key, question: row.question, value: row.value, count: Number(row.count) }));
}

/** The versions' question lists as a relation f(number, questions, value_questions), to join responses on their version. */
export const VERSION_KEYS = (versions: readonly VersionKeys[]) => sql`(
  select * from jsonb_to_recordset(${JSON.stringify(versions.map((v) => ({ number: v.number, questions: v.questions, value_questions: v.valueQuestions })))}::jsonb)
    as f(number integer, questions text[], value_questions text[]))`;

const textArray = (names: readonly string[] | Expression<string[]>) => (isExpression(names) ? names : sql`${[...names]}::text[]`);

/**
 * The (question, value) keys one response adds to the tallies, in SQL over its `answers` and `cells` (what
 * responses/tally.ts computes on the write path; a question is answered when it has an answer, tally.ts cellState):
 * used by the cross-tabulation by a question and by the benchmark's seed, which builds its tallies from its responses. `questions`: every question of the form;
 * `valueQuestions`: its select and number questions (lists, or columns of VERSION_KEYS). A select_multiple's choices are distinct in an answer (ZAnswers),
 * so they are not made distinct again (that doubled the cost of the expansion).
 */
export const RESPONSE_KEYS = (
  answers: Expression<unknown>,
  cells: Expression<unknown>,
  questions: readonly string[] | Expression<string[]>,
  valueQuestions: readonly string[] | Expression<string[]>,
) => sql`
  select '' as question, '' as value
  union all
  select q.name, case when (${answers}) ? q.name then '' when (${cells}) ->> q.name = 'skipped' then '~skipped' else '~unanswered' end
  from unnest(${textArray(questions)}) as q(name)
  union all
  select a.key, coalesce(e.value, a.value #>> '{}')
  from jsonb_each(${answers}) a
  left join lateral jsonb_array_elements_text(case when jsonb_typeof(a.value) = 'array' then a.value end) e(value) on true
  where a.key = any(${textArray(valueQuestions)}) and (e.value is not null or jsonb_typeof(a.value) <> 'array')`;

/** Names of units (the columns of a cross-tabulation by unit), in scope. */
export async function unitNames(db: Db, scope: Scope, ids: readonly number[]): Promise<{ id: number; name: string; path: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('admin_unit as unit')
    .where('unit.id', 'in', [...ids])
    .where(inOrAboveScope('unit.path', scope))
    .select(['unit.id', 'unit.full_name as name', sql<string>`unit.path::text`.as('path')])
    .orderBy('unit.path')
    .execute();
}
