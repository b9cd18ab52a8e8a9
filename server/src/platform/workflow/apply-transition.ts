import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertTransition, updateStateIfUnchanged } from './workflow.repository.ts';
import { checkTransition, staleTransition, type TransitionRequest, type Workflow } from './workflow.ts';

/**
 * Applies one transition inside the caller's transaction (the service owns it, and audits in it): checks the
 * rule, moves the record only if its state and version are still those the user saw (else 409), and writes
 * one history row. Returns the record's new version.
 */
export async function applyTransition<S extends string>(
  trx: Database,
  workflow: Workflow<S>,
  actor: Actor,
  record: { id: string | number; provinceId: number },
  request: TransitionRequest<S>,
): Promise<number> {
  checkTransition(workflow, request, actor.roles);
  const entityId = String(record.id);
  const version = await updateStateIfUnchanged(trx, workflow.store, entityId, { state: request.seenState, version: request.seenVersion }, request.to, record.provinceId);
  if (version === null) throw staleTransition(workflow);
  await insertTransition(trx, {
    id: uuidv7(),
    provinceId: record.provinceId,
    entityType: workflow.entityType,
    entityId,
    from: request.seenState,
    to: request.to,
    version,
    userId: actor.userId,
    at: clock.now(),
    reason: request.reason?.trim() || null,
  });
  return version;
}
