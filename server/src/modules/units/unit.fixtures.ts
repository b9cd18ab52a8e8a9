import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { findCommune, insertUnits } from './unit.repository.ts';

/** A village of the commune, for the foreign-scope test: the unit endpoints are called with it and the commune. */
export async function unitScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const commune = await findCommune(db, { all: true }, unitId);
  if (!commune) throw new Error(`unit ${unitId} does not exist`);
  const [village] = await insertUnits(db, [
    {
      structure: commune.structure,
      code: null,
      name: `Thử ${unitId}`,
      full_name: `Thôn Thử ${unitId}`,
      level: 'village',
      type: 'thôn',
      parent_id: unitId,
      valid_from: commune.valid_from,
      valid_to: commune.valid_to,
    },
  ]);
  if (!village) throw new Error('village not created');
  return { '/api/units/:id': { id: village.id }, '/api/units': { parentId: unitId } };
}
