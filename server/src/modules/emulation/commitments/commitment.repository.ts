import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { TRegistrantKind } from '#contracts/emulation/commitment.api.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';

/**
 * All SQL of the campaign commitments. Counts, their changes and breaches are big tables (SCALE.md): every read
 * starts from `unitOwned` (the actor's subtree) and filters province_id by the provinces of the scope (null: the
 * whole country); lookups by id add province_id; the change table is reached through its count's province_id.
 */

export type Provinces = readonly number[] | null;

/** The (2025) provinces of a scope's roots: the province_id filter of every query. */
export async function scopeProvinces(db: Kysely<DB>, scope: Scope): Promise<Provinces> {
  if (scope.all) return null;
  const ids = scope.roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

function provinceIn(column: string, provinces: Provinces): Expression<SqlBool> {
  if (provinces === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} = any(${provinces.length ? [...provinces] : [-1]}::bigint[])`;
}

/** Records of `unitId` and the units below it (when given). */
const underUnit = (unitId: number | undefined) =>
  unitId === undefined ? sql<SqlBool>`true` : sql<SqlBool>`unit.path <@ (select path from admin_unit where id = ${unitId})`;

export const provinceOf = async (db: Kysely<DB>, unitId: number) =>
  Number((await sql<{ id: number }>`select unit_province_id(${unitId}::bigint) as id`.execute(db)).rows[0]?.id);

// ---------- counts

const countColumns = [
  'c.id', 'c.province_id', 'c.campaign_id', 'c.commitment_id', 'k.code as commitment_code', 'k.title as commitment_title', 'k.position as commitment_position',
  'c.unit_id', 'unit.full_name as unit_name', 'c.registrant_kind', 'c.organization_id', 'org.name as organization_name', 'c.registered', 'c.eligible',
  'c.version', 'c.updated_at',
] as const;

function counts(db: Kysely<DB>, scope: Scope, provinces: Provinces) {
  return unitOwned(db, 'emulation_commitment_count as c', 'c.unit_id', scope)
    .where(provinceIn('c.province_id', provinces))
    .innerJoin('emulation_commitment as k', 'k.id', 'c.commitment_id')
    .leftJoin('organization as org', 'org.id', 'c.organization_id')
    .select(countColumns);
}

export interface CountFilter {
  campaignId: number;
  unitId?: number | undefined;
  commitmentId?: number | undefined;
  registrantKind?: TRegistrantKind | undefined;
  limit: number;
}

export async function listCounts(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: CountFilter) {
  let query = counts(db, scope, provinces).where('c.campaign_id', '=', filter.campaignId).where(underUnit(filter.unitId));
  if (filter.commitmentId !== undefined) query = query.where('c.commitment_id', '=', filter.commitmentId);
  if (filter.registrantKind !== undefined) query = query.where('c.registrant_kind', '=', filter.registrantKind);
  return query
    .orderBy('unit.path')
    .orderBy('c.registrant_kind')
    .orderBy(sql`org.name nulls first`)
    .orderBy('k.position')
    .limit(filter.limit)
    .execute();
}

export type CountRow = Awaited<ReturnType<typeof listCounts>>[number];

export async function findCount(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return counts(db, scope, provinces).where('c.id', '=', id).executeTakeFirst();
}

export interface CountKey {
  provinceId: number;
  campaignId: number;
  unitId: number;
  commitmentId: number;
  registrantKind: TRegistrantKind;
  organizationId: number | null;
}

/** The count of a key, locked for the writer's transaction (the unit was checked in scope by the caller). */
export async function findCountByKey(db: Kysely<DB>, key: CountKey) {
  return db
    .selectFrom('emulation_commitment_count as c')
    .select(['c.id', 'c.registered', 'c.eligible', 'c.version'])
    .where('c.province_id', '=', key.provinceId)
    .where('c.campaign_id', '=', key.campaignId)
    .where('c.unit_id', '=', key.unitId)
    .where('c.commitment_id', '=', key.commitmentId)
    .where('c.registrant_kind', '=', key.registrantKind)
    .where(key.organizationId === null ? sql<SqlBool>`c.organization_id is null` : sql<SqlBool>`c.organization_id = ${key.organizationId}`)
    .forUpdate()
    .executeTakeFirst();
}

/** Every count of a campaign under a unit (no scope join: the caller checked the unit in scope), for an import. */
export async function countsUnder(db: Kysely<DB>, provinceId: number, campaignId: number, unitId: number) {
  return db
    .selectFrom('emulation_commitment_count as c')
    .innerJoin('admin_unit as unit', 'unit.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id', 'c.commitment_id', 'c.registrant_kind', 'c.organization_id', 'c.registered', 'c.eligible', 'c.version'])
    .where('c.province_id', '=', provinceId)
    .where('c.campaign_id', '=', campaignId)
    .where(underUnit(unitId))
    .execute();
}

export interface ChangeValues {
  registered: number;
  eligible: number | null;
  source: 'entry' | 'excel' | 'demo';
  reason: string | null;
  userId: number | null;
  at: Date;
}

/** A new count (version 1) and its first change row. */
export async function insertCount(db: Kysely<DB>, id: string, changeId: string, key: CountKey, values: ChangeValues) {
  await db
    .insertInto('emulation_commitment_count')
    .values({
      id,
      province_id: key.provinceId,
      campaign_id: key.campaignId,
      commitment_id: key.commitmentId,
      unit_id: key.unitId,
      registrant_kind: key.registrantKind,
      organization_id: key.organizationId,
      registered: values.registered,
      eligible: values.eligible,
      version: 1,
      created_by: values.userId,
      created_at: values.at,
      updated_by: values.userId,
      updated_at: values.at,
    })
    .execute();
  await insertChange(db, changeId, key.provinceId, id, 1, { registered: null, eligible: null }, values);
}

/** Many new counts (version 1) and their first change rows in a few multi-row statements (the demo). */
export async function insertCounts(db: Kysely<DB>, rows: readonly { key: CountKey; values: ChangeValues }[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((row) => ({ ...row, id: uuidv7() }));
    await db
      .insertInto('emulation_commitment_count')
      .values(
        chunk.map(({ id, key, values }) => ({
          id,
          province_id: key.provinceId,
          campaign_id: key.campaignId,
          commitment_id: key.commitmentId,
          unit_id: key.unitId,
          registrant_kind: key.registrantKind,
          organization_id: key.organizationId,
          registered: values.registered,
          eligible: values.eligible,
          version: 1,
          created_by: values.userId,
          created_at: values.at,
          updated_by: values.userId,
          updated_at: values.at,
        })),
      )
      .execute();
    await db
      .insertInto('emulation_commitment_count_change')
      .values(
        chunk.map(({ id, key, values }) => ({
          id: uuidv7(),
          province_id: key.provinceId,
          count_id: id,
          version: 1,
          registered_before: null,
          registered: values.registered,
          eligible_before: null,
          eligible: values.eligible,
          source: values.source,
          reason: values.reason,
          changed_by: values.userId,
          changed_at: values.at,
        })),
      )
      .execute();
  }
}

/**
 * A correction: the count moves from `version` to version + 1 only if nobody changed it meanwhile (false: 0 rows,
 * the caller answers 409), and the change row keeps the value before.
 */
export async function correctCount(
  db: Kysely<DB>,
  changeId: string,
  provinceId: number,
  id: string,
  before: { registered: number; eligible: number | null; version: number },
  values: ChangeValues,
): Promise<boolean> {
  const result = await db
    .updateTable('emulation_commitment_count')
    .set({ registered: values.registered, eligible: values.eligible, version: before.version + 1, updated_by: values.userId, updated_at: values.at })
    .where('province_id', '=', provinceId)
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await insertChange(db, changeId, provinceId, id, before.version + 1, before, values);
  return true;
}

async function insertChange(
  db: Kysely<DB>,
  changeId: string,
  provinceId: number,
  countId: string,
  version: number,
  before: { registered: number | null; eligible: number | null },
  values: ChangeValues,
) {
  await db
    .insertInto('emulation_commitment_count_change')
    .values({
      id: changeId,
      province_id: provinceId,
      count_id: countId,
      version,
      registered_before: before.registered,
      registered: values.registered,
      eligible_before: before.eligible,
      eligible: values.eligible,
      source: values.source,
      reason: values.reason,
      changed_by: values.userId,
      changed_at: values.at,
    })
    .execute();
}

/** The changes of a count the caller read in scope (same province), oldest first. */
export async function listChanges(db: Kysely<DB>, provinceId: number, countId: string) {
  return db
    .selectFrom('emulation_commitment_count_change as h')
    .leftJoin('app_user as u', 'u.id', 'h.changed_by')
    .select(['h.version', 'h.registered_before', 'h.registered', 'h.eligible_before', 'h.eligible', 'h.source', 'h.reason', 'u.username as changed_by', 'h.changed_at'])
    .where('h.province_id', '=', provinceId)
    .where('h.count_id', '=', countId)
    .orderBy('h.version')
    .execute();
}

// ---------- breaches

const breachColumns = [
  'b.id', 'b.province_id', 'b.campaign_id', 'b.commitment_id', 'k.code as commitment_code', 'k.title as commitment_title', 'b.unit_id',
  'unit.full_name as unit_name', 'b.registrant_kind', 'b.organization_id', 'org.name as organization_name', 'b.occurred_on', 'b.reported_on',
  'b.description', 'b.reported_by', 'b.created_at',
] as const;

function breaches(db: Kysely<DB>, scope: Scope, provinces: Provinces) {
  return unitOwned(db, 'emulation_commitment_breach as b', 'b.unit_id', scope)
    .where(provinceIn('b.province_id', provinces))
    .innerJoin('emulation_commitment as k', 'k.id', 'b.commitment_id')
    .leftJoin('organization as org', 'org.id', 'b.organization_id')
    .select(breachColumns);
}

export type BreachValues = Omit<DB['emulation_commitment_breach'], 'created_at'> & { created_at: Date };

export async function insertBreach(db: Kysely<DB>, values: BreachValues) {
  await db.insertInto('emulation_commitment_breach').values(values).execute();
}

export async function findBreach(db: Kysely<DB>, scope: Scope, provinces: Provinces, id: string) {
  return breaches(db, scope, provinces).where('b.id', '=', id).executeTakeFirst();
}

export interface BreachFilter {
  campaignId: number;
  unitId?: number | undefined;
  commitmentId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listBreaches(db: Kysely<DB>, scope: Scope, provinces: Provinces, filter: BreachFilter) {
  let query = breaches(db, scope, provinces).where('b.campaign_id', '=', filter.campaignId).where(underUnit(filter.unitId));
  if (filter.commitmentId !== undefined) query = query.where('b.commitment_id', '=', filter.commitmentId);
  if (filter.from) query = query.where('b.occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('b.occurred_on', '<=', filter.to);
  return query.orderBy('b.occurred_on', 'desc').orderBy('b.id', 'desc').limit(filter.limit).execute();
}

export type BreachRow = Awaited<ReturnType<typeof listBreaches>>[number];

// ---------- figures

/** The group of a row: its commune (the ancestor of level commune, or itself), else the unit itself (above commune level). */
const communeOf = sql<number>`coalesce((select a.id from admin_unit a where a.level = 'commune' and unit.path <@ a.path order by nlevel(a.path) desc limit 1), unit.id)`;

export interface FigureRow {
  group_id: number | null;
  commitment_id: number;
  registrant_kind: TRegistrantKind;
  registered: number;
  eligible: number;
  breaches: number;
}

/**
 * Sums of the counts and numbers of breaches of a campaign in scope (under a unit), by group (commune or body),
 * commitment and kind of registrant.
 */
export async function figures(db: Kysely<DB>, scope: Scope, provinces: Provinces, campaignId: number, unitId: number | undefined, by: 'commune' | 'body') {
  const countGroup = by === 'commune' ? communeOf : sql<number | null>`c.organization_id`;
  const breachGroup = by === 'commune' ? communeOf : sql<number | null>`b.organization_id`;
  const registered = await unitOwned(db, 'emulation_commitment_count as c', 'c.unit_id', scope)
    .where(provinceIn('c.province_id', provinces))
    .where('c.campaign_id', '=', campaignId)
    .where(underUnit(unitId))
    .select([
      countGroup.as('group_id'),
      'c.commitment_id',
      'c.registrant_kind',
      sql<number>`sum(c.registered)::int`.as('registered'),
      sql<number>`coalesce(sum(c.eligible), 0)::int`.as('eligible'),
    ])
    .groupBy(['group_id', 'c.commitment_id', 'c.registrant_kind'])
    .execute();
  const breached = await unitOwned(db, 'emulation_commitment_breach as b', 'b.unit_id', scope)
    .where(provinceIn('b.province_id', provinces))
    .where('b.campaign_id', '=', campaignId)
    .where(underUnit(unitId))
    .select([breachGroup.as('group_id'), 'b.commitment_id', 'b.registrant_kind', sql<number>`count(*)::int`.as('breaches')])
    .groupBy(['group_id', 'b.commitment_id', 'b.registrant_kind'])
    .execute();
  const rows = new Map<string, FigureRow>();
  const keyOf = (r: { group_id: number | null; commitment_id: number; registrant_kind: TRegistrantKind }) => `${r.group_id}|${r.commitment_id}|${r.registrant_kind}`;
  for (const r of registered) {
    const groupId = r.group_id === null ? null : Number(r.group_id);
    rows.set(keyOf(r), { group_id: groupId, commitment_id: Number(r.commitment_id), registrant_kind: r.registrant_kind, registered: Number(r.registered), eligible: Number(r.eligible), breaches: 0 });
  }
  for (const r of breached) {
    const groupId = r.group_id === null ? null : Number(r.group_id);
    const row = rows.get(keyOf(r)) ?? { group_id: groupId, commitment_id: Number(r.commitment_id), registrant_kind: r.registrant_kind, registered: 0, eligible: 0, breaches: 0 };
    row.breaches += Number(r.breaches);
    rows.set(keyOf(r), row);
  }
  return [...rows.values()];
}

/** Names of the groups' units (read only for ids the caller got from a scoped query). */
export async function unitNames(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { name: string; path: string }>();
  const rows = await db.selectFrom('admin_unit').select(['id', 'full_name', 'path']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [Number(r.id), { name: r.full_name, path: r.path }]));
}

/** Names of the groups' bodies (read only for ids the caller got from a scoped query). */
export async function organizationNames(db: Kysely<DB>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

// ---------- units of an import

/** The units in scope a template lists: a commune's villages and itself, else the communes under the unit and itself. */
export async function templateUnits(db: Kysely<DB>, scope: Scope, unitId: number, level: string, asOf: string) {
  const childLevel = level === 'commune' ? 'village' : 'commune';
  return db
    .selectFrom('admin_unit as unit')
    .select(['unit.id', 'unit.full_name', 'unit.level', 'unit.path'])
    .where(sql<SqlBool>`unit.path <@ (select path from admin_unit where id = ${unitId})`)
    .where((eb) => eb.or([eb('unit.id', '=', unitId), eb('unit.level', '=', childLevel)]))
    .where(sql<SqlBool>`(unit.valid_from is null or unit.valid_from <= ${asOf}::date) and (unit.valid_to is null or unit.valid_to >= ${asOf}::date)`)
    .where(inScope('unit.path', scope))
    .orderBy('unit.path')
    .execute();
}

/** Units of `ids` under `unitId` (an import's rows), with their level, in scope. */
export async function unitsUnder(db: Kysely<DB>, scope: Scope, unitId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('admin_unit as unit')
    .select(['unit.id', 'unit.full_name', 'unit.level', 'unit.valid_to'])
    .where('unit.id', 'in', [...ids])
    .where(sql<SqlBool>`unit.path <@ (select path from admin_unit where id = ${unitId})`)
    .where(inScope('unit.path', scope))
    .execute();
}
