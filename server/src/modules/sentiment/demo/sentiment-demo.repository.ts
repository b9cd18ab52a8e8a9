import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { NewReport } from '../sentiment.repository.ts';

/** The demo loader, with no actor: the 2025 communes of the province with villages, their villages and teams. */
export async function demoCommunes(db: Kysely<DB>, province2025Code: string) {
  const province = await db.selectFrom('admin_unit').select(['id', 'path']).where('structure', '=', '2025').where('level', '=', 'province').where('code', '=', province2025Code).executeTakeFirst();
  if (!province) return null;
  const villages = await db
    .selectFrom('admin_unit as v')
    .innerJoin('admin_unit as c', 'c.id', 'v.parent_id')
    .leftJoin('organization as o', (join) => join.onRef('o.unit_id', '=', 'v.id').on('o.type', '=', 'village_team'))
    .select(['c.id as commune_id', 'c.code as commune_code', 'c.name as commune_name', 'v.id as village_id', 'o.id as team_id'])
    .where('c.parent_id', '=', province.id)
    .where('c.structure', '=', '2025')
    .where('c.level', '=', 'commune')
    .where('v.level', '=', 'village')
    .where('v.valid_to', 'is', null)
    .orderBy('c.code')
    .orderBy('v.id')
    .execute();
  const blocs = await db
    .selectFrom('organization as o')
    .innerJoin('admin_unit as c', 'c.id', 'o.unit_id')
    .select(['o.id', 'o.unit_id'])
    .where('c.parent_id', '=', province.id)
    .where('o.type', '=', 'commune_bloc')
    .where('o.dissolved_on', 'is', null)
    .execute();
  return { provinceId: Number(province.id), villages, blocs: new Map(blocs.map((b) => [Number(b.unit_id), Number(b.id)])) };
}

/** Many reports at once (the demo's history), in batches. */
export async function insertReports(db: Kysely<DB>, rows: readonly NewReport[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('sentiment_report').values(rows.slice(i, i + 500)).execute();
}

export async function accountId(db: Kysely<DB>, username: string) {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row ? Number(row.id) : null;
}
