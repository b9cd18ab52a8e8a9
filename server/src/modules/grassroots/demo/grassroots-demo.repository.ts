import { sql, type Insertable, type Kysely } from 'kysely';
import type { BriefingTable, DB, FieldVisitTable } from '#server/db/schema.ts';

/** The demo's reads of the registry and bulk writes of visits (the demo loader, on a province without visits). */

type Db = Kysely<DB>;

export async function provinceByCode(db: Db, code: string) {
  const row = await db.selectFrom('admin_unit').select(['id', 'path']).where('structure', '=', '2025').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit 2025:${code} is missing: import the official units before the demo`);
  return row;
}

export async function adminId(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (!row) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  return row.id;
}

export async function hasVisits(db: Db, provinceId: number) {
  return (await db.selectFrom('field_visit').select('id').where('province_id', '=', provinceId).limit(1).execute()).length > 0;
}

export interface DemoCadre {
  roleId: number;
  personId: number;
  organizationId: number;
  type: string;
  unitId: number;
  unitLevel: string;
  termFrom: string;
  termTo: string | null;
  unitFrom: string | null;
  unitTo: string | null;
  /** Its villages, each with its first day (null: before 2019): a village that came from an ended commune is not visited before. */
  villages: { id: number; from: string | null }[];
}

/** Roles in the given body types at communes and provinces under `paths`, with the unit's validity and villages. */
export async function cadresUnder(db: Db, paths: readonly string[], types: readonly string[]): Promise<DemoCadre[]> {
  const rows = await sql<{
    role_id: number; person_id: number; organization_id: number; type: string; unit_id: number; level: string;
    term_from: string; term_to: string | null; valid_from: string | null; valid_to: string | null; villages: { id: number; from: string | null }[] | null;
  }>`
    select r.id as role_id, r.person_id, o.id as organization_id, o.type, u.id as unit_id, u.level, r.term_from, r.term_to, u.valid_from, u.valid_to,
      (select json_agg(json_build_object('id', v.id, 'from', v.valid_from) order by v.id) from admin_unit v where v.parent_id = u.id and v.level = 'village') as villages
    from person_role r join organization o on o.id = r.organization_id join admin_unit u on u.id = o.unit_id
    where u.path <@ any(${[...paths]}::text[]::ltree[]) and u.level in ('commune', 'province') and o.type = any(${[...types]}::text[])
    order by u.id, r.id`.execute(db);
  return rows.rows.map((row) => ({
    roleId: Number(row.role_id), personId: Number(row.person_id), organizationId: Number(row.organization_id), type: row.type, unitId: Number(row.unit_id),
    unitLevel: row.level, termFrom: row.term_from, termTo: row.term_to, unitFrom: row.valid_from, unitTo: row.valid_to, villages: (row.villages ?? []).map((v) => ({ id: Number(v.id), from: v.from })),
  }));
}

export async function purposeIds(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('field_visit_purpose').select(['id', 'code']).where('province_id', 'is', null).execute();
  return Object.fromEntries(rows.map((row) => [row.code, Number(row.id)]));
}

export async function insertVisits(db: Db, rows: readonly Insertable<FieldVisitTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('field_visit').values(rows.slice(i, i + 1000)).execute();
}

// --- briefings ---

export async function hasBriefings(db: Db, provinceId: number) {
  return (await db.selectFrom('briefing').select('id').where('province_id', '=', provinceId).limit(1).execute()).length > 0;
}

export interface DemoBody {
  id: number;
  type: string;
  unitId: number;
  communeId: number;
  from: string | null;
  to: string | null;
}

/** Blocs and teams under `paths` with their commune and the days they exist (organisation and unit together). */
export async function briefingBodiesUnder(db: Db, paths: readonly string[]): Promise<DemoBody[]> {
  const rows = await sql<{ id: number; type: string; unit_id: number; commune_id: number; first: string | null; last: string | null }>`
    select o.id, o.type, o.unit_id, case when u.level = 'commune' then u.id else u.parent_id end as commune_id,
      greatest(o.founded_on, u.valid_from)::text as first,
      least(o.dissolved_on - 1, u.valid_to)::text as last
    from organization o join admin_unit u on u.id = o.unit_id
    where u.path <@ any(${[...paths]}::text[]::ltree[]) and o.type in ('commune_bloc', 'village_team') and u.level in ('commune', 'village')
    order by o.id`.execute(db);
  return rows.rows.map((row) => ({ id: Number(row.id), type: row.type, unitId: Number(row.unit_id), communeId: Number(row.commune_id), from: row.first, to: row.last }));
}

export async function insertSchedules(db: Db, rows: ReadonlyArray<{ organization_id: number; recurrence: string; set_by: number; set_at: Date }>) {
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('briefing_schedule').values(rows.slice(i, i + 2000)).execute();
}

/**
 * Stores the briefings (members and attended 0), then in one statement each: the attendees, drawn from the people
 * registered in the body on the day with the briefing's rate (a stable hash), and the counts from them.
 */
export async function insertBriefings(db: Db, provinceId: number, rows: readonly Insertable<BriefingTable>[], rates: ReadonlyMap<string, number>) {
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('briefing').values(rows.slice(i, i + 2000)).execute();
  const ids = [...rates.keys()];
  const thresholds = ids.map((id) => Math.round((rates.get(id) as number) * 1000));
  await sql`
    insert into briefing_attendee (province_id, briefing_id, person_id)
    select distinct b.province_id, b.id, r.person_id
    from unnest(${ids}::uuid[], ${thresholds}::int[]) as x(id, threshold)
    join briefing b on b.province_id = ${provinceId} and b.id = x.id
    join person_role r on r.organization_id = b.organization_id and r.term_from <= b.held_on and (r.term_to is null or r.term_to >= b.held_on)
    where abs(hashtext(b.id::text || ':' || r.person_id::text)) % 1000 < x.threshold`.execute(db);
  await sql`
    update briefing b set
      members = (select count(distinct r.person_id) from person_role r where r.organization_id = b.organization_id and r.term_from <= b.held_on and (r.term_to is null or r.term_to >= b.held_on)),
      attended = (select count(*) from briefing_attendee a where a.province_id = b.province_id and a.briefing_id = b.id)
    where b.province_id = ${provinceId} and b.held`.execute(db);
}
