import { ZCreateUserRequest } from '#contracts/users.ts';
import type { Database } from '#server/db/database.ts';
import { AppError, conflict, fieldMessage } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { insertSystemAdministrator, usernameExists } from './account.repository.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';

/**
 * Creates a system administrator from the command line (`npm run admin:create`), the way a real deployment gets
 * its first account: a random one-time password, returned once to be printed, that must be changed at first login.
 * Audited with no acting user (the operator at the server's console).
 */
export async function createSystemAdministrator(db: Database, input: { username: string; fullName?: string | undefined }) {
  const parsed = ZCreateUserRequest.shape.username.safeParse(input.username);
  if (!parsed.success) {
    throw new AppError(400, 'validation', fieldMessage('username', msg('auth.firstAdmin.badUsername')));
  }
  const username = parsed.data;
  const fullName = input.fullName?.trim() || msg('auth.firstAdmin.defaultName');
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    if (await usernameExists(trx, username)) throw conflict(msg('auth.firstAdmin.usernameTaken', { username }));
    const created = await insertSystemAdministrator(trx, { username, fullName, passwordHash });
    await recordAudit(trx, null, {
      action: 'create',
      entity: 'user',
      entityId: created,
      after: { username, fullName, roles: ['system_admin'], via: 'admin:create' },
    });
    return created;
  });
  return { id, username, password };
}
