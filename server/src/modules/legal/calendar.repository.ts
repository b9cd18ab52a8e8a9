import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { WorkCalendar } from './calendar.rules.ts';

/** All SQL of the working calendar (legal_calendar_year, legal_calendar_day). National data: no unit scope. */

/** The working calendar of the years fromYear..toYear (inclusive); years not stored are absent (weekends only). */
export async function loadWorkCalendar(db: Kysely<DB>, fromYear: number, toYear: number): Promise<WorkCalendar> {
  const years = await db
    .selectFrom('legal_calendar_year')
    .select(['year', 'status'])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();
  const days = await db
    .selectFrom('legal_calendar_day')
    .select(['day', 'kind'])
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .execute();
  return {
    off: new Set(days.filter((d) => d.kind === 'off').map((d) => d.day)),
    work: new Set(days.filter((d) => d.kind === 'work').map((d) => d.day)),
    years: new Map(years.map((y) => [y.year, y.status])),
  };
}

export type CalendarYearRow = Awaited<ReturnType<typeof findCalendarYear>>;

export function findCalendarYear(db: Kysely<DB>, year: number, forUpdate = false) {
  let q = db
    .selectFrom('legal_calendar_year')
    .select(['year', 'status', 'sources', 'notes', 'edited', 'version', 'resource_hash'])
    .where('year', '=', year);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listCalendarDays(db: Kysely<DB>, year: number) {
  return db.selectFrom('legal_calendar_day').select(['day', 'kind', 'note']).where('year', '=', year).orderBy('day').execute();
}

export function findCalendarDay(db: Kysely<DB>, date: string) {
  return db.selectFrom('legal_calendar_day').select(['day', 'kind', 'note']).where('day', '=', date).executeTakeFirst();
}

/** Every year with its counts of weekdays off and worked weekend days. */
export function listCalendarYears(db: Kysely<DB>) {
  return db
    .selectFrom('legal_calendar_year as y')
    .leftJoin('legal_calendar_day as d', 'd.year', 'y.year')
    .select([
      'y.year',
      'y.status',
      'y.edited',
      sql<number>`count(*) filter (where d.kind = 'off' and extract(isodow from d.day) < 6)::integer`.as('weekdays_off'),
      sql<number>`count(*) filter (where d.kind = 'work')::integer`.as('work_saturdays'),
    ])
    .groupBy(['y.year', 'y.status', 'y.edited'])
    .orderBy('y.year')
    .execute();
}

export async function insertCalendarYear(
  db: Kysely<DB>,
  row: { year: number; status: 'provisional' | 'confirmed'; sources: string[]; notes: string; resourceHash: string | null; edited: boolean; userId: number | null },
) {
  await db
    .insertInto('legal_calendar_year')
    .values({
      year: row.year,
      status: row.status,
      sources: row.sources,
      notes: row.notes,
      resource_hash: row.resourceHash,
      edited: row.edited,
      updated_by: row.userId,
    })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** Replaces a year's listed days (the loader refreshing a year no administrator touched). */
export async function replaceCalendarDays(db: Kysely<DB>, year: number, days: ReadonlyArray<{ day: string; kind: 'off' | 'work'; note: string }>) {
  await db.deleteFrom('legal_calendar_day').where('year', '=', year).execute();
  if (days.length > 0) await db.insertInto('legal_calendar_day').values(days.map((d) => ({ ...d, year }))).execute();
}

export async function updateCalendarYearFromResource(
  db: Kysely<DB>,
  row: { year: number; status: 'provisional' | 'confirmed'; sources: string[]; notes: string; resourceHash: string },
) {
  await db
    .updateTable('legal_calendar_year')
    .set({ status: row.status, sources: row.sources, notes: row.notes, resource_hash: row.resourceHash, updated_at: sql`now()` })
    .where('year', '=', row.year)
    .where('edited', '=', false)
    .execute();
}

/** An administrator's change of a year: marks it edited (the loader leaves it alone from now on), version + 1. */
export async function touchCalendarYear(
  db: Kysely<DB>,
  year: number,
  userId: number,
  changes: { status?: 'provisional' | 'confirmed'; notes?: string } = {},
) {
  await db
    .updateTable('legal_calendar_year')
    .set({ ...changes, edited: true, version: sql`version + 1`, updated_by: userId, updated_at: sql`now()` })
    .where('year', '=', year)
    .execute();
}

export async function setCalendarDay(db: Kysely<DB>, date: string, entry: { kind: 'off' | 'work'; note: string } | null) {
  await db.deleteFrom('legal_calendar_day').where('day', '=', date).execute();
  if (entry) await db.insertInto('legal_calendar_day').values({ day: date, year: Number(date.slice(0, 4)), ...entry }).execute();
}

/** Serialises the loader across app processes starting together (transaction-scoped). */
export async function lockLegalLoad(db: Kysely<DB>) {
  await sql`select pg_advisory_xact_lock(hashtext('legal.resources'))`.execute(db);
}

export async function insertLegalEdit(
  db: Kysely<DB>,
  edit: { userId: number; entity: 'calendar_year' | 'calendar_day' | 'rule_set' | 'rule'; entityKey: string; before: unknown; after: unknown },
) {
  await db
    .insertInto('legal_edit')
    .values({
      user_id: edit.userId,
      entity: edit.entity,
      entity_key: edit.entityKey,
      before: edit.before === undefined || edit.before === null ? null : JSON.stringify(edit.before),
      after: edit.after === undefined || edit.after === null ? null : JSON.stringify(edit.after),
    })
    .execute();
}

export function listLegalEdits(db: Kysely<DB>, filter: { entity?: string; key?: string; limit: number }) {
  let q = db
    .selectFrom('legal_edit as e')
    .leftJoin('app_user as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.at', 'u.full_name', 'e.entity', 'e.entity_key', 'e.before', 'e.after'])
    .orderBy('e.id', 'desc')
    .limit(filter.limit);
  if (filter.entity) q = q.where('e.entity', '=', filter.entity as 'rule');
  if (filter.key) q = q.where('e.entity_key', '=', filter.key);
  return q.execute();
}
