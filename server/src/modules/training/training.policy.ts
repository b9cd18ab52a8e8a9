import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with training: the 'training.*' rows of contracts/permissions.ts (scope: the repositories). */
export const trainingPolicy = {
  read: (actor: Actor) => allows(actor, 'training.read'),
  manage: (actor: Actor) => allows(actor, 'training.manage'),
};
