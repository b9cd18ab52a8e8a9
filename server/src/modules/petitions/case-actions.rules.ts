import type { TCaseActionName, TCaseKind, TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import { isEndedStatus } from '#contracts/petitions/case.schemas.ts';
import { availableTransitions } from '#server/platform/workflow/workflow.ts';
import type { Actor } from '#server/shared/actor.ts';
import { petitionPolicy } from './petition.policy.ts';
import { DECIDERS, OFFICERS, petitionWorkflow } from './petition.workflow.ts';

/**
 * Whether the time limit may still be extended: a denunciation up to twice (complex, then especially complex:
 * Luật Tố cáo 2018, Điều 30); a complaint once, by finding it complex (the longer limit of Luật Khiếu nại 2011,
 * Điều 28); recommendations and feedback have no extension.
 */
export function canExtend(c: { kind: TCaseKind; extensions: number; complex: boolean }): boolean {
  if (c.kind === 'denunciation') return c.extensions < 2;
  if (c.kind === 'complaint') return !c.complex;
  return false;
}

/** Whether the case's time limit was extended (a denunciation's extension, a complaint found complex). */
export const wasExtended = (c: { kind: TCaseKind; extensions: number; complex: boolean }) => c.extensions > 0 || (c.kind === 'complaint' && c.complex);

/** The move of status an action makes from a status (null: the action records a step without a move). */
export function moveOf(action: TCaseActionName, status: TCaseStatus): TCaseStatus | null {
  switch (action) {
    case 'accept':
      return status === 'appealed' ? 'verifying' : 'accepted';
    case 'refuse':
      return 'refused';
    case 'transfer':
      return 'transferred';
    case 'confirmDuplicate':
      return 'duplicate';
    case 'withdraw':
      return 'withdrawn';
    case 'assign':
      return status === 'accepted' ? 'verifying' : null;
    case 'conclude':
      return 'concluded';
    case 'notify':
      return 'notified';
    case 'appeal':
      return 'appealed';
    case 'close':
      return 'closed';
    default:
      return null;
  }
}

const has = (actor: Actor, roles: readonly string[]) => roles.some((role) => actor.roles.has(role as never));

/** Whether the actor may take the action on a case now (status, kind, roles); the page shows these buttons. */
export function mayAct(
  actor: Actor,
  c: { status: TCaseStatus; kind: TCaseKind; instance: number; extensions: number; complex: boolean },
  action: TCaseActionName,
): boolean {
  if (!petitionPolicy.manage(actor)) return false;
  const to = moveOf(action, c.status);
  if (to) {
    if (action === 'appeal' && (c.kind !== 'complaint' || c.instance !== 1)) return false;
    return availableTransitions(petitionWorkflow, c.status, actor.roles).some((t) => t.to === to);
  }
  const open = !isEndedStatus(c.status);
  switch (action) {
    case 'assign':
      return c.status === 'verifying' && has(actor, DECIDERS);
    case 'rejectDuplicate':
      return c.status === 'received' && has(actor, OFFICERS);
    case 'verify':
      return c.status === 'verifying' && has(actor, OFFICERS);
    case 'extend':
      return (c.status === 'accepted' || c.status === 'verifying') && has(actor, DECIDERS) && canExtend(c);
    case 'satisfaction':
      return (c.status === 'notified' || c.status === 'closed') && has(actor, OFFICERS);
    case 'publish':
      return (c.status === 'concluded' || c.status === 'notified' || c.status === 'closed') && has(actor, DECIDERS);
    case 'flags':
      return open && has(actor, OFFICERS);
    case 'document':
    case 'note':
      return has(actor, OFFICERS);
    default:
      return false;
  }
}

const ACTION_ORDER: readonly TCaseActionName[] = [
  'accept', 'refuse', 'transfer', 'confirmDuplicate', 'rejectDuplicate', 'assign', 'verify', 'extend', 'conclude', 'notify',
  'appeal', 'close', 'satisfaction', 'publish', 'withdraw', 'flags', 'document', 'note',
];

/** The actions the actor may take on the case now, plus 'readIdentity' when a protected identity is theirs to read. */
export function availableActions(
  actor: Actor,
  c: { status: TCaseStatus; kind: TCaseKind; instance: number; extensions: number; complex: boolean; handler_user_id: number | null },
): string[] {
  const actions: string[] = ACTION_ORDER.filter((action) => mayAct(actor, c, action));
  if (c.kind === 'denunciation' && petitionPolicy.readIdentity(actor, c.handler_user_id)) actions.push('readIdentity');
  return actions;
}
