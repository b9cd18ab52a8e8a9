import type { Kysely } from 'kysely';
import type { DeadlineQuery, TDeadlineResult } from '#contracts/legal/deadline.schemas.ts';
import type { DB } from '#server/db/schema.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { loadWorkCalendar } from './calendar.repository.ts';
import { computeDeadlines, yearsSpanned } from './deadline.rules.ts';
import { findRuleSetByCode, findRuleSetInForce, listRules } from './rule.repository.ts';

/**
 * Every deadline of a case from the rule set in force on `receivedOn` (or the one named by `ruleSetCode`), counted
 * over the working calendar stored in the database (BLDS 2015 Điều 147–148; resources/legal/deadlines.md §5).
 * Deadlines counted from an event whose date is not given have `dueOn: null`. Throws 400 naming the field for
 * dates out of order, extensions the rules do not allow, or no rule set. Reads only; a Transaction works as `db`.
 */
export async function caseDeadlines(db: Kysely<DB>, query: DeadlineQuery): Promise<TDeadlineResult> {
  const acceptedOn = query.acceptedOn ?? null;
  const decidedOn = query.decidedOn ?? null;
  if (acceptedOn !== null && acceptedOn < query.receivedOn) {
    throw invalidField('acceptedOn', msg('legal.beforeReceived', { date: vnDate(query.receivedOn) }));
  }
  if (decidedOn !== null && decidedOn < (acceptedOn ?? query.receivedOn)) {
    throw invalidField(
      'decidedOn',
      acceptedOn !== null ? msg('legal.beforeAccepted', { date: vnDate(acceptedOn) }) : msg('legal.beforeReceived', { date: vnDate(query.receivedOn) }),
    );
  }
  const ruleSet = query.ruleSetCode ? await findRuleSetByCode(db, query.ruleSetCode) : await findRuleSetInForce(db, query.receivedOn);
  if (!ruleSet) {
    throw query.ruleSetCode
      ? invalidField('ruleSetCode', msg('legal.ruleSetUnknown', { code: query.ruleSetCode }))
      : invalidField('receivedOn', msg('legal.noRuleSet', { date: vnDate(query.receivedOn) }));
  }
  const rules = await listRules(db, ruleSet.id, { kind: query.kind, instance: query.secondInstance ? 2 : 1 });
  const maxExtensions = Math.max(0, ...rules.map((rule) => rule.max_extensions));
  if (query.extensions > maxExtensions) throw invalidField('extensions', msg('legal.tooManyExtensions', { max: maxExtensions }));
  if (query.extensions > 0 && !query.complex) throw invalidField('extensions', msg('legal.extensionNeedsComplex'));
  const span = yearsSpanned([query.receivedOn, acceptedOn, decidedOn]);
  const calendar = await loadWorkCalendar(db, span.from, span.to);
  const deadlines = computeDeadlines(
    calendar,
    rules,
    { received: query.receivedOn, accepted: acceptedOn, decided: decidedOn },
    { remoteArea: query.remoteArea, complex: query.complex, extensions: query.extensions },
  );
  return {
    ruleSetCode: ruleSet.code,
    ruleSetName: ruleSet.name,
    ruleSetValidFrom: ruleSet.valid_from,
    ruleSetStatus: ruleSet.status,
    deadlines,
  };
}
