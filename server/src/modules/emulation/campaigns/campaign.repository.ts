import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope, inScope, unitOwned } from '#server/shared/scope.ts';

/**
 * All SQL of emulation campaigns. A campaign is read by the subtree of the unit that launched it (a commune reads the
 * province's campaign it takes part in), so it is readable when its unit is in or above the actor's scope, and
 * managed only when its unit is in scope. Every read of a campaign starts from `readableCampaigns`; its children
 * are read by (province_id, campaign_id) of a campaign read that way.
 */
export function readableCampaigns(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('emulation_campaign as c')
    .innerJoin('admin_unit as unit', 'unit.id', 'c.unit_id')
    .where(inOrAboveScope('unit.path', scope));
}

function campaignColumns(db: Kysely<DB>, scope: Scope) {
  return readableCampaigns(db, scope)
    .leftJoin('programme as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.province_id',
      'c.unit_id',
      'c.programme_id',
      'c.code',
      'c.title',
      'c.year',
      'c.starts_on',
      'c.ends_on',
      'c.level',
      'c.themes',
      'c.purpose',
      'c.status',
      'c.pack_code',
      'c.pack_version',
      'c.version',
      'c.created_at',
      'c.updated_at',
      'unit.full_name as unit_full_name',
      'unit.level as unit_level',
      'unit.path as unit_path',
      'p.number as programme_number',
      'p.title as programme_title',
      sql<boolean>`${inScope('unit.path', scope)}`.as('in_scope'),
      sql<number>`(select count(*)::int from emulation_commitment x where x.province_id = c.province_id and x.campaign_id = c.id)`.as('commitment_count'),
      sql<number>`(select count(*)::int from emulation_criterion x where x.province_id = c.province_id and x.campaign_id = c.id)`.as('criterion_count'),
      sql<number>`(select count(*)::int from emulation_participant x where x.province_id = c.province_id and x.campaign_id = c.id)`.as('participant_count'),
    ]);
}

export type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignColumns>['executeTakeFirstOrThrow']>>;

export interface CampaignFilter {
  unitId?: number;
  year?: number;
  status?: 'draft' | 'active' | 'closed';
  q?: string;
}

/** Campaigns the actor may read, newest year first. `q` matches code, title and themes without diacritics. */
export async function listCampaigns(db: Kysely<DB>, scope: Scope, filter: CampaignFilter): Promise<CampaignRow[]> {
  let query = campaignColumns(db, scope);
  if (filter.unitId !== undefined) query = query.where('c.unit_id', '=', filter.unitId);
  if (filter.year !== undefined) query = query.where('c.year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('c.status', '=', filter.status);
  if (filter.q !== undefined) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`c.search_text like fold_vi(${pattern})`);
  }
  return query.orderBy('c.year', 'desc').orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').limit(500).execute();
}

/** One campaign the actor may read, or undefined (404). `in_scope`: the actor's scope holds its unit. */
export async function findCampaign(db: Kysely<DB>, scope: Scope, id: number): Promise<CampaignRow | undefined> {
  return campaignColumns(db, scope).where('c.id', '=', id).executeTakeFirst();
}

/** Locks a campaign read in scope for an edit (its parts are replaced in the same transaction). */
export async function lockCampaign(db: Kysely<DB>, provinceId: number, id: number): Promise<void> {
  await db.selectFrom('emulation_campaign').select('id').where('province_id', '=', provinceId).where('id', '=', id).forUpdate().execute();
}

/** The parts of a campaign the caller has read through `readableCampaigns`, in document order. */
export async function findCampaignParts(db: Kysely<DB>, campaign: { province_id: number; id: number }) {
  const key = (table: 'emulation_commitment' | 'emulation_criterion' | 'emulation_body_task' | 'emulation_milestone') =>
    db.selectFrom(table).where('province_id', '=', campaign.province_id).where('campaign_id', '=', campaign.id);
  const [commitments, criteria, bodyTasks, milestones, participants] = await Promise.all([
    key('emulation_commitment').select(['id', 'code', 'title', 'appendix']).orderBy('position').execute(),
    key('emulation_criterion').select(['id', 'applies_to', 'code', 'text', 'scoring', 'weight', 'max_score']).orderBy('position').execute(),
    key('emulation_body_task').select(['id', 'body_kind', 'heading', 'code', 'text']).orderBy('position').execute(),
    key('emulation_milestone').select(['id', 'kind', 'on_date', 'until_date', 'every_years', 'title']).orderBy('on_date').orderBy('position').execute(),
    db
      .selectFrom('emulation_participant as x')
      .leftJoin('admin_unit as pu', 'pu.id', 'x.unit_id')
      .leftJoin('organization as o', 'o.id', 'x.organization_id')
      .leftJoin('admin_unit as ou', 'ou.id', 'o.unit_id')
      .select([
        'x.id',
        'x.unit_id',
        'pu.full_name as unit_full_name',
        'pu.level as unit_level',
        'x.organization_id',
        'o.name as organization_name',
        'o.unit_id as organization_unit_id',
        'ou.full_name as organization_unit_name',
      ])
      .where('x.province_id', '=', campaign.province_id)
      .where('x.campaign_id', '=', campaign.id)
      .orderBy('x.id')
      .execute(),
  ]);
  return { commitments, criteria, bodyTasks, milestones, participants };
}

/** Units among `ids` in the subtree of `rootPath` (the campaign's unit and below). */
export async function unitsUnder(db: Kysely<DB>, rootPath: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('admin_unit as u')
    .select('u.id')
    .where('u.id', 'in', ids)
    .where(sql<boolean>`u.path <@ ${rootPath}::ltree`)
    .execute();
  return rows.map((row) => row.id);
}

/** Organisations among `ids` in the actor's scope whose unit lies in the subtree of `rootPath`. */
export async function organizationsUnder(db: Kysely<DB>, scope: Scope, rootPath: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select('o.id')
    .where('o.id', 'in', ids)
    .where(sql<boolean>`unit.path <@ ${rootPath}::ltree`)
    .execute();
  return rows.map((row) => row.id);
}

export interface CampaignValues {
  unit_id: number;
  programme_id: number | null;
  code: string;
  title: string;
  year: number;
  starts_on: string;
  ends_on: string;
  level: 'central' | 'province' | 'district' | 'commune';
  themes: string[];
  purpose: string | null;
  status: 'draft' | 'active' | 'closed';
  pack_code: string | null;
  pack_version: number | null;
  search_text: string;
  created_by: number | null;
}

/** Writes a campaign; its province is the 2025 province of its unit. */
export async function insertCampaign(db: Kysely<DB>, values: CampaignValues): Promise<{ id: number; province_id: number }> {
  return db
    .insertInto('emulation_campaign')
    .values({ ...values, province_id: sql<number>`unit_province_id(${values.unit_id}::bigint)` })
    .returning(['id', 'province_id'])
    .executeTakeFirstOrThrow();
}

export type CampaignChanges = Omit<CampaignValues, 'unit_id' | 'pack_code' | 'pack_version' | 'created_by'>;

/** Changes a campaign if it still has the version read; false when someone changed it since. */
export async function updateCampaign(db: Kysely<DB>, provinceId: number, id: number, seenVersion: number, changes: CampaignChanges): Promise<boolean> {
  const result = await db
    .updateTable('emulation_campaign')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('province_id', '=', provinceId)
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface PartValues {
  commitments: { code: string; title: string; appendix: string | null }[];
  criteria: { applies_to: 'general' | 'collective' | 'individual'; code: string; text: string; scoring: 'weight' | 'pass_fail'; weight: number | null; max_score: number | null }[];
  bodyTasks: { body_kind: DB['emulation_body_task']['body_kind']; heading: string | null; code: string; text: string }[];
  milestones: { kind: DB['emulation_milestone']['kind']; on_date: string; until_date: string | null; every_years: number | null; title: string }[];
  participants: { unit_id: number | null; organization_id: number | null }[];
}

/** Replaces every part of a campaign (commitments, criteria, tasks, timeline, participants) by `parts`. */
export async function replaceCampaignParts(db: Kysely<DB>, campaign: { province_id: number; id: number }, parts: PartValues): Promise<void> {
  const { province_id, id: campaign_id } = campaign;
  for (const table of ['emulation_commitment', 'emulation_criterion', 'emulation_body_task', 'emulation_milestone', 'emulation_participant'] as const) {
    await db.deleteFrom(table).where('province_id', '=', province_id).where('campaign_id', '=', campaign_id).execute();
  }
  const base = { province_id, campaign_id };
  if (parts.commitments.length) {
    await db.insertInto('emulation_commitment').values(parts.commitments.map((x, i) => ({ ...base, ...x, position: i + 1 }))).execute();
  }
  if (parts.criteria.length) {
    await db.insertInto('emulation_criterion').values(parts.criteria.map((x, i) => ({ ...base, ...x, position: i + 1 }))).execute();
  }
  if (parts.bodyTasks.length) {
    await db.insertInto('emulation_body_task').values(parts.bodyTasks.map((x, i) => ({ ...base, ...x, position: i + 1 }))).execute();
  }
  if (parts.milestones.length) {
    await db.insertInto('emulation_milestone').values(parts.milestones.map((x, i) => ({ ...base, ...x, position: i + 1 }))).execute();
  }
  if (parts.participants.length) {
    await db.insertInto('emulation_participant').values(parts.participants.map((x) => ({ ...base, ...x }))).execute();
  }
}

/** The campaign of a unit loaded from a pack (any version), whatever the actor's scope: the caller checked the unit. */
export async function findPackCampaign(db: Kysely<DB>, unitId: number, packCode: string) {
  return db
    .selectFrom('emulation_campaign')
    .select(['id', 'province_id', 'pack_version'])
    .where('unit_id', '=', unitId)
    .where('pack_code', '=', packCode)
    .executeTakeFirst();
}

/** Serialises loads of one pack into one unit until the transaction ends (transaction-level: PgBouncer-safe). */
export async function lockPackLoad(db: Kysely<DB>, unitId: number, packCode: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`emulation.pack:${unitId}:${packCode}`}, 0))`.execute(db);
}

/** Whether the unit already has a campaign with this code. */
export async function campaignCodeTaken(db: Kysely<DB>, unitId: number, code: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('emulation_campaign').select('id').where('unit_id', '=', unitId).where('code', '=', code);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
