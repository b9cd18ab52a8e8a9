import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { WorkflowStore } from './workflow.ts';

/**
 * Moves a record from (state, version) to the next state, only if both are still what the caller saw. Returns
 * the new version, or null when the row changed meanwhile (or does not exist). On PostgreSQL a concurrent
 * update waits for the first to commit, then finds the version changed and updates nothing.
 */
export async function updateStateIfUnchanged(
  db: Database,
  store: WorkflowStore,
  entityId: string,
  seen: { state: string; version: number },
  to: string,
  provinceId?: number,
): Promise<number | null> {
  const version = sql.ref(store.versionColumn);
  const province = store.provinceColumn ? sql`and ${sql.ref(store.provinceColumn)} = ${provinceId ?? null}` : sql``;
  const result = await sql<{ version: number }>`
    update ${sql.table(store.table)}
    set ${sql.ref(store.stateColumn)} = ${to}, ${version} = ${version} + 1
    where ${sql.ref(store.idColumn)}::text = ${entityId}
      and ${sql.ref(store.stateColumn)} = ${seen.state}
      and ${version} = ${seen.version}
      ${province}
    returning ${version} as version`.execute(db);
  return result.rows[0]?.version ?? null;
}

/** Appends one history row; (province, entity, version) is unique, the last guard against a double apply. */
export async function insertTransition(
  db: Database,
  row: {
    id: string;
    provinceId: number;
    entityType: string;
    entityId: string;
    from: string;
    to: string;
    version: number;
    userId: number;
    at: Date;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('workflow_transition')
    .values({
      id: row.id,
      province_id: row.provinceId,
      entity_type: row.entityType,
      entity_id: row.entityId,
      from_state: row.from,
      to_state: row.to,
      version: row.version,
      by_user_id: row.userId,
      at: row.at,
      reason: row.reason,
    })
    .execute();
}

/** The history of one record, oldest first. */
export async function listTransitions(db: Database, provinceId: number, entityType: string, entityId: string) {
  return db
    .selectFrom('workflow_transition')
    .select(['from_state', 'to_state', 'version', 'by_user_id', 'at', 'reason'])
    .where('province_id', '=', provinceId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('version')
    .execute();
}
