import { sql, type Kysely } from 'kysely';
import type { DB, OrganizationTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { clock } from '#server/shared/clock.ts';
import { ORGANIZATION_TYPE_PERIODS } from '#contracts/organizations.ts';

/**
 * The last day of the organisation's type at its unit's level (ORGANIZATION_TYPE_PERIODS), null when the type
 * stays: a 2019 Ban Dân vận of a province ends with its type on 30/6/2025 even without a dissolution date.
 */
const typeLastDay = (() => {
  const ended = ORGANIZATION_TYPE_PERIODS.filter((period) => period.to !== null);
  if (ended.length === 0) return sql<string | null>`null::date`;
  const branches = ended.map(
    (period) => sql`when o.type = ${period.type} and unit.level in (${sql.join(period.levels.map((level) => sql`${level}`))}) then ${period.to}::date`,
  );
  return sql<string | null>`(case ${sql.join(branches, sql` `)} end)`;
})();

/** Organisations in scope (through their unit's path) with the number of people holding a role on `asOf`. */
function organizationsInScope(db: Kysely<DB>, scope: Scope, asOf: string) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope).select([
      'o.id',
      'o.unit_id',
      'unit.full_name as unit_name',
      'o.type',
      'o.name',
      'o.parent_organization_id',
      'o.worker_count',
      'o.has_trade_union',
      'o.religion_name',
      'o.founded_on',
      'o.dissolved_on',
      sql<number>`(select count(distinct r.person_id)::int from person_role r where r.organization_id = o.id
        and r.term_from <= ${asOf}::date and (r.term_to is null or r.term_to >= ${asOf}::date))`.as('member_count'),
      // dissolved_on is the first day without it; its unit's end ends it too, and its type's end at the level
      sql<string | null>`least(o.dissolved_on - 1, unit.valid_to, ${typeLastDay})`.as('last_day'),
      sql<boolean>`(unit.valid_to is not null and (o.dissolved_on is null or o.dissolved_on > unit.valid_to))`.as('ended_with_unit'),
    ]);
}

export type OrganizationRecord = Awaited<ReturnType<ReturnType<typeof organizationsInScope>['executeTakeFirstOrThrow']>>;

/**
 * Organisations of one unit that exist on `asOf` (founded on or before it, not yet dissolved, their unit not
 * yet ended), optionally of one type. Unknown founding dates count as "always existed".
 */
export async function listOrganizations(db: Kysely<DB>, scope: Scope, unitId: number, asOf: string, type?: string) {
  let query = organizationsInScope(db, scope, asOf)
    .where('o.unit_id', '=', unitId)
    .where(sql<boolean>`(o.founded_on is null or o.founded_on <= ${asOf}::date)`)
    .where(sql<boolean>`(o.dissolved_on is null or o.dissolved_on > ${asOf}::date)`)
    .where(sql<boolean>`(unit.valid_to is null or unit.valid_to >= ${asOf}::date)`)
    .where(sql<boolean>`(${typeLastDay} is null or ${typeLastDay} >= ${asOf}::date)`);
  if (type) query = query.where('o.type', '=', type);
  return query.orderBy('o.id').execute();
}

/** One organisation in scope, member count as of `asOf`; undefined when unknown or out of scope. */
export async function findOrganization(db: Kysely<DB>, scope: Scope, id: number, asOf: string): Promise<OrganizationRecord | undefined> {
  return organizationsInScope(db, scope, asOf).where('o.id', '=', id).executeTakeFirst();
}

/** Ids of an organisation's ancestors through parent_organization_id, nearest first (bounded against cycles). */
export async function findParentChain(db: Kysely<DB>, id: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive chain(id, parent, depth) as (
      select id, parent_organization_id, 0 from organization where id = ${id}
      union all
      select o.id, o.parent_organization_id, c.depth + 1 from organization o join chain c on o.id = c.parent where c.depth < 50
    )
    select id from chain where depth > 0 order by depth`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** Writable columns of an organisation. */
export type OrganizationValues = Pick<
  OrganizationTable,
  'unit_id' | 'type' | 'name' | 'parent_organization_id' | 'worker_count' | 'has_trade_union' | 'religion_name' | 'founded_on' | 'dissolved_on'
>;

export async function insertOrganization(db: Kysely<DB>, values: OrganizationValues): Promise<number> {
  const row = await db
    .insertInto('organization')
    .values({ ...values, updated_at: clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganization(db: Kysely<DB>, id: number, changes: Partial<Omit<OrganizationValues, 'unit_id'>>): Promise<void> {
  await db
    .updateTable('organization')
    .set({ ...changes, updated_at: clock.now() })
    .where('id', '=', id)
    .execute();
}

// --- shell-history ---
/**
 * Organisations in scope that carry `organization` on in its unit's successors: same type, in force on the day
 * the succession took effect. The caller picks, per successor unit, the one of the same name or the only one.
 */
export async function findContinuationCandidates(db: Kysely<DB>, scope: Scope, organization: { unit_id: number; type: string }) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('unit_succession as s', 's.new_unit_id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.unit_id', 'unit.full_name as unit_name'])
    .where('s.old_unit_id', '=', organization.unit_id)
    .where('o.type', '=', organization.type)
    .where(sql<boolean>`(o.founded_on is null or o.founded_on <= s.effective_date)`)
    .where(sql<boolean>`(o.dissolved_on is null or o.dissolved_on > s.effective_date)`)
    .orderBy('unit.full_name')
    .orderBy('o.id')
    .execute();
}

/** The level of an organisation's unit. */
export async function findUnitLevel(db: Kysely<DB>, unitId: number): Promise<string> {
  const row = await db.selectFrom('admin_unit').select('level').where('id', '=', unitId).executeTakeFirstOrThrow();
  return row.level;
}
