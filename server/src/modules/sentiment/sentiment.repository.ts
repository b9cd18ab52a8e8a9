import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { SENTIMENT_SEVERITIES, severityRank, type TSentimentSeverity } from '#contracts/sentiment/schemas.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned } from '#server/shared/scope.ts';

type Db = Kysely<DB>;
/** The provinces of a scope (null: the whole country). */
export type Provinces = readonly number[] | null;

/** The 2025 provinces the scope's roots lie in (SCALE.md rule 2: every read of a big table filters province_id). */
export async function scopeProvinces(db: Db, scope: Scope): Promise<Provinces> {
  if (scope.all) return null;
  const ids = scope.roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id)).filter((id) => Number.isFinite(id));
}

function provinceIn(column: string, provinces: Provinces): Expression<SqlBool> {
  if (provinces === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} = any(${provinces.length ? [...provinces] : [-1]}::bigint[])`;
}

/** Severities at or above `min`. */
export const severitiesFrom = (min: TSentimentSeverity) => SENTIMENT_SEVERITIES.filter((s) => severityRank(s) >= severityRank(min));

export async function listTopics(db: Db) {
  return db.selectFrom('sentiment_topic').select(['code', 'name', 'sensitive']).where('active', '=', true).orderBy('sort').orderBy('code').execute();
}

export async function findTopic(db: Db, code: string) {
  return db.selectFrom('sentiment_topic').select(['code', 'name', 'sensitive']).where('code', '=', code).where('active', '=', true).executeTakeFirst();
}

/** Rules of these provinces and the national defaults (null: every province), with the names a list shows. */
export async function listRules(db: Db, provinces: Provinces, ruleId?: number) {
  let query = db
    .selectFrom('sentiment_rule as r')
    .leftJoin('admin_unit as p', 'p.id', 'r.province_id')
    .leftJoin('sentiment_topic as t', 't.code', 'r.topic')
    .leftJoin('app_user as au', 'au.id', 'r.updated_by')
    .select([
      'r.id', 'r.province_id', 'p.full_name as province_name', 'r.name', 'r.topic', 't.name as topic_name', 'r.min_severity', 'r.min_reports', 'r.window_days',
      'r.active', 'r.version', 'r.updated_at', 'au.full_name as updated_by_name',
    ])
    .orderBy(sql`r.province_id is not null`)
    .orderBy('r.province_id')
    .orderBy('r.id');
  if (provinces !== null) query = query.where((eb) => eb.or([eb('r.province_id', 'is', null), eb('r.province_id', 'in', provinces.length ? [...provinces] : [-1])]));
  if (ruleId !== undefined) query = query.where('r.id', '=', ruleId);
  return query.execute();
}
export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

/** A 2025 province of the scope (a rule's province). */
export async function findProvinceInScope(db: Db, scope: Scope, provinceId: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name'])
    .where('u.id', '=', provinceId)
    .where('u.level', '=', 'province')
    .where(sql<SqlBool>`unit_province_id(u.id) = u.id`)
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** A rule of these provinces or a national default, locked for a change (null provinces: every province). */
export async function lockRule(db: Db, provinces: Provinces, id: number) {
  let query = db.selectFrom('sentiment_rule').selectAll().where('id', '=', id);
  if (provinces !== null) query = query.where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', 'in', provinces.length ? [...provinces] : [-1])]));
  return query.forUpdate().executeTakeFirst();
}

export interface RuleTerms {
  name: string;
  topic: string | null;
  min_severity: TSentimentSeverity;
  min_reports: number;
  window_days: number;
  active: boolean;
}

/** Stores a new rule (version 1) and its first version row. */
export async function insertRule(db: Db, provinceId: number, terms: RuleTerms, by: number, at: Date): Promise<number> {
  const row = await db
    .insertInto('sentiment_rule')
    .values({ province_id: provinceId, ...terms, version: 1, updated_by: by, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await db.insertInto('sentiment_rule_version').values({ rule_id: id, version: 1, ...terms, changed_by: by, changed_at: at }).execute();
  return id;
}

/** Writes a rule's next version over the one seen (locked by the caller) and keeps it as a version row: whether it was written. */
export async function updateRule(db: Db, id: number, seenVersion: number, terms: RuleTerms, by: number, at: Date): Promise<boolean> {
  const written = await db
    .updateTable('sentiment_rule')
    .set({ ...terms, version: seenVersion + 1, updated_by: by, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', seenVersion)
    .returning('id')
    .execute();
  if (written.length !== 1) return false;
  await db.insertInto('sentiment_rule_version').values({ rule_id: id, version: seenVersion + 1, ...terms, changed_by: by, changed_at: at }).execute();
  return true;
}

/** The place of a report (a village or a commune) read in scope, with its commune and 2025 province. */
export async function findPlace(db: Db, scope: Scope, unitId: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.level', 'u.parent_id', 'u.valid_from', 'u.valid_to', sql<number | null>`unit_province_id(u.id)`.as('province_id')])
    .where('u.id', '=', unitId)
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** A Tổ dân vận / Khối dân vận of the place (the village or its commune), read in scope. */
export async function findReportingOrganization(db: Db, scope: Scope, organizationId: number, unitIds: readonly number[]) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.id'])
    .where('o.id', '=', organizationId)
    .where('o.type', 'in', ['commune_bloc', 'village_team'])
    .where('o.unit_id', 'in', [...unitIds])
    .executeTakeFirst();
}

/** The Tổ dân vận and Khối dân vận of a unit and of its children, in force on `today`, read in scope. */
export async function listTeams(db: Db, scope: Scope, unitId: number, today: string) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.id', 'o.name', 'o.type', 'o.unit_id', 'unit.full_name as unit_name'])
    .where('o.type', 'in', ['commune_bloc', 'village_team'])
    .where((eb) => eb.or([eb('unit.id', '=', unitId), eb('unit.parent_id', '=', unitId)]))
    .where(sql<boolean>`(o.founded_on is null or o.founded_on <= ${today}::date)`)
    .where(sql<boolean>`(o.dissolved_on is null or o.dissolved_on > ${today}::date)`)
    .where(sql<boolean>`(unit.valid_to is null or unit.valid_to >= ${today}::date)`)
    .orderBy(sql`o.type = 'village_team'`)
    .orderBy('unit.full_name')
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

export type TeamRow = Awaited<ReturnType<typeof listTeams>>[number];

export interface NewReport {
  id: string;
  province_id: number;
  unit_id: number;
  commune_id: number;
  organization_id: number | null;
  topic: string;
  severity: TSentimentSeverity;
  people_count: number;
  trend: 'rising' | 'steady' | 'falling';
  text: string;
  reported_on: string;
  lat: number | null;
  lng: number | null;
  created_by: number | null;
  created_at: Date;
}

/** Stores a report unless its id is stored already (a resend, even one racing the first copy): whether it was written. */
export async function insertReport(db: Db, row: NewReport): Promise<boolean> {
  const written = await db.insertInto('sentiment_report').values(row).onConflict((oc) => oc.columns(['province_id', 'id']).doNothing()).returning('id').execute();
  return written.length === 1;
}

/** Whether an id is stored (in any province: an id names one report). */
export async function reportIdTaken(db: Db, id: string) {
  return db.selectFrom('sentiment_report').select(['id', 'province_id']).where('id', '=', id).executeTakeFirst();
}

/** Serialises rule evaluations of one commune and topic until the transaction ends (two reports at once both count). */
export async function lockCommuneTopic(db: Db, communeId: number, topic: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`sentiment.rules:${communeId}:${topic}`}, 0))`.execute(db);
}

/** Dates of the reports of a commune and topic at or above a severity within [from, to] (the writer's rule evaluation). */
export async function countingDates(db: Db, key: { provinceId: number; communeId: number; topic: string }, severities: readonly string[], from: string, to: string) {
  const rows = await db
    .selectFrom('sentiment_report')
    .select('reported_on')
    .where('province_id', '=', key.provinceId)
    .where('commune_id', '=', key.communeId)
    .where('topic', '=', key.topic)
    .where('severity', 'in', [...severities] as TSentimentSeverity[])
    .where('reported_on', '>=', from)
    .where('reported_on', '<=', to)
    .execute();
  return rows.map((row) => row.reported_on);
}

/** The alert of a rule, commune and topic that is not closed yet, locked (the writer's rule evaluation). */
export async function findOpenAlert(db: Db, key: { provinceId: number; ruleId: number; communeId: number; topic: string }) {
  return db
    .selectFrom('sentiment_alert')
    .select(['id', 'report_count', 'first_report_on', 'last_report_on'])
    .where('province_id', '=', key.provinceId)
    .where('rule_id', '=', key.ruleId)
    .where('unit_id', '=', key.communeId)
    .where('topic', '=', key.topic)
    .where('status', '<>', 'closed')
    .forUpdate()
    .executeTakeFirst();
}

export async function insertAlert(
  db: Db,
  row: {
    id: string; province_id: number; unit_id: number; addressed_unit_id: number; rule_id: number; rule_version: number; topic: string; report_count: number; first_report_on: string;
    last_report_on: string; raised_at: Date;
  },
): Promise<boolean> {
  const result = await sql<{ id: string }>`
    insert into sentiment_alert (id, province_id, unit_id, addressed_unit_id, rule_id, rule_version, topic, report_count, first_report_on, last_report_on, raised_at)
    values (${row.id}, ${row.province_id}, ${row.unit_id}, ${row.addressed_unit_id}, ${row.rule_id}, ${row.rule_version}, ${row.topic}, ${row.report_count},
      ${row.first_report_on}, ${row.last_report_on}, ${row.raised_at})
    on conflict (province_id, rule_id, unit_id, topic) where status <> 'closed' do nothing
    returning id`.execute(db);
  return result.rows.length === 1;
}

/** A new counting report on an alert still open: its count and its dates widen. */
export async function widenAlert(db: Db, provinceId: number, id: string, reportedOn: string) {
  await db
    .updateTable('sentiment_alert')
    .set({
      report_count: sql`report_count + 1`,
      first_report_on: sql`least(first_report_on, ${reportedOn}::date)`,
      last_report_on: sql`greatest(last_report_on, ${reportedOn}::date)`,
    })
    .where('province_id', '=', provinceId)
    .where('id', '=', id)
    .execute();
}

export interface ReportFilter {
  unitPath?: string | undefined;
  topic?: string | undefined;
  severities?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Reports of the scope (by their place's unit), filtered. */
function reportsInScope(db: Db, scope: Scope, provinces: Provinces, f: ReportFilter) {
  let query = unitOwned(db, 'sentiment_report as r', 'r.unit_id', scope).where(provinceIn('r.province_id', provinces));
  if (f.unitPath !== undefined) query = query.where(sql<SqlBool>`unit.path <@ ${f.unitPath}::ltree`);
  if (f.topic !== undefined) query = query.where('r.topic', '=', f.topic);
  if (f.severities !== undefined) query = query.where('r.severity', 'in', [...f.severities] as TSentimentSeverity[]);
  if (f.from !== undefined) query = query.where('r.reported_on', '>=', f.from);
  if (f.to !== undefined) query = query.where('r.reported_on', '<=', f.to);
  return query;
}

/** The statistics-office code of a unit (a province: joins the map's outlines). */
export async function unitCode(db: Db, unitId: number) {
  const row = await db.selectFrom('admin_unit').select('code').where('id', '=', unitId).executeTakeFirst();
  return row?.code ?? null;
}

/** The path of a unit in scope (a filter's unit). */
export async function unitPathInScope(db: Db, scope: Scope, unitId: number) {
  const row = await db.selectFrom('admin_unit as u').select('u.path').where('u.id', '=', unitId).where(inScope('u.path', scope)).executeTakeFirst();
  return row?.path ?? null;
}

function withNames<Q extends ReturnType<typeof reportsInScope>>(query: Q) {
  return query
    .innerJoin('admin_unit as cu', 'cu.id', 'r.commune_id')
    .innerJoin('sentiment_topic as t', 't.code', 'r.topic')
    .leftJoin('organization as org', 'org.id', 'r.organization_id')
    .leftJoin('app_user as au', 'au.id', 'r.created_by')
    .select([
      'r.id', 'r.province_id', 'r.unit_id', 'unit.full_name as unit_name', 'r.commune_id', 'cu.full_name as commune_name', 'r.organization_id', 'org.name as organization_name',
      'au.full_name as reporter_name', 'r.topic', 't.name as topic_name', 't.sensitive', 'r.severity', 'r.people_count', 'r.trend', 'r.text', 'r.reported_on',
      'r.lat', 'r.lng', 'r.created_at',
    ]);
}
export type ReportRow = Awaited<ReturnType<typeof listReports>>['rows'][number];

export async function listReports(db: Db, scope: Scope, provinces: Provinces, f: ReportFilter, page: { limit: number; offset: number }) {
  const base = reportsInScope(db, scope, provinces, f);
  const [rows, total] = await Promise.all([
    withNames(base).orderBy('r.reported_on', 'desc').orderBy('r.created_at', 'desc').orderBy('r.id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findReport(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return withNames(reportsInScope(db, scope, provinces, {}).where('r.id', '=', id)).executeTakeFirst();
}

/** Reports of a commune and topic within [from, to] (an alert's reports), in scope. */
export async function reportsOfAlert(db: Db, scope: Scope, alert: { province_id: number; unit_id: number; topic: string }, from: string, to: string) {
  return withNames(reportsInScope(db, scope, [alert.province_id], { topic: alert.topic, from, to }).where('r.commune_id', '=', alert.unit_id))
    .orderBy('r.reported_on', 'desc')
    .orderBy('r.id')
    .limit(200)
    .execute();
}

/** Counts by commune × topic (and the high-severity count per commune). */
export async function countByCommuneTopic(db: Db, scope: Scope, provinces: Provinces, f: ReportFilter) {
  return reportsInScope(db, scope, provinces, f)
    .innerJoin('admin_unit as cu', 'cu.id', 'r.commune_id')
    .select([
      'r.commune_id', 'cu.full_name as commune_name', 'r.topic',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where r.severity in ('high', 'very_high'))`.as('high'),
      sql<number>`count(distinct r.province_id)`.as('provinces'),
      sql<number>`min(r.province_id)`.as('province_id'),
    ])
    .groupBy(['r.commune_id', 'cu.full_name', 'r.topic'])
    .orderBy('cu.full_name')
    .execute();
}

/** Points rounded to 0.01°, grouped. */
export async function mapPoints(db: Db, scope: Scope, provinces: Provinces, f: ReportFilter) {
  return reportsInScope(db, scope, provinces, f)
    .where('r.lat', 'is not', null)
    .select([
      sql<number>`round(r.lat::numeric, 2)`.as('lat'),
      sql<number>`round(r.lng::numeric, 2)`.as('lng'),
      'r.topic',
      sql<TSentimentSeverity>`(array['low','medium','high','very_high'])[max(array_position(array['low','medium','high','very_high'], r.severity))]`.as('severity'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([sql`round(r.lat::numeric, 2)`, sql`round(r.lng::numeric, 2)`, 'r.topic'])
    .execute();
}

// --- alerts ---

function alertsInScope(db: Db, scope: Scope, provinces: Provinces) {
  return unitOwned(db, 'sentiment_alert as a', 'a.unit_id', scope)
    .where(provinceIn('a.province_id', provinces))
    .innerJoin('admin_unit as to_unit', 'to_unit.id', 'a.addressed_unit_id')
    .innerJoin('sentiment_topic as t', 't.code', 'a.topic')
    // the rule as it read when it raised the alert (a later change keeps this version)
    .innerJoin('sentiment_rule_version as rule', (join) => join.onRef('rule.rule_id', '=', 'a.rule_id').onRef('rule.version', '=', 'a.rule_version'))
    .select([
      'a.id', 'a.province_id', 'a.unit_id', 'unit.full_name as commune_name', 'a.addressed_unit_id', 'to_unit.full_name as addressed_unit_name', 'a.topic',
      't.name as topic_name', 'a.rule_id', 'a.rule_version', 'rule.name as rule_name', 'rule.topic as rule_topic', 'rule.min_severity as rule_min_severity',
      'rule.min_reports as rule_min_reports', 'rule.window_days', 'a.status', 'a.version', 'a.report_count', 'a.first_report_on', 'a.last_report_on', 'a.raised_at',
      'a.petition_case_id',
    ]);
}
export type AlertRow = NonNullable<Awaited<ReturnType<typeof findAlert>>>;

export async function listAlerts(db: Db, scope: Scope, provinces: Provinces, f: { status?: string | undefined }, page: { limit: number; offset: number }) {
  let base = alertsInScope(db, scope, provinces);
  if (f.status !== undefined) base = base.where('a.status', '=', f.status as 'open');
  const [rows, total] = await Promise.all([
    base.orderBy(sql`case a.status when 'open' then 0 when 'acknowledged' then 1 else 2 end`).orderBy('a.raised_at', 'desc').orderBy('a.id').limit(page.limit).offset(page.offset).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findAlert(db: Db, scope: Scope, provinces: Provinces, id: string) {
  return alertsInScope(db, scope, provinces).where('a.id', '=', id).executeTakeFirst();
}

/** Notes of an alert read in scope, oldest first, with their authors' names. */
export async function alertNotes(db: Db, alert: { province_id: number; id: string }) {
  return db
    .selectFrom('sentiment_alert_note as n')
    .leftJoin('app_user as au', 'au.id', 'n.by_user_id')
    .select(['n.id', 'n.at', 'n.text', 'au.full_name as by_name'])
    .where('n.province_id', '=', alert.province_id)
    .where('n.alert_id', '=', alert.id)
    .orderBy('n.at')
    .orderBy('n.id')
    .execute();
}

/** The workflow history of an alert read in scope, with the names of who moved it. */
export async function alertHistory(db: Db, alert: { province_id: number; id: string }) {
  return db
    .selectFrom('workflow_transition as w')
    .leftJoin('app_user as au', 'au.id', 'w.by_user_id')
    .select(['w.from_state', 'w.to_state', 'w.at', 'w.reason', 'au.full_name as by_name'])
    .where('w.province_id', '=', alert.province_id)
    .where('w.entity_type', '=', 'sentiment_alert')
    .where('w.entity_id', '=', alert.id)
    .orderBy('w.version')
    .execute();
}

/** Stores a note unless its id is stored (a resend): whether it was written. */
export async function insertNote(db: Db, row: { id: string; province_id: number; alert_id: string; text: string; by_user_id: number; at: Date }) {
  const written = await db.insertInto('sentiment_alert_note').values(row).onConflict((oc) => oc.columns(['province_id', 'id']).doNothing()).returning('id').execute();
  return written.length === 1;
}
