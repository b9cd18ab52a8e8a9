import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with reception records: the 'reception.*' rows of contracts/permissions.ts (scope: repositories). */
export const receptionPolicy = {
  read: (actor: Actor) => allows(actor, 'reception.read'),
  manage: (actor: Actor) => allows(actor, 'reception.manage'),
  /** National frequency rules: a manager whose scope is the whole country (system administrators). */
  manageNationalRules: (actor: Actor) => allows(actor, 'reception.manage') && actor.scope.all,
};
