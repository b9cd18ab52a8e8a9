import type { TRole } from '#contracts/auth.ts';
import { AppError, conflict, fieldMessage, forbidden } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';

/** One allowed move of a workflow: who may make it, and whether they must say why. */
export interface Transition<S extends string> {
  from: S;
  to: S;
  roles: readonly TRole[];
  requiresReason?: boolean;
  /** Vietnamese name of the action, for messages ("duyệt", "trả lại"). */
  label: string;
}

/** Where a record following the workflow keeps its state: its table, and the id/state/version columns. */
export interface WorkflowStore {
  table: string;
  idColumn: string;
  stateColumn: string;
  versionColumn: string;
  /** Big tables (SCALE.md rule 2): the province column the update filters on, with the record's province. */
  provinceColumn?: string;
}

/** A workflow: its record type (as written in history), states with Vietnamese names, and transitions. */
export interface Workflow<S extends string> {
  entityType: string;
  /** Vietnamese name of the record, for messages ("Báo cáo"). */
  label: string;
  states: Record<S, string>;
  transitions: readonly Transition<S>[];
  store: WorkflowStore;
}

/** Declares a workflow; checks that every transition joins declared states and that no pair appears twice. */
export function defineWorkflow<S extends string>(workflow: Workflow<S>): Workflow<S> {
  const seen = new Set<string>();
  for (const t of workflow.transitions) {
    if (!(t.from in workflow.states) || !(t.to in workflow.states)) throw new Error(`${workflow.entityType}: unknown state in ${t.from} → ${t.to}`);
    if (seen.has(`${t.from}>${t.to}`)) throw new Error(`${workflow.entityType}: ${t.from} → ${t.to} declared twice`);
    seen.add(`${t.from}>${t.to}`);
  }
  return workflow;
}

/** What a user asks: move the record from the state (and version) they saw to another state. */
export interface TransitionRequest<S extends string> {
  seenState: S;
  seenVersion: number;
  to: S;
  reason?: string | null;
}

/**
 * The pure rule: is this move allowed for these roles, with this reason? Returns the transition, or throws a
 * 409 (no such move from the state the user saw), 403 (role) or 400 (reason missing) with a Vietnamese message.
 * The state the user saw is checked against the database by `applyTransition`, not here.
 */
export function checkTransition<S extends string>(workflow: Workflow<S>, request: TransitionRequest<S>, roles: ReadonlySet<TRole>): Transition<S> {
  const transition = workflow.transitions.find((t) => t.from === request.seenState && t.to === request.to);
  const from = workflow.states[request.seenState] ?? request.seenState;
  const to = workflow.states[request.to] ?? request.to;
  if (!transition) throw conflict(msg('workflow.noSuchMove', { record: workflow.label, from, to }));
  const names = { action: transition.label, record: workflow.label.toLowerCase() };
  if (!transition.roles.some((role) => roles.has(role))) throw forbidden(msg('workflow.forbidden', names));
  if (transition.requiresReason && !request.reason?.trim()) {
    throw new AppError(400, 'validation', fieldMessage('reason', msg('workflow.reasonRequired', names)), [{ field: 'reason', message: msg('common.required') }]);
  }
  return transition;
}

/** The moves these roles may make from a state (for the buttons a page shows). */
export function availableTransitions<S extends string>(workflow: Workflow<S>, state: S, roles: ReadonlySet<TRole>): Transition<S>[] {
  return workflow.transitions.filter((t) => t.from === state && t.roles.some((role) => roles.has(role)));
}

/** 409 for a transition made from a stale view (someone else moved the record first). */
export const staleTransition = (workflow: Workflow<string>) =>
  conflict(msg('workflow.stale', { record: workflow.label }));
