import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned, validOn } from '#server/shared/scope.ts';

const UNIT_COLUMNS = ['u.id', 'u.name', 'u.full_name', 'u.level', 'u.path', 'u.parent_id', 'u.valid_from', 'u.valid_to', 'u.structure'] as const;

/** A unit in the actor's scope, or undefined. */
export async function findUnitInScope(db: Database, scope: Scope, unitId: number) {
  return db.selectFrom('admin_unit as u').select(UNIT_COLUMNS).where('u.id', '=', unitId).where(inScope('u.path', scope)).executeTakeFirst();
}

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnitInScope>>>;

/** A unit by id, whatever the scope (the holder of a report, a parent): names only reach the user. */
export async function findUnit(db: Database, unitId: number) {
  return db.selectFrom('admin_unit as u').select(UNIT_COLUMNS).where('u.id', '=', unitId).executeTakeFirst();
}

/** Whether `unitId` lies in the territory of `ownerId`: its subtree or the subtrees of its predecessors. */
export async function isInTerritory(db: Database, ownerId: number, unitId: number): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    select exists (select 1 from admin_unit u where u.id = ${unitId} and u.path <@ any (unit_scope_paths(${ownerId}))) as ok`.execute(db);
  return row.rows[0]?.ok === true;
}

/** The villages of a commune valid on a date (the rows of a village-level form), by name. */
export async function listVillages(db: Database, communeId: number, asOf: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.name', 'u.full_name'])
    .where('u.parent_id', '=', communeId)
    .where('u.level', '=', 'village')
    .where(validOn('u', asOf))
    .orderBy('u.name')
    .execute();
}

/** Current values of some units for one period and a set of elements, read within the scope. */
export async function listValues(db: Database, scope: Scope, provinceId: number, unitIds: readonly number[], period: string, elementIds: readonly number[]) {
  if (unitIds.length === 0 || elementIds.length === 0) return [];
  return unitOwned(db, 'data_value as v', 'v.unit_id', scope)
    .leftJoin('app_user as au', 'au.id', 'v.stored_by')
    .select(['v.id', 'v.unit_id', 'v.data_element_id', 'v.coc_id', 'v.num', 'v.txt', 'v.comment', 'v.version', 'v.stored_at', 'au.username'])
    .where('v.province_id', '=', provinceId)
    .where('v.unit_id', 'in', [...unitIds])
    .where('v.period', '=', period)
    .where('v.data_element_id', 'in', [...elementIds])
    .where('v.deleted', '=', false)
    .execute();
}

export type ValueRowRead = Awaited<ReturnType<typeof listValues>>[number];

const REPORT_COLUMNS = [
  'r.id',
  'r.province_id',
  'r.unit_id',
  'r.data_set_id',
  'r.period',
  'r.state',
  'r.version',
  'r.holder_unit_id',
  'r.first_submitted_at',
  'r.on_time',
  'r.approved_at',
  'unit.full_name as unit_name',
  'holder.full_name as holder_name',
  'holder.level as holder_level',
  'holder.parent_id as holder_parent_id',
] as const;

/** The report of a data set, unit and period, within the scope. */
export async function findReportByKey(db: Database, scope: Scope, key: { provinceId: number; dataSetId: number; unitId: number; period: string }) {
  return unitOwned(db, 'report as r', 'r.unit_id', scope)
    .innerJoin('admin_unit as holder', 'holder.id', 'r.holder_unit_id')
    .select(REPORT_COLUMNS)
    .where('r.province_id', '=', key.provinceId)
    .where('r.data_set_id', '=', key.dataSetId)
    .where('r.unit_id', '=', key.unitId)
    .where('r.period', '=', key.period)
    .executeTakeFirst();
}

/**
 * A report by id that the scope reaches through its unit or its holder (a province reviews the reports its
 * communes sent it); provinceIds narrows the lookup to the user's provinces (null = whole country).
 */
export async function findReportById(db: Database, scope: Scope, provinceIds: readonly number[] | null, id: string, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('report as r')
    .innerJoin('admin_unit as unit', 'unit.id', 'r.unit_id')
    .innerJoin('admin_unit as holder', 'holder.id', 'r.holder_unit_id')
    .select(REPORT_COLUMNS)
    .where('r.id', '=', id)
    .where((eb) => eb.or([inScope('unit.path', scope), inScope('holder.path', scope)]));
  if (provinceIds) query = query.where('r.province_id', 'in', provinceIds.length ? [...provinceIds] : [-1]);
  if (options.lock) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReportByKey>>>;

/** Creates the report row if it does not exist yet (two first writes at once: one row). */
export async function ensureReport(db: Database, row: { id: string; provinceId: number; dataSetId: number; unitId: number; period: string; at: Date }) {
  await db
    .insertInto('report')
    .values({
      id: row.id,
      province_id: row.provinceId,
      unit_id: row.unitId,
      data_set_id: row.dataSetId,
      period: row.period,
      holder_unit_id: row.unitId,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(['province_id', 'data_set_id', 'unit_id', 'period']).doNothing())
    .execute();
}

/** Locks the report row for the rest of the transaction (values and transitions of one report serialise). */
export async function lockReport(db: Database, provinceId: number, id: string) {
  await sql`select 1 from report where province_id = ${provinceId} and id = ${id} for update`.execute(db);
}

/** After a transition: whose turn it is, and the dates completeness reads. */
export async function updateReportAfterTransition(
  db: Database,
  provinceId: number,
  id: string,
  patch: { holderUnitId: number; firstSubmittedAt?: Date; onTime?: boolean; approvedAt?: Date | null },
) {
  await db
    .updateTable('report')
    .set({
      holder_unit_id: patch.holderUnitId,
      ...(patch.firstSubmittedAt ? { first_submitted_at: patch.firstSubmittedAt, on_time: patch.onTime ?? null } : {}),
      ...(patch.approvedAt !== undefined ? { approved_at: patch.approvedAt } : {}),
    })
    .where('province_id', '=', provinceId)
    .where('id', '=', id)
    .execute();
}

/** The transitions of a report with who made them, oldest first. */
export async function listReportHistory(db: Database, provinceId: number, id: string) {
  return db
    .selectFrom('workflow_transition as t')
    .leftJoin('app_user as u', 'u.id', 't.by_user_id')
    .select(['t.from_state', 't.to_state', 't.at', 't.reason', 'u.username', 'u.full_name'])
    .where('t.province_id', '=', provinceId)
    .where('t.entity_type', '=', 'indicator_report')
    .where('t.entity_id', '=', id)
    .orderBy('t.version')
    .execute();
}

/**
 * Reporting units of a data set for a period under `unitId` within the scope: units of the assigned levels (a
 * village-level set is reported by communes for their villages) or assigned by hand, valid on the period's last
 * day, inside the owner's territory (its subtree and its predecessors'), with their report if any.
 */
export async function listReportingUnits(
  db: Database,
  scope: Scope,
  args: { dataSetId: number; ownerId: number; unitId: number; period: string; periodEnd: string; levels: readonly string[]; unitIds: readonly number[] },
) {
  const levels = args.levels.map((level) => (level === 'village' ? 'commune' : level));
  const rows = await sql<{
    unit_id: number;
    name: string;
    parent_name: string | null;
    report_id: string | null;
    state: ReportState | null;
    version: number | null;
    on_time: boolean | null;
    first_submitted_at: Date | null;
  }>`
    select u.id as unit_id, u.full_name as name, p.full_name as parent_name,
           r.id as report_id, r.state, r.version, r.on_time, r.first_submitted_at
    from admin_unit u
    left join admin_unit p on p.id = u.parent_id
    left join report r on r.province_id = unit_province_id(u.id) and r.data_set_id = ${args.dataSetId} and r.unit_id = u.id and r.period = ${args.period}
    where (u.level = any (${levels}::text[]) or u.id = any (${[...args.unitIds]}::bigint[]))
      and (u.valid_from is null or u.valid_from <= ${args.periodEnd}::date)
      and (u.valid_to is null or u.valid_to >= ${args.periodEnd}::date)
      and u.path <@ any (unit_scope_paths(${args.ownerId}))
      and u.path <@ any (unit_scope_paths(${args.unitId}))
      and ${inScope('u.path', scope)}
    order by p.full_name nulls first, u.full_name`.execute(db);
  return rows.rows;
}

/** The 2025 provinces of the user's scope (null = whole country), to add province_id to lookups by id. */
export async function scopeProvinceIds(db: Database, scope: Scope): Promise<number[] | null> {
  if (scope.all) return null;
  const ids = scope.roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}
