import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { executePrepared } from '#server/db/prepared.ts';
import { clock } from '#server/shared/clock.ts';

/** How long a session lives without a new login. */
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(db: Database, userId: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('app_session')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(clock.now().getTime() + SESSION_HOURS * 3600_000),
    })
    .execute();
  return { token, csrfToken };
}

/** The live session's user with the ltree roots of their scope, in one query (it runs on every request). */
export async function findSessionUser(db: Database, token: string) {
  const query = db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.roles',
      'u.unit_id',
      'u.organization_id',
      'u.must_change_password',
      's.csrf_token',
      'unit.full_name as unit_name',
      'unit.level as unit_level',
      sql<string[] | null>`case when u.unit_id is null then null else unit_scope_paths(u.unit_id)::text[] end`.as('scope_roots'),
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', clock.now())
    .where('u.disabled', '=', false);
  const [user] = (await executePrepared(db, query)).rows;
  return user;
}

/** A live session's user, as every request loads it. */
export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSessionUser>>>;

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.deleteFrom('app_session').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every session of a user (password change, account disabled), optionally keeping one. */
export async function deleteUserSessions(db: Database, userId: number, keepToken?: string): Promise<void> {
  let query = db.deleteFrom('app_session').where('user_id', '=', userId);
  if (keepToken) query = query.where('token_hash', '!=', hashToken(keepToken));
  await query.execute();
}

export async function deleteExpiredSessions(db: Database): Promise<void> {
  await db.deleteFrom('app_session').where('expires_at', '<=', clock.now()).execute();
}
