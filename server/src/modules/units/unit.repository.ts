import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';

/** A unit's columns as they stood on `asOf`: earlier names and types come from admin_unit_history. */
function unitsAsOf(db: Kysely<DB>, asOf: string) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit_history as h', (join) =>
      join
        .onRef('h.unit_id', '=', 'u.id')
        .on(sql<boolean>`(h.valid_from is null or h.valid_from <= ${asOf}::date) and h.valid_to >= ${asOf}::date`),
    )
    .select([
      'u.id',
      'u.structure',
      'u.code',
      sql<string>`coalesce(h.name, u.name)`.as('name'),
      sql<string>`coalesce(h.full_name, u.full_name)`.as('full_name'),
      'u.level',
      sql<string>`coalesce(h.type, u.type)`.as('type'),
      'u.parent_id',
      'u.path',
      'u.valid_from',
      'u.created_act',
      'u.valid_to',
      sql<number>`(select count(*)::int from admin_unit c where c.parent_id = u.id
        and (c.valid_from is null or c.valid_from <= ${asOf}::date)
        and (c.valid_to is null or c.valid_to >= ${asOf}::date))`.as('child_count'),
    ]);
}

export type UnitRecord = Awaited<ReturnType<ReturnType<typeof unitsAsOf>['executeTakeFirstOrThrow']>>;

const LEVEL_ORDER = sql`array_position(array['province','district','commune','village'], u.level)`;

/**
 * Children of `parentId` valid on `asOf`, or the top units of the scope when no parent is given; with whether
 * an organisation is recorded in the unit or under it (an existence probe down the path index, stopping at the
 * first hit, so a list tells units with records from empty ones without counting them).
 */
export async function listChildren(db: Kysely<DB>, scope: Scope, asOf: string, parentId?: number) {
  let query = unitsAsOf(db, asOf)
    .select(
      sql<boolean>`exists (select 1 from admin_unit d join organization o on o.unit_id = d.id where d.path <@ u.path)`.as(
        'has_organizations',
      ),
    )
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope));
  if (parentId !== undefined) {
    query = query.where('u.parent_id', '=', parentId);
  } else if (scope.all) {
    query = query.where('u.level', '=', 'province');
  } else {
    // roots go over the wire as text[]: PGlite learns the ltree[] array type only after a restart
    query = query.where(sql<boolean>`u.path::text = any(${scope.roots}::text[])`);
  }
  const rows = await query.orderBy(LEVEL_ORDER).orderBy('u.code').orderBy('u.name').execute();
  return rows;
}

/** One unit in scope as of a date, or undefined. */
export async function findUnit(db: Kysely<DB>, scope: Scope, id: number, asOf: string) {
  return unitsAsOf(db, asOf).where('u.id', '=', id).where(inScope('u.path', scope)).executeTakeFirst();
}

/** Ids of a unit's ancestors, root first: they are the labels of its ltree path, so no query is needed. */
export const ancestorIds = (path: string): number[] => path.split('.').slice(0, -1).map(Number);

/**
 * Units by id with their names as of a date, in no particular order. Not scope-filtered: used for the
 * ancestors of a unit the caller may see, so a commune user reads "Tỉnh X" above their commune.
 */
export async function findUnitsByIds(db: Kysely<DB>, ids: number[], asOf: string) {
  if (ids.length === 0) return [];
  return unitsAsOf(db, asOf).where('u.id', 'in', ids).execute();
}

/** Direct succession links of a unit one way, with the other unit's name and its parent's (a move changes the parent). */
function successionLinks(db: Kysely<DB>, unitId: number, side: 'predecessors' | 'successors') {
  const [mine, other] = side === 'predecessors' ? (['s.new_unit_id', 's.old_unit_id'] as const) : (['s.old_unit_id', 's.new_unit_id'] as const);
  return db
    .selectFrom('unit_succession as s')
    .innerJoin('admin_unit as u', 'u.id', other)
    .leftJoin('admin_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.full_name', 'u.level', 'u.structure', 'p.full_name as parent_name', 's.kind', 's.effective_date', 's.certainty', 's.instrument', 's.confirmed_at'])
    .where(mine, '=', unitId)
    .orderBy('u.full_name')
    .execute();
}

/** Direct succession links of a unit, both ways. */
export async function findSuccessionLinks(db: Kysely<DB>, unitId: number) {
  return { predecessors: await successionLinks(db, unitId, 'predecessors'), successors: await successionLinks(db, unitId, 'successors') };
}

export async function findHistory(db: Kysely<DB>, unitId: number) {
  return db
    .selectFrom('admin_unit_history')
    .select(['full_name', 'type', 'valid_from', 'valid_to', 'act'])
    .where('unit_id', '=', unitId)
    .orderBy('valid_to', 'desc')
    .execute();
}

/** How a unit relates to another through the succession graph. */
interface LineageEntry {
  unitId: number;
  /** 'self', or which way along the succession links the unit lies. */
  relation: 'self' | 'predecessor' | 'successor';
  /** 'split' if any link on the way carried only part of a unit. */
  kind: 'merged' | 'split' | null;
  depth: number;
}

/**
 * Every unit whose records belong to this unit's history: itself, all its predecessors (transitively) and all
 * its successors (transitively). Modules that aggregate over time join their data through this, so a 2019
 * target of a merged commune is reachable from the 2025 commune, and the reverse.
 */
export async function findLineage(db: Kysely<DB>, unitId: number): Promise<LineageEntry[]> {
  const result = await sql<{ unit_id: number; relation: LineageEntry['relation']; kind: LineageEntry['kind']; depth: number }>`
    with recursive
      back(unit_id, kind, depth) as (
        select s.old_unit_id, case when s.kind = 'split' then 'split' else 'merged' end, 1 from unit_succession s where s.new_unit_id = ${unitId}
        union
        select s.old_unit_id, case when b.kind = 'split' or s.kind = 'split' then 'split' else 'merged' end, b.depth + 1
        from unit_succession s join back b on s.new_unit_id = b.unit_id where b.depth < 10
      ),
      fwd(unit_id, kind, depth) as (
        select s.new_unit_id, case when s.kind = 'split' then 'split' else 'merged' end, 1 from unit_succession s where s.old_unit_id = ${unitId}
        union
        select s.new_unit_id, case when f.kind = 'split' or s.kind = 'split' then 'split' else 'merged' end, f.depth + 1
        from unit_succession s join fwd f on s.old_unit_id = f.unit_id where f.depth < 10
      )
    select ${unitId}::bigint as unit_id, 'self' as relation, null as kind, 0 as depth
    union all
    select unit_id, 'predecessor', min(kind), min(depth) from back group by unit_id
    union all
    select unit_id, 'successor', min(kind), min(depth) from fwd group by unit_id
    order by depth, unit_id`.execute(db);
  return result.rows.map((row) => ({ unitId: Number(row.unit_id), relation: row.relation, kind: row.kind, depth: row.depth }));
}

/**
 * Ids of every unit in the subtree of `rootId` valid on `asOf`, plus every predecessor of those units: the set
 * to aggregate over when records may have been made against units that no longer exist.
 */
export async function findSubtreeWithPredecessors(db: Kysely<DB>, scope: Scope, rootId: number, asOf: string): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive
      root as (select path from admin_unit where id = ${rootId}),
      live as (
        select u.id from admin_unit u, root
        where u.path <@ root.path
          and (u.valid_from is null or u.valid_from <= ${asOf}::date)
          and (u.valid_to is null or u.valid_to >= ${asOf}::date)
      ),
      back(id, depth) as (
        select id, 0 from live
        union
        select s.old_unit_id, b.depth + 1 from unit_succession s join back b on s.new_unit_id = b.id where b.depth < 10
      )
    select distinct b.id from back b join admin_unit u on u.id = b.id where ${inScope('u.path', scope)}`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** Every village valid on `asOf` under a root unit (the benchmarked subtree query). */
export async function listVillagesUnder(db: Kysely<DB>, scope: Scope, rootPath: string, asOf: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.name', 'u.type', 'u.parent_id'])
    .where(sql<boolean>`u.path <@ ${rootPath}::ltree`)
    .where('u.level', '=', 'village')
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .execute();
}

/** Inserts units, then fills their ltree paths from their parents (parents must already have paths). */
export async function insertUnits(
  db: Kysely<DB>,
  units: {
    structure: '2019' | '2025';
    code: string | null;
    name: string;
    full_name: string;
    level: 'province' | 'district' | 'commune' | 'village';
    type: string;
    parent_id: number | null;
    valid_from: string | null;
    valid_to: string | null;
    history_code?: string | null;
    created_act?: string | null;
  }[],
): Promise<{ id: number; code: string | null; history_code: string | null; name: string; parent_id: number | null; valid_from: string | null }[]> {
  if (units.length === 0) return [];
  const inserted: { id: number; code: string | null; history_code: string | null; name: string; parent_id: number | null; valid_from: string | null }[] = [];
  for (let i = 0; i < units.length; i += 1000) {
    const chunk = units.slice(i, i + 1000).map((unit) => ({ ...unit, path: '0' }));
    inserted.push(...(await db.insertInto('admin_unit').values(chunk).returning(['id', 'code', 'history_code', 'name', 'parent_id', 'valid_from']).execute()));
  }
  await sql`update admin_unit set path = text2ltree(id::text) where path = '0' and parent_id is null`.execute(db);
  await sql`update admin_unit c set path = p.path || text2ltree(c.id::text)
    from admin_unit p where c.parent_id = p.id and c.path = '0' and p.path <> '0'`.execute(db);
  return inserted;
}

export async function insertSuccessions(
  db: Kysely<DB>,
  links: { old_unit_id: number; new_unit_id: number; kind: 'merged' | 'split' | 'moved'; effective_date: string; certainty?: 'certain' | 'likely'; instrument?: string | null }[],
): Promise<void> {
  for (let i = 0; i < links.length; i += 2000) {
    await db.insertInto('unit_succession').values(links.slice(i, i + 2000)).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Code → id of the official units of one structure. */
export async function codeIndex(db: Kysely<DB>, structure: '2019' | '2025'): Promise<Map<string, number>> {
  const rows = await db.selectFrom('admin_unit').select(['id', 'code']).where('structure', '=', structure).where('code', 'is not', null).execute();
  return new Map(rows.map((row) => [row.code as string, row.id]));
}

export async function countStructure(db: Kysely<DB>, structure: '2019' | '2025'): Promise<number> {
  const row = await db
    .selectFrom('admin_unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('structure', '=', structure)
    .where('level', '!=', 'village')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Records an in-place change of name/type from `effectiveDate`; the old values go to history. Idempotent. */
export async function applyDatedChange(
  db: Kysely<DB>,
  unitId: number,
  change: { effectiveDate: string; type: string; fullName: string; name?: string; act: string },
): Promise<boolean> {
  const dayBefore = sql<string>`(${change.effectiveDate}::date - 1)`;
  const exists = await db
    .selectFrom('admin_unit_history')
    .select('id')
    .where('unit_id', '=', unitId)
    .where(sql<boolean>`valid_to = ${dayBefore}`)
    .executeTakeFirst();
  if (exists) return false;
  await sql`insert into admin_unit_history (unit_id, name, full_name, type, valid_from, valid_to, act)
    select id, name, full_name, type, valid_from, ${dayBefore}, ${change.act} from admin_unit where id = ${unitId}`.execute(db);
  await db
    .updateTable('admin_unit')
    .set({ type: change.type, full_name: change.fullName, ...(change.name ? { name: change.name } : {}) })
    .where('id', '=', unitId)
    .execute();
  return true;
}

/** A commune in scope that is live today or later (villages may be added to it). */
export async function findCommune(db: Kysely<DB>, scope: Scope, id: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.structure', 'u.level', 'u.path', 'u.valid_from', 'u.valid_to', 'u.full_name'])
    .where('u.id', '=', id)
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** Lower-cased names of the villages of a commune that were not closed before the commune itself ended. */
export async function villageNames(db: Kysely<DB>, communeId: number, communeValidTo: string | null): Promise<Set<string>> {
  const rows = await db
    .selectFrom('admin_unit')
    .select('name')
    .where('parent_id', '=', communeId)
    .where('level', '=', 'village')
    .where(sql<boolean>`coalesce(valid_to, 'infinity'::date) >= coalesce(${communeValidTo}::date, 'infinity'::date)`)
    .execute();
  return new Set(rows.map((row) => row.name.toLowerCase()));
}

export async function closeUnit(db: Kysely<DB>, id: number, validTo: string): Promise<void> {
  await db.updateTable('admin_unit').set({ valid_to: validTo }).where('id', '=', id).execute();
}
