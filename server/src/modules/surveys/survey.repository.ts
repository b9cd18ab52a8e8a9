import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope, inScope, unitOwned } from '#server/shared/scope.ts';

/**
 * All SQL of surveys, their versions, targets and links. A survey is read by the subtree of its unit and the units
 * above (like campaigns): every read starts from `readableSurveys`; it is managed only when its unit is in scope
 * (`in_scope`). Its children are read by (province_id, survey_id) of a survey read that way; counts of responses are
 * read from the tallies of units in scope.
 */
export function readableSurveys(db: Kysely<DB>, scope: Scope) {
  return db.selectFrom('survey as s').innerJoin('admin_unit as unit', 'unit.id', 's.unit_id').where(inOrAboveScope('unit.path', scope));
}

function surveyColumns(db: Kysely<DB>, scope: Scope) {
  return readableSurveys(db, scope).select([
    's.id',
    's.province_id',
    's.unit_id',
    's.code',
    's.title',
    's.purpose',
    's.status',
    's.opens_on',
    's.closes_on',
    's.collects_identity',
    's.double_entry',
    's.decimals',
    's.cross_questions',
    's.public_token',
    's.current_version',
    's.notes',
    's.version',
    'unit.full_name as unit_name',
    'unit.path as unit_path',
    sql<boolean>`${inScope('unit.path', scope)}`.as('in_scope'),
    sql<number>`(select coalesce(sum(x.quota), 0)::int from survey_target x where x.province_id = s.province_id and x.survey_id = s.id)`.as('quota'),
    // accepted responses of the units in the reader's scope: the tallies' ('', '') rows
    sql<number>`(select coalesce(sum(t.count), 0)::int from survey_tally t join admin_unit tu on tu.id = t.unit_id
      where t.province_id = s.province_id and t.survey_id = s.id and t.question = '' and t.value = '' and ${inScope('tu.path', scope)})`.as('responses'),
  ]);
}

export type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveyColumns>['executeTakeFirstOrThrow']>>;

export interface SurveyFilter {
  q?: string;
  unitId?: number;
  status?: 'draft' | 'open' | 'closed';
  limit: number;
}

/** Surveys the actor may read, newest first. `q` matches code and title without diacritics. */
export async function listSurveys(db: Kysely<DB>, scope: Scope, filter: SurveyFilter): Promise<SurveyRow[]> {
  let query = surveyColumns(db, scope);
  if (filter.unitId !== undefined) query = query.where('s.unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`s.search_text like fold_vi(${pattern})`);
  }
  return query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(filter.limit).execute();
}

/** One survey the actor may read, or undefined (404). */
export async function findSurvey(db: Kysely<DB>, scope: Scope, id: number): Promise<SurveyRow | undefined> {
  return surveyColumns(db, scope).where('s.id', '=', id).executeTakeFirst();
}

/** Locks a survey read in scope for a change of its versions, targets or links. */
export async function lockSurvey(db: Kysely<DB>, provinceId: number, id: number): Promise<void> {
  await db.selectFrom('survey').select('id').where('province_id', '=', provinceId).where('id', '=', id).forUpdate().execute();
}

/** Whether the unit already has a survey with this code. */
export async function surveyCodeTaken(db: Kysely<DB>, unitId: number, code: string): Promise<boolean> {
  return (await db.selectFrom('survey').select('id').where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst()) !== undefined;
}

export interface SurveyValues {
  unit_id: number;
  code: string;
  title: string;
  purpose: string | null;
  opens_on: string | null;
  closes_on: string | null;
  collects_identity: boolean;
  double_entry: boolean;
  decimals: number;
  notes: string | null;
  search_text: string;
  created_by: number | null;
  created_at: Date;
}

/** Writes a survey (draft); its province is the 2025 province of its unit. */
export async function insertSurvey(db: Kysely<DB>, values: SurveyValues): Promise<{ id: number; province_id: number }> {
  return db
    .insertInto('survey')
    .values({ ...values, province_id: sql<number>`unit_province_id(${values.unit_id}::bigint)`, updated_at: values.created_at })
    .returning(['id', 'province_id'])
    .executeTakeFirstOrThrow();
}

export interface SurveyChanges {
  title?: string;
  purpose?: string | null;
  opens_on?: string | null;
  closes_on?: string | null;
  collects_identity?: boolean;
  double_entry?: boolean;
  decimals?: number;
  notes?: string | null;
  cross_questions?: string[];
  search_text?: string;
  public_token?: string | null;
  current_version?: number | null;
  status?: 'draft' | 'open' | 'closed';
}

/** Changes a survey if it still has the version read (null: any); false when someone changed it since. */
export async function updateSurvey(db: Kysely<DB>, survey: { province_id: number; id: number }, seenVersion: number | null, changes: SurveyChanges, now: Date): Promise<boolean> {
  let query = db
    .updateTable('survey')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: now })
    .where('province_id', '=', survey.province_id)
    .where('id', '=', survey.id);
  if (seenVersion !== null) query = query.where('version', '=', seenVersion);
  return Number((await query.executeTakeFirst()).numUpdatedRows) === 1;
}

/** The versions of a survey read through readableSurveys, oldest first (without their forms). */
export async function listVersions(db: Kysely<DB>, survey: { province_id: number; id: number }) {
  return db
    .selectFrom('survey_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select([
      'v.number',
      'v.source_attachment_id',
      'v.created_at',
      'u.full_name as created_by_name',
      'v.form',
    ])
    .where('v.province_id', '=', survey.province_id)
    .where('v.survey_id', '=', survey.id)
    .orderBy('v.number')
    .execute();
}

/** The questionnaire of one version of a survey read through readableSurveys. */
export async function findVersionForm(db: Kysely<DB>, survey: { province_id: number; id: number }, number: number): Promise<unknown> {
  const row = await db
    .selectFrom('survey_version')
    .select('form')
    .where('province_id', '=', survey.province_id)
    .where('survey_id', '=', survey.id)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.form;
}

/** The next version number of a survey (locked by the caller). */
export async function nextVersionNumber(db: Kysely<DB>, survey: { province_id: number; id: number }): Promise<number> {
  const row = await db
    .selectFrom('survey_version')
    .select(sql<number>`coalesce(max(number), 0)::int`.as('n'))
    .where('province_id', '=', survey.province_id)
    .where('survey_id', '=', survey.id)
    .executeTakeFirstOrThrow();
  return row.n + 1;
}

export async function insertVersion(
  db: Kysely<DB>,
  values: { province_id: number; survey_id: number; number: number; form: string; source_attachment_id: string | null; created_by: number | null; created_at: Date },
): Promise<void> {
  await db.insertInto('survey_version').values(values).execute();
}

/** The targets of a survey read through readableSurveys, with the units' names, in unit then group order. */
/** The kept cross questions whose cross tally a job is still building, with the job and how far it got. */
export async function listCrossBuilds(db: Kysely<DB>, survey: { province_id: number; id: number }) {
  return db
    .selectFrom('survey_cross_build')
    .select(['question', 'job_id', 'done'])
    .where('province_id', '=', survey.province_id)
    .where('survey_id', '=', survey.id)
    .execute();
}

export async function listTargets(db: Kysely<DB>, survey: { province_id: number; id: number }) {
  return db
    .selectFrom('survey_target as x')
    .innerJoin('admin_unit as tu', 'tu.id', 'x.unit_id')
    .select(['x.unit_id', 'tu.full_name as unit_name', 'tu.path as unit_path', 'x.respondent_group', 'x.quota'])
    .where('x.province_id', '=', survey.province_id)
    .where('x.survey_id', '=', survey.id)
    .orderBy('tu.full_name')
    .orderBy('x.unit_id')
    .orderBy('x.respondent_group')
    .execute();
}

/** Replaces the targets of a survey (locked by the caller). */
export async function replaceTargets(db: Kysely<DB>, survey: { province_id: number; id: number }, targets: { unit_id: number; respondent_group: string; quota: number }[]): Promise<void> {
  await db.deleteFrom('survey_target').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).execute();
  if (targets.length === 0) return;
  await db
    .insertInto('survey_target')
    .values(targets.map((t) => ({ ...t, province_id: survey.province_id, survey_id: survey.id })))
    .execute();
}

/** Units among `ids` in the actor's scope and in the subtree of `rootPath` (the survey's unit and below). */
export async function unitsInScopeUnder(db: Kysely<DB>, scope: Scope, rootPath: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('admin_unit as u')
    .select('u.id')
    .where('u.id', 'in', ids)
    .where(inScope('u.path', scope))
    .where(sql<boolean>`u.path <@ ${rootPath}::ltree`)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Responses per targeted unit × group for the units in the reader's scope: accepted from the tallies' ('', '')
 * rows, pending counted from the responses.
 */
export async function progressCounts(db: Kysely<DB>, scope: Scope, survey: { province_id: number; id: number }) {
  const [accepted, pending] = await Promise.all([
    unitOwned(db, 'survey_tally as t', 't.unit_id', scope)
      .select(['t.unit_id', 't.respondent_group', sql<number>`sum(t.count)::int`.as('n')])
      .where('t.province_id', '=', survey.province_id)
      .where('t.survey_id', '=', survey.id)
      .where('t.question', '=', '')
      .where('t.value', '=', '')
      .groupBy(['t.unit_id', 't.respondent_group'])
      .execute(),
    unitOwned(db, 'survey_response as r', 'r.unit_id', scope)
      .select(['r.unit_id', 'r.respondent_group', sql<number>`count(*)::int`.as('n')])
      .where('r.province_id', '=', survey.province_id)
      .where('r.survey_id', '=', survey.id)
      .where('r.status', '=', 'pending')
      .groupBy(['r.unit_id', 'r.respondent_group'])
      .execute(),
  ]);
  return { accepted, pending };
}

/** Units' names and paths by id (units read in scope or targeted by a survey read in scope). */
export async function unitNames(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('admin_unit').select(['id', 'full_name', 'path']).where('id', 'in', ids).execute();
}

export async function insertInvitations(
  db: Kysely<DB>,
  rows: { province_id: number; survey_id: number; unit_id: number; respondent_group: string; token_hash: string; label: string | null; created_by: number; created_at: Date }[],
): Promise<void> {
  if (rows.length) await db.insertInto('survey_invitation').values(rows).execute();
}

// --- the public side: no actor, a token names the survey ---

const PUBLIC_COLUMNS = [
  's.id',
  's.province_id',
  's.unit_id',
  's.title',
  's.purpose',
  's.status',
  's.opens_on',
  's.closes_on',
  's.collects_identity',
  's.current_version',
  'unit.full_name as unit_name',
] as const;

/** The survey behind a public link (no actor: the token is the key), only with a questionnaire and not a draft. */
export async function findSurveyByPublicToken(db: Kysely<DB>, token: string) {
  return db
    .selectFrom('survey as s')
    .innerJoin('admin_unit as unit', 'unit.id', 's.unit_id')
    .select(PUBLIC_COLUMNS)
    .where('s.public_token', '=', token)
    .where('s.status', '<>', 'draft')
    .where('s.current_version', 'is not', null)
    .executeTakeFirst();
}

/** The survey and the invitation behind a personal link (no actor: the token's hash is the key). */
export async function findSurveyByInvitation(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('survey_invitation as i')
    .innerJoin('survey as s', (join) => join.onRef('s.province_id', '=', 'i.province_id').onRef('s.id', '=', 'i.survey_id'))
    .innerJoin('admin_unit as unit', 'unit.id', 's.unit_id')
    .select([...PUBLIC_COLUMNS, 'i.id as invitation_id', 'i.unit_id as invitation_unit_id', 'i.respondent_group as invitation_group', 'i.response_id'])
    .where('i.token_hash', '=', tokenHash)
    .where('s.status', '<>', 'draft')
    .where('s.current_version', 'is not', null)
    .executeTakeFirst();
}

/** The targets of a survey found by its link: units (names) and groups, for the respondent to choose from. */
export async function publicTargets(db: Kysely<DB>, survey: { province_id: number; id: number }) {
  return db
    .selectFrom('survey_target as x')
    .innerJoin('admin_unit as tu', 'tu.id', 'x.unit_id')
    .select(['x.unit_id', 'tu.full_name as unit_name', 'x.respondent_group'])
    .where('x.province_id', '=', survey.province_id)
    .where('x.survey_id', '=', survey.id)
    .orderBy('tu.full_name')
    .orderBy('x.respondent_group')
    .execute();
}

/** Units among `ids` in the subtree of `rootPath` (a response's unit under the survey's unit, when it has no targets). */
/**
 * Units at or under the survey's targeted units (the villages of a targeted commune), each with the nearest target
 * it falls under: a response from a village counts toward its commune's quota. Only `ids` when given.
 */
export async function unitsUnderTargets(db: Kysely<DB>, survey: { province_id: number; id: number }, ids?: readonly number[]) {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('survey_target as x')
    .innerJoin('admin_unit as tu', 'tu.id', 'x.unit_id')
    .innerJoin('admin_unit as u', (join) => join.on(sql<boolean>`u.path <@ tu.path`))
    .select(['u.id', 'u.full_name', 'x.unit_id as target_id'])
    .distinctOn('u.id')
    .where('x.province_id', '=', survey.province_id)
    .where('x.survey_id', '=', survey.id);
  if (ids) query = query.where('u.id', 'in', [...ids]);
  return query.orderBy('u.id').orderBy(sql`nlevel(tu.path)`, 'desc').execute();
}

export async function unitsUnder(db: Kysely<DB>, rootPath: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('admin_unit as u').select('u.id').where('u.id', 'in', ids).where(sql<boolean>`u.path <@ ${rootPath}::ltree`).execute();
  return rows.map((row) => row.id);
}
