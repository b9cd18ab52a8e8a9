import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned, validOn } from '#server/shared/scope.ts';

/**
 * Units named by the rows of an upload, within the scope, with their parent (the reporting commune of a village
 * row), whether each lies in the data set owner's territory, and its 2025 province.
 */
export async function findRowUnits(db: Database, scope: Scope, unitIds: readonly number[], ownerId: number) {
  if (unitIds.length === 0) return [];
  const rows = await sql<{
    id: number;
    full_name: string;
    level: string;
    valid_from: string | null;
    valid_to: string | null;
    parent_id: number | null;
    parent_name: string | null;
    parent_level: string | null;
    parent_valid_from: string | null;
    parent_valid_to: string | null;
    parent_in_scope: boolean | null;
    in_territory: boolean;
    province_id: number;
  }>`
    select u.id, u.full_name, u.level, u.valid_from, u.valid_to,
           p.id as parent_id, p.full_name as parent_name, p.level as parent_level,
           p.valid_from as parent_valid_from, p.valid_to as parent_valid_to,
           (p.id is not null and ${inScope('p.path', scope)}) as parent_in_scope,
           u.path <@ any (unit_scope_paths(${ownerId})) as in_territory,
           unit_province_id(u.id) as province_id
    from admin_unit u
    left join admin_unit p on p.id = u.parent_id
    where u.id = any (${[...unitIds]}::bigint[]) and ${inScope('u.path', scope)}`.execute(db);
  return rows.rows.map((row) => ({ ...row, id: Number(row.id), parent_id: row.parent_id === null ? null : Number(row.parent_id), province_id: Number(row.province_id) }));
}

export type RowUnit = Awaited<ReturnType<typeof findRowUnits>>[number];

/** Levels and parents' names of units (reporting units already listed within the scope). */
export async function findUnitLevels(db: Database, scope: Scope, unitIds: readonly number[]) {
  if (unitIds.length === 0) return new Map<number, { level: string; parentName: string | null }>();
  const rows = await db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.level', 'p.full_name as parent_name'])
    .where('u.id', 'in', [...unitIds])
    .where(inScope('u.path', scope))
    .execute();
  return new Map(rows.map((row) => [row.id, { level: row.level as string, parentName: row.parent_name }]));
}

/** Villages of some communes valid on a date (the rows of village-level templates), by commune then name. */
export async function listVillagesOf(db: Database, communeIds: readonly number[], asOf: string) {
  if (communeIds.length === 0) return [];
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name', 'u.parent_id'])
    .where('u.parent_id', 'in', [...communeIds])
    .where('u.level', '=', 'village')
    .where(validOn('u', asOf))
    .orderBy('u.parent_id')
    .orderBy('u.name')
    .execute();
}

/** The state of the reports of a data set and period for some reporting units of one province, within the scope. */
export async function findReportStates(db: Database, scope: Scope, key: { provinceId: number; dataSetId: number; period: string }, unitIds: readonly number[]) {
  if (unitIds.length === 0) return new Map<number, ReportState>();
  const rows = await unitOwned(db, 'report as r', 'r.unit_id', scope)
    .select(['r.unit_id', 'r.state'])
    .where('r.province_id', '=', key.provinceId)
    .where('r.data_set_id', '=', key.dataSetId)
    .where('r.period', '=', key.period)
    .where('r.unit_id', 'in', [...unitIds])
    .execute();
  return new Map(rows.map((row) => [row.unit_id, row.state]));
}
