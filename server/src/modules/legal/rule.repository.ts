import { sql, type Kysely } from 'kysely';
import type { CaseKind } from '#contracts/legal/deadline.schemas.ts';
import type { DB } from '#server/db/schema.ts';

/** All SQL of the rule sets and their rules (legal_rule_set, legal_rule). National configuration: no unit scope. */

const RULE_SET_COLUMNS = ['s.id', 's.code', 's.name', 's.law', 's.valid_from', 's.status', 's.notes', 's.edited', 's.version', 's.resource_hash'] as const;

/** Each set with the day before the next set's first day (its last day in force). */
function ruleSets(db: Kysely<DB>) {
  return db
    .selectFrom('legal_rule_set as s')
    .select([
      ...RULE_SET_COLUMNS,
      sql<string | null>`(select (min(n.valid_from) - 1)::text from legal_rule_set n where n.valid_from > s.valid_from)`.as('valid_to'),
    ]);
}

export type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findRuleSetByCode>>>;

export function findRuleSetByCode(db: Kysely<DB>, code: string) {
  return ruleSets(db).where('s.code', '=', code).executeTakeFirst();
}

/** The set in force on `date`: the latest valid_from on or before it. */
export function findRuleSetInForce(db: Kysely<DB>, date: string) {
  return ruleSets(db).where('s.valid_from', '<=', date).orderBy('s.valid_from', 'desc').limit(1).executeTakeFirst();
}

export function listRuleSetsWithCounts(db: Kysely<DB>) {
  return ruleSets(db)
    .select([
      sql<number>`(select count(*)::integer from legal_rule r where r.rule_set_id = s.id)`.as('rule_count'),
      sql<number>`(select count(*)::integer from legal_rule r where r.rule_set_id = s.id and r.unconfirmed)`.as('unconfirmed_count'),
    ])
    .orderBy('s.valid_from')
    .execute();
}

const RULE_COLUMNS = [
  'r.id', 'r.rule_set_id', 'r.kind', 'r.instance', 'r.step', 'r.position', 'r.label', 'r.from_event', 'r.count', 'r.unit',
  'r.complex_count', 'r.remote_count', 'r.remote_complex_count', 'r.extension_count', 'r.max_extensions', 'r.law',
  'r.article', 'r.phrase', 'r.unconfirmed', 'r.notes', 'r.edited', 'r.version', 'r.updated_at', 'r.resource_hash',
] as const;

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

/** Rules of a set, by kind and instance when given, in their order. */
export function listRules(db: Kysely<DB>, ruleSetId: number, filter: { kind?: CaseKind; instance?: number } = {}) {
  let q = db
    .selectFrom('legal_rule as r')
    .innerJoin('legal_rule_set as s', 's.id', 'r.rule_set_id')
    .select([...RULE_COLUMNS, 's.code as rule_set_code'])
    .where('r.rule_set_id', '=', ruleSetId);
  if (filter.kind) q = q.where('r.kind', '=', filter.kind);
  if (filter.instance) q = q.where('r.instance', '=', filter.instance);
  return q.orderBy('r.kind').orderBy('r.instance').orderBy('r.position').execute();
}

export function findRule(db: Kysely<DB>, id: number, forUpdate = false) {
  let q = db
    .selectFrom('legal_rule as r')
    .innerJoin('legal_rule_set as s', 's.id', 'r.rule_set_id')
    .select([...RULE_COLUMNS, 's.code as rule_set_code'])
    .where('r.id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface RuleValues {
  kind: CaseKind;
  instance: number;
  step: string;
  position: number;
  label: string;
  from_event: 'received' | 'accepted' | 'decided' | 'resolution_due';
  count: number;
  unit: 'calendar_days' | 'working_days';
  complex_count: number | null;
  remote_count: number | null;
  remote_complex_count: number | null;
  extension_count: number | null;
  max_extensions: number;
  law: string;
  article: string;
  phrase: string;
  unconfirmed: boolean;
  notes: string;
}

export async function insertRuleSet(
  db: Kysely<DB>,
  row: { code: string; name: string; law: string; validFrom: string; status: 'provisional' | 'confirmed'; notes: string; resourceHash: string | null; edited: boolean; userId: number | null },
): Promise<number | undefined> {
  const inserted = await db
    .insertInto('legal_rule_set')
    .values({
      code: row.code,
      name: row.name,
      law: row.law,
      valid_from: row.validFrom,
      status: row.status,
      notes: row.notes,
      resource_hash: row.resourceHash,
      edited: row.edited,
      updated_by: row.userId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id;
}

export async function updateRuleSetFromResource(
  db: Kysely<DB>,
  id: number,
  row: { name: string; law: string; validFrom: string; status: 'provisional' | 'confirmed'; notes: string; resourceHash: string },
) {
  await db
    .updateTable('legal_rule_set')
    .set({ name: row.name, law: row.law, valid_from: row.validFrom, status: row.status, notes: row.notes, resource_hash: row.resourceHash, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('edited', '=', false)
    .execute();
}

export async function insertRules(
  db: Kysely<DB>,
  ruleSetId: number,
  rules: ReadonlyArray<RuleValues & { resource_hash: string | null; edited: boolean; updated_by: number | null }>,
) {
  if (rules.length === 0) return;
  await db
    .insertInto('legal_rule')
    .values(rules.map((rule) => ({ ...rule, rule_set_id: ruleSetId })))
    .onConflict((oc) => oc.columns(['rule_set_id', 'kind', 'instance', 'step']).doNothing())
    .execute();
}

/** The loader's refresh of a rule no administrator edited. */
export async function updateRuleFromResource(db: Kysely<DB>, id: number, values: RuleValues & { resource_hash: string }) {
  await db
    .updateTable('legal_rule')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('edited', '=', false)
    .execute();
}

export async function updateRuleByAdmin(db: Kysely<DB>, id: number, userId: number, values: Partial<RuleValues>) {
  await db
    .updateTable('legal_rule')
    .set({ ...values, edited: true, version: sql`version + 1`, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export function listRuleKeys(db: Kysely<DB>, ruleSetId: number) {
  return db
    .selectFrom('legal_rule')
    .select(['id', 'kind', 'instance', 'step', 'edited', 'resource_hash'])
    .where('rule_set_id', '=', ruleSetId)
    .execute();
}

export function ruleSetClash(db: Kysely<DB>, code: string, validFrom: string) {
  return db.selectFrom('legal_rule_set').select(['code', 'valid_from']).where((eb) => eb.or([eb('code', '=', code), eb('valid_from', '=', validFrom)])).execute();
}
