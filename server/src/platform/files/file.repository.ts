import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

export interface NewAttachment {
  id: string;
  provinceId: number;
  ownerType: string;
  ownerId: string;
  unitId: number;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: number;
  createdAt: Date;
}

export async function insertAttachment(db: Database, row: NewAttachment): Promise<void> {
  await db
    .insertInto('attachment')
    .values({
      id: row.id,
      province_id: row.provinceId,
      owner_type: row.ownerType,
      owner_id: row.ownerId,
      unit_id: row.unitId,
      filename: row.filename,
      mime_type: row.mimeType,
      size_bytes: row.sizeBytes,
      sha256: row.sha256,
      uploaded_by: row.uploadedBy,
      created_at: row.createdAt,
    })
    .execute();
}

const COLUMNS = ['a.id', 'a.province_id', 'a.owner_type', 'a.owner_id', 'a.unit_id', 'a.filename', 'a.mime_type', 'a.size_bytes', 'a.sha256', 'a.created_at', 'u.username'] as const;

/** Files of one owner (the caller has resolved the owner within the actor's scope), newest first. */
export async function listAttachments(db: Database, scope: Scope, provinceId: number, ownerType: string, ownerId: string) {
  return unitOwned(db, 'attachment as a', 'a.unit_id', scope)
    .leftJoin('app_user as u', 'u.id', 'a.uploaded_by')
    .select(COLUMNS)
    .where('a.province_id', '=', provinceId)
    .where('a.owner_type', '=', ownerType)
    .where('a.owner_id', '=', ownerId)
    .orderBy('a.created_at', 'desc')
    .execute();
}

/**
 * One file by id within the scope (the service also resolves its owner before answering). The id comes from a
 * URL, so the province is not known here; the primary key indexes the lookup.
 */
export async function findAttachment(db: Database, scope: Scope, id: string) {
  return unitOwned(db, 'attachment as a', 'a.unit_id', scope)
    .leftJoin('app_user as u', 'u.id', 'a.uploaded_by')
    .select(COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

/**
 * Only the owner (type and id) of a file, by id, whatever the scope: the service then asks the owner's resolver
 * whether the actor reads the owner and whether its files follow it (FileOwner.filesFollowOwner).
 */
export async function findAttachmentOwner(db: Database, id: string) {
  return db.selectFrom('attachment as a').select(['a.owner_type', 'a.owner_id']).where('a.id', '=', id).executeTakeFirst();
}

/** The scope of one unit's subtree (files of an owner whose readers reach beyond the actor's own scope). */
export async function unitSubtreeScope(db: Database, unitId: number): Promise<Scope> {
  const row = await db.selectFrom('admin_unit').select('path').where('id', '=', unitId).executeTakeFirstOrThrow();
  return { all: false, roots: [row.path] };
}

/**
 * The current (2025) province of a unit (SCALE.md rule 1): the root of its path, or, for a 2019 unit, the 2025
 * province its province went into.
 */
export async function provinceIdOf(db: Database, unitId: number): Promise<number> {
  const row = await sql<{ province_id: number }>`
    select coalesce(
      (select s.new_unit_id from unit_succession s join admin_unit n on n.id = s.new_unit_id
        where s.old_unit_id = root.id and n.level = 'province' and root.structure = '2019' order by s.new_unit_id limit 1),
      root.id) as province_id
    from admin_unit u
    join admin_unit root on root.id = subpath(u.path, 0, 1)::text::bigint
    where u.id = ${unitId}`.execute(db);
  const found = row.rows[0];
  if (!found) throw new Error(`unit ${unitId} has no province`);
  return found.province_id;
}
