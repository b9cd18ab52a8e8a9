import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope } from '#server/shared/scope.ts';
import { readableProgrammes } from './programme-access.repository.ts';

/** The columns of a programme as listed: its row, its owner unit, and how many targets and tasks it holds. */
function programmeColumns(db: Kysely<DB>, scope: Scope) {
  return readableProgrammes(db, scope).select([
    'p.id',
    'p.province_id',
    'p.owner_unit_id',
    'p.parent_programme_id',
    'p.kind',
    'p.number',
    'p.issuer',
    'p.issued_on',
    'p.title',
    'p.from_year',
    'p.to_year',
    'p.general_objective',
    'p.status',
    'p.pack_code',
    'p.pack_version',
    'p.version',
    'owner.full_name as owner_full_name',
    'owner.level as owner_level',
    'owner.path as owner_path',
    sql<boolean>`${inScope('owner.path', scope)}`.as('in_scope'),
    sql<number>`(select count(*)::int from programme_target t where t.province_id = p.province_id and t.programme_id = p.id)`.as('target_count'),
    sql<number>`(select count(*)::int from programme_task k where k.province_id = p.province_id and k.programme_id = p.id)`.as('task_count'),
  ]);
}

export type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof programmeColumns>['executeTakeFirstOrThrow']>>;

export interface ProgrammeFilter {
  unitId?: number;
  status?: 'draft' | 'active' | 'closed';
  q?: string;
  parentId?: number;
}

/** Programmes the actor may read (owner unit in or above the scope), newest document first. */
export async function listProgrammes(db: Kysely<DB>, scope: Scope, filter: ProgrammeFilter): Promise<ProgrammeRow[]> {
  let query = programmeColumns(db, scope);
  if (filter.unitId !== undefined) query = query.where('p.owner_unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('p.status', '=', filter.status);
  if (filter.parentId !== undefined) query = query.where('p.parent_programme_id', '=', filter.parentId);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(fold_vi(p.title) like fold_vi(${pattern}) or fold_vi(p.number) like fold_vi(${pattern}))`);
  }
  return query.orderBy('p.issued_on', 'desc').orderBy('p.id', 'desc').limit(500).execute();
}

/** One programme the actor may read, or undefined (404). `in_scope`: the actor may also manage it. */
export async function findProgramme(db: Kysely<DB>, scope: Scope, id: number): Promise<ProgrammeRow | undefined> {
  return programmeColumns(db, scope).where('p.id', '=', id).executeTakeFirst();
}

/** The programme of a unit loaded from a pack (any version), whatever the actor's scope: the caller checked the unit. */
export async function findPackProgramme(db: Kysely<DB>, unitId: number, packCode: string) {
  return db
    .selectFrom('programme')
    .select(['id', 'pack_version'])
    .where('owner_unit_id', '=', unitId)
    .where('pack_code', '=', packCode)
    .executeTakeFirst();
}

/** Serialises loads of one pack into one unit until the transaction ends. */
export async function lockPackLoad(db: Kysely<DB>, unitId: number, packCode: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`programmes.pack:${unitId}:${packCode}`}, 0))`.execute(db);
}

export interface ProgrammeValues {
  owner_unit_id: number;
  parent_programme_id: number | null;
  kind: string;
  number: string;
  issuer: string;
  issued_on: string;
  title: string;
  from_year: number;
  to_year: number;
  general_objective: string | null;
  status: 'draft' | 'active' | 'closed';
  pack_code: string | null;
  pack_version: number | null;
  created_by: number | null;
}

/** Writes a programme; its province is the 2025 province of the owner unit. */
export async function insertProgramme(db: Kysely<DB>, values: ProgrammeValues): Promise<{ id: number; province_id: number }> {
  return db
    .insertInto('programme')
    .values({ ...values, province_id: sql<number>`unit_province_id(${values.owner_unit_id}::bigint)` })
    .returning(['id', 'province_id'])
    .executeTakeFirstOrThrow();
}

export type ProgrammeChanges = Partial<Pick<ProgrammeValues, 'kind' | 'number' | 'issuer' | 'issued_on' | 'title' | 'from_year' | 'to_year' | 'general_objective' | 'status'>>;

/** Changes a programme if it still has the version read; false when someone changed it since. */
export async function updateProgramme(db: Kysely<DB>, id: number, seenVersion: number, changes: ProgrammeChanges): Promise<boolean> {
  const result = await db
    .updateTable('programme')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
