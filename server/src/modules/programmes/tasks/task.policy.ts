import { grantOf } from '#contracts/permissions.ts';
import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with tasks, reviews and budgets: the 'programmes.*' rows of contracts/permissions.ts. Which
 * programmes is decided by the queries (read: owner in or above scope; manage: owner in scope).
 */
export const taskPolicy = {
  read: (actor: Actor) => allows(actor, 'programmes.read'),
  manage: (actor: Actor) => allows(actor, 'programmes.manage'),
  /**
   * Reporting progress under an assignment: with a grant over the scope, on an assignment to an organisation of a
   * unit in scope or on any task of a programme the actor's scope issued (bodies the registry does not hold); with
   * a grant over the own organisation (focal point), only on an assignment to that organisation.
   */
  reportProgress: (actor: Actor, assignment: { organizationId: number | null; organizationInScope: boolean } | null, programmeInScope: boolean) => {
    const grant = grantOf(actor, 'programmes.reportProgress');
    if (grant === 'scope') return programmeInScope || assignment?.organizationInScope === true;
    if (grant === 'ownOrganization') return allows(actor, 'programmes.reportProgress', { organizationId: assignment?.organizationId ?? null });
    return false;
  },
};
