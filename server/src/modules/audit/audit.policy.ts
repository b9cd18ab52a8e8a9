import { hasRole, type Actor } from '#server/shared/actor.ts';

/** Who may do what with the audit log. */
export const auditPolicy = {
  /** Administrators browse the audit of their subtree. */
  read: (actor: Actor) => hasRole(actor, 'system_admin', 'unit_admin'),
};
