import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { z } from 'zod';
import type { TModelStatus } from '#contracts/emulation/enums.ts';
import type { ZModelListQuery } from '#contracts/emulation/model.schemas.ts';
import type { DB, EmulationModelStepTable, EmulationModelTable } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/**
 * All SQL of exemplary models and their steps. Reads start from unitOwned (the model's unit in the actor's subtree,
 * whose scope holds its predecessors: a model of a 2019 commune reads under its 2025 successor) and filter province_id
 * by the provinces of the actor's scope (SCALE.md rule 2); joins between the big tables include province_id.
 */

type Db = Kysely<DB>;
/** The list's filters as parsed. */
export type TModelFilters = z.output<typeof ZModelListQuery>;
/** Provinces of the actor's scope; null = whole country. */
export type Provinces = readonly number[] | null;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

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

/** Models in scope, joined to their unit, filtered by the scope's provinces. */
function modelsInScope(db: Db, scope: Scope, provinces: Provinces) {
  const base = unitOwned(db, 'emulation_model as m', 'm.unit_id', scope);
  return provinces === null ? base : base.where('m.province_id', 'in', provinces.length ? [...provinces] : [-1]);
}

/** Columns of a list row: names of the campaign, the village and the owner; the number of replicas. */
function withSummary<Q extends ReturnType<typeof modelsInScope>>(query: Q) {
  return query
    .leftJoin('emulation_campaign as c', 'c.id', 'm.campaign_id')
    .leftJoin('admin_unit as village', 'village.id', 'm.village_id')
    .leftJoin('organization as oo', 'oo.id', 'm.owner_organization_id')
    .leftJoin('person as op', 'op.id', 'm.owner_person_id')
    .leftJoin('admin_unit as ou', 'ou.id', 'm.owner_unit_id')
    .leftJoin('emulation_model as om', (join) => join.onRef('om.province_id', '=', 'm.origin_province_id').onRef('om.id', '=', 'm.origin_model_id'))
    .select(['unit.level as unit_level', 'c.year as campaign_year', 'om.title as origin_title', 'm.summary'])
    .select([
      'm.id', 'm.province_id', 'm.unit_id', 'unit.full_name as unit_name', 'unit.path as unit_path', 'm.village_id', 'village.full_name as village_name',
      'm.campaign_id', 'c.title as campaign_title', 'm.kind', 'm.field', 'm.title', 'm.owner_organization_id', 'm.owner_person_id', 'm.owner_unit_id',
      'm.started_on', 'm.status', 'm.recognised_level', 'm.recognised_on', 'm.recognised_by_unit_id', 'm.origin_model_id', 'm.origin_province_id',
      'm.published_at', 'm.version',
    ])
    .select(sql<string>`coalesce(oo.name, op.full_name, ou.full_name, '')`.as('owner_name'))
    .select(
      sql<number>`(select count(*)::int from emulation_model r where r.origin_province_id = m.province_id and r.origin_model_id = m.id)`.as('replica_count'),
    );
}

/** One model in the actor's scope with everything its page shows, or undefined. */
export async function findModel(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return withSummary(modelsInScope(db, scope, provinces).where('m.id', '=', id))
    .select(['m.what_changed', 'm.figures', 'm.lat', 'm.lng', 'm.created_at'])
    .executeTakeFirst();
}
export type ModelRow = NonNullable<Awaited<ReturnType<typeof findModel>>>;

/**
 * The rows the total and the counts read: for the whole country (a system administrator, no unit filter) the models
 * alone, since every unit is in scope and neither reads a unit column; otherwise joined to their unit for the scope.
 */
function counted(db: Db, scope: Scope, provinces: Provinces, query: TModelFilters) {
  if (scope.all && query.unitId === undefined) {
    // the unit join of modelsInScope, kept only as a type for the filters below: it reads nothing here
    return applyFilters(db.selectFrom('emulation_model as m') as unknown as ReturnType<typeof modelsInScope>, query);
  }
  return filtered(db, scope, provinces, query);
}

/** The list's filters, applied in SQL. */
function filtered(db: Db, scope: Scope, provinces: Provinces, query: TModelFilters) {
  return applyFilters(modelsInScope(db, scope, provinces), query);
}

function applyFilters(base: ReturnType<typeof modelsInScope>, query: TModelFilters) {
  let q = base;
  if (query.q) {
    // every word must appear, diacritics and case ignored ("mo hinh dan van" finds "Mô hình dân vận"); trigram index
    for (const word of foldVi(query.q).split(' ').filter(Boolean)) q = q.where('m.search_text', 'like', `%${likeEscape(word)}%`);
  }
  if (query.unitId !== undefined) {
    // the unit's subtree and its predecessors' (history flows forward)
    q = q.where(sql<boolean>`unit.path <@ any (unit_scope_paths(${query.unitId}::bigint))`);
  }
  if (query.campaignId !== undefined) q = q.where('m.campaign_id', '=', query.campaignId);
  if (query.field) q = q.where('m.field', '=', query.field);
  if (query.kind) q = q.where('m.kind', '=', query.kind);
  if (query.status) q = q.where('m.status', '=', query.status);
  if (query.level === 'none') q = q.where('m.recognised_level', 'is', null);
  else if (query.level) q = q.where('m.recognised_level', '=', query.level);
  if (query.replica === 'true') q = q.where('m.origin_model_id', 'is not', null);
  if (query.replica === 'false') q = q.where('m.origin_model_id', 'is', null);
  return q;
}

/** A page of models, newest first, and the total. */
export async function listModels(db: Db, scope: Scope, provinces: Provinces, query: TModelFilters, page: { limit: number; offset: number }) {
  const base = filtered(db, scope, provinces, query);
  const [items, total] = await Promise.all([
    withSummary(base).orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(page.limit).offset(page.offset).execute(),
    counted(db, scope, provinces, query).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
export type ModelSummaryRow = Awaited<ReturnType<typeof listModels>>['items'][number];

/** Models counted by field × recognition level (null: not recognised), and replicas, over the list's filters. */
export async function countModels(db: Db, scope: Scope, provinces: Provinces, query: TModelFilters) {
  const rows = await counted(db, scope, provinces, query)
    .select(['m.field', 'm.recognised_level'])
    .select(sql<number>`count(*)::int`.as('n'))
    .select(sql<number>`count(m.origin_model_id)::int`.as('replicas'))
    .groupBy(['m.field', 'm.recognised_level'])
    .execute();
  return rows.map((r) => ({ field: r.field, level: r.recognised_level, count: Number(r.n), replicas: Number(r.replicas) }));
}

/**
 * Recognised (or commended) models of these provinces that another unit may replicate: the public part only, read by
 * province (a commune replicates a model of another commune it cannot otherwise see).
 */
export async function listReplicable(db: Db, provinces: Provinces, query: { q?: string | undefined; field?: string | undefined }) {
  let q = db
    .selectFrom('emulation_model as m')
    .innerJoin('admin_unit as unit', 'unit.id', 'm.unit_id')
    .where('m.status', 'in', ['recognised', 'commended'])
    .select(['m.id', 'm.province_id', 'm.title', 'm.field', 'm.kind', 'unit.full_name as unit_name', 'm.recognised_level'])
    .select(
      sql<number>`(select count(*)::int from emulation_model r where r.origin_province_id = m.province_id and r.origin_model_id = m.id)`.as('replica_count'),
    );
  if (provinces !== null) q = q.where('m.province_id', 'in', provinces.length ? [...provinces] : [-1]);
  if (query.field) q = q.where('m.field', '=', query.field as EmulationModelTable['field']);
  if (query.q) for (const word of foldVi(query.q).split(' ').filter(Boolean)) q = q.where('m.search_text', 'like', `%${likeEscape(word)}%`);
  return q.orderBy('m.recognised_on', 'desc').orderBy('m.id').limit(50).execute();
}

/** A model another unit replicates: recognised or commended, in one of these provinces (any unit of them). */
export async function findReplicableOrigin(db: Db, provinces: Provinces, id: string) {
  let q = db
    .selectFrom('emulation_model as m')
    .select(['m.id', 'm.province_id', 'm.unit_id', 'm.status', 'm.title', 'm.field', 'm.kind'])
    .where('m.id', '=', id)
    .where('m.status', 'in', ['recognised', 'commended']);
  if (provinces !== null) q = q.where('m.province_id', 'in', provinces.length ? [...provinces] : [-1]);
  return q.executeTakeFirst();
}

/**
 * The replication chain of a model: its origins up to the first model (depth < 0) and every replica below it
 * (depth > 0), each with whether the reader's scope holds it. Nodes outside the scope are returned only when
 * recognised or commended (their public part); the others are counted by the service, not named.
 */
export async function findChain(db: Db, scope: Scope, model: { id: string; provinceId: number }) {
  const result = await sql<{
    id: string; province_id: number; origin_model_id: string | null; title: string; unit_name: string; status: TModelStatus;
    recognised_level: EmulationModelTable['recognised_level']; started_on: string | null; depth: number; in_scope: boolean;
  }>`
    with recursive up(id, province_id, origin_model_id, origin_province_id, depth) as (
      select m.id, m.province_id, m.origin_model_id, m.origin_province_id, 0
        from emulation_model m where m.province_id = ${model.provinceId} and m.id = ${model.id}::uuid
      union all
      select o.id, o.province_id, o.origin_model_id, o.origin_province_id, up.depth - 1
        from emulation_model o join up on o.province_id = up.origin_province_id and o.id = up.origin_model_id
        where up.depth > -50
    ),
    down(id, province_id, depth, sort) as (
      select m.id, m.province_id, 0, ''::text
        from emulation_model m where m.province_id = ${model.provinceId} and m.id = ${model.id}::uuid
      union all
      select r.id, r.province_id, down.depth + 1, down.sort || '/' || r.created_at::text || r.id::text
        from emulation_model r join down on r.origin_province_id = down.province_id and r.origin_model_id = down.id
        where down.depth < 50
    ),
    nodes as (
      select id, province_id, depth, '' as sort from up where depth < 0
      union all
      select id, province_id, depth, sort from down where depth > 0
    )
    select m.id, m.province_id, m.origin_model_id, m.title, u.full_name as unit_name, m.status, m.recognised_level, m.started_on,
      n.depth, ${inScope('u.path', scope)} as in_scope
      from nodes n
      join emulation_model m on m.province_id = n.province_id and m.id = n.id
      join admin_unit u on u.id = m.unit_id
      order by n.depth < 0 desc, n.depth, n.sort`.execute(db);
  return result.rows.map((r) => ({ ...r, province_id: Number(r.province_id), depth: Number(r.depth) }));
}

/** The steps of a model (read in scope by the caller), oldest first, with the names of who took them. */
export async function findSteps(db: Db, provinceId: number, modelId: string) {
  return db
    .selectFrom('emulation_model_step as s')
    .leftJoin('app_user as u', 'u.id', 's.by_user_id')
    .select(['s.id', 's.seq', 's.step', 's.from_status', 's.to_status', 's.on_date', 's.details', 's.file_ids', 's.by_user_id', 'u.full_name as by_user_name', 's.at'])
    .where('s.province_id', '=', provinceId)
    .where('s.model_id', '=', modelId)
    .orderBy('s.seq')
    .execute();
}

/** Files of the model among these ids (a step names only its own model's documents). */
export async function findModelAttachments(db: Db, scope: Scope, provinceId: number, modelId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return unitOwned(db, 'attachment as a', 'a.unit_id', scope)
    .select(['a.id'])
    .where('a.province_id', '=', provinceId)
    .where('a.owner_type', '=', 'emulation_model')
    .where('a.owner_id', '=', modelId)
    .where('a.id', 'in', [...ids])
    .execute();
}

/** A unit in the actor's scope (with its level, structure and dates), or undefined. */
export async function findUnitInScope(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name', 'u.level', 'u.structure', 'u.parent_id', 'u.path', 'u.valid_from', 'u.valid_to'])
    .where('u.id', '=', id)
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/**
 * Units of `level` in the scope under which the model's unit lies: the units of its path and, transitively, their
 * successors (the units whose scope holds a unit of its path: history flows forward, as `unitLiesUnder` reads it).
 */
export async function findRecogniserCandidates(db: Db, scope: Scope, modelUnitId: number, level: 'commune' | 'district' | 'province') {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name', 'u.level', 'u.valid_from', 'u.valid_to'])
    .where('u.level', '=', level)
    .where(inScope('u.path', scope))
    .where(sql<boolean>`u.id in (
      with recursive line(id) as (
        select unnest(string_to_array(ltree2text(m.path), '.'))::bigint from admin_unit m where m.id = ${modelUnitId}
        union
        select s.new_unit_id from unit_succession s join line l on s.old_unit_id = l.id
      )
      select id from line)`)
    .orderBy('u.valid_to', (ob) => ob.desc().nullsFirst())
    .orderBy('u.full_name')
    .execute();
}

/** Whether `unitId` lies in the subtree of `ancestorId` or of one of its predecessors (history flows forward). */
export async function unitLiesUnder(db: Db, unitId: number, ancestorId: number): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    select exists (select 1 from admin_unit u where u.id = ${unitId} and u.path <@ any (unit_scope_paths(${ancestorId}::bigint))) as ok`.execute(db);
  return row.rows[0]?.ok === true;
}

/** An organisation of the registry in the actor's scope, with its unit. */
export async function findOrganizationInScope(db: Db, scope: Scope, id: number) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope).select(['o.id', 'o.name', 'o.unit_id']).where('o.id', '=', id).executeTakeFirst();
}

/** A person of the registry in the actor's scope, with their unit. */
export async function findPersonInScope(db: Db, scope: Scope, id: number) {
  return unitOwned(db, 'person as p', 'p.unit_id', scope).select(['p.id', 'p.full_name as name', 'p.unit_id']).where('p.id', '=', id).executeTakeFirst();
}

export async function insertModel(db: Db, row: Insertable<EmulationModelTable>) {
  await db.insertInto('emulation_model').values(row).execute();
}

/** Changes a model's columns if its version is still the one seen; bumps it when asked. Returns the new version or null. */
export async function updateModelAt(db: Db, at: { provinceId: number; id: string; version: number }, changes: Updateable<EmulationModelTable>, bump: boolean) {
  const row = await db
    .updateTable('emulation_model')
    .set(bump ? { ...changes, version: sql<number>`version + 1` } : changes)
    .where('province_id', '=', at.provinceId)
    .where('id', '=', at.id)
    .where('version', '=', at.version)
    .returning('version')
    .executeTakeFirst();
  return row ? Number(row.version) : null;
}

export async function insertStep(db: Db, row: Insertable<EmulationModelStepTable>) {
  await db.insertInto('emulation_model_step').values(row).execute();
}
