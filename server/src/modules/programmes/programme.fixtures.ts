import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { attachFixtureFile } from '#server/platform/files/file.fixtures.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertProgramme } from './programme.repository.ts';

/** A programme of the unit with its document attached, for the foreign-scope test. */
export async function programmeScopeFixtures(db: Database, unitId: number, files: BlobStore): Promise<ScopeFixture> {
  const { id } = await insertProgramme(db, {
    owner_unit_id: unitId,
    parent_programme_id: null,
    kind: 'plan',
    number: `${unitId}-KH/ĐU`,
    issuer: 'Đảng ủy xã',
    issued_on: '2026-01-15',
    title: `Kế hoạch thử ${unitId}`,
    from_year: 2026,
    to_year: 2030,
    general_objective: null,
    status: 'active',
    pack_code: null,
    pack_version: null,
    created_by: null,
  });
  const file = await attachFixtureFile(db, files, { type: 'programme', id: String(id), unitId });
  return { '/api/programmes/:id': { id }, '/api/programmes': { unitId }, ...file };
}
