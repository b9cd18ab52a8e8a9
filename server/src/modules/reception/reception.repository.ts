import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, ReceptionRoleKindColumn } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * All SQL of reception. Record tables are big tables (SCALE.md): every read starts from `unitOwned` (the actor's
 * subtree) and filters province_id by the provinces of the scope (`provinces`: null = the whole country).
 */

export type Provinces = readonly number[] | null;

/** The provinces of a scope's roots (their 2025 province): the province_id filter of every query. */
export async function scopeProvinces(db: Kysely<DB>, scope: Scope): Promise<Provinces> {
  if (scope.all) return null;
  const ids = scope.roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/** province_id in the scope's provinces (no condition for the whole country; none matches for an empty scope). */
function provinceIn(column: string, provinces: Provinces): Expression<SqlBool> {
  if (provinces === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} = any(${provinces.length ? [...provinces] : [-1]}::bigint[])`;
}

/** Records of `unitId` and the units below it (when given). */
const underUnit = (unitId: number | undefined) =>
  unitId === undefined ? sql<boolean>`true` : sql<boolean>`unit.path <@ (select path from admin_unit where id = ${unitId})`;

export const provinceOf = async (db: Kysely<DB>, unitId: number) =>
  Number((await sql<{ id: number }>`select unit_province_id(${unitId}::bigint) as id`.execute(db)).rows[0]?.id);

export interface ListFilter {
  unitId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

// ---------- frequency rules (a small catalogue: national rows and those of a province)

export async function listRules(db: Kysely<DB>, provinces: Provinces) {
  let query = db.selectFrom('reception_frequency_rule as r').selectAll('r');
  if (provinces !== null) query = query.where((eb) => eb.or([eb('r.province_id', 'is', null), eb('r.province_id', 'in', provinces.length ? [...provinces] : [-1])]));
  return query.orderBy('r.role_kind').orderBy('r.level').orderBy('r.valid_from').orderBy('r.id').execute();
}

export async function findRule(db: Kysely<DB>, id: number) {
  return db.selectFrom('reception_frequency_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRule(db: Kysely<DB>, id: number, values: { days: number; per: 'week' | 'month'; basis: string; unconfirmed: boolean }) {
  await db.updateTable('reception_frequency_rule').set({ ...values, updated_at: clock.now() }).where('id', '=', id).execute();
}

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

// ---------- schedules

export type ScheduleValues = Omit<DB['reception_schedule'], 'province_id' | 'created_at' | 'updated_at'> & { created_at: Date };

export async function insertSchedule(db: Kysely<DB>, values: ScheduleValues) {
  await db
    .insertInto('reception_schedule')
    .values({ ...values, province_id: sql<number>`unit_province_id(${values.unit_id}::bigint)`, updated_at: values.created_at })
    .execute();
}

const scheduleColumns = [
  's.id', 's.province_id', 's.unit_id', 'unit.full_name as unit_name', 'unit.level', 's.role_kind', 's.leader_person_id', 's.leader_name',
  's.leader_position', 's.recurrence', 's.weekday', 's.month_day', 's.valid_from', 's.valid_to', 's.place',
] as const;

export async function listSchedules(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: ListFilter) {
  let query = unitOwned(db, 'reception_schedule as s', 's.unit_id', scope).where(provinceIn('s.province_id', provinces))
    .select(scheduleColumns)
    .where(underUnit(filter.unitId));
  // schedules in force at some point of the window
  if (filter.to) query = query.where('s.valid_from', '<=', filter.to);
  if (filter.from) query = query.where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', filter.from as string)]));
  return query.orderBy('unit.full_name').orderBy('s.leader_name').orderBy('s.valid_from', 'desc').limit(filter.limit).execute();
}

export async function findSchedule(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return unitOwned(db, 'reception_schedule as s', 's.unit_id', scope).where(provinceIn('s.province_id', provinces))
    .select(scheduleColumns)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export type ScheduleRow = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

export async function endSchedule(db: Kysely<DB>, provinceId: number, id: string, validTo: string) {
  await db.updateTable('reception_schedule').set({ valid_to: validTo, updated_at: clock.now() }).where('province_id', '=', provinceId).where('id', '=', id).execute();
}

/** Regular (weekly or monthly) schedules in force on some day of [first, last], in scope. */
export async function regularSchedulesIn(db: Kysely<DB>, scope: Scope, provinces: Provinces, unitId: number | undefined, first: string, last: string) {
  return unitOwned(db, 'reception_schedule as s', 's.unit_id', scope).where(provinceIn('s.province_id', provinces))
    .select(scheduleColumns)
    .where(underUnit(unitId))
    .where('s.recurrence', 'in', ['weekly', 'monthly'])
    .where('s.valid_from', '<=', last)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', first)]))
    .orderBy('unit.full_name')
    .orderBy('s.role_kind')
    .orderBy('s.leader_name')
    .execute();
}

// ---------- sessions

export type SessionValues = Omit<DB['reception_session'], 'province_id' | 'created_at' | 'updated_at'> & { created_at: Date };

export async function insertSession(db: Kysely<DB>, values: SessionValues, caseIds: readonly string[]) {
  const provinceId = await provinceOf(db, values.unit_id);
  await db.insertInto('reception_session').values({ ...values, province_id: provinceId, updated_at: values.created_at }).execute();
  if (caseIds.length > 0) {
    await db
      .insertInto('reception_session_case')
      .values(caseIds.map((caseId) => ({ province_id: provinceId, session_id: values.id, case_id: caseId })))
      .execute();
  }
  return provinceId;
}

const sessionColumns = [
  'r.id', 'r.province_id', 'r.unit_id', 'unit.full_name as unit_name', 'r.schedule_id', 'r.held_on', 'r.kind', 'r.role_kind', 'r.leader_person_id',
  'r.leader_name', 'r.leader_position', 'r.persons_received', 'r.notes',
] as const;

export async function listSessions(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: ListFilter) {
  let query = unitOwned(db, 'reception_session as r', 'r.unit_id', scope).where(provinceIn('r.province_id', provinces))
    .select(sessionColumns)
    .where(underUnit(filter.unitId));
  if (filter.from) query = query.where('r.held_on', '>=', filter.from);
  if (filter.to) query = query.where('r.held_on', '<=', filter.to);
  return query.orderBy('r.held_on', 'desc').orderBy('r.id', 'desc').limit(filter.limit).execute();
}

export async function findSession(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return unitOwned(db, 'reception_session as r', 'r.unit_id', scope).where(provinceIn('r.province_id', provinces))
    .select(sessionColumns)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The cases received at these sessions (same province by the foreign key), by session. */
export async function casesOfSessions(db: Kysely<DB>, sessions: ReadonlyArray<{ id: string; province_id: number }>) {
  if (sessions.length === 0) return [];
  const provinceIds = [...new Set(sessions.map((s) => s.province_id))];
  return db
    .selectFrom('reception_session_case as sc')
    .innerJoin('petition_case as c', (join) => join.onRef('c.province_id', '=', 'sc.province_id').onRef('c.id', '=', 'sc.case_id'))
    .select(['sc.session_id', 'c.id', 'c.code', 'c.subject', 'c.kind', 'c.status'])
    .where('sc.province_id', 'in', provinceIds)
    .where('sc.session_id', 'in', sessions.map((s) => s.id))
    .orderBy('c.code')
    .execute();
}

/** Of these case ids, those of the province that lie in the actor's scope. */
export async function casesInScope(db: Kysely<DB>, scope: Scope, provinceId: number, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await unitOwned(db, 'petition_case as c', 'c.unit_id', scope)
    .select('c.id')
    .where('c.province_id', '=', provinceId)
    .where('c.id', 'in', [...ids])
    .execute();
  return rows.map((row) => row.id);
}

/** Distinct days of sessions of the units in scope between two dates, per unit, kind of leader and leader key. */
export async function sessionDays(db: Kysely<DB>, scope: Scope, provinces: Provinces, unitIds: readonly number[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  return unitOwned(db, 'reception_session as r', 'r.unit_id', scope).where(provinceIn('r.province_id', provinces))
    .select(['r.unit_id', 'r.role_kind', 'r.leader_key', 'r.held_on'])
    .distinct()
    .where('r.unit_id', 'in', [...unitIds])
    .where('r.held_on', '>=', from)
    .where('r.held_on', '<=', to)
    .execute();
}

// ---------- dialogues and voter meetings

export interface DialogueValues {
  id: string;
  unit_id: number;
  kind: 'dialogue' | 'voter_meeting';
  held_on: string;
  subject: string;
  place: string | null;
  /** JSON text of the leaders. */
  leaders: string;
  by_head: boolean;
  participant_count: number;
  participant_bodies: string[];
  issues: string[];
  notes: string | null;
  created_by: number | null;
  created_at: Date;
}

export async function insertDialogue(db: Kysely<DB>, values: DialogueValues) {
  const provinceId = await provinceOf(db, values.unit_id);
  await db.insertInto('reception_dialogue').values({ ...values, province_id: provinceId, updated_at: values.created_at }).execute();
  return provinceId;
}

const dialogueColumns = [
  'd.id', 'd.province_id', 'd.unit_id', 'unit.full_name as unit_name', 'd.kind', 'd.held_on', 'd.subject', 'd.place', 'd.leaders', 'd.by_head',
  'd.participant_count', 'd.participant_bodies', 'd.issues', 'd.notes',
] as const;

export async function listDialogues(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: ListFilter & { kind?: 'dialogue' | 'voter_meeting' | undefined }) {
  let query = unitOwned(db, 'reception_dialogue as d', 'd.unit_id', scope).where(provinceIn('d.province_id', provinces))
    .select(dialogueColumns)
    .where(underUnit(filter.unitId));
  if (filter.kind) query = query.where('d.kind', '=', filter.kind);
  if (filter.from) query = query.where('d.held_on', '>=', filter.from);
  if (filter.to) query = query.where('d.held_on', '<=', filter.to);
  return query.orderBy('d.held_on', 'desc').orderBy('d.id', 'desc').limit(filter.limit).execute();
}

export async function findDialogue(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return unitOwned(db, 'reception_dialogue as d', 'd.unit_id', scope).where(provinceIn('d.province_id', provinces))
    .select(dialogueColumns)
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export type DialogueRow = NonNullable<Awaited<ReturnType<typeof findDialogue>>>;

// ---------- Front supervision and critique

export type ActivityValues = Omit<DB['front_activity'], 'province_id' | 'created_at' | 'updated_at'> & { created_at: Date };

export async function insertActivity(db: Kysely<DB>, values: ActivityValues) {
  const provinceId = await provinceOf(db, values.unit_id);
  await db.insertInto('front_activity').values({ ...values, province_id: provinceId, updated_at: values.created_at }).execute();
  return provinceId;
}

const activityColumns = [
  'f.id', 'f.province_id', 'f.unit_id', 'unit.full_name as unit_name', 'unit.level', 'f.kind', 'f.body', 'f.subject', 'f.period_from', 'f.period_to', 'f.findings',
] as const;

export async function listActivities(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: ListFilter & { kind?: 'supervision' | 'critique' | undefined }) {
  let query = unitOwned(db, 'front_activity as f', 'f.unit_id', scope).where(provinceIn('f.province_id', provinces))
    .select(activityColumns)
    .where(underUnit(filter.unitId));
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  if (filter.from) query = query.where('f.period_to', '>=', filter.from);
  if (filter.to) query = query.where('f.period_to', '<=', filter.to);
  return query.orderBy('f.period_to', 'desc').orderBy('f.id', 'desc').limit(filter.limit).execute();
}

export async function findActivity(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return unitOwned(db, 'front_activity as f', 'f.unit_id', scope).where(provinceIn('f.province_id', provinces))
    .select(activityColumns)
    .where('f.id', '=', id)
    .executeTakeFirst();
}

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

// ---------- recommendations

export type RecommendationValues = Omit<DB['reception_recommendation'], 'created_at' | 'updated_at' | 'status' | 'version' | 'answer_text' | 'answered_on' | 'closed_on'> & {
  created_at: Date;
};

export async function insertRecommendations(db: Kysely<DB>, rows: readonly RecommendationValues[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('reception_recommendation')
    .values(rows.map((row) => ({ ...row, updated_at: row.created_at })))
    .execute();
}

function recommendationQuery(db: Kysely<DB>, scope: Scope, provinces: Provinces) {
  return unitOwned(db, 'reception_recommendation as k', 'k.unit_id', scope).where(provinceIn('k.province_id', provinces))
    .leftJoin('reception_dialogue as d', (join) => join.onRef('d.province_id', '=', 'k.province_id').onRef('d.id', '=', 'k.dialogue_id'))
    .leftJoin('front_activity as f', (join) => join.onRef('f.province_id', '=', 'k.province_id').onRef('f.id', '=', 'k.activity_id'))
    .select([
      'k.id', 'k.province_id', 'k.unit_id', 'unit.full_name as unit_name', 'k.dialogue_id', 'k.activity_id', 'k.content', 'k.addressed_unit_id',
      'k.addressed_body', 'k.sent_on', 'k.due_on', 'k.status', 'k.answer_text', 'k.answered_on', 'k.closed_on', 'k.version',
      sql<string>`coalesce(d.kind, f.kind)`.as('source_kind'),
      sql<string>`coalesce(d.subject, f.subject)`.as('source_subject'),
      sql<string>`coalesce(d.held_on, f.period_to)`.as('source_on'),
    ]);
}

export async function listRecommendations(
  db: Kysely<DB>,
  scope: Scope,
  provinces: Provinces,
  filter: { unitId?: number | undefined; state?: 'sent' | 'overdue' | 'answered' | 'closed' | undefined; today: string; limit: number },
) {
  let query = recommendationQuery(db, scope, provinces).where(underUnit(filter.unitId));
  if (filter.state === 'overdue') query = query.where('k.status', '=', 'sent').where('k.due_on', '<', filter.today);
  else if (filter.state === 'sent') query = query.where('k.status', '=', 'sent').where('k.due_on', '>=', filter.today);
  else if (filter.state) query = query.where('k.status', '=', filter.state);
  return query
    .orderBy(sql`case when k.status = 'sent' and k.due_on < ${filter.today}::date then 0 when k.status = 'sent' then 1 else 2 end`)
    .orderBy('k.due_on')
    .orderBy('k.id')
    .limit(filter.limit)
    .execute();
}

export async function findRecommendation(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return recommendationQuery(db, scope, provinces).where('k.id', '=', id).executeTakeFirst();
}

export async function recommendationsOf(db: Kysely<DB>, scope: Scope, provinces: Provinces, source: 'dialogue_id' | 'activity_id', ids: readonly string[]) {
  if (ids.length === 0) return [];
  return recommendationQuery(db, scope, provinces).where(`k.${source}`, 'in', [...ids]).orderBy('k.due_on').orderBy('k.id').execute();
}

export type RecommendationRow = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

/** Moves a recommendation if nobody changed it since `seenVersion`; false when the version moved on. */
export async function updateRecommendation(
  db: Kysely<DB>,
  key: { provinceId: number; id: string; seenVersion: number },
  values: { status: 'sent' | 'answered' | 'closed'; answer_text?: string; answered_on?: string; closed_on?: string },
) {
  const result = await db
    .updateTable('reception_recommendation')
    .set({ ...values, updated_at: clock.now(), version: sql<number>`version + 1` })
    .where('province_id', '=', key.provinceId)
    .where('id', '=', key.id)
    .where('version', '=', key.seenVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------- derived values (computed for a whole province by the system: the province is the scope)

/**
 * Per unit of `level` valid on `asOf` in the province: how many records of `table` of its subtree fall in
 * [from, asOf] (by `dateColumn`) and satisfy `where`. Units without any are left out (they count 0).
 */
export async function countByLevel(
  db: Kysely<DB>,
  args: {
    provinceId: number;
    level: 'province' | 'commune';
    asOf: string;
    from: string;
    unitIds?: readonly number[] | undefined;
    what: 'head_dialogues' | 'supervisions' | 'critiques' | 'reception_days';
  },
): Promise<Array<{ unitId: number; value: number }>> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  const units = args.unitIds ? sql`and a.id = any(${[...args.unitIds]}::bigint[])` : sql``;
  const window = (column: string) => sql`${sql.ref(column)} between ${args.from}::date and ${args.asOf}::date`;
  const source =
    args.what === 'head_dialogues'
      ? sql`select d.unit_id, d.id::text as item from reception_dialogue d where d.province_id = ${args.provinceId} and d.kind = 'dialogue' and d.by_head and ${window('d.held_on')}`
      : args.what === 'reception_days'
        ? sql`select distinct r.unit_id, r.leader_key || '|' || r.held_on::text as item from reception_session r where r.province_id = ${args.provinceId} and ${window('r.held_on')}`
        : sql`select f.unit_id, f.id::text as item from front_activity f where f.province_id = ${args.provinceId} and f.kind = ${args.what === 'supervisions' ? 'supervision' : 'critique'} and ${window('f.period_to')}`;
  const rows = await sql<{ unit_id: number; value: number }>`
    select a.id as unit_id, count(distinct x.item)::int as value
    from (${source}) x
    join admin_unit u on u.id = x.unit_id
    join admin_unit a on a.path @> u.path and a.level = ${args.level}
    where (a.valid_from is null or a.valid_from <= ${args.asOf}::date) and (a.valid_to is null or a.valid_to >= ${args.asOf}::date)
      and unit_province_id(a.id) = ${args.provinceId} ${units}
    group by a.id`.execute(db);
  return rows.rows.map((row) => ({ unitId: Number(row.unit_id), value: Number(row.value) }));
}

/** A registry person's name, if the person is in the actor's scope. */
export async function findPersonName(db: Kysely<DB>, scope: Scope, personId: number) {
  const row = await unitOwned(db, 'person as p', 'p.unit_id', scope).select('p.full_name').where('p.id', '=', personId).executeTakeFirst();
  return row?.full_name;
}

export type { ReceptionRoleKindColumn };
