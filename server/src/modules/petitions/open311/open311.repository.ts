import { sql } from 'kysely';
import type { TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';

/**
 * SQL of Open311 GeoReport v2. Public: no actor, so no scope; what makes it safe is what it reads: only cases filed
 * publicly (a petition_portal_submission row: the portal or Open311), only of kinds feedback and petition, and only
 * public columns (never persons, never the content).
 */

const PUBLIC_KINDS = ['feedback', 'petition'] as const;

export interface RequestFilter {
  provinceIds: readonly number[] | null;
  codes: readonly string[] | null;
  fieldCodes: readonly string[] | null;
  from: Date;
  to: Date | null;
  /** Statuses counted as closed (the caller's rule), for status=open|closed. */
  closedStatuses: readonly TCaseStatus[];
  status: 'open' | 'closed' | null;
  limit: number;
}

export async function listPublicRequests(db: Database, filter: RequestFilter) {
  let query = db
    .selectFrom('petition_portal_submission as s')
    .innerJoin('petition_case as c', (join) => join.onRef('c.province_id', '=', 's.province_id').onRef('c.id', '=', 's.case_id'))
    .innerJoin('petition_field as f', 'f.id', 'c.field_id')
    .innerJoin('admin_unit as agency', 'agency.id', 'c.unit_id')
    .innerJoin('admin_unit as province', 'province.id', 'c.province_id')
    .leftJoin('admin_unit as commune', 'commune.id', 'c.commune_id')
    .select([
      'c.code', 'c.status', 'c.public_answer', 'c.answer_published', 'c.subject', 'c.created_at', 'c.updated_at', 'c.due_on', 'c.lat', 'c.lon',
      'f.code as field_code', 'f.name as field_name', 'agency.full_name as agency_name', 'province.full_name as province_name',
      'commune.full_name as commune_name', 'commune.code as commune_code',
    ])
    .where('c.kind', 'in', [...PUBLIC_KINDS])
    .where('s.created_at', '>=', filter.from);
  if (filter.provinceIds !== null) query = query.where('s.province_id', 'in', filter.provinceIds.length ? [...filter.provinceIds] : [-1]);
  if (filter.to !== null) query = query.where('s.created_at', '<=', filter.to);
  if (filter.codes !== null) query = query.where('c.code', 'in', filter.codes.length ? [...filter.codes] : ['']);
  if (filter.fieldCodes !== null) query = query.where('f.code', 'in', filter.fieldCodes.length ? [...filter.fieldCodes] : ['']);
  if (filter.status === 'closed') query = query.where('c.status', 'in', [...filter.closedStatuses]);
  if (filter.status === 'open') query = query.where('c.status', 'not in', [...filter.closedStatuses]);
  return query.orderBy('s.created_at', 'desc').limit(filter.limit).execute();
}
export type PublicRequestRow = Awaited<ReturnType<typeof listPublicRequests>>[number];

/** The 2025 provinces whose statistics codes prefix these tracking codes. */
export async function provincesOfCodePrefixes(db: Database, prefixes: readonly string[]) {
  if (prefixes.length === 0) return [];
  const rows = await db
    .selectFrom('admin_unit as u')
    .select('u.id')
    .where('u.level', '=', 'province')
    .where((eb) => eb.or([eb('u.code', 'in', [...prefixes]), eb(sql<string>`u.id::text`, 'in', [...prefixes])]))
    .execute();
  return rows.map((r) => r.id);
}
