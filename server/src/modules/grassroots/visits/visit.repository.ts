import { sql, type Insertable, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZVisitListQuery } from '#contracts/grassroots/visit.schemas.ts';
import type { DB, FieldVisitTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned, validOn } from '#server/shared/scope.ts';

/**
 * All SQL of field visits (BIG table: province_id first in every key). Reads start from unitOwned on the visit's
 * place (a visit at a 2019 commune reads under its 2025 successor) and filter province_id by the provinces of the
 * actor's scope (SCALE.md rule 2).
 */

type Db = Kysely<DB>;
/** Provinces of the actor's scope; null = whole country. */
export type Provinces = readonly number[] | null;

/** The (2025) provinces of the scope's roots; null for the whole country. */
export async function provincesOf(db: Db, scope: Scope): Promise<Provinces> {
  if (scope.all) return null;
  const ids = scope.roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id)).filter((id) => Number.isFinite(id) && id > 0);
}

/** The 2025 province of a unit (SCALE.md rule 1). */
export async function provinceOfUnit(db: Db, unitId: number): Promise<number | null> {
  const row = await sql<{ id: number | null }>`select unit_province_id(${unitId}::bigint) as id`.execute(db);
  const id = row.rows[0]?.id;
  return id == null ? null : Number(id);
}

/** The national purposes and those of the provinces (null: every province's). */
export async function listPurposes(db: Db, provinces: Provinces) {
  let query = db.selectFrom('field_visit_purpose').select(['id', 'code', 'name', 'active']);
  if (provinces !== null) query = query.where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', 'in', provinces.length ? [...provinces] : [-1])]));
  return query.orderBy('sort_order').orderBy('id').execute();
}

/** A purpose a visit in `provinceId` may name: national or the province's own. */
export async function findPurpose(db: Db, id: number, provinceId: number) {
  return db
    .selectFrom('field_visit_purpose')
    .select(['id', 'code', 'name', 'active'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', '=', provinceId)]))
    .executeTakeFirst();
}

export async function purposeCodeTaken(db: Db, provinceId: number | null, code: string) {
  const row = await db
    .selectFrom('field_visit_purpose')
    .select('id')
    .where('code', '=', code)
    .where((eb) => (provinceId === null ? eb('province_id', 'is', null) : eb.or([eb('province_id', 'is', null), eb('province_id', '=', provinceId)])))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPurpose(db: Db, row: { province_id: number | null; code: string; name: string; sort_order: number }) {
  return db.insertInto('field_visit_purpose').values(row).returning(['id', 'code', 'name', 'active']).executeTakeFirstOrThrow();
}

/** A place of a visit in scope: a unit with its level and validity. */
export async function findPlace(db: Db, scope: Scope, unitId: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.level', 'u.full_name', 'u.valid_from', 'u.valid_to'])
    .where('u.id', '=', unitId)
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** A role held in an organisation of the scope, with its person and organisation. */
export async function findRole(db: Db, scope: Scope, roleId: number) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.person_id', 'r.title', 'r.term_from', 'r.term_to', 'o.id as organization_id', 'o.name as organization_name', 'o.type', 'o.unit_id', 'p.full_name'])
    .where('r.id', '=', roleId)
    .executeTakeFirst();
}

/** Roles current on `asOf` in organisations of the scope (under `unitId` when given), by name; at most 200. */
export async function listCadres(db: Db, scope: Scope, args: { asOf: string; unitPath?: string; q?: string }) {
  let query = unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select([
      'r.id as role_id', 'r.person_id', 'p.full_name as person_name', 'r.title', 'o.id as organization_id', 'o.name as organization_name',
      'o.type as organization_type', 'o.unit_id', 'unit.full_name as unit_name',
    ])
    .where('r.term_from', '<=', args.asOf)
    .where((eb) => eb.or([eb('r.term_to', 'is', null), eb('r.term_to', '>=', args.asOf)]))
    .where((eb) => eb.or([eb('o.dissolved_on', 'is', null), eb('o.dissolved_on', '>=', args.asOf)]))
    .where(validOn('unit', args.asOf));
  if (args.unitPath) query = query.where(sql<boolean>`unit.path <@ ${args.unitPath}::ltree`);
  if (args.q) query = query.where(sql<boolean>`p.search_name like '%' || ${args.q} || '%'`);
  return query.orderBy('p.full_name').orderBy('r.id').limit(200).execute();
}

/** Communes and villages in force on `asOf` in the subtree of `path` (in scope), at most 3000, communes first. */
export async function listPlaces(db: Db, scope: Scope, path: string, asOf: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name', 'u.level', 'u.parent_id', 'u.path'])
    .where('u.level', 'in', ['commune', 'village'])
    .where(sql<boolean>`u.path <@ ${path}::ltree`)
    .where(inScope('u.path', scope))
    .where(validOn('u', asOf))
    .orderBy('u.level')
    .orderBy('u.full_name')
    .limit(3000)
    .execute();
}

/** The unit's path, in scope. */
export async function findUnitPath(db: Db, scope: Scope, unitId: number) {
  const row = await db.selectFrom('admin_unit as u').select('u.path').where('u.id', '=', unitId).where(inScope('u.path', scope)).executeTakeFirst();
  return row?.path;
}

/** Stores a visit unless its id is stored already (a resend, even concurrent): whether this call stored it. */
export async function insertVisit(db: Db, row: Insertable<FieldVisitTable>): Promise<boolean> {
  const written = await db
    .insertInto('field_visit')
    .values(row)
    .onConflict((oc) => oc.columns(['province_id', 'id']).doNothing())
    .returning('id')
    .execute();
  return written.length > 0;
}

/** Visits in scope, joined to their unit, filtered by the scope's provinces. */
function visitsInScope(db: Db, scope: Scope, provinces: Provinces) {
  const base = unitOwned(db, 'field_visit as v', 'v.unit_id', scope);
  return provinces === null ? base : base.where('v.province_id', 'in', provinces.length ? [...provinces] : [-1]);
}

function withNames(query: ReturnType<typeof visitsInScope>) {
  return query
    .innerJoin('person as p', 'p.id', 'v.person_id')
    .innerJoin('person_role as r', 'r.id', 'v.role_id')
    .innerJoin('organization as o', 'o.id', 'v.organization_id')
    .innerJoin('field_visit_purpose as fp', 'fp.id', 'v.purpose_id')
    .select([
      'v.id', 'v.province_id', 'v.unit_id', 'unit.full_name as unit_name', 'v.person_id', 'p.full_name as person_name', 'v.role_id', 'r.title as role_title',
      'v.organization_id', 'o.name as organization_name', 'v.from_date', 'v.to_date', 'v.start_half', 'v.end_half', 'v.days', 'v.purpose_id',
      'fp.name as purpose_name', 'v.lat', 'v.lon', 'v.met_with', 'v.heard', 'v.topics', 'v.created_at',
    ]);
}
export type VisitRow = Awaited<ReturnType<typeof findVisit>> & object;

/** One visit in scope by province and id. */
export async function findVisit(db: Db, scope: Scope, provinceId: number, id: string) {
  return withNames(visitsInScope(db, scope, [provinceId]))
    .where('v.id', '=', id)
    .executeTakeFirst();
}

/** Whether an id is stored in the province, and where (a resend is answered with the stored visit). */
export async function findVisitKey(db: Db, scope: Scope, provinceId: number, id: string) {
  return visitsInScope(db, scope, [provinceId]).select(['v.id', 'v.person_id']).where('v.id', '=', id).executeTakeFirst();
}

export type TVisitFilters = z.output<typeof ZVisitListQuery>;

/** A page of visits in scope, newest first, with the total. */
export async function listVisits(db: Db, scope: Scope, provinces: Provinces, filters: TVisitFilters & { unitPath?: string }) {
  let query = visitsInScope(db, scope, provinces);
  if (filters.unitPath) query = query.where(sql<boolean>`unit.path <@ ${filters.unitPath}::ltree`);
  if (filters.personId) query = query.where('v.person_id', '=', filters.personId);
  if (filters.purposeId) query = query.where('v.purpose_id', '=', filters.purposeId);
  if (filters.from) query = query.where('v.to_date', '>=', filters.from);
  if (filters.to) query = query.where('v.from_date', '<=', filters.to);
  const [items, total] = await Promise.all([
    withNames(query)
      .orderBy('v.from_date', 'desc')
      .orderBy('v.id', 'desc')
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
