import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { AppError, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { actorProvinces } from '../field.service.ts';
import { petitionPolicy } from '../petition.policy.ts';
import { findPhoto, findScopedCase } from './portal.repository.ts';

/** The photo a citizen sent with a portal case, for an officer who may read the case (a case in scope). */
export async function portalPhoto(deps: { db: Database; files: BlobStore }, actor: Actor, caseId: string): Promise<{ mime: string; data: Buffer }> {
  authorize(petitionPolicy.read(actor));
  const c = await findScopedCase(deps.db, actor.scope, await actorProvinces(deps.db, actor), caseId);
  if (!c) throw notFound('entity.record');
  const photo = await findPhoto(deps.db, Number(c.province_id), caseId);
  if (!photo?.photo_sha256 || !photo.photo_mime) throw notFound('entity.file');
  const data = await deps.files.get(photo.photo_sha256);
  if (!data) throw new AppError(410, 'gone', msg('files.gone'));
  return { mime: photo.photo_mime, data };
}
