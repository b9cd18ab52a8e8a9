import { sql, type Kysely } from 'kysely';
import { pgArray } from '#server/db/pg-array.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { RESPONSE_KEYS } from '../tabulation/tabulation.repository.ts';
import type { TallyDelta } from './tally.ts';

/**
 * All SQL of survey responses (BIG tables: province_id first in every key). Reads for a user start from unitOwned on
 * the response's unit; the write path looks a sent id up by (province, id) whatever the scope, to answer a resend.
 */

const COLUMNS = [
  'r.id',
  'r.province_id',
  'r.survey_id',
  'r.version_number',
  'r.unit_id',
  'unit.full_name as unit_name',
  'r.respondent_group',
  'r.channel',
  'r.status',
  'r.answers',
  'r.cells',
  'r.submitted_at',
  'r.entered_by',
  'r.revision',
  'r.second_answers',
  'r.second_at',
] as const;

function responsesInScope(db: Kysely<DB>, scope: Scope, survey: { province_id: number; id: number }) {
  return unitOwned(db, 'survey_response as r', 'r.unit_id', scope)
    .leftJoin('app_user as eu', 'eu.id', 'r.entered_by')
    .leftJoin('app_user as su', 'su.id', 'r.second_by')
    .select([...COLUMNS, 'eu.full_name as entered_by_name', 'su.full_name as second_by_name'])
    .where('r.province_id', '=', survey.province_id)
    .where('r.survey_id', '=', survey.id);
}

export type ResponseRow = Awaited<ReturnType<ReturnType<typeof responsesInScope>['executeTakeFirstOrThrow']>>;

export interface ResponseFilter {
  unitId?: number;
  status?: 'accepted' | 'pending' | 'rejected';
  channel?: 'web' | 'paper' | 'import';
  limit: number;
  offset: number;
}

/** A page of a survey's responses of units in scope, newest first, and how many match. */
export async function listResponses(db: Kysely<DB>, scope: Scope, survey: { province_id: number; id: number }, filter: ResponseFilter) {
  let query = responsesInScope(db, scope, survey);
  if (filter.unitId !== undefined) query = query.where('r.unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
  if (filter.channel !== undefined) query = query.where('r.channel', '=', filter.channel);
  const [items, total] = await Promise.all([
    query.orderBy('r.submitted_at', 'desc').orderBy('r.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** One response of a survey, of a unit in scope. */
export async function findResponse(db: Kysely<DB>, scope: Scope, survey: { province_id: number; id: number }, id: string): Promise<ResponseRow | undefined> {
  return responsesInScope(db, scope, survey).where('r.id', '=', id).executeTakeFirst();
}

/** Locks a response read in scope for a verification or a correction. */
export async function lockResponse(db: Kysely<DB>, provinceId: number, id: string): Promise<void> {
  await db.selectFrom('survey_response').select('id').where('province_id', '=', provinceId).where('id', '=', id).forUpdate().execute();
}

/**
 * The stored ids among `ids` in a province, whatever the scope: a resent response is answered with the receipt it
 * got (its status), and an id of another survey is refused, so nothing of its content is read.
 */
export async function findSentIds(db: Kysely<DB>, provinceId: number, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('survey_response')
    .select(['id', 'survey_id', 'status'])
    .where('province_id', '=', provinceId)
    .where('id', '=', sql<string>`any(${pgArray(ids)}::uuid[])`)
    .execute();
}

export interface NewResponse {
  id: string;
  province_id: number;
  survey_id: number;
  version_number: number;
  unit_id: number;
  respondent_group: string;
  channel: 'web' | 'paper' | 'import';
  status: 'accepted' | 'pending' | 'rejected';
  /** The checked answers and cells (JSON values, written as jsonb). */
  answers: unknown;
  cells: unknown;
  submitted_at: Date;
  entered_by: number | null;
  invitation_id: number | null;
  import_job_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * Inserts responses; an id already stored is skipped (a resend racing its first copy). Returns the ids written.
 * One statement whatever the batch (imports write 2,000 at a time): the rows travel as one JSON document read by
 * jsonb_to_recordset, made by one JSON.stringify (answers and cells are already JSON values, nothing to escape
 * in JavaScript), parsed once by the server.
 */
export async function insertResponses(db: Kysely<DB>, rows: readonly NewResponse[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await sql<{ id: string }>`
    insert into survey_response (id, province_id, survey_id, version_number, unit_id, respondent_group, channel, status, answers, cells,
      submitted_at, entered_by, invitation_id, import_job_id, created_at, updated_at)
    select id, province_id, survey_id, version_number, unit_id, respondent_group, channel, status, answers, cells,
      submitted_at, entered_by, invitation_id, import_job_id, created_at, updated_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id uuid, province_id bigint, survey_id bigint, version_number integer, unit_id bigint, respondent_group text, channel text,
        status text, answers jsonb, cells jsonb, submitted_at timestamptz, entered_by bigint, invitation_id bigint, import_job_id uuid,
        created_at timestamptz, updated_at timestamptz)
    on conflict (province_id, id) do nothing
    returning id`.execute(db);
  return new Set(written.rows.map((row) => row.id));
}

/** Keeps the earlier state of a response as a revision (corrections, the settled double entry). */
export async function insertRevision(
  db: Kysely<DB>,
  row: { province_id: number; response_id: string; revision: number; answers: string; status: string; changed_by: number | null; changed_at: Date; reason: string | null },
): Promise<void> {
  await db.insertInto('survey_response_revision').values(row).execute();
}

/** Replaces a response's answers and status if it still has the revision read; false otherwise. */
/** Keeps a second typing that differed from the first on the (locked) pending response. */
export async function storeSecondTyping(db: Kysely<DB>, key: { province_id: number; id: string }, typing: { answers: string; by: number; at: Date }): Promise<void> {
  await db
    .updateTable('survey_response')
    .set({ second_answers: typing.answers, second_by: typing.by, second_at: typing.at })
    .where('province_id', '=', key.province_id)
    .where('id', '=', key.id)
    .execute();
}

export async function updateResponse(
  db: Kysely<DB>,
  key: { province_id: number; id: string },
  seenRevision: number,
  changes: { answers: string; cells: string; status: 'accepted' | 'pending' | 'rejected'; verified_by?: number | null; revision: number; updated_at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('survey_response')
    .set(changes)
    .where('province_id', '=', key.province_id)
    .where('id', '=', key.id)
    .where('revision', '=', seenRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Earlier states of a response (the caller read it in scope), oldest first, with the name of who changed it. */
export async function listRevisions(db: Kysely<DB>, provinceId: number, responseId: string) {
  return db
    .selectFrom('survey_response_revision as v')
    .leftJoin('app_user as u', 'u.id', 'v.changed_by')
    .select(['v.revision', 'v.status', 'v.answers', 'v.changed_at', 'v.reason', 'u.full_name as changed_by_name'])
    .where('v.province_id', '=', provinceId)
    .where('v.response_id', '=', responseId)
    .orderBy('v.revision')
    .execute();
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>[number];

/**
 * Applies tally deltas (sorted by the caller in key order), in that order: survey_tally's, then survey_cross_tally's
 * (deltas with `by`); runs of additions as one upsert, each removal as an update (an inserted row is checked
 * count >= 0 before ON CONFLICT is looked at). Rows that reach 0 stay (a 0 is a count).
 */
export async function applyTally(db: Kysely<DB>, survey: { province_id: number; id: number }, deltas: readonly TallyDelta[]): Promise<void> {
  let run: TallyDelta[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const rows = run;
    run = [];
    const base = (d: TallyDelta) => ({ province_id: survey.province_id, survey_id: survey.id, unit_id: d.unitId, respondent_group: d.group, question: d.question, value: d.value, count: d.count });
    if (rows[0]?.by === undefined) {
      await db
        .insertInto('survey_tally')
        .values(rows.map(base))
        .onConflict((oc) => oc.columns(['province_id', 'survey_id', 'question', 'value', 'unit_id', 'respondent_group']).doUpdateSet({ count: sql<number>`survey_tally.count + excluded.count` }))
        .execute();
    } else {
      await db
        .insertInto('survey_cross_tally')
        .values(rows.map((d) => ({ ...base(d), by_question: d.by?.question ?? '', by_value: d.by?.value ?? '' })))
        .onConflict((oc) =>
          oc.columns(['province_id', 'survey_id', 'by_question', 'by_value', 'question', 'value', 'unit_id', 'respondent_group']).doUpdateSet({ count: sql<number>`survey_cross_tally.count + excluded.count` }),
        )
        .execute();
    }
  };
  for (const delta of deltas) {
    if (delta.count > 0) {
      // a run holds rows of one table
      if (run.length > 0 && (run[0]?.by === undefined) !== (delta.by === undefined)) await flush();
      run.push(delta);
      if (run.length >= 5000) await flush();
      continue;
    }
    await flush();
    if (delta.by === undefined) {
      await db
        .updateTable('survey_tally')
        .set({ count: sql<number>`count + ${delta.count}` })
        .where('province_id', '=', survey.province_id)
        .where('survey_id', '=', survey.id)
        .where('question', '=', delta.question)
        .where('value', '=', delta.value)
        .where('unit_id', '=', delta.unitId)
        .where('respondent_group', '=', delta.group)
        .execute();
    } else {
      await db
        .updateTable('survey_cross_tally')
        .set({ count: sql<number>`count + ${delta.count}` })
        .where('province_id', '=', survey.province_id)
        .where('survey_id', '=', survey.id)
        .where('by_question', '=', delta.by.question)
        .where('by_value', '=', delta.by.value)
        .where('question', '=', delta.question)
        .where('value', '=', delta.value)
        .where('unit_id', '=', delta.unitId)
        .where('respondent_group', '=', delta.group)
        .execute();
    }
  }
  await flush();
}

/** Marks a personal link used by a response; false when it was used meanwhile. */
export async function useInvitation(db: Kysely<DB>, provinceId: number, invitationId: number, responseId: string): Promise<boolean> {
  const result = await db
    .updateTable('survey_invitation')
    .set({ response_id: responseId })
    .where('province_id', '=', provinceId)
    .where('id', '=', invitationId)
    .where('response_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The versions' forms of a survey (by number), for checking and tallying responses. */
export async function versionForms(db: Kysely<DB>, survey: { province_id: number; id: number }) {
  return db.selectFrom('survey_version').select(['number', 'form']).where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).execute();
}

/**
 * The select_one questions a survey's tallies are crossed by (its cross_questions), read FOR SHARE: a change of
 * them (which rebuilds the cross tally from the stored responses) waits for the writers under way, and a writer for
 * the change, so no response is missed or counted twice.
 */
export async function crossQuestions(db: Kysely<DB>, survey: { province_id: number; id: number }): Promise<string[]> {
  const row = await db.selectFrom('survey').select('cross_questions').where('province_id', '=', survey.province_id).where('id', '=', survey.id).forShare().executeTakeFirst();
  return row?.cross_questions ?? [];
}

/**
 * Builds the cross tally of a survey by one select_one question from its stored accepted responses (when a survey
 * starts crossing by it): the keys survey_tally counts (RESPONSE_KEYS), per answer to `question`. Set-based, one
 * statement; its cost grows with the responses (minutes for a million). Rows of that question are replaced.
 */
export async function rebuildCrossTally(db: Kysely<DB>, survey: { province_id: number; id: number }, question: string, form: { questions: readonly string[]; valueQuestions: readonly string[] }): Promise<void> {
  await dropCrossTally(db, survey, [question]);
  await sql`
    insert into survey_cross_tally (province_id, survey_id, by_question, by_value, question, value, unit_id, respondent_group, count)
    select ${survey.province_id}::bigint, ${survey.id}::bigint, ${question}::text, r.by_value, x.question, x.value, r.unit_id, r.respondent_group, count(*)
    from (
      select r.answers ->> ${question} as by_value, r.unit_id, r.respondent_group, r.answers, r.cells
      from survey_response r
      where r.province_id = ${survey.province_id} and r.survey_id = ${survey.id} and r.status = 'accepted'
        and jsonb_typeof(r.answers -> ${question}) = 'string'
    ) r cross join lateral (${RESPONSE_KEYS(sql`r.answers`, sql`r.cells`, form.questions, form.valueQuestions)}) x
    group by r.by_value, x.question, x.value, r.unit_id, r.respondent_group`.execute(db);
}

/** Deletes the cross tallies of a survey by these questions (no longer crossed by). */
export async function dropCrossTally(db: Kysely<DB>, survey: { province_id: number; id: number }, questions: readonly string[]): Promise<void> {
  if (questions.length === 0) return;
  await db.deleteFrom('survey_cross_tally').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).where('by_question', 'in', [...questions]).execute();
}
