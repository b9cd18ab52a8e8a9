import type { z } from 'zod';
import type {
  TCalendarYear, TLegalEdit, TRule, TRuleSet, TRuleSetSummary, ZCalendarDayInput, ZCalendarYearInput, ZLegalEditQuery, ZRuleInput, ZRuleSetInput,
} from '#contracts/legal/admin.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import type { Kysely } from 'kysely';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import {
  findCalendarDay, findCalendarYear, insertCalendarYear, insertLegalEdit, listCalendarDays, listCalendarYears, listLegalEdits,
  setCalendarDay as storeCalendarDay, touchCalendarYear,
} from './calendar.repository.ts';
import { isWeekend } from './calendar.rules.ts';
import { legalPolicy } from './legal.policy.ts';
import { presentCalendarYear, presentCalendarYearSummary, presentEdit, presentRule, presentRuleSetSummary } from './legal.presenter.ts';
import {
  findRule, findRuleSetByCode, insertRuleSet, insertRules, listRules, listRuleSetsWithCounts, ruleSetClash, updateRuleByAdmin, type RuleValues,
} from './rule.repository.ts';

/** Reading and editing the working calendar and the rule sets (system administrators edit; everyone signed in reads). */

async function calendarYear(db: Kysely<DB>, year: number): Promise<TCalendarYear> {
  const row = await findCalendarYear(db, year);
  if (!row) throw notFound('entity.calendarYear');
  return presentCalendarYear(row, await listCalendarDays(db, year));
}

export async function getCalendarYears(db: Database) {
  return { years: (await listCalendarYears(db)).map(presentCalendarYearSummary) };
}

export const getCalendarYear = (db: Database, year: number) => calendarYear(db, year);

/**
 * Makes `date` a working day or a day off: a weekday off is listed `off`, a weekend day worked is listed `work`
 * (a make-up Saturday); the listing that matches the default (weekday worked, weekend off) is removed. A year not
 * in the calendar yet is created as provisional. The year is marked edited (the loader no longer refreshes it).
 */
export async function setCalendarDay(db: Database, actor: Actor, date: string, input: z.output<typeof ZCalendarDayInput>): Promise<TCalendarYear> {
  authorize(legalPolicy.manage(actor));
  const year = Number(date.slice(0, 4));
  return db.transaction().execute(async (trx) => {
    if (!(await findCalendarYear(trx, year, true))) {
      await insertCalendarYear(trx, { year, status: 'provisional', sources: [], notes: msg('legal.yearCreated'), resourceHash: null, edited: true, userId: actor.userId });
    }
    const before = (await findCalendarDay(trx, date)) ?? null;
    const weekend = isWeekend(date);
    const note = input.note ?? '';
    let entry: { kind: 'off' | 'work'; note: string } | null;
    if (input.working) entry = weekend ? { kind: 'work', note } : null;
    // a weekend day off needs no listing, but one listed inside an announced block keeps it
    else entry = weekend ? (before?.kind === 'off' ? { kind: 'off', note: note || before.note } : null) : { kind: 'off', note };
    await storeCalendarDay(trx, date, entry);
    await touchCalendarYear(trx, year, actor.userId);
    const beforeState = { date, working: before ? before.kind === 'work' : !weekend, listed: before?.kind ?? null, note: before?.note ?? '' };
    const afterState = { date, working: input.working, listed: entry?.kind ?? null, note: entry?.note ?? '' };
    await insertLegalEdit(trx, { userId: actor.userId, entity: 'calendar_day', entityKey: date, before: beforeState, after: afterState });
    await recordAudit(trx, actor, { action: 'update', entity: 'legal_calendar_day', entityId: date, before: beforeState, after: afterState });
    return calendarYear(trx, year);
  });
}

/** Confirms a year (the Government decided its Tết and swaps) or changes its notes. */
export async function updateCalendarYear(db: Database, actor: Actor, year: number, input: z.output<typeof ZCalendarYearInput>): Promise<TCalendarYear> {
  authorize(legalPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const row = await findCalendarYear(trx, year, true);
    if (!row) throw notFound('entity.calendarYear');
    if (row.version !== input.seenVersion) {
      throw conflict(msg('legal.staleVersion', { what: msg('entity.calendarYear'), current: row.version, seen: input.seenVersion }));
    }
    const before = { status: row.status, notes: row.notes };
    const after = { status: input.status ?? row.status, notes: input.notes ?? row.notes };
    await touchCalendarYear(trx, year, actor.userId, after);
    await insertLegalEdit(trx, { userId: actor.userId, entity: 'calendar_year', entityKey: String(year), before, after });
    await recordAudit(trx, actor, { action: 'update', entity: 'legal_calendar_year', entityId: year, before, after });
    return calendarYear(trx, year);
  });
}

export async function getRuleSets(db: Database): Promise<{ ruleSets: TRuleSetSummary[] }> {
  return { ruleSets: (await listRuleSetsWithCounts(db)).map(presentRuleSetSummary) };
}

async function ruleSetDetail(db: Kysely<DB>, code: string): Promise<TRuleSet> {
  const summary = (await listRuleSetsWithCounts(db)).find((row) => row.code === code);
  if (!summary) throw notFound('entity.ruleSet');
  return { ...presentRuleSetSummary(summary), rules: (await listRules(db, summary.id)).map(presentRule) };
}

export const getRuleSet = (db: Database, code: string) => ruleSetDetail(db, code);

const RULE_FIELDS = {
  count: 'count',
  unit: 'unit',
  complexCount: 'complex_count',
  remoteCount: 'remote_count',
  remoteComplexCount: 'remote_complex_count',
  extensionCount: 'extension_count',
  article: 'article',
  unconfirmed: 'unconfirmed',
  notes: 'notes',
} as const satisfies Record<string, keyof RuleValues>;

/** An administrator's correction of a rule, in place (the rule's version + 1; the change kept in legal_edit and the audit log). */
export async function updateRule(db: Database, actor: Actor, id: number, input: z.output<typeof ZRuleInput>): Promise<TRule> {
  authorize(legalPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const row = await findRule(trx, id, true);
    if (!row) throw notFound('entity.legalRule');
    if (row.version !== input.seenVersion) {
      throw conflict(msg('legal.staleVersion', { what: msg('entity.legalRule'), current: row.version, seen: input.seenVersion }));
    }
    if (input.extensionCount !== undefined) {
      if (row.max_extensions === 0 && input.extensionCount !== null) throw invalidField('extensionCount', msg('legal.noExtension'));
      if (row.max_extensions > 0 && input.extensionCount === null) throw invalidField('extensionCount', msg('legal.extensionRequired'));
    }
    const changes: Partial<RuleValues> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(RULE_FIELDS) as Array<[keyof typeof RULE_FIELDS, keyof RuleValues]>) {
      const value = input[field];
      if (value === undefined || value === row[column]) continue;
      (changes as Record<string, unknown>)[column] = value;
      before[field] = row[column];
      after[field] = value;
    }
    if (Object.keys(changes).length > 0) {
      await updateRuleByAdmin(trx, id, actor.userId, changes);
      const key = `${row.rule_set_code}/${row.kind}/${row.instance}/${row.step}`;
      await insertLegalEdit(trx, { userId: actor.userId, entity: 'rule', entityKey: key, before, after });
      await recordAudit(trx, actor, { action: 'update', entity: 'legal_rule', entityId: id, before: { key, ...before }, after: { key, ...after } });
    }
    const updated = await findRule(trx, id);
    if (!updated) throw notFound('entity.legalRule');
    return presentRule(updated);
  });
}

/** A new version of the rules (a later law or decree): a copy of `copyFrom`, in force from `validFrom`. */
export async function createRuleSet(db: Database, actor: Actor, input: z.output<typeof ZRuleSetInput>): Promise<TRuleSet> {
  authorize(legalPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const source = await findRuleSetByCode(trx, input.copyFrom);
    if (!source) throw invalidField('copyFrom', msg('legal.ruleSetUnknown', { code: input.copyFrom }));
    for (const clash of await ruleSetClash(trx, input.code, input.validFrom)) {
      if (clash.code === input.code) throw conflict(msg('legal.ruleSetCodeTaken', { code: input.code }));
      throw conflict(msg('legal.validFromTaken', { date: vnDate(input.validFrom) }));
    }
    const id = await insertRuleSet(trx, {
      code: input.code,
      name: input.name,
      law: input.law,
      validFrom: input.validFrom,
      status: input.status,
      notes: input.notes ?? '',
      resourceHash: null,
      edited: true,
      userId: actor.userId,
    });
    if (id === undefined) throw conflict(msg('legal.ruleSetCodeTaken', { code: input.code }));
    const rules = await listRules(trx, source.id);
    await insertRules(
      trx,
      id,
      rules.map((rule) => ({
        kind: rule.kind, instance: rule.instance, step: rule.step, position: rule.position, label: rule.label, from_event: rule.from_event,
        count: rule.count, unit: rule.unit, complex_count: rule.complex_count, remote_count: rule.remote_count,
        remote_complex_count: rule.remote_complex_count, extension_count: rule.extension_count, max_extensions: rule.max_extensions,
        law: rule.law, article: rule.article, phrase: rule.phrase, unconfirmed: rule.unconfirmed, notes: rule.notes,
        resource_hash: null, edited: true, updated_by: actor.userId,
      })),
    );
    const after = { ...input, rules: rules.length };
    await insertLegalEdit(trx, { userId: actor.userId, entity: 'rule_set', entityKey: input.code, before: null, after });
    await recordAudit(trx, actor, { action: 'create', entity: 'legal_rule_set', entityId: id, after });
    return ruleSetDetail(trx, input.code);
  });
}

export async function getLegalEdits(db: Database, query: z.output<typeof ZLegalEditQuery>): Promise<{ edits: TLegalEdit[] }> {
  return { edits: (await listLegalEdits(db, query)).map(presentEdit) };
}
