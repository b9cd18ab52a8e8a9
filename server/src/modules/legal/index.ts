import type { ServerModule } from '#server/shared/module.ts';
import { loadLegalResources } from './legal-resources.ts';
import { registerLegalRoutes } from './legal.routes.ts';

export const legalModule: ServerModule = {
  name: 'legal',
  registerRoutes: (api, context) => registerLegalRoutes(api, context),
  // the calendar 2018–2027 and the rule sets from resources/legal/, idempotent, never over an administrator's edit
  start: async (context) => {
    await loadLegalResources(context.db);
  },
};

/**
 * Every deadline of a case from the rule set in force on `receivedOn` (or the one named by `ruleSetCode`):
 * `caseDeadlines(db, { kind, receivedOn, acceptedOn, decidedOn, remoteArea, complex, extensions, secondInstance })`
 * → `{ ruleSetCode, ruleSetName, ruleSetValidFrom, ruleSetStatus, deadlines: [{ step, label, from, fromDate, dueOn,
 * count, unit, basis, phrase, unconfirmed, provisionalCalendar, adjustments }] }` (contracts/src/legal/deadline.schemas.ts).
 * Deadlines counted from an event whose date is not given have `dueOn: null`.
 */
export { caseDeadlines } from './deadline.service.ts';
/** The working calendar of the years covering [from, to] (plus a margin), for the pure functions below. */
export { loadWorkCalendar } from './calendar.repository.ts';
/** Loads resources/legal/ into the database (done on start; exported for scripts and tests that build no app). */
export { loadLegalResources, loadLegalResourcesIn } from './legal-resources.ts';
/** Pure counting over a loaded calendar (BLDS 2015 Điều 147–148). */
export { addCalendarDays, addWorkingDays, deadlineDate, isWorkingDay, nextWorkingDayFrom, type WorkCalendar } from './calendar.rules.ts';
export type { CaseKind, DeadlineQuery, TDeadline, TDeadlineResult } from '#contracts/legal/deadline.schemas.ts';
