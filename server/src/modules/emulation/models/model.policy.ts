import type { Actor } from '#server/shared/actor.ts';
import { emulationPolicy } from '../emulation.policy.ts';

/**
 * Who may do what with exemplary models: emulation's one policy (the 'emulation.*' rows of contracts/permissions.ts)
 * as the models ask it. The repository scopes every read to the actor's subtree; the workflow's transitions name the
 * roles of each move.
 */
export const modelPolicy = {
  read: (actor: Actor) => emulationPolicy.read(actor),
  /** Register or build a model; a focal point only for a model of their own organisation. */
  register: (actor: Actor, ownerOrganizationId: number | null) => emulationPolicy.registerModels(actor, { organizationId: ownerOrganizationId }),
  /** Whether the actor may register some model (a focal point: of their organisation). */
  registerAny: (actor: Actor) => emulationPolicy.registerModels(actor, { organizationId: actor.organizationId }),
  review: (actor: Actor) => emulationPolicy.review(actor),
  recognize: (actor: Actor) => emulationPolicy.recognize(actor),
};
