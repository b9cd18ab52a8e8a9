import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { copyField, copyJson, copyText } from '#server/db/copy.ts';
import { pgArray } from '#server/db/pg-array.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { RESPONSE_KEYS, VERSION_KEYS } from '../tabulation/tabulation.repository.ts';
import { storedCells, type TallyDelta, type TCells, type VersionKeys } from './tally.ts';

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
  /** The checked answers and cells (JSON values, written as jsonb; the cells as storedCells keeps them). */
  answers: unknown;
  cells: TCells;
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
    from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ ...row, cells: storedCells(row.cells) })))}::jsonb)
      as x(id uuid, province_id bigint, survey_id bigint, version_number integer, unit_id bigint, respondent_group text, channel text,
        status text, answers jsonb, cells jsonb, submitted_at timestamptz, entered_by bigint, invitation_id bigint, import_job_id uuid,
        created_at timestamptz, updated_at timestamptz)
    on conflict (province_id, id) do nothing
    returning id`.execute(db);
  return new Set(written.rows.map((row) => row.id));
}

const COPIED_COLUMNS = [
  'id', 'province_id', 'survey_id', 'version_number', 'unit_id', 'respondent_group', 'channel', 'status', 'answers', 'cells',
  'submitted_at', 'entered_by', 'invitation_id', 'import_job_id', 'created_at', 'updated_at',
] as const;

/** A response as one line of COPY's text format (built in one go: an import writes tens of thousands). */
function copyLine(row: NewResponse): string {
  return `${row.id}\t${row.province_id}\t${row.survey_id}\t${row.version_number}\t${row.unit_id}\t${copyField(row.respondent_group)}\t${row.channel}\t${row.status}\t${copyJson(JSON.stringify(row.answers))}\t${copyJson(JSON.stringify(storedCells(row.cells)))}\t${row.submitted_at.toISOString()}\t${copyField(row.entered_by)}\t${copyField(row.invitation_id)}\t${copyField(row.import_job_id)}\t${row.created_at.toISOString()}\t${row.updated_at.toISOString()}\n`;
}

/** What every response of one import shares (written once into each line's text). */
export interface ImportedResponses {
  province_id: number;
  survey_id: number;
  version_number: number;
  entered_by: number | null;
  import_job_id: string | null;
  now: Date;
}

/** One imported response: what differs from row to row (the answers and cells checked, as JSON values). */
export interface ImportedResponse {
  id: string;
  unit_id: number;
  respondent_group: string;
  answers: unknown;
  cells: TCells;
  submitted_at?: Date | undefined;
}

/**
 * The COPY of new responses that goes on while an import checks its rows (no round trip per batch: the server parses
 * the lines as they arrive), as one statement per COPY_SEGMENT_BYTES of lines, one after the other on the
 * transaction's connection. Its own savepoint: should an id already be stored (a file imported again, a phone's
 * resend racing the import), the COPY fails (`write` or `end` throw a unique violation, `isDuplicateId`), and
 * `rollback` leaves the transaction as it was before `openResponseCopy`. Every line is an accepted response of the
 * import channel.
 */
export interface ResponseCopy {
  /** The lines of these responses, queued for the server: resolves when the queue is short enough to go on. */
  write(rows: readonly ImportedResponse[]): Promise<void>;
  /** Ends the COPY: how many rows were written. Throws its failure (`isDuplicateId` for a stored id). */
  end(): Promise<number>;
  /** Abandons the COPY (after a row error) and goes back to the savepoint; nothing once `end` has succeeded. */
  rollback(): Promise<void>;
}

/** Bytes of lines the client may queue ahead of the server before `write` waits (backpressure). */
const COPY_AHEAD_BYTES = 8 * 1024 * 1024;
/** Bytes of lines sent to the server as one message. */
const COPY_CHUNK_BYTES = 256 * 1024;
/**
 * Bytes of lines per COPY statement. PostgreSQL 15 writes a COPY's table pages through a ring of 16 MB of buffers:
 * once the ring is full, the backend itself writes out each page it reuses, after flushing the WAL up to it, which
 * made a COPY of 120,000 responses a third slower than twelve of 10,000 (bench/RESULTS.md). Under 16 MB of pages a
 * statement, the pages stay in shared buffers for the checkpointer to write.
 */
export const COPY_SEGMENT_BYTES = 8 * 1024 * 1024;

/** One COPY statement of the import's lines: its stream, its outcome (rows copied), the bytes sent so far. */
interface CopySegment {
  stream: PassThrough;
  done: Promise<number>;
  bytes: number;
}

export async function openResponseCopy(db: Kysely<DB>, shared: ImportedResponses, options: { segmentBytes?: number } = {}): Promise<ResponseCopy> {
  const segmentBytes = options.segmentBytes ?? COPY_SEGMENT_BYTES;
  await sql`savepoint response_copy`.execute(db);
  // the first failure is the one reported (a statement queued after it fails only because the transaction did)
  let failure: { error: unknown } | null = null;
  let released = false;
  const segments: CopySegment[] = [];
  // a statement opened while the one before still runs waits for it on the connection; its lines are queued meanwhile
  const openSegment = (): CopySegment => {
    const stream = new PassThrough({ highWaterMark: COPY_AHEAD_BYTES });
    const done = copyText(db, 'survey_response', COPIED_COLUMNS, stream).catch((error: unknown) => {
      failure ??= { error };
      return 0;
    });
    const segment = { stream, done, bytes: 0 };
    segments.push(segment);
    return segment;
  };
  let segment = openSegment();
  const now = shared.now.toISOString();
  const middle = `\t${shared.province_id}\t${shared.survey_id}\t${shared.version_number}\t`;
  const tail = `\t${copyField(shared.entered_by)}\t\\N\t${copyField(shared.import_job_id)}\t${now}\t${now}\n`;
  const line = (row: ImportedResponse) =>
    `${row.id}${middle}${row.unit_id}\t${copyField(row.respondent_group)}\timport\taccepted\t${copyJson(JSON.stringify(row.answers))}\t${copyJson(JSON.stringify(storedCells(row.cells)))}\t${row.submitted_at ? row.submitted_at.toISOString() : now}${tail}`;
  const fail = () => {
    if (failure) throw failure.error;
  };
  /** Sends a chunk of whole lines: to the statement under way, or to a new one once it has its share. */
  const send = (chunk: Buffer): boolean => {
    if (segment.bytes >= segmentBytes) {
      segment.stream.end();
      segment = openSegment();
    }
    segment.bytes += chunk.length;
    return segment.stream.write(chunk);
  };
  return {
    async write(rows) {
      fail();
      // each line encoded into a chunk as it is made: one string of many lines would first be flattened (a copy of
      // every line's pieces, ≈ 5 µs a response), then encoded
      let chunk = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      let at = 0;
      let ok = true;
      for (const row of rows) {
        const text = line(row);
        // a UTF-16 code unit is at most 3 bytes of UTF-8
        if (at + text.length * 3 > chunk.length) {
          if (at > 0) ok = send(chunk.subarray(0, at));
          chunk = Buffer.allocUnsafe(Math.max(COPY_CHUNK_BYTES, text.length * 3));
          at = 0;
        }
        at += chunk.write(text, at);
      }
      if (at > 0) ok = send(chunk.subarray(0, at));
      if (!ok) await Promise.race([once(segment.stream, 'drain'), segment.done]);
      fail();
    },
    async end() {
      fail();
      segment.stream.end();
      const copied = await Promise.all(segments.map((s) => s.done));
      fail();
      await sql`release savepoint response_copy`.execute(db);
      released = true;
      return copied.reduce((sum, n) => sum + n, 0);
    },
    async rollback() {
      if (released) return;
      for (const s of segments) if (!s.stream.destroyed) s.stream.destroy(new Error('import abandoned'));
      await Promise.all(segments.map((s) => s.done));
      await sql`rollback to savepoint response_copy`.execute(db);
    },
  };
}

/** A failure of a statement because an id is already stored (unique_violation). */
export const isDuplicateId = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Writes responses whose ids were just looked up and found new (an import's batches) with COPY: the ids written.
 * Should another transaction have stored one of the ids meanwhile (a phone's resend racing the import), the batch
 * goes again through insertResponses, where the stored one stands.
 */
export async function copyNewResponses(db: Kysely<DB>, rows: readonly NewResponse[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  await sql`savepoint response_copy`.execute(db);
  try {
    let text = '';
    for (const row of rows) text += copyLine(row);
    await copyText(db, 'survey_response', COPIED_COLUMNS, text);
    await sql`release savepoint response_copy`.execute(db);
    return new Set(rows.map((row) => row.id));
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await sql`rollback to savepoint response_copy`.execute(db);
    return insertResponses(db, rows);
  }
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
  changes: { answers: string; cells: TCells; status: 'accepted' | 'pending' | 'rejected'; verified_by?: number | null; revision: number; updated_at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('survey_response')
    .set({ ...changes, cells: JSON.stringify(storedCells(changes.cells)) })
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
    // the run as one array per column (five parameters, not seven per row: a file's few thousand rows parse fast)
    const keys = sql`${survey.province_id}::bigint, ${survey.id}::bigint, k.unit_id, k.respondent_group, k.question, k.value, k.count`;
    const columns = sql`${pgArray(rows.map((d) => d.unitId))}::bigint[], ${pgArray(rows.map((d) => d.group))}::text[], ${pgArray(rows.map((d) => d.question))}::text[],
      ${pgArray(rows.map((d) => d.value))}::text[], ${pgArray(rows.map((d) => d.count))}::bigint[]`;
    if (rows[0]?.by === undefined) {
      await sql`
        insert into survey_tally (province_id, survey_id, unit_id, respondent_group, question, value, count)
        select ${keys} from unnest(${columns}) as k(unit_id, respondent_group, question, value, count)
        on conflict (province_id, survey_id, question, value, unit_id, respondent_group) do update set count = survey_tally.count + excluded.count`.execute(db);
    } else {
      await sql`
        insert into survey_cross_tally (province_id, survey_id, unit_id, respondent_group, question, value, count, by_question, by_value)
        select ${keys}, k.by_question, k.by_value
        from unnest(${columns}, ${pgArray(rows.map((d) => d.by?.question ?? ''))}::text[], ${pgArray(rows.map((d) => d.by?.value ?? ''))}::text[])
          as k(unit_id, respondent_group, question, value, count, by_question, by_value)
        on conflict (province_id, survey_id, by_question, by_value, question, value, unit_id, respondent_group)
          do update set count = survey_cross_tally.count + excluded.count`.execute(db);
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
 * What the write path keeps in survey_cross_tally: the select_one questions the survey is crossed by (its
 * cross_questions) and, for those whose cross tally a job is still building (survey_cross_build), the last response
 * the job has counted in (unit_id, id) order (null: none yet). Written responses up to that cursor are the writer's
 * to count; those after it the job's. The survey row is read FOR SHARE first: a job's batch (which holds it FOR NO
 * KEY UPDATE while it counts and moves the cursor) and a change of cross_questions wait for the writers under way,
 * and a writer waits for them; the cursor is read after that lock, so it is the one in force until the commit.
 */
export interface CrossState {
  names: string[];
  building: Map<string, { unit: number; id: string } | null>;
}

export async function crossState(db: Kysely<DB>, survey: { province_id: number; id: number }): Promise<CrossState> {
  const row = await db.selectFrom('survey').select('cross_questions').where('province_id', '=', survey.province_id).where('id', '=', survey.id).forShare().executeTakeFirst();
  const names = row?.cross_questions ?? [];
  if (names.length === 0) return { names, building: new Map() };
  const builds = await db
    .selectFrom('survey_cross_build')
    .select(['question', 'done_unit', 'done_id'])
    .where('province_id', '=', survey.province_id)
    .where('survey_id', '=', survey.id)
    .execute();
  return { names, building: new Map(builds.map((b) => [b.question, b.done_unit === null || b.done_id === null ? null : { unit: Number(b.done_unit), id: b.done_id }])) };
}

/**
 * Builds the cross tally of a survey by one select_one question from all its stored accepted responses, each
 * counted with the questions of the version it answered: the keys survey_tally counts (RESPONSE_KEYS), per answer
 * to `question`. Set-based, one statement; its cost grows with the responses (minutes for a million). Rows of that
 * question are replaced. The benchmark's seed uses it; the product builds by batches (crossBuildBatch).
 */
export async function rebuildCrossTally(db: Kysely<DB>, survey: { province_id: number; id: number }, question: string, versions: readonly VersionKeys[]): Promise<void> {
  await dropCrossTally(db, survey, [question]);
  await addCrossTally(db, survey, [question], versions, sql<SqlBool>`true`);
}

/** Adds to the cross tallies by `questions` the accepted responses of the survey that `range` keeps (alias r). */
async function addCrossTally(db: Kysely<DB>, survey: { province_id: number; id: number }, questions: readonly string[], versions: readonly VersionKeys[], range: Expression<SqlBool>): Promise<number> {
  const result = await sql`
    insert into survey_cross_tally (province_id, survey_id, by_question, by_value, question, value, unit_id, respondent_group, count)
    select ${survey.province_id}::bigint, ${survey.id}::bigint, r.by_question, r.by_value, x.question, x.value, r.unit_id, r.respondent_group, count(*)
    from (
      select b.question as by_question, r.answers ->> b.question as by_value, r.version_number, r.unit_id, r.respondent_group, r.answers, r.cells
      from survey_response r cross join unnest(${[...questions]}::text[]) as b(question)
      where r.province_id = ${survey.province_id} and r.survey_id = ${survey.id} and r.status = 'accepted' and ${range}
        and jsonb_typeof(r.answers -> b.question) = 'string'
    ) r join ${VERSION_KEYS(versions)} f on f.number = r.version_number
      cross join lateral (${RESPONSE_KEYS(sql`r.answers`, sql`r.cells`, sql<string[]>`f.questions`, sql<string[]>`f.value_questions`)}) x
    group by r.by_question, r.by_value, x.question, x.value, r.unit_id, r.respondent_group
    on conflict (province_id, survey_id, by_question, by_value, question, value, unit_id, respondent_group)
      do update set count = survey_cross_tally.count + excluded.count`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes the cross tallies of a survey by these questions (no longer crossed by, or to be built again). */
export async function dropCrossTally(db: Kysely<DB>, survey: { province_id: number; id: number }, questions: readonly string[]): Promise<void> {
  if (questions.length === 0) return;
  await db.deleteFrom('survey_cross_tally').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).where('by_question', 'in', [...questions]).execute();
  await db.deleteFrom('survey_cross_build').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).where('question', 'in', [...questions]).execute();
}

/**
 * Marks questions newly kept as building by `jobId` (in the PATCH's transaction, the survey row locked): their cross
 * tally starts empty, the cursor before the first response; the job counts them all, writers none until it passes them.
 */
export async function startCrossBuild(db: Kysely<DB>, survey: { province_id: number; id: number }, questions: readonly string[], jobId: string): Promise<void> {
  if (questions.length === 0) return;
  await dropCrossTally(db, survey, questions);
  await db
    .insertInto('survey_cross_build')
    .values(questions.map((question) => ({ province_id: survey.province_id, survey_id: survey.id, question, job_id: jobId, done_unit: null, done_id: null })))
    .execute();
}

/**
 * One batch of a cross-build job, in its own transaction: holds the survey row FOR NO KEY UPDATE (writers, who read
 * it FOR SHARE, wait; those under way are waited for, so their responses are visible), takes the next `size`
 * responses after the cursor in (unit_id, id) order, adds the accepted ones to the cross tallies of the job's
 * questions with their versions' questions, and moves the cursor past them. With no response left, the build rows
 * go: the questions are ready. Null when the job has nothing to build any more (its questions were dropped, or
 * named again by a later job).
 */
export async function crossBuildBatch(
  db: Kysely<DB>,
  survey: { province_id: number; id: number },
  jobId: string,
  size: number,
  versions: (db: Kysely<DB>) => Promise<VersionKeys[]>,
): Promise<{ finished: boolean; done: number } | null> {
  await db.selectFrom('survey').select('id').where('province_id', '=', survey.province_id).where('id', '=', survey.id).forNoKeyUpdate().execute();
  const builds = await db
    .selectFrom('survey_cross_build')
    .select(['question', 'done_unit', 'done_id', 'done'])
    .where('province_id', '=', survey.province_id)
    .where('survey_id', '=', survey.id)
    .where('job_id', '=', jobId)
    .orderBy('question')
    .execute();
  const first = builds[0];
  if (!first) return null;
  // the job's questions were named together: they share one cursor
  const after = first.done_unit === null || first.done_id === null ? sql<SqlBool>`true` : sql<SqlBool>`(r.unit_id, r.id) > (${first.done_unit}::bigint, ${first.done_id}::uuid)`;
  const last = await sql<{ unit_id: string; id: string; n: string }>`
    select k.unit_id, k.id, k.n from (
      select r.unit_id, r.id, row_number() over (order by r.unit_id, r.id) as n
      from (select r.unit_id, r.id from survey_response r
        where r.province_id = ${survey.province_id} and r.survey_id = ${survey.id} and ${after}
        order by r.unit_id, r.id limit ${size}) r
    ) k order by k.n desc limit 1`.execute(db);
  const upTo = last.rows[0];
  const questions = builds.map((b) => b.question);
  const where = db.updateTable('survey_cross_build').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).where('job_id', '=', jobId);
  if (!upTo) {
    await db.deleteFrom('survey_cross_build').where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).where('job_id', '=', jobId).execute();
    return { finished: true, done: Number(first.done) };
  }
  await addCrossTally(db, survey, questions, await versions(db), sql<SqlBool>`${after} and (r.unit_id, r.id) <= (${upTo.unit_id}::bigint, ${upTo.id}::uuid)`);
  const done = Number(first.done) + Number(upTo.n);
  await where.set({ done_unit: Number(upTo.unit_id), done_id: upTo.id, done }).execute();
  return { finished: false, done };
}

/** How many responses a survey holds (the total a cross-build job reports its progress against). */
export async function countResponses(db: Kysely<DB>, survey: { province_id: number; id: number }): Promise<number> {
  const row = await db.selectFrom('survey_response').select(sql<string>`count(*)`.as('n')).where('province_id', '=', survey.province_id).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
  return Number(row.n);
}
