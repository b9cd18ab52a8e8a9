import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { pgArray } from '#server/db/pg-array.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';
import { currentValuesByKey, type CurrentValue, type ValueKey } from './data-value.repository.ts';

/** Units of the scope with their official code and mapped DHIS2 uid (reference tables; ~100k rows nationally). */
export async function listUnitsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('dhis2_id as d', (join) => join.on('d.object_type', '=', 'unit').onRef('d.local_id', '=', 'u.id'))
    .select(['u.id', 'u.code', 'u.structure', 'u.parent_id', 'u.level', 'u.path', 'd.uid'])
    .where(inScope('u.path', scope))
    .execute();
}

/**
 * Which of these unit identifiers name a unit anywhere (to tell "outside your scope" from "unknown"): mapped
 * uids, official codes, and ids of derived uids.
 */
export async function findExistingUnits(db: Database, lookup: { uids: string[]; codes: string[]; ids: number[] }) {
  const [byUid, byCode, byId] = await Promise.all([
    lookup.uids.length === 0
      ? []
      : db.selectFrom('dhis2_id').select('uid').where('object_type', '=', 'unit').where('uid', 'in', lookup.uids).execute(),
    lookup.codes.length === 0 ? [] : db.selectFrom('admin_unit').select('code').where('code', 'in', lookup.codes).execute(),
    lookup.ids.length === 0 ? [] : db.selectFrom('admin_unit').select('id').where('id', 'in', lookup.ids).execute(),
  ]);
  return {
    uids: new Set(byUid.map((row) => row.uid)),
    codes: new Set(byCode.map((row) => row.code as string)),
    ids: new Set(byId.map((row) => row.id)),
  };
}

/** Every disaggregation (category option combo); a small catalogue. */
export async function listOptionCombos(db: Database) {
  return db.selectFrom('category_option_combo').select(['id', 'combo_id', 'code', 'dhis2_uid']).execute();
}

/** A report's key: data set, reporting unit and period, in its province. */
export interface ReportKey {
  provinceId: number;
  dataSetId: number;
  unitId: number;
  period: string;
}

export const reportKey = (k: Omit<ReportKey, 'provinceId'>) => `${k.dataSetId}|${k.unitId}|${k.period}`;

/**
 * Reports among these keys that are closed for entry (submitted, accepted, approved), by key. With `lock` the rows
 * are held (FOR SHARE) until the batch commits, so no report is submitted under a batch that saw it open.
 */
export async function findClosedReports(db: Database, scope: Scope, keys: readonly ReportKey[], lock: boolean): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const provinces = [...new Set(keys.map((k) => k.provinceId))];
  let query = unitOwned(db, 'report as r', 'r.unit_id', scope)
    .select(['r.data_set_id', 'r.unit_id', 'r.period', 'r.state'])
    .where('r.province_id', 'in', provinces)
    .where('r.state', 'in', ['submitted', 'accepted', 'approved'])
    .where(
      sql<boolean>`(r.province_id, r.data_set_id, r.unit_id, r.period) in (select * from unnest(${keys.map((k) => k.provinceId)}::bigint[],
        ${keys.map((k) => k.dataSetId)}::bigint[], ${keys.map((k) => k.unitId)}::bigint[], ${keys.map((k) => k.period)}::text[]))`,
    );
  if (lock) query = query.orderBy('r.id').forShare('r');
  const rows = await query.execute();
  return new Map(rows.map((row) => [reportKey({ dataSetId: row.data_set_id, unitId: row.unit_id, period: row.period }), row.state]));
}

/**
 * Current rows of these value keys in the scope, by valueKey; with `lock` they are locked for the batch's write
 * (the write path locks them again in the same transaction, a no-op then).
 */
export async function findCurrentValues(db: Database, scope: Scope, keys: readonly ValueKey[], lock: boolean): Promise<Map<string, CurrentValue>> {
  if (keys.length === 0) return new Map();
  const provinces = [...new Set(keys.map((k) => k.provinceId))];
  let query = unitOwned(db, 'data_value as v', 'v.unit_id', scope)
    .select(['v.id', 'v.province_id', 'v.unit_id', 'v.period', 'v.data_element_id', 'v.coc_id', 'v.num', 'v.txt', 'v.comment', 'v.deleted', 'v.version'])
    .where('v.province_id', 'in', provinces)
    .where(
      sql<boolean>`(v.province_id, v.unit_id, v.period, v.data_element_id, v.coc_id) in (select * from unnest(${pgArray(keys.map((k) => k.provinceId))}::bigint[],
        ${pgArray(keys.map((k) => k.unitId))}::bigint[], ${pgArray(keys.map((k) => k.period))}::text[], ${pgArray(keys.map((k) => k.dataElementId))}::bigint[],
        ${pgArray(keys.map((k) => k.cocId))}::bigint[]))`,
    );
  if (lock) query = query.orderBy('v.province_id').orderBy('v.id').forUpdate('v');
  const rows = await query.execute();
  return currentValuesByKey(rows);
}

/** What one export page reads per value. */
export interface ExportFilter {
  provinceId: number;
  elementIds: number[];
  periods: string[];
  /** The unit, or its subtree (ltree path) when `children`. */
  unitId: number;
  subtreePath: string | null;
}

/**
 * One page of values to export (not deleted), in id order after `after` (keyset pagination inside one province),
 * with the unit's code and mapped uid and the username of who stored the value.
 */
export async function exportValuesPage(db: Database, scope: Scope, filter: ExportFilter, after: string | null, limit: number) {
  if (filter.elementIds.length === 0 || filter.periods.length === 0) return [];
  let query = unitOwned(db, 'data_value as v', 'v.unit_id', scope)
    .leftJoin('dhis2_id as d', (join) => join.on('d.object_type', '=', 'unit').onRef('d.local_id', '=', 'v.unit_id'))
    .leftJoin('app_user as w', 'w.id', 'v.stored_by')
    .select([
      'v.id',
      'v.unit_id',
      'unit.code as unit_code',
      'd.uid as unit_uid',
      'v.period',
      'v.data_element_id',
      'v.coc_id',
      'v.num',
      'v.txt',
      'v.comment',
      'v.followup',
      'v.created_at',
      'v.stored_at',
      'w.username',
    ])
    .where('v.province_id', '=', filter.provinceId)
    .where('v.deleted', '=', false)
    .where('v.data_element_id', 'in', filter.elementIds)
    .where('v.period', 'in', filter.periods);
  query = filter.subtreePath === null ? query.where('v.unit_id', '=', filter.unitId) : query.where(sql<boolean>`unit.path <@ ${filter.subtreePath}::ltree`);
  if (after !== null) query = query.where('v.id', '>', after);
  return query.orderBy('v.id').limit(limit).execute();
}

export type ExportRow = Awaited<ReturnType<typeof exportValuesPage>>[number];

/** Units of the scope a DHIS2 identifier may name: by mapped uid, by official code (one per structure), by id. */
export async function findUnitsByIdentifier(db: Database, scope: Scope, identifier: { uid: string; code: string | null; id: number | null }) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('dhis2_id as d', (join) => join.on('d.object_type', '=', 'unit').onRef('d.local_id', '=', 'u.id'))
    .select(['u.id', 'u.code', 'u.structure', 'u.path', 'd.uid'])
    .where(inScope('u.path', scope))
    .where((eb) =>
      eb.or([
        eb('d.uid', '=', identifier.uid),
        ...(identifier.code === null ? [] : [eb('u.code', '=', identifier.code)]),
        ...(identifier.id === null ? [] : [eb('u.id', '=', identifier.id)]),
      ]),
    )
    .execute();
}
