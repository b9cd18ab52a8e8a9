import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/**
 * Targets and solution groups of a programme. Every function takes the id of a programme the service has just
 * read through programme-access.repository.ts (in reach of the actor), so no scope is needed here.
 */

const TARGET_COLUMNS = ['t.id', 't.programme_id', 't.code', 't.position', 't.text', 't.rule', 't.waits_for', 't.levels', 't.parent_target_id'] as const;

/** A programme as its child rows are keyed: its id and its province (SCALE.md rule 2: every lookup names it). */
export interface ProgrammeKey {
  id: number;
  province_id: number;
}

export async function listTargets(db: Kysely<DB>, programme: ProgrammeKey) {
  return db
    .selectFrom('programme_target as t')
    .select(TARGET_COLUMNS)
    .where('t.province_id', '=', programme.province_id)
    .where('t.programme_id', '=', programme.id)
    .orderBy('t.position').orderBy('t.id')
    .execute();
}

export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

export async function findTarget(db: Kysely<DB>, programme: ProgrammeKey, targetId: number): Promise<TargetRow | undefined> {
  return db
    .selectFrom('programme_target as t')
    .select(TARGET_COLUMNS)
    .where('t.province_id', '=', programme.province_id)
    .where('t.programme_id', '=', programme.id)
    .where('t.id', '=', targetId)
    .executeTakeFirst();
}

/** The target an inherited one comes from, in the parent programme (possibly of another province: a central one). */
export async function findParentTarget(db: Kysely<DB>, targetId: number): Promise<TargetRow | undefined> {
  return db
    .selectFrom('programme_target as t')
    .innerJoin('programme as p', (join) => join.onRef('p.id', '=', 't.programme_id').onRef('p.province_id', '=', 't.province_id'))
    .select(TARGET_COLUMNS)
    .where('t.id', '=', targetId)
    .executeTakeFirst();
}

export interface TargetValues {
  province_id: number;
  programme_id: number;
  code: string;
  text: string;
  rule: unknown;
  waits_for: string | null;
  levels: string[] | null;
  parent_target_id: number | null;
}

/** Appends targets after the programme's last one, in the order given; returns their ids. */
export async function insertTargets(db: Kysely<DB>, targets: readonly TargetValues[]): Promise<number[]> {
  if (targets.length === 0) return [];
  const programmeId = targets[0]?.programme_id ?? 0;
  const provinceId = targets[0]?.province_id ?? 0;
  const last = await db
    .selectFrom('programme_target')
    .select(sql<number>`coalesce(max(position), 0)::int`.as('position'))
    .where('province_id', '=', provinceId)
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('programme_target')
    .values(targets.map((t, i) => ({ ...t, rule: t.rule === null ? null : JSON.stringify(t.rule), position: last.position + i + 1 })))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function targetCodeTaken(db: Kysely<DB>, programme: ProgrammeKey, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('programme_target')
    .select('id')
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export type TargetChanges = Partial<Pick<TargetValues, 'text' | 'rule' | 'waits_for' | 'levels'>>;

export async function updateTarget(db: Kysely<DB>, provinceId: number, targetId: number, changes: TargetChanges): Promise<void> {
  const { rule, ...rest } = changes;
  await db
    .updateTable('programme_target')
    .set({ ...rest, ...(rule === undefined ? {} : { rule: rule === null ? null : JSON.stringify(rule) }) })
    .where('province_id', '=', provinceId)
    .where('id', '=', targetId)
    .execute();
}

export async function listSolutionGroups(db: Kysely<DB>, programme: ProgrammeKey) {
  return db
    .selectFrom('programme_solution_group')
    .select(['id', 'code', 'title'])
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .orderBy('position').orderBy('id')
    .execute();
}
