import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope } from '#server/shared/scope.ts';

/**
 * A catalogue row owned by a unit reaches the units in or above the scope, and, when a province owns it, the units
 * of the province's territory (its subtree and its predecessors'): a 2019 commune reports the data sets of the 2025
 * province it went into. Rows of a lower unit never reach sideways (a 2019 commune does not see its 2025
 * successor commune's rows: foreign-scope.api.test.ts); only provinces configure, so this loses nothing.
 */
export function reachedFrom(ownerPath: string, ownerId: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.roots.length === 0) return sql<SqlBool>`false`;
  const territory = sql<SqlBool>`(${sql.join(scope.roots.map((root) => sql`${root}::ltree <@ any (unit_scope_paths(${sql.ref(ownerId)}))`), sql` or `)})`;
  return sql<SqlBool>`(${inOrAboveScope(ownerPath, scope)} or (nlevel(${sql.ref(ownerPath)}) = 1 and ${territory}))`;
}

/** Data set rows the scope reaches (owned by a unit in or above it), optionally one by id. */
export function dataSetsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('data_set as ds')
    .innerJoin('admin_unit as owner', 'owner.id', 'ds.owner_unit_id')
    .where(reachedFrom('owner.path', 'ds.owner_unit_id', scope))
    .select([
      'ds.id',
      'ds.code',
      'ds.dhis2_uid',
      'ds.name',
      'ds.period_type',
      'ds.due_days',
      'ds.lock_days',
      'ds.owner_unit_id',
      'owner.full_name as owner_name',
      'owner.path as owner_path',
      'ds.active',
    ]);
}

export type DataSetRow = NonNullable<Awaited<ReturnType<typeof findDataSetRow>>>;

export async function findDataSetRow(db: Database, scope: Scope, id: number) {
  return dataSetsInScope(db, scope).where('ds.id', '=', id).executeTakeFirst();
}

export async function listDataSetRows(db: Database, scope: Scope) {
  return dataSetsInScope(db, scope).orderBy('ds.name').execute();
}

/** Elements, assignments and rules of data sets (catalogue tables, read by data set ids already scoped). */
export async function findDataSetParts(db: Database, dataSetIds: readonly number[]) {
  if (dataSetIds.length === 0) return { elements: [], assignments: [], rules: [] };
  const ids = [...dataSetIds];
  const [elements, assignments, rules] = await Promise.all([
    db.selectFrom('data_set_element').selectAll().where('data_set_id', 'in', ids).orderBy('sort').orderBy('data_element_id').execute(),
    db.selectFrom('data_set_assignment').selectAll().where('data_set_id', 'in', ids).orderBy('id').execute(),
    db.selectFrom('validation_rule').selectAll().where('data_set_id', 'in', ids).orderBy('id').execute(),
  ]);
  return { elements, assignments, rules };
}

export type DataSetParts = Awaited<ReturnType<typeof findDataSetParts>>;

const ELEMENT_COLUMNS = [
  'e.id',
  'e.code',
  'e.dhis2_uid',
  'e.name',
  'e.short_name',
  'e.value_type',
  'e.aggregation',
  'e.unit_of_measure',
  'e.combo_id',
  'e.source',
  'e.derived_code',
  'e.zero_significant',
  'dse.data_set_id',
] as const;

/** Data elements by id, with their data set. */
export async function findElementRows(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('data_element as e')
    .leftJoin('data_set_element as dse', 'dse.data_element_id', 'e.id')
    .select(ELEMENT_COLUMNS)
    .where('e.id', 'in', [...ids])
    .execute();
}

/** Data elements a scope may use: national ones, and those owned by a unit in or above the scope. */
export async function listElementRows(db: Database, scope: Scope) {
  return db
    .selectFrom('data_element as e')
    .leftJoin('data_set_element as dse', 'dse.data_element_id', 'e.id')
    .leftJoin('admin_unit as owner', 'owner.id', 'e.owner_unit_id')
    .select(ELEMENT_COLUMNS)
    .where((eb) => eb.or([eb('e.owner_unit_id', 'is', null), reachedFrom('owner.path', 'e.owner_unit_id', scope)]))
    .orderBy('e.code')
    .execute();
}

export type ElementRow = Awaited<ReturnType<typeof findElementRows>>[number];

/** Option combos of these combos, in option order. */
export async function findOptionCombos(db: Database, comboIds: readonly number[]) {
  if (comboIds.length === 0) return [];
  return db
    .selectFrom('category_option_combo')
    .select(['id', 'combo_id', 'code', 'name', 'dhis2_uid'])
    .where('combo_id', 'in', [...comboIds])
    .orderBy('id')
    .execute();
}

export type OptionComboRow = Awaited<ReturnType<typeof findOptionCombos>>[number];
