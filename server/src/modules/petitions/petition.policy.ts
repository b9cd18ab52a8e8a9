import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with citizens' cases: the 'petitions.*' rows of contracts/permissions.ts. The repositories scope
 * every read to the actor's subtree; the workflow's transitions name the roles of each move.
 */
export const petitionPolicy = {
  read: (actor: Actor) => allows(actor, 'petitions.read'),
  manage: (actor: Actor) => allows(actor, 'petitions.manage'),
  /** Reading a denouncer's identity: the assigned handler, or a holder of the right (a superior). */
  readIdentity: (actor: Actor, handlerUserId: number | null) =>
    allows(actor, 'petitions.readIdentity') || (handlerUserId !== null && handlerUserId === actor.userId && allows(actor, 'petitions.manage')),
  configure: (actor: Actor) => allows(actor, 'petitions.configure'),
};
