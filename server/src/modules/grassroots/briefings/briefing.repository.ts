import { sql, type Insertable, type Kysely } from 'kysely';
import { BRIEFING_BODY_TYPES, type TRecurrenceChange } from '#contracts/grassroots/briefings.ts';
import type { BriefingTable, DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * All SQL of briefings (giao ban) of blocs and teams. The bodies are organisations of the registry read through
 * unitOwned; briefing and briefing_attendee are BIG tables: every read starts from unitOwned on the briefing's unit
 * (the body's) and filters province_id by the provinces of the scope (SCALE.md rule 2).
 */

type Db = Kysely<DB>;
/** Provinces of the actor's scope; null = whole country. */
export type Provinces = readonly number[] | null;

/** Each body's dated changes of recurrence, oldest first, as one json list per organisation (a small table, joined to bodies read in scope). */
const schedules = sql<{ organization_id: number; schedule: TRecurrenceChange[] }>`(select organization_id,
  json_agg(json_build_object('validFrom', valid_from, 'recurrence', recurrence) order by valid_from nulls first) as schedule
  from briefing_schedule group by organization_id)`;
/** The body's changes, [] when it has none (monthly throughout). */
const scheduleOf = sql<TRecurrenceChange[]>`coalesce(s.schedule, '[]'::json)`;

const provinceIn = (provinces: Provinces) => (provinces === null ? sql<boolean>`true` : sql<boolean>`b.province_id = any(${provinces.length ? [...provinces] : [-1]}::bigint[])`);

/** Blocs and teams of the scope (under `unitPath`) that existed some day between start and end, by commune and name; at most `limit`. */
export async function listBodies(db: Db, scope: Scope, args: { start: string; end: string; today: string; unitPath?: string; type?: string; limit: number }) {
  let query = unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .leftJoin('admin_unit as parent', 'parent.id', 'unit.parent_id')
    .leftJoin(schedules.as('s'), (join) => join.onRef('s.organization_id', '=', 'o.id'))
    .select([
      'o.id', 'o.name', 'o.type', 'o.unit_id', 'o.founded_on', 'o.dissolved_on', 'unit.full_name as unit_name', 'unit.level as unit_level',
      'parent.full_name as parent_name', scheduleOf.as('schedule'),
      sql<number>`(select count(distinct r.person_id) from person_role r where r.organization_id = o.id and r.term_from <= ${args.today}::date and (r.term_to is null or r.term_to >= ${args.today}::date))::int`.as('members'),
    ])
    .where('o.type', 'in', args.type ? [args.type] : [...BRIEFING_BODY_TYPES])
    .where((eb) => eb.or([eb('o.founded_on', 'is', null), eb('o.founded_on', '<=', args.end)]))
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>', args.start)]));
  if (args.unitPath) query = query.where(sql<boolean>`unit.path <@ ${args.unitPath}::ltree`);
  return query
    .orderBy(sql`case when unit.level = 'commune' then unit.full_name else parent.full_name end`)
    .orderBy(sql`case when o.type = 'commune_bloc' then 0 else 1 end`)
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(args.limit)
    .execute();
}

/** The briefings of these bodies for these periods (read in scope). */
export async function briefingsOf(db: Db, scope: Scope, provinces: Provinces, organizationIds: readonly number[], periods: readonly string[]) {
  if (organizationIds.length === 0 || periods.length === 0) return [];
  return unitOwned(db, 'briefing as b', 'b.unit_id', scope)
    .select(['b.id', 'b.organization_id', 'b.period', 'b.held', 'b.held_on', 'b.not_held_reason', 'b.members', 'b.attended'])
    .where(provinceIn(provinces))
    .where(sql<boolean>`b.organization_id = any(${[...organizationIds]}::bigint[])`)
    .where(sql<boolean>`b.period = any(${[...periods]}::text[])`)
    .execute();
}

/** A bloc or team in scope, with its changes of recurrence and its unit's province. */
export async function findBody(db: Db, scope: Scope, organizationId: number) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .leftJoin(schedules.as('s'), (join) => join.onRef('s.organization_id', '=', 'o.id'))
    .select(['o.id', 'o.name', 'o.type', 'o.unit_id', 'o.founded_on', 'o.dissolved_on', 'unit.valid_from', 'unit.valid_to', scheduleOf.as('schedule'), sql<number>`unit_province_id(o.unit_id)`.as('province_id')])
    .where('o.id', '=', organizationId)
    .where('o.type', 'in', [...BRIEFING_BODY_TYPES])
    .executeTakeFirst();
}

/** People registered in a body (holding a role in it) on a day, heads first, by name; one row per person. */
export async function membersOn(db: Db, scope: Scope, organizationId: number, day: string) {
  const rows = await unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'p.full_name', 'r.title', 'r.is_head'])
    .where('o.id', '=', organizationId)
    .where('r.term_from', '<=', day)
    .where((eb) => eb.or([eb('r.term_to', 'is', null), eb('r.term_to', '>=', day)]))
    .orderBy('r.is_head', 'desc')
    .orderBy('p.full_name')
    .orderBy('r.person_id')
    .orderBy('r.id')
    .execute();
  const seen = new Set<number>();
  return rows.filter((row) => (seen.has(Number(row.person_id)) ? false : (seen.add(Number(row.person_id)), true)));
}

/** A change of recurrence from `valid_from` on: the changes dated on or after it are replaced, those before kept. */
export async function setRecurrenceFrom(db: Db, row: { organization_id: number; valid_from: string; recurrence: string; set_by: number | null; set_at: Date }) {
  await db.deleteFrom('briefing_schedule').where('organization_id', '=', row.organization_id).where('valid_from', '>=', row.valid_from).execute();
  await db.insertInto('briefing_schedule').values(row).execute();
}

/** The periods a body has a briefing recorded for (held or not), read in scope. */
export async function recordedPeriods(db: Db, scope: Scope, provinceId: number, organizationId: number): Promise<string[]> {
  const rows = await unitOwned(db, 'briefing as b', 'b.unit_id', scope)
    .select('b.period')
    .where('b.province_id', '=', provinceId)
    .where('b.organization_id', '=', organizationId)
    .orderBy('b.period')
    .execute();
  return rows.map((row) => row.period);
}

/** The briefing stored under an id in the province, in scope (a resend answers it). */
export async function findBriefingKey(db: Db, scope: Scope, provinceId: number, id: string) {
  return unitOwned(db, 'briefing as b', 'b.unit_id', scope).select(['b.id', 'b.organization_id']).where('b.province_id', '=', provinceId).where('b.id', '=', id).executeTakeFirst();
}

/** The briefing recorded for a body and period, if any. */
export async function findBriefingOfPeriod(db: Db, scope: Scope, provinceId: number, organizationId: number, period: string) {
  return unitOwned(db, 'briefing as b', 'b.unit_id', scope)
    .select(['b.id'])
    .where('b.province_id', '=', provinceId)
    .where('b.organization_id', '=', organizationId)
    .where('b.period', '=', period)
    .executeTakeFirst();
}

/** Stores a briefing unless its id, or a briefing of its body and period, is stored already: whether this call stored it. */
export async function insertBriefing(db: Db, row: Insertable<BriefingTable>, attendees: readonly number[]): Promise<boolean> {
  const written = await db.insertInto('briefing').values(row).onConflict((oc) => oc.doNothing()).returning('id').execute();
  if (written.length === 0) return false;
  if (attendees.length > 0) {
    await db.insertInto('briefing_attendee').values(attendees.map((personId) => ({ province_id: row.province_id, briefing_id: row.id, person_id: personId }))).execute();
  }
  return true;
}

/** One briefing in scope with its body's and unit's names. */
export async function findBriefing(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return unitOwned(db, 'briefing as b', 'b.unit_id', scope)
    .innerJoin('organization as o', 'o.id', 'b.organization_id')
    .select([
      'b.id', 'b.province_id', 'b.organization_id', 'o.name as organization_name', 'o.type as organization_type', 'b.unit_id', 'unit.full_name as unit_name', 'b.period',
      'b.held', 'b.held_on', 'b.not_held_reason', 'b.members', 'b.attended', 'b.issues', 'b.topics', 'b.created_at',
    ])
    .where(provinceIn(provinces))
    .where('b.id', '=', id)
    .executeTakeFirst();
}
export type BriefingRow = Awaited<ReturnType<typeof findBriefing>> & object;

/** Who attended a briefing (read in scope through its unit). */
export async function attendeesOf(db: Db, scope: Scope, provinceId: number, id: string): Promise<number[]> {
  const rows = await unitOwned(db, 'briefing as b', 'b.unit_id', scope)
    .innerJoin('briefing_attendee as a', (join) => join.onRef('a.province_id', '=', 'b.province_id').onRef('a.briefing_id', '=', 'b.id'))
    .select('a.person_id')
    .where('b.province_id', '=', provinceId)
    .where('b.id', '=', id)
    .execute();
  return rows.map((row) => Number(row.person_id));
}

/** Names and titles of people (attendees no longer registered), by id. */
export async function peopleNames(db: Db, scope: Scope, organizationId: number, personIds: readonly number[]) {
  if (personIds.length === 0) return [];
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.person_id', 'p.full_name', 'r.title'])
    .where('o.id', '=', organizationId)
    .where(sql<boolean>`r.person_id = any(${[...personIds]}::bigint[])`)
    .orderBy('r.term_from', 'desc')
    .execute();
}

// --- figures (derived values): a province's bodies and briefings, per commune ---

/** Blocs and teams of the province scope under the given communes (by path), with the commune they count for. */
export async function bodiesOfCommunes(db: Db, provinceScope: Scope, communeIds: readonly number[], start: string, end: string) {
  if (communeIds.length === 0) return [];
  const rows = await unitOwned(db, 'organization as o', 'o.unit_id', provinceScope)
    .innerJoin('admin_unit as c', (join) => join.on(sql<boolean>`unit.path <@ c.path`))
    .leftJoin(schedules.as('s'), (join) => join.onRef('s.organization_id', '=', 'o.id'))
    .select(['o.id', 'o.founded_on', 'o.dissolved_on', scheduleOf.as('schedule'), 'c.id as commune_id'])
    .where(sql<boolean>`c.id = any(${[...communeIds]}::bigint[])`)
    .where('o.type', 'in', [...BRIEFING_BODY_TYPES])
    .where((eb) => eb.or([eb('o.founded_on', 'is', null), eb('o.founded_on', '<=', end)]))
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>', start)]))
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), commune_id: Number(row.commune_id) }));
}

/** Held briefings of a province for (body, period) pairs: attendance per body. */
export async function heldOf(db: Db, provinceScope: Scope, provinceId: number, pairs: ReadonlyArray<{ organizationId: number; period: string }>) {
  if (pairs.length === 0) return [];
  return unitOwned(db, 'briefing as b', 'b.unit_id', provinceScope)
    .select(['b.organization_id', 'b.members', 'b.attended'])
    .where('b.province_id', '=', provinceId)
    .where('b.held', '=', true)
    .where(sql<boolean>`(b.organization_id, b.period) in (select * from unnest(${pairs.map((p) => p.organizationId)}::bigint[], ${pairs.map((p) => p.period)}::text[]))`)
    .execute();
}
