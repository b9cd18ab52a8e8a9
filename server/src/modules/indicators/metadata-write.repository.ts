import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { DataElementTable, DataSetTable, IndicatorTable, ValidationRuleTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { reachedFrom } from './metadata.repository.ts';

/** Catalogue tables whose `code` is unique across the table. */
export type CodedTable = 'category' | 'category_combo' | 'category_option_combo' | 'data_element' | 'data_set' | 'validation_rule' | 'indicator';
/** Catalogue tables with a unique DHIS2 uid. */
export type UidTable = 'data_element' | 'data_set' | 'indicator';

/** Which of `codes` are already used in `table` (checked before writing, so a 409 names the code). */
export async function takenCodes(db: Database, table: CodedTable, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom(table).select('code').where('code', 'in', [...codes]).execute();
  return rows.map((row) => row.code);
}

/** Whether a DHIS2 uid is already used in `table`. */
export async function uidTaken(db: Database, table: UidTable, uid: string): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('dhis2_uid', '=', uid).executeTakeFirst()) !== undefined;
}

// --- disaggregations -------------------------------------------------------------------------------------

export async function insertCategory(db: Database, values: { code: string; name: string }): Promise<number> {
  const row = await db.insertInto('category').values({ ...values, dhis2_uid: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Options of a category in the given order (sort = index); returns their ids in that order. */
export async function insertCategoryOptions(db: Database, categoryId: number, options: readonly { code: string; name: string }[]): Promise<number[]> {
  const rows = await db
    .insertInto('category_option')
    .values(options.map((option, sort) => ({ category_id: categoryId, code: option.code, name: option.name, sort, dhis2_uid: null })))
    .returning(['id', 'sort'])
    .execute();
  return rows.sort((a, b) => a.sort - b.sort).map((row) => row.id);
}

export async function insertCategoryCombo(db: Database, values: { code: string; name: string; categoryIds: readonly number[] }): Promise<number> {
  const row = await db
    .insertInto('category_combo')
    .values({ code: values.code, name: values.name, category_ids: sql<number[]>`${sql.val([...values.categoryIds])}::bigint[]`, dhis2_uid: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Option combos in the given order (ids increase in that order, which is how they are listed). */
export async function insertOptionCombos(db: Database, comboId: number, combos: readonly { code: string; name: string; optionIds: readonly number[] }[]) {
  for (const combo of combos) {
    await db
      .insertInto('category_option_combo')
      .values({ combo_id: comboId, code: combo.code, name: combo.name, option_ids: sql<number[]>`${sql.val([...combo.optionIds])}::bigint[]`, dhis2_uid: null })
      .execute();
  }
}

/** Every combo, 'default' first, then by name; optionally one by id. */
export async function listComboRows(db: Database, id?: number) {
  let query = db.selectFrom('category_combo').select(['id', 'code', 'name']);
  if (id !== undefined) query = query.where('id', '=', id);
  return query.orderBy(sql`code = 'default'`, 'desc').orderBy('name').orderBy('id').execute();
}

/** Categories of these combos, in the combo's order, and their options in sort order. */
export async function findComboCategories(db: Database, comboIds: readonly number[]) {
  if (comboIds.length === 0) return { categories: [], options: [] };
  const categories = await db
    .selectFrom('category_combo as cc')
    .innerJoin('category as c', (join) => join.on(sql<boolean>`c.id = any(cc.category_ids)`))
    .select(['cc.id as combo_id', 'c.id', 'c.code', 'c.name', sql<number>`array_position(cc.category_ids, c.id)`.as('position')])
    .where('cc.id', 'in', [...comboIds])
    .orderBy('cc.id')
    .orderBy('position')
    .execute();
  const categoryIds = [...new Set(categories.map((category) => category.id))];
  const options =
    categoryIds.length === 0
      ? []
      : await db
          .selectFrom('category_option')
          .select(['id', 'category_id', 'code', 'name'])
          .where('category_id', 'in', categoryIds)
          .orderBy('category_id')
          .orderBy('sort')
          .orderBy('id')
          .execute();
  return { categories, options };
}

export type ComboCategories = Awaited<ReturnType<typeof findComboCategories>>;

/** The id of the combo 'default' (one option combo: no disaggregation). */
export async function defaultComboId(db: Database): Promise<number> {
  const row = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  return row.id;
}

// --- data elements ---------------------------------------------------------------------------------------

export async function insertDataElement(db: Database, values: Insertable<DataElementTable>): Promise<number> {
  const row = await db.insertInto('data_element').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Elements a scope may use, by id or by code: national ones and those owned by a unit the scope reaches (in or above
 * it, or the owner's territory: reachedFrom), with the data set each belongs to (its name for the "already in
 * another form" conflict).
 */
export async function findUsableElements(db: Database, scope: Scope, by: { ids: readonly number[] } | { codes: readonly string[] }) {
  const keys = 'ids' in by ? by.ids : by.codes;
  if (keys.length === 0) return [];
  let query = db
    .selectFrom('data_element as e')
    .leftJoin('admin_unit as owner', 'owner.id', 'e.owner_unit_id')
    .leftJoin('data_set_element as dse', 'dse.data_element_id', 'e.id')
    .leftJoin('data_set as ds', 'ds.id', 'dse.data_set_id')
    .select(['e.id', 'e.code', 'e.value_type', 'e.combo_id', 'dse.data_set_id', 'ds.name as data_set_name'])
    .where((eb) => eb.or([eb('e.owner_unit_id', 'is', null), reachedFrom('owner.path', 'e.owner_unit_id', scope)]));
  query = 'ids' in by ? query.where('e.id', 'in', [...by.ids]) : query.where('e.code', 'in', [...by.codes]);
  return query.execute();
}

export type UsableElement = Awaited<ReturnType<typeof findUsableElements>>[number];

/** Codes of the option combos of these combos, by combo id. */
export async function optionComboCodes(db: Database, comboIds: readonly number[]): Promise<Map<number, Set<string>>> {
  const byCombo = new Map<number, Set<string>>();
  if (comboIds.length === 0) return byCombo;
  const rows = await db.selectFrom('category_option_combo').select(['combo_id', 'code']).where('combo_id', 'in', [...comboIds]).execute();
  for (const row of rows) {
    const codes = byCombo.get(row.combo_id) ?? new Set<string>();
    codes.add(row.code);
    byCombo.set(row.combo_id, codes);
  }
  return byCombo;
}

// --- data sets -------------------------------------------------------------------------------------------

/** Which of `unitIds` lie inside the subtree at `ownerPath` (the units a data set may be assigned to). */
export async function unitsInSubtree(db: Database, ownerPath: string, unitIds: readonly number[]): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('admin_unit as u')
    .select('u.id')
    .where('u.id', 'in', [...unitIds])
    .where(sql<boolean>`u.path <@ ${ownerPath}::ltree`)
    .execute();
  return new Set(rows.map((row) => row.id));
}

export interface DataSetWrite {
  dataSet: Insertable<DataSetTable>;
  elements: readonly { dataElementId: number; section: string | null; required: boolean }[];
  levels: readonly ('province' | 'district' | 'commune' | 'village')[];
  unitIds: readonly number[];
  rules: readonly Omit<Insertable<ValidationRuleTable>, 'data_set_id'>[];
}

/** A data set with its elements (sort = order given), assignments and rules; returns its id. */
export async function insertDataSet(db: Database, write: DataSetWrite): Promise<number> {
  const { id } = await db.insertInto('data_set').values(write.dataSet).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('data_set_element')
    .values(write.elements.map((e, sort) => ({ data_set_id: id, data_element_id: e.dataElementId, section: e.section, sort, required: e.required })))
    .execute();
  const assignments = [
    ...write.levels.map((level) => ({ data_set_id: id, level, unit_id: null })),
    ...write.unitIds.map((unitId) => ({ data_set_id: id, level: null, unit_id: unitId })),
  ];
  if (assignments.length > 0) await db.insertInto('data_set_assignment').values(assignments).execute();
  if (write.rules.length > 0) await db.insertInto('validation_rule').values(write.rules.map((rule) => ({ ...rule, data_set_id: id }))).execute();
  return id;
}

// --- indicators ------------------------------------------------------------------------------------------

export async function insertIndicator(db: Database, values: Insertable<IndicatorTable>): Promise<number> {
  const row = await db.insertInto('indicator').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** An indicator of the national catalogue over derived values, as the modules' demo steps declare it. */
export interface NationalIndicator {
  code: string;
  name: string;
  description: string;
  numerator: string;
  denominator: string;
  factor: number;
  decimals: number;
  unit: string;
  target: number;
}

/** Inserts a national indicator (no owner unit, higher is better) unless its code exists; an existing one is left as it is. */
export async function ensureNationalIndicator(db: Database, indicator: NationalIndicator): Promise<void> {
  await db
    .insertInto('indicator')
    .values({
      code: indicator.code, name: indicator.name, description: indicator.description, numerator: indicator.numerator, denominator: indicator.denominator,
      factor: indicator.factor, decimals: indicator.decimals, unit_of_measure: indicator.unit, target: indicator.target, target_direction: 'higher', owner_unit_id: null,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Indicators a scope may see: national ones and those owned by a unit the scope reaches (as data sets: reachedFrom). */
function indicatorsInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('indicator as i')
    .leftJoin('admin_unit as owner', 'owner.id', 'i.owner_unit_id')
    .select([
      'i.id',
      'i.code',
      'i.dhis2_uid',
      'i.name',
      'i.description',
      'i.numerator',
      'i.denominator',
      'i.factor',
      'i.decimals',
      'i.unit_of_measure',
      'i.target',
      'i.target_direction',
      'i.owner_unit_id',
    ])
    .where((eb) => eb.or([eb('i.owner_unit_id', 'is', null), reachedFrom('owner.path', 'i.owner_unit_id', scope)]));
}

export async function listIndicatorRows(db: Database, scope: Scope) {
  return indicatorsInScope(db, scope).orderBy('i.name').orderBy('i.id').execute();
}

export async function findIndicatorRow(db: Database, scope: Scope, id: number) {
  return indicatorsInScope(db, scope).where('i.id', '=', id).executeTakeFirst();
}

export type IndicatorRow = Awaited<ReturnType<typeof listIndicatorRows>>[number];

/** `#{CODE}` and `#{CODE.COC}` in an expression (contracts/indicators/expression.ts): element = 1, option combo = 3. */
const OPERAND_PATTERN = '#\\{([A-Za-z0-9_-]+)(\\.([A-Za-z0-9_-]+))?\\}';

/**
 * An indicator in reach with the ids of the elements and option combos its expressions name, by code, in one
 * statement (the dashboard reads it on every request). The shared parser stays the judge of the formula; codes
 * it finds that are missing here are operands without data.
 */
export async function findIndicatorWithOperandIds(db: Database, scope: Scope, id: number) {
  return indicatorWithOperandIdsQuery(db, scope, id).executeTakeFirst();
}

/** The statement of findIndicatorWithOperandIds, for a read that makes it part of a larger one (the dashboard's). */
export function indicatorWithOperandIdsQuery(db: Database, scope: Scope, id: number) {
  return indicatorsWithOperandIds(db, scope).where('i.id', '=', id);
}

/** Indicators in reach by code, each with its operand ids (codes out of reach or unknown are left out). */
export async function findIndicatorsByCodeWithOperandIds(db: Database, scope: Scope, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return indicatorsWithOperandIds(db, scope).where('i.code', 'in', [...codes]).execute();
}

/**
 * The ids of the data elements an indicator's formula names, as a subquery (one column `id`): the dashboard's totals
 * read starts with it, without waiting for the indicator's row (which still decides whether the indicator is read).
 */
export function indicatorElementIds(indicatorId: number): RawBuilder<{ id: number }> {
  // an array (an init plan): the formula is matched once, then each code probed by index; as a join the regexp ran once per data element
  return sql<{ id: number }>`select e.id from data_element e
    where e.code = any(array(select x.code from indicator i cross join lateral (${operands(1)}) as x(code) where i.id = ${indicatorId}))`;
}

/** The codes an indicator `i`'s formula names: group 1 the data elements, group 3 the option combos. */
function operands(group: 1 | 3) {
  return sql`select m[${sql.lit(group)}] from regexp_matches(i.numerator || ' ' || i.denominator, ${OPERAND_PATTERN}, 'g') as m`;
}

function indicatorsWithOperandIds(db: Database, scope: Scope) {
  return indicatorsInScope(db, scope).select([
    sql<Record<string, number> | null>`(select json_object_agg(e.code, e.id) from data_element e where e.code in (${operands(1)}))`.as('element_ids'),
    sql<Record<string, number> | null>`(select json_object_agg(c.code, c.id) from category_option_combo c where c.code in (${operands(3)}))`.as('coc_ids'),
    sql<string[] | null>`(select json_agg(e.code) from data_element e where e.code in (${operands(1)}) and e.derived_code is not null)`.as('derived_codes'),
  ]);
}
