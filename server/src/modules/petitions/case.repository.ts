import { expressionBuilder, sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { ENDED_STATUSES, REDACTED, type TCaseListQuery } from '#contracts/petitions/case.schemas.ts';
import type { DB, PetitionCaseTable, PetitionPersonTable, PetitionStatusColumn, PetitionStepTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/**
 * All SQL of cases, persons and steps. Reads start from unitOwned (the receiving unit in the actor's subtree) and
 * filter province_id by the provinces of the actor's scope (SCALE.md rule 2); joins between the big tables
 * include province_id.
 */

type Db = Kysely<DB>;
/** Provinces of the actor's scope; null = whole country. */
export type Provinces = readonly number[] | null;

const ENDED: PetitionStatusColumn[] = [...ENDED_STATUSES];
/** "The case is open", written with literals: the predicate of the partial index petition_case_open_by_due. */
const isOpen = sql<boolean>`c.status not in (${sql.join(ENDED.map((s) => sql.lit(s)))})`;
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The words of a folded text as the word index holds them (migration 20261218T0900_petition_search_words.sql: every
 * character other than a–z and 0–9 separates words), without repeats: "44-2025-000123 dat" → 44, 2025, 000123, dat.
 */
export function searchWords(folded: string): string[] {
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  // the last word keeps its place (the one matched as a start); repeats of it earlier are dropped
  const last = words.at(-1);
  return [...new Set(words.slice(0, -1).filter((w) => w !== last)), ...(last ? [last] : [])];
}

/** Cases in scope, joined to their unit, filtered by the scope's provinces. */
function casesInScope(db: Db, scope: Scope, provinces: Provinces) {
  const base = unitOwned(db, 'petition_case as c', 'c.unit_id', scope);
  return provinces === null ? base : base.where('c.province_id', 'in', provinces.length ? [...provinces] : [-1]);
}

const SUMMARY_COLUMNS = [
  'c.id', 'c.province_id', 'c.unit_id', 'unit.full_name as unit_name', 'c.code', 'c.kind', 'c.channel', 'c.field_id', 'c.subject',
  'c.commune_id', 'c.received_on', 'c.status', 'c.instance', 'c.crowd', 'c.above_level', 'c.prolonged', 'c.hot_spot', 'c.person_count',
  'c.duplicate_of_id', 'c.handler_user_id', 'c.due_on', 'c.extensions', 'c.closed_on', 'c.outcome', 'c.version',
] as const;

/** Columns of the list, with the field's and commune's names and the first filer's name (redacted when protected). */
function withSummary<Q extends ReturnType<typeof casesInScope>>(query: Q) {
  return query
    .innerJoin('petition_field as f', 'f.id', 'c.field_id')
    .leftJoin('admin_unit as commune', 'commune.id', 'c.commune_id')
    .select(SUMMARY_COLUMNS)
    .select(['f.name as field_name', 'commune.full_name as commune_name'])
    .select(
      sql<string | null>`(select case when p.protected then ${REDACTED} else p.full_name end from petition_person p
        where p.province_id = c.province_id and p.case_id = c.id order by p.position limit 1)`.as('first_person'),
    );
}

export type CaseSummaryRow = Awaited<ReturnType<typeof findCaseRows>>[number];

async function findCaseRows(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return withSummary(casesInScope(db, scope, provinces).where('c.id', '=', id))
    .leftJoin('admin_unit as village', 'village.id', 'c.village_id')
    .leftJoin('admin_unit as competent', 'competent.id', 'c.competent_unit_id')
    .leftJoin('app_user as handler', 'handler.id', 'c.handler_user_id')
    .select([
      'c.content', 'c.village_id', 'village.full_name as village_name', 'c.lat', 'c.lon', 'c.origin_case_id', 'c.origin_province_id',
      'c.competent_unit_id', 'competent.full_name as competent_unit_name', 'c.competent_body', 'handler.full_name as handler_name',
      'c.accepted_on', 'c.rule_set_code', 'c.complex', 'c.remote_area', 'c.resolved_on', 'c.satisfaction', 'c.public_answer',
      'c.answer_published', 'c.answered_on', 'c.source', 'unit.path as unit_path', 'c.subject_fold',
    ])
    .execute();
}

/** One case in the actor's scope, or undefined (writes re-check its version when they update it). */
export async function findCase(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return (await findCaseRows(db, scope, provinces, id))[0];
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** The case with this tracking code in scope (codes are unique per province). */
export async function findCaseIdByCode(db: Db, scope: Scope, provinces: Provinces, code: string) {
  return casesInScope(db, scope, provinces).select(['c.id']).where('c.code', '=', code.trim().toUpperCase()).executeTakeFirst();
}

/** The filters of a list as SQL conditions on `c` (no other table), so a count can use them without the unit join. */
function caseConditions(query: TCaseListQuery, today: string, options: { dueAndOutcome: boolean }): Expression<SqlBool>[] {
  const eb = expressionBuilder<DB & { c: PetitionCaseTable }, 'c'>();
  const conditions: Expression<SqlBool>[] = [];
  if (query.q) {
    // every word must appear, diacritics and case ignored ("dat dai" finds "đất đai"), served by the word index: each
    // word of the query a whole word of the case, the last one also the start of a word (it may be still being typed)
    const folded = foldVi(query.q);
    const words = searchWords(folded);
    // one to_tsquery per word, each a bound parameter made only of a–z and 0–9, joined with && (AND) in SQL
    const whole = words.slice(0, -1).map((word) => sql`to_tsquery('simple'::regconfig, ${word})`);
    const last = words.at(-1);
    const start = last === undefined ? undefined : sql`to_tsquery('simple'::regconfig, ${last} || ':*')`;
    if (whole.length > 0) {
      conditions.push(sql<SqlBool>`c.search_words @@ (${sql.join(whole, sql` && `)})`);
      // the start of a word is checked on the cases the whole words found ("is true": not an index condition, since
      // the index would read every case holding any word with that start, in every province, before intersecting)
      if (start) conditions.push(sql<SqlBool>`(c.search_words @@ ${start}) is true`);
    } else if (start) {
      conditions.push(sql<SqlBool>`c.search_words @@ ${start}`);
    }
    // a word with other characters ("44-2025-000123", "m²") is also checked as written in the folded text; strpos,
    // not LIKE, so the planner reads the word index and not the trigram one
    for (const word of folded.split(' ').filter((w) => w && !/^[a-z0-9]+$/.test(w))) conditions.push(sql<SqlBool>`strpos(c.search_text, ${word}) > 0`);
  }
  if (query.code) conditions.push(eb('c.code', 'like', `%${likeEscape(query.code.trim().toUpperCase())}%`));
  if (query.person) {
    const name = `%${likeEscape(foldVi(query.person))}%`;
    conditions.push(
      eb.exists(
        eb
          .selectFrom('petition_person as p')
          .select(sql`1`.as('one'))
          .whereRef('p.province_id', '=', 'c.province_id')
          .whereRef('p.case_id', '=', 'c.id')
          .where('p.name_fold', 'like', name),
      ),
    );
  }
  if (query.unitId) conditions.push(sql<SqlBool>`c.unit_id in (select u.id from admin_unit u where u.path <@ (select path from admin_unit where id = ${query.unitId}))`);
  if (query.status) conditions.push(eb('c.status', '=', query.status));
  else if (query.includeDuplicates !== 'true') conditions.push(eb('c.status', '<>', 'duplicate'));
  if (query.kind) conditions.push(eb('c.kind', '=', query.kind));
  if (query.fieldId) conditions.push(eb('c.field_id', '=', query.fieldId));
  if (query.flag) conditions.push(eb(`c.${query.flag}`, '=', true));
  if (query.from) conditions.push(eb('c.received_on', '>=', query.from));
  if (query.to) conditions.push(eb('c.received_on', '<=', query.to));
  if (options.dueAndOutcome) {
    if (query.due === 'overdue') conditions.push(isOpen, eb('c.due_on', '<', today));
    if (query.due === 'due_soon') {
      conditions.push(isOpen, eb('c.due_on', '>=', today), eb('c.due_on', '<=', sql<string>`(${today}::date + ${query.soonDays ?? 7}::int)::date`));
    }
    if (query.outcome) conditions.push(eb('c.outcome', '=', query.outcome));
  }
  return conditions;
}

/** The filters of a list, applied in SQL; `today` from the server clock. */
function filtered(db: Db, scope: Scope, provinces: Provinces, query: TCaseListQuery, today: string, options: { dueAndOutcome: boolean }) {
  const conditions = caseConditions(query, today, options);
  const q = casesInScope(db, scope, provinces);
  return conditions.length ? q.where((eb) => eb.and(conditions)) : q;
}

/**
 * How many cases match, for a list's total: the scope as the set of its unit ids (read once through the path
 * index, hashed) instead of the unit join, whose plan walks admin_unit by id checking every path when the
 * matches are many (the 39,563 overdue cases of a province: 70 ms against 20 ms).
 */
async function countMatching(db: Db, scope: Scope, provinces: Provinces, conditions: Expression<SqlBool>[]) {
  let q = db
    .with((wb) => wb('scope_unit').materialized(), (d) => d.selectFrom('admin_unit as su').select('su.id').where(inScope('su.path', scope)))
    .selectFrom('petition_case as c')
    .where('c.unit_id', 'in', (eb) => eb.selectFrom('scope_unit').select('scope_unit.id'));
  if (provinces !== null) q = q.where('c.province_id', 'in', provinces.length ? [...provinces] : [-1]);
  if (conditions.length) q = q.where((eb) => eb.and(conditions));
  const row = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A page of cases: overdue lists soonest-due first, others newest first; and the total. A text search is not
 * counted: its page is read with one row more, so the caller knows whether more follow (counting every match of a
 * common word costs a pass over a large share of the province; the ordered page stops after the page).
 */
export async function listCases(db: Db, scope: Scope, provinces: Provinces, query: TCaseListQuery, today: string, page: { limit: number; offset: number }) {
  const base = filtered(db, scope, provinces, query, today, { dueAndOutcome: true });
  let rows = withSummary(base);
  rows = query.due ? rows.orderBy('c.due_on').orderBy('c.received_on') : rows.orderBy('c.received_on', 'desc').orderBy('c.code', 'desc');
  if (query.q || query.person || query.code) {
    const ids = await searchPageIds(db, scope, provinces, query, today, { limit: page.limit + 1, offset: page.offset });
    const found = ids.length === 0 ? [] : await rows.where('c.id', 'in', ids).execute();
    return { items: found.slice(0, page.limit), total: page.offset + found.length, totalExact: found.length <= page.limit };
  }
  const [items, total] = await Promise.all([
    rows.limit(page.limit).offset(page.offset).execute(),
    countMatching(db, scope, provinces, caseConditions(query, today, { dueAndOutcome: true })),
  ]);
  return { items, total, totalExact: true };
}

/**
 * The ids of a text search's page, in the list's order, read from the cases alone: the scope is checked on each
 * case's unit by a subquery the planner keeps per row, not by the unit join, whose estimate (a path under the scope)
 * is so low that it sorts every match of a common word ("đất đai": 1 case in 9 of a province) instead of walking the
 * province's cases newest first and stopping after the page; a rare combination of words is read from the word index.
 */
async function searchPageIds(db: Db, scope: Scope, provinces: Provinces, query: TCaseListQuery, today: string, page: { limit: number; offset: number }) {
  const conditions = caseConditions(query, today, { dueAndOutcome: true });
  let q = db
    .selectFrom('petition_case as c')
    .select('c.id')
    .where(sql<SqlBool>`coalesce((select ${inScope('u.path', scope)} from admin_unit u where u.id = c.unit_id), false)`);
  if (provinces !== null) q = q.where('c.province_id', 'in', provinces.length ? [...provinces] : [-1]);
  if (conditions.length) q = q.where((eb) => eb.and(conditions));
  q = query.due ? q.orderBy('c.due_on').orderBy('c.received_on') : q.orderBy('c.received_on', 'desc').orderBy('c.code', 'desc');
  return (await q.limit(page.limit).offset(page.offset).execute()).map((row) => row.id);
}

/** Counts over the list's filters: open, overdue, due soon, closed and their outcome (Hue-S), duplicates. */
export async function countCases(db: Db, scope: Scope, provinces: Provinces, query: TCaseListQuery, today: string, soonDays: number) {
  const base = filtered(db, scope, provinces, { ...query, includeDuplicates: 'true' }, today, { dueAndOutcome: false });
  const ended = sql.join(ENDED.map((s) => sql`${s}`));
  const row = await base
    .select([
      sql<number>`count(*) filter (where c.status not in (${ended}))::int`.as('open'),
      sql<number>`count(*) filter (where c.status not in (${ended}) and c.due_on < ${today}::date)::int`.as('overdue'),
      sql<number>`count(*) filter (where c.status not in (${ended}) and c.due_on >= ${today}::date and c.due_on <= ${today}::date + ${soonDays}::int)::int`.as('due_soon'),
      sql<number>`count(*) filter (where c.status = 'closed')::int`.as('closed'),
      sql<number>`count(*) filter (where c.outcome = 'on_time')::int`.as('on_time'),
      sql<number>`count(*) filter (where c.outcome = 'late')::int`.as('late'),
      sql<number>`count(*) filter (where c.outcome = 'late_extended')::int`.as('late_extended'),
      sql<number>`count(*) filter (where c.status = 'duplicate')::int`.as('duplicates'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/** Every case of a list (for the Excel export), capped. */
export async function exportCases(db: Db, scope: Scope, provinces: Provinces, query: TCaseListQuery, today: string, limit: number) {
  const base = filtered(db, scope, provinces, query, today, { dueAndOutcome: true });
  return withSummary(base).select(['c.content', 'c.resolved_on', 'c.satisfaction']).orderBy('c.received_on', 'desc').orderBy('c.code', 'desc').limit(limit).execute();
}

/**
 * Open cases of the actor's scope in a province with a filer of one of these folded names (or matching keys of
 * protected names) and a subject similar to the given one (trigram similarity ≥ 0.3 on the folded subjects).
 */
export async function findDuplicateCandidates(
  db: Db,
  scope: Scope,
  provinceId: number,
  match: { names: readonly string[]; nameKeys: readonly string[]; subjectFold: string; excludeId?: string; rejected: readonly string[] },
) {
  if (match.names.length === 0 && match.nameKeys.length === 0) return [];
  let q = casesInScope(db, scope, [provinceId])
    .where('c.status', 'not in', ENDED)
    .where(sql<boolean>`similarity(c.subject_fold, ${match.subjectFold}) >= 0.3`)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('petition_person as p')
          .select(sql`1`.as('one'))
          .whereRef('p.province_id', '=', 'c.province_id')
          .whereRef('p.case_id', '=', 'c.id')
          .where((eb) =>
            eb.or([
              eb('p.name_fold', 'in', match.names.length ? [...match.names] : ['']),
              eb('p.name_key', 'in', match.nameKeys.length ? [...match.nameKeys] : ['']),
            ]),
          ),
      ),
    );
  if (match.excludeId) q = q.where('c.id', '<>', match.excludeId);
  if (match.rejected.length) q = q.where('c.id', 'not in', [...match.rejected]);
  return q
    .select(['c.id', 'c.code', 'c.subject', 'c.status', 'c.received_on', 'unit.full_name as unit_name'])
    .select(sql<number>`similarity(c.subject_fold, ${match.subjectFold})::float8`.as('similarity'))
    .orderBy('similarity', 'desc')
    .orderBy('c.received_on', 'desc')
    .limit(10)
    .execute();
}

/** Cases linked to this one as duplicates, or the one it duplicates (in scope). */
export async function findLinkedDuplicates(db: Db, scope: Scope, provinceId: number, id: string, duplicateOfId: string | null) {
  return casesInScope(db, scope, [provinceId])
    .where((eb) => eb.or([eb('c.duplicate_of_id', '=', id), ...(duplicateOfId ? [eb('c.id', '=', duplicateOfId)] : [])]))
    .select(['c.id', 'c.code', 'c.subject', 'c.status'])
    .orderBy('c.received_on')
    .execute();
}

/** The persons of cases (a case read in scope by the caller), by position. */
export async function findPersons(db: Db, provinceId: number, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('petition_person as p')
    .selectAll()
    .where('p.province_id', '=', provinceId)
    .where('p.case_id', 'in', [...caseIds])
    .orderBy('p.case_id')
    .orderBy('p.position')
    .execute();
}

/** The steps of a case read in scope by the caller, oldest first, with the authors' names. */
export async function findSteps(db: Db, provinceId: number, caseId: string) {
  return db
    .selectFrom('petition_step as s')
    .leftJoin('app_user as u', 'u.id', 's.by_user_id')
    .select(['s.id', 's.seq', 's.kind', 's.from_status', 's.to_status', 's.by_user_id', 'u.full_name as by_user_name', 's.at', 's.on_date', 's.note', 's.file_ids', 's.due_on', 's.deadlines', 's.data'])
    .where('s.province_id', '=', provinceId)
    .where('s.case_id', '=', caseId)
    .orderBy('s.seq')
    .execute();
}

/** The next tracking number of a province and year (one row per province and year, locked by the upsert). */
export async function nextCodeNumber(db: Db, provinceId: number, year: number): Promise<number> {
  const row = await sql<{ last_number: number }>`
    insert into petition_code_counter (province_id, year, last_number) values (${provinceId}, ${year}, 1)
    on conflict (province_id, year) do update set last_number = petition_code_counter.last_number + 1
    returning last_number`.execute(db);
  return Number(row.rows[0]?.last_number);
}

/** A unit valid today in the scope (the receiving unit, a location), with its level, path and 2025 province. */
export async function findUnitInScope(db: Db, scope: Scope, unitId: number) {
  return db
    .selectFrom('admin_unit as unit')
    .select(['unit.id', 'unit.level', 'unit.parent_id', 'unit.path', 'unit.full_name', 'unit.valid_to'])
    .select(sql<number>`unit_province_id(unit.id)`.as('province_id'))
    .where('unit.id', '=', unitId)
    .where(scopeCondition(scope))
    .executeTakeFirst();
}

/** A unit anywhere (the competent body of a transfer may lie outside the actor's subtree). */
export async function findAnyUnit(db: Db, unitId: number) {
  return db
    .selectFrom('admin_unit as unit')
    .select(['unit.id', 'unit.level', 'unit.full_name', 'unit.valid_to'])
    .select(sql<number>`unit_province_id(unit.id)`.as('province_id'))
    .where('unit.id', '=', unitId)
    .executeTakeFirst();
}

/** The statistics code of a province (tracking codes start with it). */
export async function provinceCode(db: Db, provinceId: number): Promise<string> {
  const row = await db.selectFrom('admin_unit').select(['code']).where('id', '=', provinceId).executeTakeFirst();
  return row?.code ?? String(provinceId);
}

function scopeCondition(scope: Scope) {
  if (scope.all) return sql<boolean>`true`;
  if (scope.roots.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(scope.roots.map((root) => sql`unit.path <@ ${root}::ltree`), sql` or `)})`;
}

/** An account whose unit lies in the scope (a handler), with its roles. */
export async function findUserInScope(db: Db, scope: Scope, userId: number) {
  return unitOwned(db, 'app_user as a', 'a.unit_id', scope)
    .select(['a.id', 'a.full_name', 'a.roles', 'a.unit_id', 'a.disabled'])
    .where('a.id', '=', userId)
    .executeTakeFirst();
}

/** Attachments of a case (owner 'petition_case') among these ids, in scope. */
export async function findCaseAttachments(db: Db, scope: Scope, provinceId: number, caseId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return unitOwned(db, 'attachment as a', 'a.unit_id', scope)
    .select(['a.id', 'a.filename'])
    .where('a.province_id', '=', provinceId)
    .where('a.owner_type', '=', 'petition_case')
    .where('a.owner_id', '=', caseId)
    .where('a.id', 'in', [...ids])
    .execute();
}

export async function insertCase(db: Db, row: Insertable<PetitionCaseTable>) {
  await db.insertInto('petition_case').values(row).execute();
}

export async function insertPersons(db: Db, rows: Insertable<PetitionPersonTable>[]) {
  if (rows.length) await db.insertInto('petition_person').values(rows).execute();
}

export async function insertStep(db: Db, row: Insertable<PetitionStepTable>) {
  await db.insertInto('petition_step').values(row).execute();
}

/**
 * Changes columns of a case at a version (the one a transition just set, or the one the user saw for a step
 * without a move, then bumping it). Returns the new version, or null when the case changed meanwhile.
 */
export async function updateCaseAt(
  db: Db,
  key: { provinceId: number; id: string; version: number },
  changes: Updateable<PetitionCaseTable>,
  bump: boolean,
): Promise<number | null> {
  const row = await db
    .updateTable('petition_case')
    .set({ ...changes, ...(bump ? { version: sql<number>`version + 1` } : {}) })
    .where('province_id', '=', key.provinceId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returning('version')
    .executeTakeFirst();
  return row ? row.version : null;
}

/** The code of a case with this id in scope, if written already (a resent intake is idempotent). */
export async function findCaseCode(db: Db, scope: Scope, provinceId: number, id: string) {
  return casesInScope(db, scope, [provinceId]).select(['c.code']).where('c.id', '=', id).executeTakeFirst();
}

/** The parent of a unit (a village's commune). */
export async function parentOf(db: Db, unitId: number): Promise<number | null> {
  const row = await db.selectFrom('admin_unit').select('parent_id').where('id', '=', unitId).executeTakeFirst();
  return row?.parent_id ?? null;
}

/**
 * Attaches files of one case (read in scope) to another case (a transferred case): new attachment rows over the
 * same stored bytes (the blob store is addressed by sha256).
 */
export async function copyAttachments(
  db: Db,
  scope: Scope,
  from: { provinceId: number; caseId: string },
  to: { provinceId: number; caseId: string; unitId: number },
  ids: readonly string[],
  userId: number,
  at: Date,
) {
  if (ids.length === 0) return;
  const rows = await unitOwned(db, 'attachment as a', 'a.unit_id', scope)
    .select(['a.id', 'a.filename', 'a.mime_type', 'a.size_bytes', 'a.sha256'])
    .where('a.province_id', '=', from.provinceId)
    .where('a.owner_type', '=', 'petition_case')
    .where('a.owner_id', '=', from.caseId)
    .where('a.id', 'in', [...ids])
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('attachment')
    .values(
      rows.map((r) => ({
        id: uuidv7(), province_id: to.provinceId, owner_type: 'petition_case', owner_id: to.caseId, unit_id: to.unitId,
        filename: r.filename, mime_type: r.mime_type, size_bytes: r.size_bytes, sha256: r.sha256, uploaded_by: userId, created_at: at,
      })),
    )
    .execute();
}

/** What a case's figures are keyed on (by id within its province; the caller has read the case in scope). */
export async function findCaseFigureKeys(db: Db, provinceId: number, id: string) {
  return db
    .selectFrom('petition_case')
    .select(['commune_id', 'unit_id', 'received_on', 'resolved_on'])
    .where('province_id', '=', provinceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
