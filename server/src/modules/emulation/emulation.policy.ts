import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what in "Dân vận khéo" emulation: the 'emulation.*' rows of contracts/permissions.ts. Which records are
 * reached is the queries' business (campaigns: read in or above scope, managed in scope; models: their unit in
 * scope). Every part of emulation (campaigns, models, review, commitments) reads this one policy.
 */
export const emulationPolicy = {
  read: (actor: Actor) => allows(actor, 'emulation.read'),
  manageCampaigns: (actor: Actor) => allows(actor, 'emulation.manageCampaigns'),
  /** A focal point only over models of its own organisation: pass the model's owner organisation. */
  registerModels: (actor: Actor, target?: { organizationId?: number | null }) => allows(actor, 'emulation.registerModels', target),
  recognize: (actor: Actor) => allows(actor, 'emulation.recognize'),
  review: (actor: Actor) => allows(actor, 'emulation.review'),
  /** A focal point only over its own organisation's commitments. */
  manageCommitments: (actor: Actor, target?: { organizationId?: number | null }) => allows(actor, 'emulation.manageCommitments', target),
};
