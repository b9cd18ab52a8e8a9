import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ZCaseKind, ZDeadlineUnit, ZLegalEvent } from '#contracts/legal/deadline.schemas.ts';
import type { Database } from '#server/db/database.ts';
import {
  findCalendarYear, insertCalendarYear, lockLegalLoad, replaceCalendarDays, updateCalendarYearFromResource,
} from './calendar.repository.ts';
import {
  findRuleSetByCode, insertRuleSet, insertRules, listRuleKeys, updateRuleFromResource, updateRuleSetFromResource, type RuleValues,
} from './rule.repository.ts';

/**
 * The shipped legal data (resources/legal/, see its README): the civil-servant calendar 2018–2027 and the rule sets.
 * Loaded on start, idempotently: a year, rule set or rule not in the database is inserted; one that is there and
 * no administrator edited is refreshed when the resource changed (its sha256 differs); an edited one is left alone.
 */
export const LEGAL_DIR = join(import.meta.dirname, '../../../../resources/legal');

const ZCalendarFile = z.record(
  z.string().regex(/^\d{4}$/),
  z.object({
    off: z.array(z.iso.date()),
    work_saturdays: z.array(z.iso.date()),
    sources: z.array(z.string()),
    status: z.string(),
    notes: z.string().default(''),
  }),
);

const ZRuleEntry = z.object({
  kind: ZCaseKind,
  instance: z.number().int().min(1).max(2),
  step: z.string().regex(/^[a-z0-9_]{1,40}$/),
  position: z.number().int(),
  label: z.string().min(1),
  from_event: ZLegalEvent,
  count: z.number().int().min(0),
  unit: ZDeadlineUnit,
  complex_count: z.number().int().nullable(),
  remote_count: z.number().int().nullable(),
  remote_complex_count: z.number().int().nullable(),
  extension_count: z.number().int().nullable(),
  max_extensions: z.number().int().min(0).max(2),
  law: z.string().min(1),
  article: z.string().min(1),
  phrase: z.string(),
  unconfirmed: z.boolean(),
  notes: z.string(),
});

const ZRuleSetFile = z.object({
  ruleSets: z.array(
    z.object({
      code: z.string().regex(/^[A-Za-z0-9._-]{1,40}$/),
      name: z.string().min(1),
      law: z.string().min(1),
      valid_from: z.iso.date(),
      status: z.enum(['provisional', 'confirmed']),
      notes: z.string(),
      rules: z.array(ZRuleEntry),
    }),
  ),
});

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function readCalendarResource() {
  return ZCalendarFile.parse(JSON.parse(readFileSync(join(LEGAL_DIR, 'calendar.json'), 'utf8')));
}

export function readRuleSetResource() {
  return ZRuleSetFile.parse(JSON.parse(readFileSync(join(LEGAL_DIR, 'rule-sets.json'), 'utf8')));
}

/** calendar.json says CONFIRMED / UNCONFIRMED; the database says confirmed / provisional. */
const calendarStatus = (status: string): 'confirmed' | 'provisional' => (status.toUpperCase() === 'CONFIRMED' ? 'confirmed' : 'provisional');

/** Loads both resources in one transaction; returns what changed (for the start log and tests). */
export async function loadLegalResources(db: Database): Promise<{ years: number; ruleSets: number; rules: number }> {
  return db.transaction().execute((trx) => loadLegalResourcesIn(trx));
}

/**
 * The same inside the caller's transaction: a step that counts deadlines (the petitions demo, loaded before or
 * without an app) makes sure the calendar and rule sets are there first. Idempotent, under the load lock.
 */
export async function loadLegalResourcesIn(trx: Database): Promise<{ years: number; ruleSets: number; rules: number }> {
  const calendar = readCalendarResource();
  const ruleFile = readRuleSetResource();
  {
    await lockLegalLoad(trx);
    let years = 0;
    for (const [yearText, entry] of Object.entries(calendar)) {
      const year = Number(yearText);
      const hash = sha256(entry);
      const values = { year, status: calendarStatus(entry.status), sources: entry.sources, notes: entry.notes, resourceHash: hash };
      const days = [
        ...entry.off.map((day) => ({ day, kind: 'off' as const, note: '' })),
        ...entry.work_saturdays.map((day) => ({ day, kind: 'work' as const, note: '' })),
      ];
      const existing = await findCalendarYear(trx, year, true);
      if (!existing) {
        await insertCalendarYear(trx, { ...values, edited: false, userId: null });
      } else if (existing.edited || existing.resource_hash === hash) {
        continue;
      } else {
        await updateCalendarYearFromResource(trx, values);
      }
      await replaceCalendarDays(trx, year, days);
      years += 1;
    }
    let ruleSets = 0;
    let rules = 0;
    for (const set of ruleFile.ruleSets) {
      const { rules: entries, ...head } = set;
      const setValues = { name: head.name, law: head.law, validFrom: head.valid_from, status: head.status, notes: head.notes, resourceHash: sha256(head) };
      let stored = await findRuleSetByCode(trx, set.code);
      if (!stored) {
        await insertRuleSet(trx, { code: set.code, ...setValues, edited: false, userId: null });
        stored = await findRuleSetByCode(trx, set.code);
        ruleSets += 1;
      } else if (!stored.edited && stored.resource_hash !== setValues.resourceHash) {
        await updateRuleSetFromResource(trx, stored.id, setValues);
        ruleSets += 1;
      }
      if (!stored) throw new Error(`rule set ${set.code} could not be stored (valid_from taken?)`);
      const keys = new Map((await listRuleKeys(trx, stored.id)).map((row) => [`${row.kind}/${row.instance}/${row.step}`, row]));
      const fresh: Array<RuleValues & { resource_hash: string; edited: boolean; updated_by: null }> = [];
      for (const entry of entries) {
        const hash = sha256(entry);
        const row = keys.get(`${entry.kind}/${entry.instance}/${entry.step}`);
        if (!row) fresh.push({ ...entry, resource_hash: hash, edited: false, updated_by: null });
        else if (!row.edited && row.resource_hash !== hash) {
          await updateRuleFromResource(trx, row.id, { ...entry, resource_hash: hash });
          rules += 1;
        }
      }
      await insertRules(trx, stored.id, fresh);
      rules += fresh.length;
    }
    return { years, ruleSets, rules };
  }
}
