import { ZRole, type TRole } from '#contracts/auth.ts';
import type { TUser, ZCreateUserRequest, ZMoveUserRequest, ZUpdateUserRequest } from '#contracts/users.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { clock } from '#server/shared/clock.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteUserSessions, hashPassword } from '../auth/index.ts';
import { findUnit } from '../units/index.ts';
import { normaliseRoles, userPolicy } from './user.policy.ts';
import { presentUser } from './user.presenter.ts';
import * as repo from './user.repository.ts';

type CreateUser = z.output<typeof ZCreateUserRequest>;
type UpdateUser = z.output<typeof ZUpdateUserRequest>;
type MoveUser = z.output<typeof ZMoveUserRequest>;

const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** Accounts in the admin's scope; `legacy` 'true' lists only the accounts whose unit has ended. */
export async function listUsers(
  db: Database,
  actor: Actor,
  filter: { q?: string | undefined; unitId?: number | undefined; legacy?: 'true' | 'false' | undefined },
): Promise<TUser[]> {
  authorize(userPolicy.manage(actor));
  const legacy = filter.legacy === undefined ? undefined : filter.legacy === 'true';
  const rows = await repo.listUsers(db, actor.scope, clock.today(), { q: filter.q, unitId: filter.unitId, legacy });
  return rows.map(presentUser);
}

/** One account in the admin's scope, or 404. */
export async function getUser(db: Database, actor: Actor, id: number): Promise<TUser> {
  authorize(userPolicy.manage(actor));
  const row = await repo.findUser(db, actor.scope, id, clock.today());
  if (!row) throw notFound('entity.account');
  return presentUser(row);
}

/** An account's unit, roles and organisation must fit together; throws 400 naming the field, or 404. */
async function checkAccountShape(db: Database, actor: Actor, account: { unitId: number | null; roles: TRole[]; organizationId: number | null }) {
  if (account.unitId === null && !account.roles.includes('system_admin')) {
    throw invalidField('unitId', msg('users.unitRequired'));
  }
  if (account.roles.includes('focal_point') && account.organizationId === null) {
    throw invalidField('organizationId', msg('users.organizationRequired'));
  }
  if (account.organizationId !== null) {
    const organization = await repo.findOrganizationForAccount(db, actor.scope, account.organizationId, account.unitId);
    if (!organization) throw notFound('entity.organization');
    if (!organization.under_unit) throw invalidField('organizationId', msg('users.organizationOutsideUnit', { organization: organization.name }));
  }
}

/**
 * The unit a new or moved account goes to: in the admin's scope (404 otherwise) and current today, since an
 * account on an ended unit would see only the past (400 naming the field).
 */
async function checkCurrentUnit(db: Database, actor: Actor, unitId: number) {
  const today = clock.today();
  const unit = await findUnit(db, actor.scope, unitId, today);
  if (!unit) throw notFound('entity.unit');
  if ((unit.valid_from !== null && unit.valid_from > today) || (unit.valid_to !== null && unit.valid_to < today)) {
    throw invalidField('unitId', msg('users.unitEnded', { unit: unit.full_name }));
  }
  return unit;
}

/**
 * A system administrator sees the whole country only when the account has no unit (its scope comes from the
 * unit): a system administrator on a unit would be narrower than the accounts it creates. Checked where roles
 * or units are written.
 */
function checkSystemAdminHasNoUnit(roles: readonly TRole[], unitId: number | null) {
  if (roles.includes('system_admin') && unitId !== null) {
    throw invalidField('unitId', msg('users.systemAdminNoUnitNationwide'));
  }
}

async function reread(db: Database, actor: Actor, id: number): Promise<TUser> {
  const row = await repo.findUser(db, actor.scope, id, clock.today());
  if (!row) throw new Error('written account not readable');
  return presentUser(row);
}

/** Creates an account in the admin's subtree; the user must change the password at first login. */
export async function createUser(db: Database, actor: Actor, input: CreateUser): Promise<TUser> {
  authorize(userPolicy.manage(actor));
  const roles = normaliseRoles(input.roles);
  authorize(userPolicy.handleRoles(actor, roles), msg('users.systemAdminOnly'));
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    checkSystemAdminHasNoUnit(roles, input.unitId);
    if (input.unitId !== null) await checkCurrentUnit(trx, actor, input.unitId);
    const organizationId = input.organizationId ?? null;
    await checkAccountShape(trx, actor, { unitId: input.unitId, roles, organizationId });
    if (await repo.usernameTaken(trx, input.username)) throw conflict(msg('users.usernameTaken'));
    const id = await repo
      .insertUser(trx, {
        username: input.username,
        password_hash: passwordHash,
        full_name: input.fullName,
        unit_id: input.unitId,
        organization_id: organizationId,
        roles,
        must_change_password: true,
      })
      .catch((error: unknown) => {
        // two admins creating the same username at once: the unique index decides
        throw isUniqueViolation(error) ? conflict(msg('users.usernameTaken')) : error;
      });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'user',
      entityId: id,
      unitId: input.unitId,
      after: { username: input.username, fullName: input.fullName, unitId: input.unitId, organizationId, roles },
    });
    return reread(trx, actor, id);
  });
}

/**
 * Changes an account. A password reset makes the user choose a new one at next login; a reset or disabling
 * ends the user's sessions at once.
 */
export async function updateUser(db: Database, actor: Actor, id: number, input: UpdateUser): Promise<TUser> {
  authorize(userPolicy.manage(actor));
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const current = await repo.findUser(trx, actor.scope, id, clock.today());
    if (!current) throw notFound('entity.account');
    authorize(userPolicy.handleRoles(actor, current.roles), msg('users.systemAdminOnly'));
    const roles = input.roles === undefined ? undefined : normaliseRoles(input.roles);
    if (roles) authorize(userPolicy.handleRoles(actor, roles), msg('users.systemAdminOnly'));
    if (roles) checkSystemAdminHasNoUnit(roles, current.unit_id);
    if (input.disabled === true && id === actor.userId) throw invalidField('disabled', msg('users.cannotDisableSelf'));
    const before = presentUser(current);
    await checkAccountShape(trx, actor, {
      unitId: current.unit_id,
      roles: roles ?? before.roles,
      organizationId: input.organizationId === undefined ? current.organization_id : input.organizationId,
    });
    await repo.updateUser(trx, id, {
      ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
      ...(roles !== undefined ? { roles } : {}),
      ...(input.organizationId !== undefined ? { organization_id: input.organizationId } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(passwordHash !== undefined ? { password_hash: passwordHash, must_change_password: true } : {}),
    });
    if (input.disabled === true || passwordHash !== undefined) await deleteUserSessions(trx, id);
    const changed = (['fullName', 'roles', 'organizationId', 'disabled'] as const).filter((key) => input[key] !== undefined);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      unitId: current.unit_id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: {
        ...Object.fromEntries(changed.map((key) => [key, key === 'roles' ? roles : input[key]])),
        ...(passwordHash !== undefined ? { password: '[reset]' } : {}),
      },
    });
    return reread(trx, actor, id);
  });
}

/**
 * Moves an account to a current unit in the admin's scope, in one action: the way a legacy account (its unit
 * ended in the reform) reaches the successor unit. The old organisation belonged to the old unit, so it is
 * replaced by `organizationId` or cleared; the account's sessions end, as its scope changes.
 */
export async function moveUser(db: Database, actor: Actor, id: number, input: MoveUser): Promise<TUser> {
  authorize(userPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const current = await repo.findUser(trx, actor.scope, id, clock.today());
    if (!current) throw notFound('entity.account');
    authorize(userPolicy.handleRoles(actor, current.roles), msg('users.systemAdminOnly'));
    if (current.unit_id === null) throw invalidField('unitId', msg('users.systemAdminNoUnit'));
    if (current.unit_id === input.unitId) throw invalidField('unitId', msg('users.alreadyInUnit'));
    const roles = current.roles.map((role) => ZRole.parse(role));
    checkSystemAdminHasNoUnit(roles, input.unitId);
    await checkCurrentUnit(trx, actor, input.unitId);
    const organizationId = input.organizationId ?? null;
    await checkAccountShape(trx, actor, { unitId: input.unitId, roles, organizationId });
    await repo.updateUser(trx, id, { unit_id: input.unitId, organization_id: organizationId });
    await deleteUserSessions(trx, id);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      unitId: input.unitId,
      before: { unitId: current.unit_id, organizationId: current.organization_id },
      after: { unitId: input.unitId, organizationId },
    });
    return reread(trx, actor, id);
  });
}
