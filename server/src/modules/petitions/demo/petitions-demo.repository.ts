import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, PetitionCaseTable, PetitionPersonTable, PetitionStepTable } from '#server/db/schema.ts';
import { REFORM_LAST_DAY } from '#server/modules/units/index.ts';

/** The demo's reads of reference data and bulk writes of cases (the demo loader, on an empty province). */

export async function officialUnit(db: Kysely<DB>, structure: '2019' | '2025', code: string) {
  const row = await db.selectFrom('admin_unit').select(['id', 'path', 'name']).where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit ${structure}:${code} is missing: import the official units before the demo`);
  return row;
}

/**
 * Communes under a province path that reached the reform (or began with it), with their villages and district:
 * the cases start in 2025, when the communes that ended earlier (issue 9's history) were gone.
 */
export async function communesUnder(db: Kysely<DB>, provincePath: string) {
  const rows = await sql<{ id: number; name: string; structure: '2019' | '2025'; district_id: number | null; villages: Array<{ id: number; name: string }> | null }>`
    select c.id, c.name, c.structure,
      (select d.id from admin_unit d where d.path @> c.path and d.level = 'district' limit 1) as district_id,
      (select json_agg(json_build_object('id', v.id, 'name', v.name) order by v.id) from admin_unit v where v.parent_id = c.id and v.level = 'village') as villages
    from admin_unit c where c.path <@ ${provincePath}::ltree and c.level = 'commune'
      and (c.valid_to is null or c.valid_to >= ${REFORM_LAST_DAY}::date)
    order by c.id`.execute(db);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), district_id: row.district_id === null ? null : Number(row.district_id), villages: row.villages ?? [] }));
}

/** 2025 communes that took in a commune of the 2019 province (the old Quảng Trị side of the merged province). */
export async function successorCommuneIds(db: Kysely<DB>, province2019Path: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select distinct s.new_unit_id as id from unit_succession s join admin_unit o on o.id = s.old_unit_id join admin_unit n on n.id = s.new_unit_id
    where o.path <@ ${province2019Path}::ltree and o.level = 'commune' and n.level = 'commune' order by 1`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

export async function accountIds(db: Kysely<DB>, usernames: readonly string[]) {
  const rows = await db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', [...usernames]).execute();
  return new Map(rows.map((row) => [row.username, row.id]));
}

export async function nationalFields(db: Kysely<DB>) {
  const rows = await db.selectFrom('petition_field').select(['id', 'code']).where('province_id', 'is', null).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function chunks<T>(rows: readonly T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function insertCases(db: Kysely<DB>, rows: ReadonlyArray<Insertable<PetitionCaseTable>>) {
  await chunks(rows, 300, (part) => db.insertInto('petition_case').values(part).execute());
}
export async function insertPersons(db: Kysely<DB>, rows: ReadonlyArray<Insertable<PetitionPersonTable>>) {
  await chunks(rows, 500, (part) => db.insertInto('petition_person').values(part).execute());
}
export async function insertSteps(db: Kysely<DB>, rows: ReadonlyArray<Insertable<PetitionStepTable>>) {
  await chunks(rows, 500, (part) => db.insertInto('petition_step').values(part).execute());
}

/** The tracking numbers used, so the officers' next case of the year continues after the demo's. */
export async function setCodeCounters(db: Kysely<DB>, provinceId: number, lastByYear: ReadonlyMap<number, number>) {
  for (const [year, last] of lastByYear) {
    await db
      .insertInto('petition_code_counter')
      .values({ province_id: provinceId, year, last_number: last })
      .onConflict((oc) => oc.columns(['province_id', 'year']).doUpdateSet({ last_number: sql`greatest(petition_code_counter.last_number, excluded.last_number)` }))
      .execute();
  }
}
