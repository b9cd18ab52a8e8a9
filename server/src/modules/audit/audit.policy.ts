import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with the audit log: the 'audit.*' rows of contracts/permissions.ts. */
export const auditPolicy = {
  /** Browse the audit of their subtree. */
  read: (actor: Actor) => allows(actor, 'audit.read'),
  /** See the latest changes to records of their units (the home page), without the details. */
  recent: (actor: Actor) => allows(actor, 'audit.recent'),
};
