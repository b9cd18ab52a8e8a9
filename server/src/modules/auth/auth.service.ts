import type { TMe } from '#contracts/auth.ts';
import { ZRole } from '#contracts/auth.ts';
import { permissionsOf } from '#contracts/permissions.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError, invalidField } from '#server/shared/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { countRecentFailedLogins, findUserByUsername, findUserById, setPassword } from './account.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions } from './session.repository.ts';

export { SESSION_HOURS } from './session.repository.ts';

/** After this many failed logins for one username in LOCK_MINUTES, refuse further attempts for a while. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

// Verifying against a real hash when the user does not exist keeps the timing the same: no username probing.
const DUMMY_HASH = await hashPassword('dummy-password-for-timing-1');

const badCredentials = () => new AppError(401, 'bad_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/** Checks the password, opens a session and audits the attempt; throws 401 or 429. */
export async function login(db: Database, username: string, password: string, ip: string | null) {
  const failures = await countRecentFailedLogins(db, username, LOCK_MINUTES);
  if (failures >= MAX_FAILED_LOGINS) {
    throw new AppError(429, 'locked', `Đăng nhập sai quá ${MAX_FAILED_LOGINS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút.`);
  }
  const user = await findUserByUsername(db, username);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabled) {
    await recordAudit(db, { userId: user?.id ?? null, ip }, {
      action: 'login_failed',
      entity: 'user',
      entityId: username.toLowerCase(),
      unitId: user?.unit_id ?? null,
    });
    throw badCredentials();
  }
  // expired sessions are swept at each login: the table never grows past the live sessions plus a day's logins
  await deleteExpiredSessions(db);
  const session = await createSession(db, user.id);
  await recordAudit(db, { userId: user.id, ip }, { action: 'login', entity: 'user', entityId: user.id, unitId: user.unit_id });
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
    throw invalidField('currentPassword', 'Mật khẩu hiện tại', 'không đúng');
  }
  if (currentPassword === newPassword) throw invalidField('newPassword', 'Mật khẩu mới', 'phải khác mật khẩu hiện tại');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, actor.userId, passwordHash, false);
    await deleteUserSessions(trx, actor.userId, keepToken);
    await recordAudit(trx, actor, { action: 'password_change', entity: 'user', entityId: actor.userId, unitId: actor.unitId });
  });
}
