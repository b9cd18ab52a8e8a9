import { sql, type Expression, type SqlBool } from 'kysely';
import { PUBLIC_EMULATION_LIMITS } from '#contracts/emulation/public.ts';
import type { TModelField, TModelKind, TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { Database } from '#server/db/database.ts';
import { validOn } from '#server/shared/scope.ts';

/**
 * SQL of the public showcase. There is no actor: the "scope" of a visitor is one province (province_id first, as
 * in every key of the big tables) and the models its recognising units published — recognised or commended,
 * `published_at` set — and, of them, public columns only. Every function below applies `shown()`.
 */

export interface PublicFilter {
  provinceId: number;
  field?: TModelField | undefined;
  level?: TRecognitionLevel | undefined;
  kind?: TModelKind | undefined;
  communeId?: number | undefined;
  /** Folded words (no diacritics, lower case). */
  words?: string | undefined;
}

/** What a visitor may see of `m`: published, recognised or commended, of the province. */
const shown = (provinceId: number) =>
  sql<SqlBool>`m.province_id = ${provinceId} and m.published_at is not null and m.status in ('recognised', 'commended') and m.recognised_level is not null`;

/** The filters other than the province (`skip` leaves some out, for the counts by field × level). */
function filters(f: PublicFilter, skip: { fieldAndLevel?: boolean } = {}): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [shown(f.provinceId)];
  if (!skip.fieldAndLevel && f.field) where.push(sql<SqlBool>`m.field = ${f.field}`);
  if (!skip.fieldAndLevel && f.level) where.push(sql<SqlBool>`m.recognised_level = ${f.level}`);
  if (f.kind) where.push(sql<SqlBool>`m.kind = ${f.kind}`);
  // a commune of 2025 holds the models of its units and of its predecessors' units (history flows forward)
  if (f.communeId !== undefined)
    where.push(sql<SqlBool>`exists (select 1 from admin_unit wu where wu.id = m.unit_id and wu.path <@ any (unit_scope_paths(${f.communeId}::bigint)))`);
  if (f.words) where.push(sql<SqlBool>`m.search_text like ${`%${f.words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return where;
}

const and = (where: Expression<SqlBool>[]) => sql<SqlBool>`(${sql.join(where, sql` and `)})`;

/**
 * Where a model is today, in SQL over `m`: its unit (`pu`: a 2019 unit reads under its 2025 successor, the one
 * that took it whole or the largest share) and the 2025 commune it lies in (`pc`), if any. The commune is read
 * from the path's labels (ids: province.commune… in 2025, province.district.commune… in 2019), and a 2019
 * commune's successor only for a 2019 commune: a join on the successor's structure made the planner walk every
 * 2025 commune per model (2.2 s for 32 models on the demo; 84 ms so).
 */
const PLACE_JOINS = sql`
  join admin_unit u0 on u0.id = m.unit_id
  left join lateral (
    select us.new_unit_id from unit_succession us where us.old_unit_id = u0.id and u0.structure = '2019'
    order by us.share desc nulls last, us.new_unit_id limit 1
  ) su on true
  join admin_unit pu on pu.id = coalesce(su.new_unit_id, u0.id)
  left join admin_unit c0 on c0.level = 'commune' and c0.id = case
    when pu.structure = '2025' and nlevel(pu.path) >= 2 then subpath(pu.path, 1, 1)::text::bigint
    when pu.structure = '2019' and nlevel(pu.path) >= 3 then subpath(pu.path, 2, 1)::text::bigint end
  left join lateral (
    select us.new_unit_id from unit_succession us where us.old_unit_id = c0.id and c0.structure = '2019'
    order by us.share desc nulls last, us.new_unit_id limit 1
  ) cs on true
  left join admin_unit pc on pc.id = coalesce(cs.new_unit_id, c0.id) and pc.structure = '2025'`;

/**
 * Whether attachment `a` of model `m` is one of its photos: an image attached to the model, to its registration,
 * building or publication, never a document of another step (review minutes, decisions, withdrawal, documents),
 * which may name people.
 */
const IS_PHOTO = sql<SqlBool>`a.mime_type like 'image/%'
    and not exists (select 1 from emulation_model_step s where s.province_id = m.province_id and s.model_id = m.id
      and a.id = any (s.file_ids) and s.step not in ('registered', 'building', 'published'))`;

/** The photos of the model `m` (IS_PHOTO). */
const PHOTO_OF_M = sql`
  select a.id, a.size_bytes, a.mime_type from attachment a
  where a.province_id = m.province_id and a.owner_type = 'emulation_model' and a.owner_id = m.id::text and ${IS_PHOTO}`;

/** The name the model carries: its organisation, unit or person (the name only). */
const OWNER_NAME = sql<string | null>`coalesce(
  (select o.name from organization o where o.id = m.owner_organization_id),
  (select ou.full_name from admin_unit ou where ou.id = m.owner_unit_id),
  (select p.full_name from person p where p.id = m.owner_person_id))`;

/** Published replicas of `m` (any province). */
const REPLICAS_OF_M = sql<number>`(select count(*)::int from emulation_model r
  where r.origin_province_id = m.province_id and r.origin_model_id = m.id
    and r.published_at is not null and r.status in ('recognised', 'commended') and r.recognised_level is not null)`;

export interface CardRow {
  id: string;
  province_id: number;
  title: string;
  kind: TModelKind;
  field: TModelField;
  recognised_level: TRecognitionLevel;
  recognised_on: string;
  status: string;
  owner_name: string | null;
  unit_name: string;
  commune_id: number | null;
  commune_name: string | null;
  summary: string | null;
  photo_id: string | null;
  photo_bytes: number | null;
  photo_mime: string | null;
  replicas: number;
}

/** A page of the shown models of the filter: the highest level first, then the latest recognition. */
export async function listShownModels(db: Database, f: PublicFilter, page: number): Promise<{ total: number; rows: CardRow[] }> {
  const size = PUBLIC_EMULATION_LIMITS.pageSize;
  const where = and(filters(f));
  const [total, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from emulation_model m where ${where}`.execute(db),
    sql<CardRow>`
      select m.id, m.province_id, m.title, m.kind, m.field, m.recognised_level, m.recognised_on, m.status,
        ${OWNER_NAME} as owner_name, pu.full_name as unit_name, pc.id as commune_id, pc.full_name as commune_name,
        left(m.summary, ${PUBLIC_EMULATION_LIMITS.excerpt + 1}) as summary,
        ph.id as photo_id, ph.size_bytes as photo_bytes, ph.mime_type as photo_mime, ${REPLICAS_OF_M} as replicas
      from (
        select m.* from emulation_model m where ${where}
        order by array_position(array['central', 'province', 'district', 'commune'], m.recognised_level), m.recognised_on desc, m.id
        limit ${size} offset ${(page - 1) * size}
      ) m
      ${PLACE_JOINS}
      left join lateral (${PHOTO_OF_M} order by a.created_at, a.id limit 1) ph on true
      order by array_position(array['central', 'province', 'district', 'commune'], m.recognised_level), m.recognised_on desc, m.id`.execute(db),
  ]);
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows };
}

/** Shown models by field × level (every filter but field and level). */
export async function countShownByFieldLevel(db: Database, f: PublicFilter) {
  const result = await sql<{ field: TModelField; level: TRecognitionLevel; models: number }>`
    select m.field, m.recognised_level as level, count(*)::int as models from emulation_model m
    where ${and(filters(f, { fieldAndLevel: true }))}
    group by m.field, m.recognised_level order by m.field, m.recognised_level`.execute(db);
  return result.rows;
}

/** The 2025 communes holding shown models of the province (all of them, whatever the other filters), with counts. */
export async function communesWithShownModels(db: Database, provinceId: number) {
  const result = await sql<{ id: number; name: string; models: number }>`
    select pc.id, pc.full_name as name, count(*)::int as models
    from emulation_model m ${PLACE_JOINS}
    where ${shown(provinceId)} and pc.id is not null
    group by pc.id, pc.full_name order by pc.full_name`.execute(db);
  return result.rows;
}

/** Located shown models of the filter, their point rounded (no household is located on the public map). */
export async function shownPoints(db: Database, f: PublicFilter) {
  const d = PUBLIC_EMULATION_LIMITS.pointDecimals;
  const result = await sql<{ id: string; title: string; lat: number; lng: number }>`
    select m.id, m.title, round(m.lat::numeric, ${d})::float8 as lat, round(m.lng::numeric, ${d})::float8 as lng
    from emulation_model m where ${and(filters(f))} and m.lat is not null and m.lng is not null
    order by m.recognised_on desc, m.id limit ${PUBLIC_EMULATION_LIMITS.mapPoints}`.execute(db);
  return result.rows;
}

export interface DetailRow extends Omit<CardRow, 'photo_id' | 'photo_bytes' | 'photo_mime'> {
  what_changed: string | null;
  figures: unknown;
  started_on: string | null;
  lat: number | null;
  lng: number | null;
  campaign_title: string | null;
  campaign_year: number | null;
  recognised_by: string | null;
  origin_model_id: string | null;
  origin_province_id: number | null;
}

/** One shown model, with its story and where it is. */
export async function findShownModel(db: Database, provinceId: number, modelId: string): Promise<DetailRow | undefined> {
  const d = PUBLIC_EMULATION_LIMITS.pointDecimals;
  const result = await sql<DetailRow>`
    select m.id, m.province_id, m.title, m.kind, m.field, m.recognised_level, m.recognised_on, m.status,
      ${OWNER_NAME} as owner_name, pu.full_name as unit_name, pc.id as commune_id, pc.full_name as commune_name,
      m.summary, m.what_changed, m.figures, m.started_on,
      round(m.lat::numeric, ${d})::float8 as lat, round(m.lng::numeric, ${d})::float8 as lng,
      c.title as campaign_title, c.year as campaign_year, rb.full_name as recognised_by,
      m.origin_model_id, m.origin_province_id, ${REPLICAS_OF_M} as replicas
    from emulation_model m
    ${PLACE_JOINS}
    left join emulation_campaign c on c.id = m.campaign_id
    left join admin_unit rb on rb.id = m.recognised_by_unit_id
    where ${shown(provinceId)} and m.id = ${modelId}::uuid`.execute(db);
  return result.rows[0];
}

/** The photos of a shown model (IS_PHOTO), oldest first. */
export async function shownPhotos(db: Database, provinceId: number, modelId: string) {
  const result = await sql<{ id: string; size_bytes: number; mime_type: string }>`
    select ph.id, ph.size_bytes, ph.mime_type
    from emulation_model m cross join lateral (${PHOTO_OF_M} order by a.created_at, a.id limit 20) ph
    where ${shown(provinceId)} and m.id = ${modelId}::uuid`.execute(db);
  return result.rows;
}

export interface LinkRow {
  id: string;
  province_id: number;
  title: string;
  unit_name: string;
  recognised_level: TRecognitionLevel;
}

/** A shown model linked to another (its origin), by key. */
export async function findShownLink(db: Database, provinceId: number, modelId: string): Promise<LinkRow | undefined> {
  const result = await sql<LinkRow>`
    select m.id, m.province_id, m.title, pu.full_name as unit_name, m.recognised_level
    from emulation_model m ${PLACE_JOINS}
    where ${shown(provinceId)} and m.id = ${modelId}::uuid`.execute(db);
  return result.rows[0];
}

/** The shown replicas of a model (any province), newest recognition first. */
export async function shownReplicas(db: Database, provinceId: number, modelId: string): Promise<LinkRow[]> {
  const result = await sql<LinkRow>`
    select m.id, m.province_id, m.title, pu.full_name as unit_name, m.recognised_level
    from emulation_model m ${PLACE_JOINS}
    where m.origin_province_id = ${provinceId} and m.origin_model_id = ${modelId}::uuid
      and m.published_at is not null and m.status in ('recognised', 'commended') and m.recognised_level is not null
    order by m.recognised_on desc, m.id limit 100`.execute(db);
  return result.rows;
}

/** A photo of a shown model by id (IS_PHOTO): its bytes' hash and type. */
export async function findShownPhoto(db: Database, provinceId: number, photoId: string) {
  const result = await sql<{ sha256: string; mime_type: string }>`
    select a.sha256, a.mime_type from attachment a
    join emulation_model m on m.province_id = a.province_id and m.id::text = a.owner_id
    where a.province_id = ${provinceId} and a.id = ${photoId}::uuid and a.owner_type = 'emulation_model'
      and ${shown(provinceId)} and ${IS_PHOTO}`.execute(db);
  return result.rows[0];
}

/** The 2025 provinces in force today with the number of models each shows. */
export async function provincesWithCounts(db: Database, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.full_name as name'])
    .select(
      sql<number>`(select count(*)::int from emulation_model m where ${sql`m.province_id = u.id and m.published_at is not null and m.status in ('recognised', 'commended') and m.recognised_level is not null`})`.as(
        'models',
      ),
    )
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'province')
    .where(validOn('u', today))
    .orderBy('u.name')
    .execute();
}

/** A 2025 province in force today. */
export async function findPublicProvince(db: Database, provinceId: number, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.full_name as name'])
    .where('u.id', '=', provinceId)
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'province')
    .where(validOn('u', today))
    .executeTakeFirst();
}
