import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';

/**
 * All SQL of the review part. Nominations are unit-owned through their nominating unit (`unit_id`): every read
 * starts from unitOwned on it, so a commune reads its own nominations and a province reads those of every unit under
 * it; scores are read only joined to a nomination read that way. Sheets and their lines belong to a campaign the
 * service has just read through emu-core's findCampaignForParts (in or above the scope).
 */

// ---- sheets ----

export async function findSheet(db: Kysely<DB>, provinceId: number, campaignId: number) {
  return db
    .selectFrom('emulation_review_sheet as s')
    .select(['s.id', 's.province_id', 's.campaign_id', 's.pass_percent', 's.version'])
    .select(sql<boolean>`exists (select 1 from emulation_review_score sc join emulation_review_item i on i.id = sc.item_id where i.sheet_id = s.id)`.as('in_use'))
    .where('s.province_id', '=', provinceId)
    .where('s.campaign_id', '=', campaignId)
    .executeTakeFirst();
}
export type SheetRow = NonNullable<Awaited<ReturnType<typeof findSheet>>>;

export async function findSheetItems(db: Kysely<DB>, provinceId: number, sheetId: number) {
  return db
    .selectFrom('emulation_review_item')
    .select(['id', 'criterion_id', 'applies_to', 'code', 'text', 'scoring', 'weight', 'max_score', 'position'])
    .where('province_id', '=', provinceId)
    .where('sheet_id', '=', sheetId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof findSheetItems>>[number];

/** Serialises the making of a campaign's sheet until the transaction ends. */
export async function lockSheet(db: Kysely<DB>, campaignId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`emulation.review-sheet:${campaignId}`}, 0))`.execute(db);
}

export async function insertSheet(db: Kysely<DB>, values: { province_id: number; campaign_id: number; pass_percent: number; created_by: number | null }) {
  return (await db.insertInto('emulation_review_sheet').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export interface ItemValues {
  criterion_id: number | null;
  applies_to: 'general' | 'collective' | 'individual';
  code: string;
  text: string;
  scoring: 'weight' | 'pass_fail';
  weight: number | null;
  max_score: number | null;
  position: number;
}

export async function insertItems(db: Kysely<DB>, provinceId: number, sheetId: number, items: readonly ItemValues[]) {
  if (items.length === 0) return;
  await db.insertInto('emulation_review_item').values(items.map((item) => ({ ...item, province_id: provinceId, sheet_id: sheetId }))).execute();
}

/** Changes the pass mark if the sheet still has the version read; false when someone changed it since. */
export async function updateSheet(db: Kysely<DB>, provinceId: number, sheetId: number, seenVersion: number, passPercent: number): Promise<boolean> {
  const result = await db
    .updateTable('emulation_review_sheet')
    .set({ pass_percent: passPercent, version: sql<number>`version + 1` })
    .where('province_id', '=', provinceId)
    .where('id', '=', sheetId)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- models (read to nominate) ----

/** A model whose unit lies in the scope, with its unit's path (the nominating unit must hold it). */
export async function findModelInScope(db: Kysely<DB>, scope: Scope, modelId: string) {
  return unitOwned(db, 'emulation_model as m', 'm.unit_id', scope)
    .select(['m.id', 'm.province_id', 'm.unit_id', 'm.campaign_id', 'm.kind', 'm.field', 'm.status', 'm.title', 'unit.path as unit_path'])
    .where('m.id', '=', modelId)
    .executeTakeFirst();
}

/** Models of a campaign in the scope, not withdrawn, for the nomination form (at most 50, by title). */
export async function findNominableModels(db: Kysely<DB>, scope: Scope, campaignId: number, q: string | undefined) {
  let query = unitOwned(db, 'emulation_model as m', 'm.unit_id', scope)
    .select(['m.id', 'm.title', 'm.kind', 'm.field', 'm.status', 'm.unit_id', 'unit.full_name as unit_full_name', 'unit.level as unit_level', 'unit.path as unit_path'])
    .where('m.campaign_id', '=', campaignId)
    .where('m.status', '<>', 'withdrawn');
  if (q !== undefined) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(m.search_text like fold_vi(${pattern}) or fold_vi(unit.full_name) like fold_vi(${pattern}))`);
  }
  return query.orderBy('m.title').orderBy('m.id').limit(50).execute();
}

/** The units above any of `paths` (ancestors, the units themselves included) within `withinPath`, top first. */
export async function findUnitsAbove(db: Kysely<DB>, paths: readonly string[], withinPath: string) {
  if (paths.length === 0) return [];
  return db
    .selectFrom('admin_unit as a')
    .select(['a.id', 'a.full_name', 'a.level', sql<string>`a.path::text`.as('path')])
    // the paths go over the wire as text[]: PGlite learns the ltree[] array type only after a restart (a first start
    // refused every list with "malformed array literal")
    .where(sql<boolean>`a.path @> any(${sql.val([...paths])}::text[]::ltree[])`)
    .where(sql<boolean>`a.path <@ ${withinPath}::ltree`)
    .orderBy(sql`nlevel(a.path)`)
    .execute();
}

// ---- nominations ----

export interface NominationFilter {
  campaignId: number;
  provinceId?: number;
  id?: string;
  toUnitId?: number;
  kind?: 'collective' | 'individual';
  status?: 'nominated' | 'concluded' | 'withdrawn';
  q?: string;
}

/** Nominations whose nominating unit lies in the scope, with their model, both units and whether the actor reviews them. */
export async function findNominations(db: Kysely<DB>, scope: Scope, filter: NominationFilter) {
  let query = unitOwned(db, 'emulation_nomination as n', 'n.unit_id', scope)
    .innerJoin('admin_unit as to', 'to.id', 'n.to_unit_id')
    .innerJoin('emulation_model as m', (join) => join.onRef('m.province_id', '=', 'n.province_id').onRef('m.id', '=', 'n.model_id'))
    .select([
      'n.id', 'n.province_id', 'n.campaign_id', 'n.sheet_id', 'n.model_id', 'n.unit_id', 'n.to_unit_id', 'n.kind', 'n.note', 'n.status',
      'n.total_percent', 'n.passed', 'n.meeting_on', 'n.attendees', 'n.participant_count', 'n.votes_for', 'n.votes_against', 'n.votes_abstain',
      'n.concluded_on', 'n.step_note', 'n.version', 'n.created_at',
      'unit.full_name as unit_full_name', 'unit.level as unit_level',
      'to.full_name as to_full_name', 'to.level as to_level',
      'm.title as model_title', 'm.field as model_field', 'm.status as model_status',
      sql<boolean>`${inScope('to.path', scope)}`.as('can_review'),
    ])
    .where('n.campaign_id', '=', filter.campaignId);
  if (filter.provinceId !== undefined) query = query.where('n.province_id', '=', filter.provinceId);
  if (filter.id !== undefined) query = query.where('n.id', '=', filter.id);
  if (filter.toUnitId !== undefined) query = query.where('n.to_unit_id', '=', filter.toUnitId);
  if (filter.kind !== undefined) query = query.where('n.kind', '=', filter.kind);
  if (filter.status !== undefined) query = query.where('n.status', '=', filter.status);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`(m.search_text like fold_vi(${pattern}) or fold_vi(unit.full_name) like fold_vi(${pattern}))`);
  }
  return query.orderBy('n.created_at').orderBy('n.id').limit(1000).execute();
}
export type NominationRow = Awaited<ReturnType<typeof findNominations>>[number];

/** One nomination in scope by id (its campaign found from it). */
export async function findNomination(db: Kysely<DB>, scope: Scope, id: string) {
  const head = await unitOwned(db, 'emulation_nomination as n', 'n.unit_id', scope)
    .select(['n.campaign_id', 'n.province_id'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!head) return undefined;
  const [row] = await findNominations(db, scope, { campaignId: head.campaign_id, provinceId: head.province_id, id });
  return row;
}

/** Locks a nomination's row for the rest of the transaction (scores and conclusions of one nomination queue up). */
export async function lockNomination(db: Kysely<DB>, scope: Scope, provinceId: number, id: string) {
  return unitOwned(db, 'emulation_nomination as n', 'n.unit_id', scope)
    .select(['n.id', 'n.status', 'n.version'])
    .where('n.province_id', '=', provinceId)
    .where('n.id', '=', id)
    .forUpdate('n')
    .executeTakeFirst();
}

export interface NominationValues {
  id: string;
  province_id: number;
  campaign_id: number;
  sheet_id: number;
  model_id: string;
  unit_id: number;
  to_unit_id: number;
  kind: 'collective' | 'individual';
  note: string | null;
  created_by: number | null;
}

export async function insertNomination(db: Kysely<DB>, values: NominationValues) {
  await db.insertInto('emulation_nomination').values(values).execute();
}

/** An open nomination of the model to the same unit (unique while not withdrawn). */
export async function findOpenDuplicate(db: Kysely<DB>, scope: Scope, provinceId: number, modelId: string, toUnitId: number) {
  return unitOwned(db, 'emulation_nomination as n', 'n.unit_id', scope)
    .select(['n.id', 'n.status'])
    .where('n.province_id', '=', provinceId)
    .where('n.model_id', '=', modelId)
    .where('n.to_unit_id', '=', toUnitId)
    .where('n.status', '<>', 'withdrawn')
    .executeTakeFirst();
}

export type NominationChanges = Partial<{
  status: 'nominated' | 'concluded' | 'withdrawn';
  total_percent: number | null;
  passed: boolean | null;
  meeting_on: string;
  attendees: string;
  participant_count: number;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  concluded_on: string;
  concluded_by: number;
  withdrawn_reason: string;
  step_note: string | null;
}>;

/** Changes a nomination if it still has the version read (any version when `seenVersion` is null). */
export async function updateNomination(db: Kysely<DB>, provinceId: number, id: string, seenVersion: number | null, changes: NominationChanges): Promise<boolean> {
  let query = db
    .updateTable('emulation_nomination')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('province_id', '=', provinceId)
    .where('id', '=', id);
  if (seenVersion !== null) query = query.where('version', '=', seenVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- scores ----

/**
 * Score revisions of nominations in scope: every revision (`history`) or only each reviewer's latest per line,
 * with the reviewer's name. `ids` are nominations of one province the caller has just read in scope.
 */
export async function findScores(db: Kysely<DB>, scope: Scope, provinceId: number, ids: readonly string[], which: 'current' | 'history') {
  if (ids.length === 0) return [];
  const rows = await unitOwned(db, 'emulation_nomination as n', 'n.unit_id', scope)
    .innerJoin('emulation_review_score as s', (join) => join.onRef('s.province_id', '=', 'n.province_id').onRef('s.nomination_id', '=', 'n.id'))
    .innerJoin('app_user as u', 'u.id', 's.reviewer_id')
    .select(['s.nomination_id', 's.item_id', 's.reviewer_id', 'u.full_name as reviewer_name', 's.revision', 's.score', 's.passed', 's.note', 's.at'])
    .where('n.province_id', '=', provinceId)
    .where('n.id', 'in', [...ids])
    .$if(which === 'current', (q) =>
      q.where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('emulation_review_score as later')
              .select(sql`1`.as('one'))
              .whereRef('later.province_id', '=', 's.province_id')
              .whereRef('later.nomination_id', '=', 's.nomination_id')
              .whereRef('later.item_id', '=', 's.item_id')
              .whereRef('later.reviewer_id', '=', 's.reviewer_id')
              .whereRef('later.revision', '>', 's.revision'),
          ),
        ),
      ),
    )
    .orderBy('s.at')
    .orderBy('s.item_id')
    .orderBy('s.reviewer_id')
    .orderBy('s.revision')
    .execute();
  return rows;
}
export type ScoreRow = Awaited<ReturnType<typeof findScores>>[number];

export interface ScoreValues {
  id: string;
  province_id: number;
  nomination_id: string;
  item_id: number;
  reviewer_id: number;
  revision: number;
  score: number | null;
  passed: boolean | null;
  note: string | null;
}

export async function insertScores(db: Kysely<DB>, rows: readonly ScoreValues[]) {
  if (rows.length === 0) return;
  await db.insertInto('emulation_review_score').values([...rows]).execute();
}

// ---- units ----

/** A unit above `path` (an ancestor, not the unit itself), or undefined. Ancestors of a unit in scope are no secret. */
export async function findAncestorUnit(db: Kysely<DB>, unitId: number, path: string) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'path', 'full_name', 'level'])
    .where('id', '=', unitId)
    .where(sql<boolean>`path @> ${path}::ltree and path <> ${path}::ltree`)
    .executeTakeFirst();
}

/** A unit in the scope, with its path. */
export async function findUnitInScope(db: Kysely<DB>, scope: Scope, unitId: number) {
  return db
    .selectFrom('admin_unit as unit')
    .select(['unit.id', 'unit.path', 'unit.full_name', 'unit.level'])
    .where('unit.id', '=', unitId)
    .where(inScope('unit.path', scope))
    .executeTakeFirst();
}
