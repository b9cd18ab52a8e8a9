import { sql, type Kysely } from 'kysely';
import type { TTargetLevel } from '#contracts/programmes/target-rule.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';

/**
 * The units a target evaluation reads: the unit it is about (in the actor's scope), and the units under it at the
 * chosen level and at the child levels of share_of_units rules, in force on the day evaluated and in scope, so a
 * commune officer never sees a neighbour's status.
 */

const UNIT_COLUMNS = ['u.id', 'u.name', 'u.level', 'u.code', 'u.path', 'u.parent_id', 'u.valid_from', 'u.valid_to', 'u.structure'] as const;

export interface EvalUnitRow {
  id: number;
  name: string;
  level: TTargetLevel;
  code: string | null;
  path: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  structure: '2019' | '2025';
}

/** The unit when it lies in the scope (in force or not). */
export async function findScopedUnit(db: Kysely<DB>, scope: Scope, unitId: number): Promise<EvalUnitRow | undefined> {
  return db.selectFrom('admin_unit as u').select(UNIT_COLUMNS).where('u.id', '=', unitId).where(inScope('u.path', scope)).executeTakeFirst();
}

/** Whether the unit lies in the scope (the programme's owner, to be the default unit). */
export async function unitInScope(db: Kysely<DB>, scope: Scope, unitId: number): Promise<boolean> {
  return (await findScopedUnit(db, scope, unitId)) !== undefined;
}

/**
 * The successor of an ended unit in force on `asOf` and in the scope (a 2019 province's 2025 province), following
 * successions forward; the one with the lowest id when there are several.
 */
export async function findSuccessorInForce(db: Kysely<DB>, scope: Scope, unitId: number, asOf: string): Promise<EvalUnitRow | undefined> {
  const successors = sql<{ id: number }>`(with recursive chain(id) as (
      select ${unitId}::bigint
      union
      select s.new_unit_id from unit_succession s join chain c on s.old_unit_id = c.id)
    select id from chain)`;
  return db
    .selectFrom('admin_unit as u')
    .select(UNIT_COLUMNS)
    .where('u.id', 'in', (eb) => eb.selectFrom(successors.as('c')).select('c.id'))
    .where('u.id', '<>', unitId)
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .orderBy('u.id')
    .executeTakeFirst();
}

/** Units of these levels under the unit (its subtree, not the unit itself) in force on `asOf` and in the scope. */
export async function listUnitsUnder(db: Kysely<DB>, scope: Scope, unit: { id: number; path: string }, levels: readonly TTargetLevel[], asOf: string): Promise<EvalUnitRow[]> {
  if (levels.length === 0) return [];
  return db
    .selectFrom('admin_unit as u')
    .select(UNIT_COLUMNS)
    .where(sql<boolean>`u.path <@ ${unit.path}::ltree`)
    .where('u.id', '<>', unit.id)
    .where('u.level', 'in', [...levels])
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .orderBy('u.code')
    .orderBy('u.name')
    .execute();
}
