import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertPeople } from './person.repository.ts';

/** A person registered in the unit, with ethnicity and religion, for the foreign-scope test. */
export async function personScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const [id] = await insertPeople(db, [
    { unit_id: unitId, full_name: `Lê Thị Thử ${unitId}`, gender: 'female', birth_year: 1985, phone: null, ethnicity: 'Kinh', religion: 'Phật giáo' },
  ]);
  if (id === undefined) throw new Error('person not created');
  return { '/api/people/:id': { id }, '/api/people': { unitId } };
}
