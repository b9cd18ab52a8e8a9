import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/**
 * Set-based SQL of the indicators seed (bench/indicators.seed.ts): the catalogue of two benchmark data sets, then
 * per 2025 province one INSERT … SELECT of its monthly commune values, one of its yearly village values and one of
 * their change rows. Values derive from hashes of unit, period and element: the same data set every time.
 */

type Db = Kysely<DB>;

/** A disaggregation of the benchmark: a combo over one or two categories, its option combos in order. */
export interface ComboSpec {
  code: string;
  name: string;
  categories: { code: string; name: string; options: { code: string; name: string }[] }[];
}

/** The option combos of a combo: the cartesian product of its categories' options, names joined by ", ". */
function optionCombos(combo: ComboSpec): { code: string; name: string; optionCodes: string[] }[] {
  let result: { code: string; name: string; optionCodes: string[] }[] = [{ code: combo.code, name: '', optionCodes: [] }];
  for (const category of combo.categories) {
    result = result.flatMap((partial) =>
      category.options.map((option) => ({
        code: `${partial.code}_${option.code}`,
        name: partial.name ? `${partial.name}, ${option.name}` : option.name,
        optionCodes: [...partial.optionCodes, `${category.code}:${option.code}`],
      })),
    );
  }
  return result;
}

/** Creates a combo with its categories, options and option combos unless it exists; answers its option combo ids in order. */
export async function ensureCombo(db: Db, combo: ComboSpec): Promise<{ comboId: number; cocIds: number[] }> {
  const optionIds = new Map<string, number>();
  const categoryIds: number[] = [];
  for (const category of combo.categories) {
    await db.insertInto('category').values({ code: category.code, name: category.name }).onConflict((oc) => oc.column('code').doNothing()).execute();
    const { id } = await db.selectFrom('category').select('id').where('code', '=', category.code).executeTakeFirstOrThrow();
    categoryIds.push(id);
    for (const [sort, option] of category.options.entries()) {
      await db
        .insertInto('category_option')
        .values({ category_id: id, code: option.code, name: option.name, sort })
        .onConflict((oc) => oc.columns(['category_id', 'code']).doNothing())
        .execute();
      const row = await db.selectFrom('category_option').select('id').where('category_id', '=', id).where('code', '=', option.code).executeTakeFirstOrThrow();
      optionIds.set(`${category.code}:${option.code}`, row.id);
    }
  }
  await db.insertInto('category_combo').values({ code: combo.code, name: combo.name, category_ids: categoryIds }).onConflict((oc) => oc.column('code').doNothing()).execute();
  const { id: comboId } = await db.selectFrom('category_combo').select('id').where('code', '=', combo.code).executeTakeFirstOrThrow();
  const cocIds: number[] = [];
  for (const coc of optionCombos(combo)) {
    await db
      .insertInto('category_option_combo')
      .values({ combo_id: comboId, code: coc.code, name: coc.name, option_ids: coc.optionCodes.map((code) => optionIds.get(code) as number) })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    cocIds.push((await db.selectFrom('category_option_combo').select('id').where('code', '=', coc.code).executeTakeFirstOrThrow()).id);
  }
  return { comboId, cocIds };
}

/** The default combo and its one option combo. */
export async function defaultCombo(db: Db): Promise<{ comboId: number; cocIds: number[] }> {
  const row = await db
    .selectFrom('category_option_combo as c')
    .select(['c.id', 'c.combo_id'])
    .where('c.code', '=', 'default')
    .executeTakeFirstOrThrow();
  return { comboId: row.combo_id, cocIds: [row.id] };
}

/** A data set with its elements (created unless the code exists), assigned to one level of the owner's subtree. */
export async function ensureDataSet(
  db: Db,
  set: { code: string; name: string; periodType: 'monthly' | 'yearly'; dueDays: number; lockDays: number; ownerUnitId: number; level: 'commune' | 'village' },
  elements: readonly { code: string; name: string; comboId: number }[],
): Promise<{ id: number; elementIds: Map<string, number> }> {
  await db
    .insertInto('data_set')
    .values({ code: set.code, name: set.name, period_type: set.periodType, due_days: set.dueDays, lock_days: set.lockDays, owner_unit_id: set.ownerUnitId })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const { id } = await db.selectFrom('data_set').select('id').where('code', '=', set.code).executeTakeFirstOrThrow();
  await db
    .insertInto('data_set_assignment')
    .values({ data_set_id: id, level: set.level, unit_id: null })
    .onConflict((oc) => oc.columns(['data_set_id', 'level']).where('level', 'is not', null).doNothing())
    .execute();
  const elementIds = new Map<string, number>();
  for (const [sort, element] of elements.entries()) {
    await db
      .insertInto('data_element')
      .values({
        code: element.code,
        name: element.name,
        short_name: element.name,
        value_type: 'integer',
        aggregation: 'sum',
        combo_id: element.comboId,
        owner_unit_id: set.ownerUnitId,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const row = await db.selectFrom('data_element').select('id').where('code', '=', element.code).executeTakeFirstOrThrow();
    await db
      .insertInto('data_set_element')
      .values({ data_set_id: id, data_element_id: row.id, section: null, sort })
      .onConflict((oc) => oc.column('data_element_id').doNothing())
      .execute();
    elementIds.set(element.code, row.id);
  }
  return { id, elementIds };
}

/** A national indicator (no owner) unless the code exists. */
export async function ensureIndicator(
  db: Db,
  indicator: { code: string; name: string; numerator: string; denominator: string; factor: number; target: number },
): Promise<number> {
  await db
    .insertInto('indicator')
    .values({
      code: indicator.code,
      name: indicator.name,
      numerator: indicator.numerator,
      denominator: indicator.denominator,
      factor: indicator.factor,
      decimals: 1,
      unit_of_measure: '%',
      target: indicator.target,
      target_direction: 'higher',
      owner_unit_id: null,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return (await db.selectFrom('indicator').select('id').where('code', '=', indicator.code).executeTakeFirstOrThrow()).id;
}

/** The 2025 provinces with their communes, the unit of work of the seed. */
export async function listProvinces2025(db: Db) {
  const result = await sql<{ id: number; code: string; name: string; path: string; communes: number }>`
    select p.id, p.code, p.name, p.path::text as path,
           (select count(*)::int from admin_unit c where c.parent_id = p.id and c.level = 'commune') as communes
    from admin_unit p where p.level = 'province' and p.structure = '2025' order by p.code`.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** Whether the province already holds values of an element in a period (the seed is resumable per province). */
export async function hasValues(db: Db, provinceId: number, elementId: number, period: string): Promise<boolean> {
  const result = await sql`select 1 from data_value
    where province_id = ${provinceId} and data_element_id = ${elementId} and period = ${period} limit 1`.execute(db);
  return result.rows.length > 0;
}

/** Whether the province's totals hold the year rollups (totals.rules.ts): a database seeded before them lacks them. */
export async function hasYearRollups(db: Db, provinceId: number, elementId: number): Promise<boolean> {
  const result = await sql`select 1 from data_total
    where province_id = ${provinceId} and view = 'entered' and unit_id = ${provinceId} and data_element_id = ${elementId} and period like 'Y%' limit 1`.execute(db);
  return result.rows.length > 0;
}

/**
 * What each (element, option combo) of a set writes: `lo + hash % span`; a `linked` row reuses the hash of the
 * element it depends on and takes 60–100 % of it (đã giải quyết ≤ tiếp nhận), so the indicator stays plausible.
 */
export interface ValueSpec {
  elementId: number;
  cocId: number;
  lo: number;
  span: number;
  /** The salt of the hash: the element's own code and option combo, or those of the element it follows. */
  salt: string;
  linked: boolean;
}

const specValues = (specs: readonly ValueSpec[]) =>
  sql.join(
    specs.map((s) => sql`(${sql.lit(s.elementId)}::bigint, ${sql.lit(s.cocId)}::bigint, ${sql.lit(s.lo)}, ${sql.lit(s.span)}, ${sql.lit(s.salt)}, ${sql.lit(s.linked)})`),
  );

/** A non-negative int from a text. */
const hash = (text: RawBuilder<unknown>) => sql`(hashtext(${text}) & 2147483647)`;

/**
 * A UUID shaped like a UUIDv7 (48-bit ms timestamp, version 7, variant 10, then 74 bits of md5). Bench seed only:
 * the application makes its ids with server/src/shared/uuidv7.ts (SCALE.md rule 4); a set-based seed of 10M rows
 * makes them in SQL, deterministic from the key.
 */
const uuidLike = (at: RawBuilder<unknown>, key: RawBuilder<unknown>) =>
  sql`(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${key}), 1, 3) || '8' || substr(md5(${key}), 4, 15))::uuid`;

/** The value of a spec row for a unit and period. */
const specNum = (unit: RawBuilder<unknown>, period: RawBuilder<unknown>) => {
  const base = sql`(s.lo + ${hash(sql`${unit}::text || ':' || ${period} || ':' || s.salt`)} % s.span)`;
  return sql`case when s.linked then floor(${base} * (0.6 + 0.4 * (${hash(sql`${unit}::text || ':' || ${period} || ':' || s.element_id`)} % 1000) / 1000.0))
    else ${base} end`;
};

/**
 * Monthly values of every 2025 commune of a province for `periods` (stored a few days after the month ends).
 * Simplification of the benchmark: periods before 2025-07 are put on the 2025 communes too (really their 2019
 * predecessors reported them).
 */
export async function insertMonthlyValues(db: Db, provinceId: number, periods: readonly string[], specs: readonly ValueSpec[], userId: number): Promise<number> {
  const at = sql`m.at`;
  const result = await sql`
    insert into data_value (id, province_id, unit_id, period, data_element_id, coc_id, num, version, stored_by, stored_at, created_at)
    select ${uuidLike(at, sql`c.id::text || m.period || s.element_id || ':' || s.coc_id`)}, ${provinceId}, c.id, m.period, s.element_id, s.coc_id,
           ${specNum(sql`c.id`, sql`m.period`)}, 1, ${userId}, m.at, m.at
    from admin_unit c
    cross join (select p as period, (to_date(p, 'YYYYMM') + interval '1 month 4 days')::timestamptz as at
                from unnest(${[...periods]}::text[]) p) m
    cross join (values ${specValues(specs)}) s(element_id, coc_id, lo, span, salt, linked)
    where c.parent_id = ${provinceId} and c.level = 'commune'
    order by c.id, m.period, s.element_id, s.coc_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Yearly values of the villages whose 2025 province is this one, each year by the villages valid on its last day:
 * 2019 villages (under the 2019 provinces merged into it) report 2021–2024, 2025 villages report 2025.
 */
export async function insertYearlyVillageValues(db: Db, provinceId: number, years: readonly string[], specs: readonly ValueSpec[], userId: number): Promise<number> {
  const at = sql`y.at`;
  const result = await sql`
    with roots as (
      select r.path from admin_unit r
      where r.level = 'province' and (r.id = ${provinceId} or (r.structure = '2019' and unit_province_id(r.id) = ${provinceId}))
    )
    insert into data_value (id, province_id, unit_id, period, data_element_id, coc_id, num, version, stored_by, stored_at, created_at)
    select ${uuidLike(at, sql`v.id::text || y.period || s.element_id || ':' || s.coc_id`)}, ${provinceId}, v.id, y.period, s.element_id, s.coc_id,
           ${specNum(sql`v.id`, sql`y.period`)}, 1, ${userId}, y.at, y.at
    from admin_unit v
    join roots on v.path <@ roots.path
    cross join (select p as period, (p || '-12-31')::date as last_day, ((p || '-12-31')::date + 10)::timestamptz as at
                from unnest(${[...years]}::text[]) p) y
    cross join (values ${specValues(specs)}) s(element_id, coc_id, lo, span, salt, linked)
    where v.level = 'village'
      and (v.valid_from is null or v.valid_from <= y.last_day) and (v.valid_to is null or v.valid_to >= y.last_day)
    order by v.id, y.period, s.element_id, s.coc_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * The first change row of every value of the province (every stored value has its history). Runs in the
 * transaction that inserted the values, so none has one yet (an anti-join here is planned against an empty,
 * unanalysed table as a nested loop over the rows being inserted).
 */
export async function insertFirstChanges(db: Db, provinceId: number): Promise<number> {
  const result = await sql`
    insert into data_value_change (id, province_id, data_value_id, version, new_num, deleted, changed_by, changed_at, source)
    select ${uuidLike(sql`v.stored_at`, sql`v.id::text || ':change'`)}, v.province_id, v.id, 1, v.num, false, v.stored_by, v.stored_at, 'demo'
    from data_value v
    where v.province_id = ${provinceId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Counts of the indicators data, for the summary lines. */
export async function indicatorCounts(db: Db) {
  const result = await sql<{ values: number; changes: number; totals: number }>`
    select (select count(*)::int from data_value) as values,
           (select count(*)::int from data_value_change) as changes,
           (select count(*)::int from data_total) as totals`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('no counts');
  return row;
}

/** Planner statistics of data_value (they include the calling transaction's own new rows). */
export async function analyzeValues(db: Db): Promise<void> {
  await sql`analyze data_value`.execute(db);
}

/** Planner statistics of the big indicators tables after the load. */
export async function analyzeIndicators(db: Db): Promise<void> {
  await sql`analyze data_value`.execute(db);
  await sql`analyze data_value_change`.execute(db);
  await sql`analyze data_total`.execute(db);
}
