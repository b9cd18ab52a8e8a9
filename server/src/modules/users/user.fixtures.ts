import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertUser } from './user.repository.ts';

/** An account of the unit (it cannot sign in: its hash matches no password), for the foreign-scope test. */
export async function userScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const id = await insertUser(db, {
    username: `thu.${unitId}`,
    password_hash: '!',
    full_name: `Tài khoản thử ${unitId}`,
    unit_id: unitId,
    organization_id: null,
    roles: ['data_entry'],
    must_change_password: true,
  });
  return { '/api/users/:id': { id }, '/api/users': { unitId } };
}
