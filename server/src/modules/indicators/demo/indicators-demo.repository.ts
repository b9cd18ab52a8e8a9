import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { DemoDataSet, DemoIndicator } from './demo-catalogue.ts';

/** Rows per INSERT … SELECT FROM unnest(arrays): one parameter per column, so large chunks are cheap. */
const CHUNK = 5000;

/** The official unit of a structure and code, or an error (the official units load before the demo). */
export async function findOfficialUnitId(db: Database, structure: '2019' | '2025', code: string): Promise<number> {
  const row = await db.selectFrom('admin_unit').select('id').where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit ${structure}:${code} is missing: import the official units before the demo`);
  return row.id;
}

/** Demo accounts by username, with their unit (the foundation step made them). */
export async function findAccounts(db: Database, usernames: readonly string[]) {
  return db.selectFrom('app_user').select(['id', 'username', 'unit_id']).where('username', 'in', [...usernames]).execute();
}

/** A catalogue element as the step writes values to it: its id and its option combo per field (null = default). */
export interface StoredElement {
  id: number;
  cocs: Map<string | null, number>;
}

/**
 * The field combo (Lĩnh vực), the data sets with their elements, assignments and rules, and the indicators, all
 * owned by the province. Returns the data set ids and the elements by code.
 */
export async function insertCatalogue(
  db: Database,
  ownerId: number,
  combo: { code: string; name: string; options: readonly { code: string; name: string }[] },
  dataSets: readonly DemoDataSet[],
  indicators: readonly DemoIndicator[],
): Promise<{ dataSets: Map<string, number>; elements: Map<string, StoredElement> }> {
  const category = await db.insertInto('category').values({ code: combo.code, name: combo.name, dhis2_uid: null }).returning('id').executeTakeFirstOrThrow();
  const options = await db
    .insertInto('category_option')
    .values(combo.options.map((option, sort) => ({ category_id: category.id, code: option.code, name: option.name, sort, dhis2_uid: null })))
    .returning(['id', 'code'])
    .execute();
  const fieldCombo = await db
    .insertInto('category_combo')
    .values({ code: combo.code, name: combo.name, category_ids: sql<number[]>`array[${category.id}]::bigint[]`, dhis2_uid: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fieldCocs = new Map<string | null, number>();
  for (const option of options) {
    const coc = await db
      .insertInto('category_option_combo')
      .values({
        combo_id: fieldCombo.id,
        code: `${combo.code}_${option.code}`,
        name: combo.options.find((o) => o.code === option.code)?.name ?? option.code,
        option_ids: sql<number[]>`array[${option.id}]::bigint[]`,
        dhis2_uid: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fieldCocs.set(option.code, coc.id);
  }
  const defaults = await db
    .selectFrom('category_option_combo as coc')
    .innerJoin('category_combo as cc', 'cc.id', 'coc.combo_id')
    .select(['cc.id as combo_id', 'coc.id as coc_id'])
    .where('cc.code', '=', 'default')
    .executeTakeFirstOrThrow();

  const dataSetIds = new Map<string, number>();
  const elements = new Map<string, StoredElement>();
  for (const set of dataSets) {
    const row = await db
      .insertInto('data_set')
      .values({ code: set.code, name: set.name, period_type: set.periodType, due_days: set.dueDays, lock_days: set.lockDays, owner_unit_id: ownerId, dhis2_uid: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    dataSetIds.set(set.code, row.id);
    await db.insertInto('data_set_assignment').values({ data_set_id: row.id, level: set.level, unit_id: null }).execute();
    for (const [sort, element] of set.elements.entries()) {
      const stored = await db
        .insertInto('data_element')
        .values({
          code: element.code,
          name: element.name,
          short_name: element.shortName,
          value_type: element.valueType,
          aggregation: 'sum',
          unit_of_measure: element.unit,
          combo_id: element.byField ? fieldCombo.id : defaults.combo_id,
          derived_code: null,
          owner_unit_id: ownerId,
          dhis2_uid: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('data_set_element').values({ data_set_id: row.id, data_element_id: stored.id, section: element.section, sort }).execute();
      elements.set(element.code, { id: stored.id, cocs: element.byField ? fieldCocs : new Map([[null, defaults.coc_id]]) });
    }
    await db
      .insertInto('validation_rule')
      .values(
        set.rules.map((rule) => ({
          data_set_id: row.id,
          code: rule.code,
          left_side: rule.left,
          operator: rule.operator,
          right_side: rule.right,
          severity: rule.severity,
          message: rule.message,
        })),
      )
      .execute();
  }
  await db
    .insertInto('indicator')
    .values(
      indicators.map((indicator) => ({
        code: indicator.code,
        name: indicator.name,
        description: indicator.description,
        numerator: indicator.numerator,
        denominator: indicator.denominator,
        factor: indicator.factor,
        decimals: indicator.decimals,
        unit_of_measure: indicator.unit,
        target: indicator.target,
        target_direction: 'higher' as const,
        owner_unit_id: ownerId,
        dhis2_uid: null,
      })),
    )
    .execute();
  return { dataSets: dataSetIds, elements };
}

/** A commune of the province's territory with its validity, parent and grandparent (the levels a 2019 report climbs). */
export interface TerritoryCommune {
  id: number;
  code: string;
  structure: '2019' | '2025';
  parentId: number;
  grandparentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Every commune of the province's territory (its subtree and its predecessors'), of any date, by code. */
export async function listTerritoryCommunes(db: Database, provinceId: number): Promise<TerritoryCommune[]> {
  const rows = await sql<{ id: number; code: string; structure: '2019' | '2025'; parent_id: number; grandparent_id: number | null; valid_from: string | null; valid_to: string | null }>`
    select u.id, u.code, u.structure, u.parent_id, p.parent_id as grandparent_id, u.valid_from, u.valid_to
    from (select unnest(unit_scope_paths(${provinceId})) as root) r
    join admin_unit u on u.path <@ r.root and u.level = 'commune'
    join admin_unit p on p.id = u.parent_id
    order by u.code, u.id`.execute(db);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    code: row.code,
    structure: row.structure,
    parentId: Number(row.parent_id),
    grandparentId: row.grandparent_id === null ? null : Number(row.grandparent_id),
    validFrom: row.valid_from,
    validTo: row.valid_to,
  }));
}

/** Villages of these communes, of any date, by commune and name. */
export async function listTerritoryVillages(db: Database, communeIds: readonly number[]) {
  if (communeIds.length === 0) return [];
  const rows = await db
    .selectFrom('admin_unit as v')
    .select(['v.id', 'v.parent_id', 'v.name', 'v.valid_from', 'v.valid_to'])
    .where('v.parent_id', 'in', [...communeIds])
    .where('v.level', '=', 'village')
    .orderBy('v.parent_id')
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
  return rows.map((row) => ({ id: row.id, communeId: row.parent_id as number, name: row.name, validFrom: row.valid_from, validTo: row.valid_to }));
}

export interface DemoReportRow {
  id: string;
  provinceId: number;
  unitId: number;
  dataSetId: number;
  period: string;
  state: ReportState;
  version: number;
  holderUnitId: number;
  firstSubmittedAt: Date | null;
  onTime: boolean | null;
  approvedAt: Date | null;
  createdAt: Date;
}

/** Reports with their final state (the workflow's history goes to workflow_transition alongside). */
export async function insertReports(db: Database, reports: readonly DemoReportRow[]): Promise<void> {
  for (let i = 0; i < reports.length; i += CHUNK) {
    const r = reports.slice(i, i + CHUNK);
    await sql`
      insert into report (id, province_id, unit_id, data_set_id, period, state, version, holder_unit_id, first_submitted_at, on_time, approved_at, created_at)
      select * from unnest(${r.map((x) => x.id)}::uuid[], ${r.map((x) => x.provinceId)}::bigint[], ${r.map((x) => x.unitId)}::bigint[],
        ${r.map((x) => x.dataSetId)}::bigint[], ${r.map((x) => x.period)}::text[], ${r.map((x) => x.state)}::text[], ${r.map((x) => x.version)}::int[],
        ${r.map((x) => x.holderUnitId)}::bigint[], ${r.map((x) => x.firstSubmittedAt?.toISOString() ?? null)}::timestamptz[],
        ${r.map((x) => x.onTime)}::boolean[], ${r.map((x) => x.approvedAt?.toISOString() ?? null)}::timestamptz[],
        ${r.map((x) => x.createdAt.toISOString())}::timestamptz[])`.execute(db);
  }
}

export interface DemoTransitionRow {
  id: string;
  provinceId: number;
  entityId: string;
  from: ReportState;
  to: ReportState;
  version: number;
  byUserId: number;
  at: Date;
  reason: string | null;
}

/** The history of the reports' states (who, when, why), as applyTransition records it. */
export async function insertTransitions(db: Database, entityType: string, rows: readonly DemoTransitionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const t = rows.slice(i, i + CHUNK);
    await sql`
      insert into workflow_transition (id, province_id, entity_type, entity_id, from_state, to_state, version, by_user_id, at, reason)
      select k.id, k.p, ${entityType}, k.e, k.f, k.t, k.v, k.b, k.at, k.r
      from unnest(${t.map((x) => x.id)}::uuid[], ${t.map((x) => x.provinceId)}::bigint[], ${t.map((x) => x.entityId)}::text[],
        ${t.map((x) => x.from)}::text[], ${t.map((x) => x.to)}::text[], ${t.map((x) => x.version)}::int[], ${t.map((x) => x.byUserId)}::bigint[],
        ${t.map((x) => x.at.toISOString())}::timestamptz[], ${t.map((x) => x.reason)}::text[]) as k(id, p, e, f, t, v, b, at, r)`.execute(db);
  }
}

/** When and by whom the values of a unit and period were typed (one version of them). */
export interface ValueStamp {
  unitId: number;
  period: string;
  at: Date;
  userId: number;
}

/**
 * Dates the demo's values as typed when their report was entered (or corrected), not when the demo loaded:
 * version 1 stamps the rows' creation and their first change row, a later version its own change row, and each
 * the current row's last change.
 */
export async function stampValues(db: Database, provinceId: number, version: number, stamps: readonly ValueStamp[]): Promise<void> {
  if (stamps.length === 0) return;
  const units = stamps.map((s) => s.unitId);
  const periods = stamps.map((s) => s.period);
  const ats = stamps.map((s) => s.at.toISOString());
  const users = stamps.map((s) => s.userId);
  await sql`
    update data_value v set stored_at = s.at, stored_by = s.by,
      created_at = case when ${version}::int = 1 then s.at else v.created_at end
    from unnest(${units}::bigint[], ${periods}::text[], ${ats}::timestamptz[], ${users}::bigint[]) as s(u, pe, at, by)
    where v.province_id = ${provinceId} and v.unit_id = s.u and v.period = s.pe and (${version}::int = 1 or v.version = ${version})`.execute(db);
  await sql`
    update data_value_change c set changed_at = s.at, changed_by = s.by
    from data_value v, unnest(${units}::bigint[], ${periods}::text[], ${ats}::timestamptz[], ${users}::bigint[]) as s(u, pe, at, by)
    where v.province_id = ${provinceId} and v.unit_id = s.u and v.period = s.pe
      and c.province_id = ${provinceId} and c.data_value_id = v.id and c.version = ${version} and c.source = 'demo'`.execute(db);
}
