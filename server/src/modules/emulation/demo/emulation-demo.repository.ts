import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { REFORM_DAY, REFORM_LAST_DAY } from '../../units/index.ts';

/** The demo's reads of reference data and bulk writes of models (the demo loader, on a province without models). */

type Db = Kysely<DB>;

export async function officialUnit(db: Db, structure: '2019' | '2025', code: string) {
  const row = await db.selectFrom('admin_unit').select(['id', 'path', 'name', 'full_name']).where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit ${structure}:${code} is missing: import the official units before the demo`);
  return row;
}

export interface DemoPlace {
  id: number;
  code: string | null;
  name: string;
  fullName: string;
  districtId: number | null;
  villages: Array<{ id: number; name: string; fullName: string }>;
  /** The commune's own organisations by type (one per type: the first). */
  orgs: Record<string, number>;
  /** Self-management groups of its villages. */
  groups: Array<{ id: number; unitId: number }>;
  /** A few people of its registry (individual models). */
  people: Array<{ id: number; name: string }>;
}

/**
 * Communes under a province path (only `ids` when given) with their district, villages, organisations, the
 * self-management groups of their villages and a few people of their registry.
 */
export async function placesUnder(db: Db, provincePath: string, ids?: readonly number[]): Promise<DemoPlace[]> {
  const only = ids ? sql`and c.id = any(${[...ids]}::bigint[])` : sql``;
  const rows = await sql<{
    id: number; code: string | null; name: string; full_name: string; district_id: number | null;
    villages: DemoPlace['villages'] | null; orgs: Array<{ type: string; id: number }> | null;
    groups: DemoPlace['groups'] | null; people: DemoPlace['people'] | null;
  }>`
    select c.id, c.code, c.name, c.full_name,
      (select d.id from admin_unit d where d.path @> c.path and d.level = 'district' limit 1) as district_id,
      (select json_agg(json_build_object('id', v.id, 'name', v.name, 'fullName', v.full_name) order by v.id) from admin_unit v where v.parent_id = c.id and v.level = 'village') as villages,
      (select json_agg(json_build_object('type', o.type, 'id', o.id) order by o.id) from organization o where o.unit_id = c.id) as orgs,
      (select json_agg(json_build_object('id', o.id, 'unitId', o.unit_id) order by o.id) from organization o join admin_unit v on v.id = o.unit_id
        where v.parent_id = c.id and o.type = 'self_management_model') as groups,
      (select json_agg(json_build_object('id', p.id, 'name', p.full_name) order by p.id) from (
        select p.id, p.full_name from person p join admin_unit u on u.id = p.unit_id where u.path <@ c.path order by p.id limit 6) p) as people
    from admin_unit c where c.path <@ ${provincePath}::ltree and c.level = 'commune' ${only}
      and (c.valid_to is null or c.valid_to >= ${REFORM_LAST_DAY}::date) -- the communes that reached the reform (issue 9: earlier ones are history)
    order by c.id`.execute(db);
  return rows.rows.map((row) => {
    const orgs: Record<string, number> = {};
    for (const org of row.orgs ?? []) orgs[org.type] ??= Number(org.id);
    return {
      id: Number(row.id), code: row.code, name: row.name, fullName: row.full_name,
      districtId: row.district_id === null ? null : Number(row.district_id),
      villages: (row.villages ?? []).map((v) => ({ ...v, id: Number(v.id) })),
      orgs,
      groups: (row.groups ?? []).map((g) => ({ id: Number(g.id), unitId: Number(g.unitId) })),
      people: (row.people ?? []).map((p) => ({ ...p, id: Number(p.id) })),
    };
  });
}

/** 2025 communes that took in a commune of the 2019 province (the old Quảng Trị side of the merged province). */
export async function successorCommuneIds(db: Db, province2019Path: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select distinct s.new_unit_id as id from unit_succession s join admin_unit o on o.id = s.old_unit_id join admin_unit n on n.id = s.new_unit_id
    where o.path <@ ${province2019Path}::ltree and o.level = 'commune' and n.level = 'commune' and s.effective_date = ${REFORM_DAY}::date order by 1`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/** The 2025 commune each 2019 commune went into (the largest share). */
export async function successorOf(db: Db, province2019Path: string): Promise<Map<number, number>> {
  const rows = await sql<{ old_id: number; new_id: number }>`
    select distinct on (s.old_unit_id) s.old_unit_id as old_id, s.new_unit_id as new_id
    from unit_succession s join admin_unit o on o.id = s.old_unit_id join admin_unit n on n.id = s.new_unit_id
    where o.path <@ ${province2019Path}::ltree and o.level = 'commune' and n.level = 'commune' and s.effective_date = ${REFORM_DAY}::date
    order by s.old_unit_id, s.share desc nulls last, s.new_unit_id`.execute(db);
  return new Map(rows.rows.map((row) => [Number(row.old_id), Number(row.new_id)]));
}

/** Organisations of the province unit itself by type (agencies: Sở, ban, ngành; the Front; the unions). */
export async function provinceOrgs(db: Db, provinceId: number) {
  const rows = await db.selectFrom('organization').select(['id', 'type', 'name']).where('unit_id', '=', provinceId).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, type: row.type, name: row.name }));
}

export async function accountIds(db: Db, usernames: readonly string[]) {
  const rows = await db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', [...usernames]).execute();
  return new Map(rows.map((row) => [row.username, row.id]));
}

/** Whether the province already holds models (the step runs once per database; a second run adds nothing). */
export async function hasModels(db: Db, provinceId: number): Promise<boolean> {
  return (await db.selectFrom('emulation_model').select('id').where('province_id', '=', provinceId).limit(1).executeTakeFirst()) !== undefined;
}

export async function insertOrganizations(db: Db, rows: ReadonlyArray<Insertable<DB['organization']>>): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('organization').values([...rows]).returning('id').execute();
  return inserted.map((row) => row.id);
}

async function chunks<T>(rows: readonly T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function insertModels(db: Db, rows: ReadonlyArray<Insertable<DB['emulation_model']>>) {
  await chunks(rows, 200, (part) => db.insertInto('emulation_model').values(part).execute());
}
export async function insertSteps(db: Db, rows: ReadonlyArray<Insertable<DB['emulation_model_step']>>) {
  await chunks(rows, 500, (part) => db.insertInto('emulation_model_step').values(part).execute());
}
export async function insertAttachments(db: Db, rows: ReadonlyArray<Insertable<DB['attachment']>>) {
  await chunks(rows, 500, (part) => db.insertInto('attachment').values(part).execute());
}
