import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with indicators and reports: the 'indicators.*' rows of contracts/permissions.ts. */
export const indicatorPolicy = {
  read: (actor: Actor) => allows(actor, 'indicators.read'),
  enter: (actor: Actor) => allows(actor, 'indicators.enter'),
  review: (actor: Actor) => allows(actor, 'indicators.review'),
  configure: (actor: Actor) => allows(actor, 'indicators.configure'),
  /** DHIS2 dataValueSets import and export (unit administrators of a province, system administrators). */
  exchange: (actor: Actor) => allows(actor, 'indicators.exchange'),
};
