import type { Database } from '#server/db/database.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import { attachFixtureFile } from '#server/platform/files/file.fixtures.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertOrganization } from './organization.repository.ts';

/** An organisation of the unit with a document attached, for the foreign-scope test. */
export async function organizationScopeFixtures(db: Database, unitId: number, files: BlobStore): Promise<ScopeFixture> {
  const id = await insertOrganization(db, {
    unit_id: unitId,
    type: 'village_team',
    name: `Tổ dân vận thử ${unitId}`,
    parent_organization_id: null,
    worker_count: null,
    has_trade_union: null,
    religion_name: null,
    founded_on: null,
    dissolved_on: null,
  });
  const file = await attachFixtureFile(db, files, { type: 'organization', id: String(id), unitId });
  return { '/api/organizations/:id': { id }, '/api/organizations': { unitId }, ...file };
}
