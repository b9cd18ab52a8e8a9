import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with the legal configuration: reading the calendar, the rules and computing deadlines needs a
 * session only (the law is public); changing the calendar or the rules is 'legal.manage' (system administrators:
 * the configuration is national).
 */
export const legalPolicy = {
  manage: (actor: Actor) => allows(actor, 'legal.manage'),
};
