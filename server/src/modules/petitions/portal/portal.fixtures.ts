import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { clock } from '#server/shared/clock.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { findNationalField } from '../field.repository.ts';
import { intakeFromPortal } from './intake.ts';
import { insertSubmission } from './portal.repository.ts';
import { hashSecret } from './portal.rules.ts';

/** A portal case with a photo, received by the commune, for the foreign-scope test (the officers' photo endpoint). */
export async function portalScopeFixtures(db: Database, unitId: number, files: BlobStore): Promise<ScopeFixture> {
  const field = await findNationalField(db, 'land');
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`fixture ${unitId}`)]);
  const sha = await files.put(photo);
  // a unit that has ended (a 2019 commune) receives its case on its last day
  const unit = await db.selectFrom('admin_unit').select('valid_to').where('id', '=', unitId).executeTakeFirst();
  const receivedOn = unit?.valid_to && unit.valid_to < clock.today() ? unit.valid_to : clock.today();
  const { id } = await db.transaction().execute(async (trx) => {
    const c = await intakeFromPortal(trx, {
      kind: 'feedback', channel: 'portal', fieldId: field?.id ?? 1, unitId, locationUnitId: unitId, subject: `Phản ánh thử ${unitId}`,
      content: 'Nội dung phản ánh thử', receivedOn, persons: [{ fullName: 'Người gửi thử' }],
    });
    await insertSubmission(trx, { province_id: c.provinceId, case_id: c.id, via: 'portal', secret_hash: hashSecret('FIXTURE234'), photo_sha256: sha, photo_mime: 'image/jpeg', photo_bytes: photo.length, place: null, created_at: clock.now() });
    return c;
  });
  return { '/api/petitions/portal-photo/:caseId': { caseId: id } };
}
