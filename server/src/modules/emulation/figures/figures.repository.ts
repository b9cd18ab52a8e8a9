import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { TModelField, TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned, validOn } from '#server/shared/scope.ts';
import { AGENCY_TYPES, NOT_RECOGNISED_STATUS, VN_TIME_ZONE } from './figures.rules.ts';

// Computed for a whole province by the system, not for a user: the province's units (provinceScope) are the scope,
// and every read of models also names the province (province_id leads their keys, SCALE.md).

/** The model's recognitions (every one stays in its append-only steps) dated on or before `asOf`, latest first. */
const recognitionsBy = (alias: string, asOf: string) =>
  sql`from emulation_model_step s where s.province_id = ${sql.ref(`${alias}.province_id`)} and s.model_id = ${sql.ref(`${alias}.id`)}
    and s.step = 'recognised' and s.on_date <= ${asOf}::date`;

/** Model `alias` stands recognised on `asOf` (figures.rules.ts): a recognition dated by then, not withdrawn. */
const recognisedOn = (alias: string, asOf: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(`${alias}.recognised_level`)} is not null and ${sql.ref(`${alias}.status`)} <> ${sql.lit(NOT_RECOGNISED_STATUS)}
    and exists (select 1 ${recognitionsBy(alias, asOf)})`;

/** The level model `alias` held on `asOf`: its latest recognition dated on or before the day (null: none yet). */
const levelOn = (alias: string, asOf: string): RawBuilder<string | null> =>
  sql<string | null>`(select s.details->>'level' ${recognitionsBy(alias, asOf)} order by s.on_date desc, s.seq desc limit 1)`;

/** Replica `alias` is registered on `asOf` and not withdrawn. */
const replicaOn = (alias: string, asOf: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(`${alias}.status`)} <> ${sql.lit(NOT_RECOGNISED_STATUS)}
    and coalesce(${sql.ref(`${alias}.started_on`)}, (${sql.ref(`${alias}.created_at`)} at time zone ${VN_TIME_ZONE})::date) <= ${asOf}::date`;

/** The commune holding the unit `unit` (itself when a commune; none above communes). */
const communeOf = sql<number | null>`(select a.id from admin_unit a where a.path @> unit.path and a.level = 'commune' order by nlevel(a.path) desc limit 1)`;

/**
 * Recognised models of a province at `level` in `field` on `asOf`, by the commune holding their place (figures
 * rules), only those placed under the communes `communeIds` when given.
 */
export async function recognisedByCommune(
  db: Kysely<DB>,
  scope: Scope,
  args: { provinceId: number; asOf: string; level: TRecognitionLevel; field: TModelField; communeIds?: readonly number[] | undefined },
): Promise<Array<{ communeId: number; count: number }>> {
  if (args.communeIds && args.communeIds.length === 0) return [];
  let query = unitOwned(db, 'emulation_model as m', 'm.unit_id', scope)
    .select([communeOf.as('commune_id'), sql<number>`count(*)::int`.as('n')])
    .where('m.province_id', '=', args.provinceId)
    .where('m.recognised_level', 'is not', null)
    .where('m.status', '<>', NOT_RECOGNISED_STATUS)
    .where('m.field', '=', args.field)
    .where(sql<SqlBool>`${levelOn('m', args.asOf)} = ${args.level}`)
    .groupBy(sql`1`);
  const ids = args.communeIds;
  if (ids) query = query.where(sql<SqlBool>`exists (select 1 from admin_unit c where c.id = any(${[...ids]}::bigint[]) and c.path @> unit.path)`);
  const rows = await query.execute();
  return rows.flatMap((row) => (row.commune_id === null ? [] : [{ communeId: Number(row.commune_id), count: row.n }]));
}

/**
 * Organisations of the agency types existing on `asOf` in a unit valid that day, owning a recognised model and a
 * replication (figures rules), with their unit's commune (null: above communes).
 */
export async function agenciesBuiltAndReplicated(
  db: Kysely<DB>,
  scope: Scope,
  args: { provinceId: number; asOf: string },
): Promise<Array<{ organizationId: number; communeId: number | null }>> {
  const { provinceId, asOf } = args;
  const rows = await unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.id', communeOf.as('commune_id')])
    .where('o.type', 'in', [...AGENCY_TYPES])
    .where(validOn('unit', asOf))
    .where(sql<SqlBool>`(o.founded_on is null or o.founded_on <= ${asOf}::date) and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)`)
    .where(sql<SqlBool>`exists (select 1 from emulation_model m where m.province_id = ${provinceId} and m.owner_organization_id = o.id and ${recognisedOn('m', asOf)})`)
    .where(
      sql<SqlBool>`(exists (select 1 from emulation_model m join emulation_model r on r.origin_province_id = m.province_id and r.origin_model_id = m.id
                      where m.province_id = ${provinceId} and m.owner_organization_id = o.id and r.province_id = ${provinceId} and ${replicaOn('r', asOf)})
                 or exists (select 1 from emulation_model r where r.province_id = ${provinceId} and r.owner_organization_id = o.id
                      and r.origin_model_id is not null and ${replicaOn('r', asOf)}))`,
    )
    .orderBy('o.id')
    .execute();
  return rows.map((row) => ({ organizationId: row.id, communeId: row.commune_id === null ? null : Number(row.commune_id) }));
}

/**
 * Villages valid on `asOf` in the province with the number of their effective self-management models that day
 * (figures rules), only the villages `villageIds` when given; villages without any are left out.
 */
export async function effectiveSelfManagementByVillage(
  db: Kysely<DB>,
  scope: Scope,
  args: { provinceId: number; asOf: string; villageIds?: readonly number[] | undefined },
): Promise<Array<{ villageId: number; count: number }>> {
  if (args.villageIds && args.villageIds.length === 0) return [];
  const { provinceId, asOf } = args;
  let query = unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.unit_id', sql<number>`count(*)::int`.as('n')])
    .where('o.type', '=', 'self_management_model')
    .where('unit.level', '=', 'village')
    .where(validOn('unit', asOf))
    .where(sql<SqlBool>`(o.founded_on is null or o.founded_on <= ${asOf}::date) and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)`)
    .where(sql<SqlBool>`exists (select 1 from emulation_model m where m.province_id = ${provinceId} and m.owner_organization_id = o.id and ${recognisedOn('m', asOf)})`)
    .groupBy('o.unit_id');
  if (args.villageIds) query = query.where('o.unit_id', 'in', [...args.villageIds]);
  const rows = await query.execute();
  return rows.map((row) => ({ villageId: row.unit_id, count: row.n }));
}

/**
 * The commune valid on `asOf` that each commune stands for that day: itself when valid, else its successor (a
 * 2019 commune after the 2025 reform) or its predecessor (a 2025 commune before it) valid that day, the one with
 * the largest share, then the lowest id. Communes with none are left out. Reference data only (units).
 */
export async function communesOn(db: Kysely<DB>, communeIds: readonly number[], asOf: string): Promise<Map<number, number>> {
  if (communeIds.length === 0) return new Map();
  const valid = (alias: string) =>
    sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date) and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${asOf}::date)`;
  const rows = await sql<{ id: number; target: number | null }>`
    select u.id, coalesce(
      case when ${valid('u')} then u.id end,
      (select s.new_unit_id from unit_succession s join admin_unit n on n.id = s.new_unit_id
        where s.old_unit_id = u.id and n.level = 'commune' and ${valid('n')} order by s.share desc nulls last, n.id limit 1),
      (select s.old_unit_id from unit_succession s join admin_unit o on o.id = s.old_unit_id
        where s.new_unit_id = u.id and o.level = 'commune' and ${valid('o')} order by s.share desc nulls last, o.id limit 1)
    ) as target
    from admin_unit u where u.id = any(${[...communeIds]}::bigint[])`.execute(db);
  return new Map(rows.rows.flatMap((row) => (row.target === null ? [] : [[Number(row.id), Number(row.target)] as [number, number]])));
}

/**
 * The communes holding these units and the communes linked to those by succession, both ways, with themselves: a
 * model placed in any of them may count for another (before and after the reform). Reference data only (units).
 */
export async function communeLineage(db: Kysely<DB>, unitIds: readonly number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await sql<{ id: number }>`
    with c as (
      select distinct a.id from admin_unit u join admin_unit a on a.path @> u.path and a.level = 'commune'
      where u.id = any(${[...unitIds]}::bigint[])
    )
    select c.id from c
    union select s.new_unit_id from unit_succession s where s.old_unit_id in (select id from c)
    union select s.old_unit_id from unit_succession s where s.new_unit_id in (select id from c)
    order by 1`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/**
 * What a write to these models moves, read in the writer's transaction: the models' places, the places of their
 * origins, the units of the organisations owning them or their origins, their fields, and the types of those
 * organisations (models of the province only).
 */
export async function modelTouchFacts(db: Kysely<DB>, scope: Scope, provinceId: number, modelIds: readonly string[]) {
  if (modelIds.length === 0) return { unitIds: [], fields: [], ownerTypes: [] };
  const rows = await unitOwned(db, 'emulation_model as m', 'm.unit_id', scope)
    .leftJoin('emulation_model as origin', (join) => join.onRef('origin.province_id', '=', 'm.origin_province_id').onRef('origin.id', '=', 'm.origin_model_id'))
    .leftJoin('organization as owner', 'owner.id', 'm.owner_organization_id')
    .leftJoin('organization as origin_owner', 'origin_owner.id', 'origin.owner_organization_id')
    .select(['m.unit_id', 'm.field', 'origin.unit_id as origin_unit_id', 'owner.unit_id as owner_unit_id', 'owner.type as owner_type'])
    .select(['origin_owner.unit_id as origin_owner_unit_id', 'origin_owner.type as origin_owner_type'])
    .where('m.province_id', '=', provinceId)
    .where('m.id', 'in', [...modelIds])
    .execute();
  const units = rows.flatMap((row) => [row.unit_id, row.origin_unit_id, row.owner_unit_id, row.origin_owner_unit_id]);
  return {
    unitIds: [...new Set(units.filter((id): id is number => id !== null && id !== undefined).map(Number))].sort((a, b) => a - b),
    fields: [...new Set(rows.map((row) => row.field))],
    ownerTypes: [...new Set(rows.flatMap((row) => [row.owner_type, row.origin_owner_type]).filter((type): type is string => typeof type === 'string'))],
  };
}
