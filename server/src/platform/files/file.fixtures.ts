import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import type { BlobStore } from './blob-store.ts';
import { insertAttachment, provinceIdOf } from './file.repository.ts';

/**
 * A small text file attached to a record of `unitId`, for the foreign-scope test: the module that owns the record
 * calls it from its `scopeFixtures` and names the file for GET /api/files/:id and its owner for GET /api/files.
 */
export async function attachFixtureFile(db: Database, files: BlobStore, owner: { type: string; id: string; unitId: number }) {
  const data = Buffer.from(`Tệp thử của ${owner.type} ${owner.id}\n`, 'utf8');
  const id = uuidv7();
  await insertAttachment(db, {
    id,
    provinceId: await provinceIdOf(db, owner.unitId),
    ownerType: owner.type,
    ownerId: owner.id,
    unitId: owner.unitId,
    filename: 'thu.txt',
    mimeType: 'text/plain',
    sizeBytes: data.length,
    sha256: await files.put(data),
    uploadedBy: 0,
    createdAt: clock.now(),
  });
  return { '/api/files/:id': { id }, '/api/files': { ownerType: owner.type, ownerId: owner.id } };
}
