import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { PetitionPortalSubmissionTable } from '#server/db/schema.ts';
import type { Insertable } from 'kysely';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned, validOn } from '#server/shared/scope.ts';

/**
 * SQL of the public portal. There is no actor: reads of cases go by (province, tracking code) and answer only after
 * the secret or the phone matched (portal.service.ts); units are public reference data.
 */

/** The provinces (2025 structure) in force on `today`, by name. */
export async function listProvinces(db: Database, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.full_name'])
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'province')
    .where(validOn('u', today))
    .orderBy('u.name')
    .execute();
}

/** The communes of a 2025 province in force on `today`. */
export async function listCommunes(db: Database, provinceId: number, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.full_name'])
    .where('u.parent_id', '=', provinceId)
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'commune')
    .where(validOn('u', today))
    .orderBy('u.name')
    .execute();
}

/** A commune of the province, in force on `today` (the unit a portal case goes to). */
export async function findCommune(db: Database, provinceId: number, communeId: number, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.full_name', 'u.parent_id'])
    .where('u.id', '=', communeId)
    .where('u.parent_id', '=', provinceId)
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'commune')
    .where(validOn('u', today))
    .executeTakeFirst();
}

/** A 2025 province (in force on `today`) by id or statistics code. */
export async function findProvince(db: Database, by: { id: number } | { code: string }, today: string) {
  let query = db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.full_name'])
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'province')
    .where(validOn('u', today));
  query = 'id' in by ? query.where('u.id', '=', by.id) : query.where('u.code', '=', by.code);
  return query.executeTakeFirst();
}

/** A 2025 commune (in force on `today`) by its statistics code, with its province. */
export async function findCommuneByCode(db: Database, code: string, today: string) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.code', 'u.name', 'u.full_name', 'u.parent_id'])
    .where('u.code', '=', code)
    .where('u.structure', '=', '2025')
    .where('u.level', '=', 'commune')
    .where(validOn('u', today))
    .executeTakeFirst();
}

/** The key that signs form tokens (one per database; migration 20261210T1300). */
export async function portalKey(db: Database): Promise<string> {
  const row = await db.selectFrom('petition_portal_key').select('key').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.key;
}

export async function insertSubmission(db: Database, row: Insertable<PetitionPortalSubmissionTable>) {
  await db.insertInto('petition_portal_submission').values(row).execute();
}

/** The province part of a tracking code ("45-2026-000123" → "45"). */
export const provincePrefix = (code: string) => /^(.+)-\d{4}-\d+$/.exec(code)?.[1] ?? code;

/**
 * A publicly filed case by its tracking code (codes are unique per province; the province is read from the code's
 * prefix), with what the citizen may see and what checks
 * the look-up: the secret's hash and the phones of the non-protected filers.
 */
export async function findSubmittedCase(db: Database, code: string) {
  const row = await db
    .selectFrom('petition_portal_submission as s')
    .innerJoin('petition_case as c', (join) => join.onRef('c.province_id', '=', 's.province_id').onRef('c.id', '=', 's.case_id'))
    .innerJoin('petition_field as f', 'f.id', 'c.field_id')
    .innerJoin('admin_unit as unit', 'unit.id', 'c.unit_id')
    .leftJoin('admin_unit as commune', 'commune.id', 'c.commune_id')
    .select([
      'c.id', 'c.province_id', 'c.code', 'c.kind', 'c.subject', 'c.received_on', 'c.status', 'c.due_on', 'c.public_answer',
      'c.answer_published', 'c.answered_on', 'f.name as field_name', 'unit.full_name as unit_name', 'commune.full_name as commune_name',
      's.secret_hash',
    ])
    .select((eb) =>
      eb
        .selectFrom('petition_person as p')
        .select(sql<string[]>`coalesce(array_agg(p.phone) filter (where p.phone is not null), '{}')`.as('phones'))
        .whereRef('p.province_id', '=', 'c.province_id')
        .whereRef('p.case_id', '=', 'c.id')
        .where('p.protected', '=', false)
        .as('phones'),
    )
    // province_id first (SCALE.md): the code's prefix is its province's statistics code (pet-core's trackingCode)
    .where('s.province_id', 'in', (eb) =>
      eb
        .selectFrom('admin_unit as pu')
        .select('pu.id')
        .where('pu.level', '=', 'province')
        .where((w) => w.or([w('pu.code', '=', provincePrefix(code)), w(sql<string>`pu.id::text`, '=', provincePrefix(code))])),
    )
    .where('c.code', '=', code)
    .limit(2)
    .execute();
  // a code is unique within a province; two provinces never share a prefix, so two rows cannot happen
  return row.length === 1 ? row[0] : undefined;
}

/** The statuses a case went through, by date (the steps that moved it), for the citizen's history. */
export async function findStatusHistory(db: Database, provinceId: number, caseId: string) {
  return db
    .selectFrom('petition_step as s')
    .select(['s.on_date', 's.to_status', 's.seq'])
    .where('s.province_id', '=', provinceId)
    .where('s.case_id', '=', caseId)
    .where('s.to_status', 'is not', null)
    .orderBy('s.seq')
    .execute();
}

/** The photo of a publicly filed case (the caller has read the case in scope). */
export async function findPhoto(db: Database, provinceId: number, caseId: string) {
  return db
    .selectFrom('petition_portal_submission as s')
    .select(['s.photo_sha256', 's.photo_mime', 's.photo_bytes'])
    .where('s.province_id', '=', provinceId)
    .where('s.case_id', '=', caseId)
    .executeTakeFirst();
}

/** A case in the actor's scope (and provinces; null = all), by id. */
export async function findScopedCase(db: Database, scope: Scope, provinces: readonly number[] | null, caseId: string) {
  let query = unitOwned(db, 'petition_case as c', 'c.unit_id', scope).select(['c.id', 'c.province_id']).where('c.id', '=', caseId);
  if (provinces !== null) query = query.where('c.province_id', 'in', provinces.length ? [...provinces] : [-1]);
  return query.executeTakeFirst();
}
