import type { Updateable } from 'kysely';
import type { TDeadline } from '#contracts/legal/deadline.schemas.ts';
import type { TCaseStatus, TStepKind } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { PetitionCaseTable } from '#server/db/schema.ts';
import { applyTransition } from '#server/platform/workflow/apply-transition.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import * as repo from './case.repository.ts';
import { petitionWorkflow } from './petition.workflow.ts';

/** One step on a case: an optional move of status (through the workflow helper), column changes, the history row. */
export interface StepRequest {
  kind: TStepKind;
  seenVersion: number;
  /** The status the case is in (read in the same transaction); with `to`, the move is checked by the workflow. */
  from?: TCaseStatus;
  to?: TCaseStatus;
  reason?: string | null;
  onDate: string;
  note: string | null;
  fileIds: readonly string[];
  changes: Updateable<PetitionCaseTable>;
  /** The case's due date after the step and the deadlines computed at it (absent: not recomputed). */
  dueOn?: string | null;
  deadlines?: readonly TDeadline[] | null;
  data: Record<string, unknown>;
}

/**
 * Applies a step inside the caller's transaction: a move goes through applyTransition (roles, the state and
 * version the user saw, a workflow_transition row), a step without a move bumps the version if it is still the one
 * the user saw (else 409); then the case's columns change and one immutable petition_step row is written with
 * who, when, the legal date, the documents and the deadlines. Returns the case's new version.
 */
export async function applyStep(trx: Database, actor: Actor, c: { id: string; provinceId: number }, step: StepRequest): Promise<number> {
  const now = clock.now();
  let version: number | null;
  const changes: Updateable<PetitionCaseTable> = { ...step.changes, updated_at: now, ...(step.dueOn !== undefined ? { due_on: step.dueOn } : {}) };
  if (step.to) {
    // the columns first (closed_on before 'closed', duplicate_of_id before 'duplicate': the table's checks), then
    // the move, which checks the state and version the user saw; a refused move rolls both back
    if ((await repo.updateCaseAt(trx, { provinceId: c.provinceId, id: c.id, version: step.seenVersion }, changes, false)) === null) {
      throw conflict(msg('petitions.stale'));
    }
    version = await applyTransition(trx, petitionWorkflow, actor, { id: c.id, provinceId: c.provinceId }, {
      seenState: step.from ?? 'received',
      seenVersion: step.seenVersion,
      to: step.to,
      reason: step.reason ?? null,
    });
  } else {
    version = await repo.updateCaseAt(trx, { provinceId: c.provinceId, id: c.id, version: step.seenVersion }, changes, true);
    if (version === null) throw conflict(msg('petitions.stale'));
  }
  await repo.insertStep(trx, {
    id: uuidv7(),
    province_id: c.provinceId,
    case_id: c.id,
    seq: version,
    kind: step.kind,
    from_status: step.to ? (step.from ?? null) : null,
    to_status: step.to ?? null,
    by_user_id: actor.userId,
    at: now,
    on_date: step.onDate,
    note: step.reason ? [step.reason, step.note].filter(Boolean).join(' — ') : step.note,
    file_ids: [...step.fileIds],
    due_on: step.dueOn !== undefined ? step.dueOn : null,
    deadlines: step.deadlines ? JSON.stringify(step.deadlines) : null,
    data: JSON.stringify(step.data),
  });
  return version;
}
