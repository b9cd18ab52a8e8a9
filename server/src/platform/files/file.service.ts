import type { TAttachment } from '#contracts/files.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, fieldMessage, forbidden, notFound } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '#server/modules/audit/index.ts';
import type { BlobStore } from './blob-store.ts';
import { findAttachment, findAttachmentOwner, insertAttachment, listAttachments, provinceIdOf, unitSubtreeScope, type AttachmentRow } from './file.repository.ts';
import type { FileOwner, FileOwnerResolver } from './file-owners.ts';
import { ALLOWED_TYPES, extensionFits, sniffType } from './mime.ts';

export interface FilesDeps {
  db: Database;
  files: BlobStore;
  fileOwners: ReadonlyMap<string, FileOwnerResolver>;
}

/** Largest attachment (the multipart limit of the app is the same). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const fileError = (status: number, problem: string) =>
  new AppError(status, status === 415 ? 'unsupported_media_type' : 'validation', fieldMessage('file', problem), [{ field: 'file', message: problem }]);

/** The owner record within the actor's scope, or 404 (unknown type, unknown id, or outside the scope alike). */
async function resolveOwner(deps: FilesDeps, db: Database, actor: Actor, ownerType: string, ownerId: string): Promise<FileOwner> {
  const resolver = deps.fileOwners.get(ownerType);
  const owner = resolver ? await resolver(db, actor, ownerId) : null;
  if (!owner) throw notFound('entity.fileOwner');
  return owner;
}

function present(row: AttachmentRow): TAttachment {
  return {
    id: row.id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    filename: row.filename,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.username,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The scope files of an owner are read in: the actor's, or the owner unit's subtree when its files follow it. */
const readScope = async (db: Database, actor: Actor, owner: FileOwner) => (owner.filesFollowOwner ? unitSubtreeScope(db, owner.unitId) : actor.scope);

/** Files of a record the actor can see. */
export async function listFiles(deps: FilesDeps, actor: Actor, ownerType: string, ownerId: string): Promise<TAttachment[]> {
  const owner = await resolveOwner(deps, deps.db, actor, ownerType, ownerId);
  return (await listAttachments(deps.db, await readScope(deps.db, actor, owner), await provinceIdOf(deps.db, owner.unitId), ownerType, ownerId)).map(present);
}

/**
 * Attaches a file to a record: the owner is resolved and the module's write policy checked before the bytes are
 * looked at; then size, and the type read from the bytes (allow-list), then the blob is stored (content-hashed,
 * atomic) and the row written and audited in one transaction.
 */
export async function uploadFile(deps: FilesDeps, actor: Actor, ownerType: string, ownerId: string, upload: Upload): Promise<TAttachment> {
  const owner = await resolveOwner(deps, deps.db, actor, ownerType, ownerId);
  if (!owner.canAttach) throw forbidden();
  if (upload.data.length === 0) throw fileError(400, msg('files.empty'));
  if (upload.data.length > MAX_ATTACHMENT_BYTES) throw fileError(413, msg('upload.tooLarge'));
  const filename = [...upload.filename.normalize('NFC')].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 ? '_' : c)).join('').slice(-255) || 'tep';
  const type = sniffType(upload.data, filename);
  const allowed = Object.values(ALLOWED_TYPES).flat().join(', ');
  if (!type) throw fileError(415, msg('files.typeNotAllowed', { allowed }));
  if (!extensionFits(type, filename)) throw fileError(415, msg('files.extensionMismatch', { type }));
  const sha256 = await deps.files.put(upload.data);
  const provinceId = await provinceIdOf(deps.db, owner.unitId);
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const current = await resolveOwner(deps, trx, actor, ownerType, ownerId);
    if (!current.canAttach) throw forbidden();
    const row = { id, provinceId, ownerType, ownerId, unitId: current.unitId, filename, mimeType: type, sizeBytes: upload.data.length, sha256, uploadedBy: actor.userId, createdAt: clock.now() };
    await insertAttachment(trx, row);
    await recordAudit(trx, actor, { action: 'create', entity: 'attachment', entityId: id, unitId: current.unitId, after: { ownerType, ownerId, filename, mimeType: type, sizeBytes: row.sizeBytes, sha256 } });
  });
  const saved = await findAttachment(deps.db, actor.scope, id);
  if (!saved) throw new Error('attachment not readable after insert');
  return present(saved);
}

/** The bytes of a file whose owner the actor can see (404 otherwise); the download is audited first. */
export async function downloadFile(deps: FilesDeps, actor: Actor, id: string): Promise<{ attachment: TAttachment; data: Buffer }> {
  // a file in the actor's scope, or one whose owner the actor reads and whose files follow the owner
  let row = await findAttachment(deps.db, actor.scope, id);
  const ref = row ?? (await findAttachmentOwner(deps.db, id));
  if (!ref) throw notFound('entity.file');
  const owner = await resolveOwner(deps, deps.db, actor, ref.owner_type, ref.owner_id).catch(() => {
    throw notFound('entity.file');
  });
  if (!row && owner.filesFollowOwner) row = await findAttachment(deps.db, await unitSubtreeScope(deps.db, owner.unitId), id);
  if (!row) throw notFound('entity.file');
  const data = await deps.files.get(row.sha256);
  if (!data) throw new AppError(410, 'gone', fieldMessage('file', msg('files.gone')));
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, actor, { action: 'download', entity: 'attachment', entityId: row.id, unitId: row.unit_id, after: { ownerType: row.owner_type, ownerId: row.owner_id, filename: row.filename } }),
  );
  return { attachment: present(row), data };
}
