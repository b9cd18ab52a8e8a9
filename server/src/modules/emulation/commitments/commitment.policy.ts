import { grantOf } from '#contracts/permissions.ts';
import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with campaign commitments: the 'emulation.*' rows of contracts/permissions.ts (scope: the
 * repositories). A focal point registers and corrects the counts and breaches of its own organisation only.
 */
export const commitmentPolicy = {
  read: (actor: Actor) => allows(actor, 'emulation.read'),
  /** Some right to manage commitments (any organisation): checked before a file is read. */
  manageAny: (actor: Actor) => grantOf(actor, 'emulation.manageCommitments') !== null,
  /** Manage the counts and breaches of a unit as a whole (organizationId null) or of one body. */
  manage: (actor: Actor, organizationId: number | null) => allows(actor, 'emulation.manageCommitments', { organizationId }),
};
