import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with surveys: the 'surveys.*' rows of contracts/permissions.ts. Which records are reached is the
 * queries' business (a survey: read in or above scope, managed in scope; responses and tallies: their unit in scope).
 */
export const surveyPolicy = {
  read: (actor: Actor) => allows(actor, 'surveys.read'),
  manage: (actor: Actor) => allows(actor, 'surveys.manage'),
  enter: (actor: Actor) => allows(actor, 'surveys.enter'),
  readSensitive: (actor: Actor) => allows(actor, 'surveys.readSensitive'),
};
