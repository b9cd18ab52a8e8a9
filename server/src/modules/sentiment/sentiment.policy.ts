import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with public sentiment (the 'sentiment.*' rows of contracts/permissions.ts); repositories scope the rows. */
export const sentimentPolicy = {
  read: (actor: Actor) => allows(actor, 'sentiment.read'),
  report: (actor: Actor) => allows(actor, 'sentiment.report'),
  readSensitive: (actor: Actor) => allows(actor, 'sentiment.readSensitive'),
  /** Follow an alert up: the right, and the alert is addressed to the actor's own unit (a system administrator: any). */
  followUp: (actor: Actor, alert: { addressed_unit_id: number }) =>
    allows(actor, 'sentiment.followUp') && (actor.unitId === null || actor.unitId === alert.addressed_unit_id),
  configure: (actor: Actor) => allows(actor, 'sentiment.configure'),
  /**
   * Change a rule: the right, and the rule is the own province's (a province user's unit is the province); the
   * national default (province null) only by a system administrator (no unit).
   */
  editRule: (actor: Actor, rule: { province_id: number | null }) =>
    allows(actor, 'sentiment.configure') && (actor.unitId === null || (rule.province_id !== null && actor.unitId === Number(rule.province_id))),
};
