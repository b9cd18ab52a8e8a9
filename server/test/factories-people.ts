import type { TRole } from '#contracts/auth.ts';
import type { Database } from '#server/db/database.ts';
import { buildUser, TEST_PASSWORD } from './factories.ts';
import { TestClient } from './http-client.ts';

/** A role held by a person in an organisation; defaults: "Thành viên", not head, from 2024-01-01, open. */
export async function buildRole(
  db: Database,
  personId: number,
  organizationId: number,
  overrides: Partial<{ title: string; isHead: boolean; termFrom: string; termTo: string | null }> = {},
) {
  const row = await db
    .insertInto('person_role')
    .values({
      person_id: personId,
      organization_id: organizationId,
      title: overrides.title ?? 'Thành viên',
      is_head: overrides.isHead ?? false,
      term_from: overrides.termFrom ?? '2024-01-01',
      term_to: overrides.termTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A signed-in client for a new user (defaults: data_entry; pass unitId null for a whole-country user). */
export async function signIn(
  baseUrl: string,
  db: Database,
  overrides: Partial<{ unitId: number | null; roles: TRole[]; organizationId: number | null }> = {},
) {
  const user = await buildUser(db, overrides);
  const client = new TestClient(baseUrl);
  const response = await client.login(user.username, TEST_PASSWORD);
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return Object.assign(client, { userId: user.id, username: user.username });
}

