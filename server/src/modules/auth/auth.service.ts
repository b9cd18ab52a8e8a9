import type { TMe } from '#contracts/auth.ts';
import { ZRole } from '#contracts/auth.ts';
import { permissionsOf } from '#contracts/permissions.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError, invalidField, RetryLaterError } from '#server/shared/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { clock } from '#server/shared/clock.ts';
import { msg } from '#server/shared/messages.ts';
import { findUserByUsername, findUserById, setPassword } from './account.repository.ts';
import {
  FAILURES_FORGOTTEN_AFTER_MS,
  throttledMessage,
  TRUSTED_CLIENT_MS,
  USERNAME_ATTEMPTS_PER_HOUR,
  USERNAME_WINDOW_MS,
  waitAfterFailures,
} from './login-throttle.ts';
import { countHit, deleteEndedWindows } from '#server/shared/http/rate-limit.repository.ts';
import * as throttle from './login-throttle.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions } from './session.repository.ts';

export { SESSION_HOURS } from './session.repository.ts';

// Verifying against a real hash when the user does not exist keeps the timing the same: no username probing.
const DUMMY_HASH = await hashPassword('dummy-password-for-timing-1');

/** Key prefix of the per-username attempt windows in rate_limit_window (route limits use 'METHOD /path|'). */
const USERNAME_WINDOW_KEY = 'login-username|';

const badCredentials = () => new AppError(401, 'bad_credentials', msg('auth.badCredentials'));

/**
 * Counts the attempt against (username, client) and the username's hourly ceiling before the password is
 * checked (login-throttle.ts says why); returns the seconds to wait when the attempt is refused, else null.
 */
async function reserveAttempt(db: Database, username: string, client: string): Promise<number | null> {
  const now = clock.now();
  const counted = await throttle.countClientAttempt(db, username, client, now, new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS));
  if (!counted) {
    const until = await throttle.findClientBlock(db, username, client);
    return Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  }
  // set the wait this attempt earns if it fails now: a parallel guess from the same client is refused at once
  const wait = waitAfterFailures(counted.failures);
  if (wait > 0) await throttle.setClientBlock(db, username, client, new Date(now.getTime() + wait * 1000));
  const window = await countHit(db, `${USERNAME_WINDOW_KEY}${username}`, now, USERNAME_WINDOW_MS);
  const trusted = counted.last_success_at !== null && now.getTime() - counted.last_success_at.getTime() < TRUSTED_CLIENT_MS;
  if (window.hits > USERNAME_ATTEMPTS_PER_HOUR && !trusted) {
    return Math.max(1, Math.ceil((window.window_started_at.getTime() + USERNAME_WINDOW_MS - now.getTime()) / 1000));
  }
  return null;
}

/** Checks the password, opens a session and audits the attempt; throws 401, or 429 while the client must wait. */
export async function login(db: Database, username: string, password: string, ip: string | null) {
  const name = username.toLowerCase();
  const client = ip ?? 'unknown';
  const waitSeconds = await db.transaction().execute(async (trx) => {
    const wait = await reserveAttempt(trx, name, client);
    if (wait !== null) {
      const record = { action: 'login_failed', entity: 'user', entityId: name, after: { throttled: true, retryAfterSeconds: wait } } as const;
      await recordAudit(trx, { userId: null, ip }, record);
    }
    return wait;
  });
  if (waitSeconds !== null) throw new RetryLaterError('login_throttled', throttledMessage(waitSeconds), waitSeconds);

  const user = await findUserByUsername(db, name);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabled) {
    await recordAudit(db, { userId: user?.id ?? null, ip }, { action: 'login_failed', entity: 'user', entityId: name, unitId: user?.unit_id ?? null });
    throw badCredentials();
  }
  const session = await db.transaction().execute(async (trx) => {
    const now = clock.now();
    await throttle.recordClientSuccess(trx, name, client, now);
    // expired sessions and stale counters are swept at each login: the tables never grow past what is live
    await deleteExpiredSessions(trx);
    await throttle.deleteStaleThrottles(
      trx,
      now,
      new Date(now.getTime() - FAILURES_FORGOTTEN_AFTER_MS),
      new Date(now.getTime() - TRUSTED_CLIENT_MS),
    );
    await deleteEndedWindows(trx, new Date(now.getTime() - USERNAME_WINDOW_MS), USERNAME_WINDOW_KEY);
    const created = await createSession(trx, user.id);
    await recordAudit(trx, { userId: user.id, ip }, { action: 'login', entity: 'user', entityId: user.id, unitId: user.unit_id });
    return created;
  });
  return { token: session.token, me: toMe(user, session.csrfToken) };
}

interface MeSource {
  id: number;
  username: string;
  full_name: string;
  roles: string[];
  unit_id: number | null;
  unit_name: string | null;
  unit_level: TUnitLevel | null;
  organization_id: number | null;
  must_change_password: boolean;
}

export function toMe(user: MeSource, csrfToken: string): TMe {
  const roles = user.roles.map((role) => ZRole.parse(role));
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    roles,
    unitId: user.unit_id,
    unitName: user.unit_name,
    organizationId: user.organization_id,
    mustChangePassword: user.must_change_password,
    permissions: permissionsOf({ roles, unitLevel: user.unit_level, organizationId: user.organization_id }),
    csrfToken,
  };
}

/** Ends the session (when there is one) and audits the logout. */
export async function logout(db: Database, actor: Actor, sessionToken: string | null) {
  if (sessionToken) await deleteSession(db, sessionToken);
  await recordAudit(db, actor, { action: 'logout', entity: 'user', entityId: actor.userId, unitId: actor.unitId });
}

/** Changes the actor's own password after checking the current one; other sessions of the user end. */
export async function changePassword(db: Database, actor: Actor, currentPassword: string, newPassword: string, keepToken: string) {
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalidField('currentPassword', msg('auth.wrongPassword'));
  }
  if (currentPassword === newPassword) throw invalidField('newPassword', msg('auth.samePassword'));
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, actor.userId, passwordHash, false);
    await deleteUserSessions(trx, actor.userId, keepToken);
    await recordAudit(trx, actor, { action: 'password_change', entity: 'user', entityId: actor.userId, unitId: actor.unitId });
  });
}
