import { z } from 'zod';
import { ZNewPassword, ZRole } from './auth.ts';
import { ZId, ZIdParams, zString, zText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZUnitRef } from './units.ts';

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  organizationId: ZId.nullable(),
  roles: z.array(ZRole),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** A legacy account: its unit has ended (valid_to before today), so it sees only that unit's past records. */
  unitEnded: z.boolean(),
  /** For a legacy account, the current units its unit went into (in the admin's scope): where to move it. */
  successorUnits: z.array(ZUnitRef),
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/),
  fullName: zText(200),
  /** Required except for system administrators. */
  unitId: ZId.nullable(),
  organizationId: ZId.nullable().optional(),
  roles: z.array(ZRole).min(1),
  /** Initial password; the user must change it at first login. */
  password: ZNewPassword,
});

export const ZUpdateUserRequest = z.object({
  fullName: zText(200).optional(),
  roles: z.array(ZRole).min(1).optional(),
  organizationId: ZId.nullable().optional(),
  disabled: z.boolean().optional(),
  /** Set a new initial password (the user must change it again). */
  password: ZNewPassword.optional(),
});

export const ZUserListQuery = z.object({
  q: zString().trim().max(100).optional(),
  unitId: ZId.optional(),
  /** 'true': only legacy accounts (their unit has ended); 'false': only accounts of current units. */
  legacy: z.enum(['true', 'false']).optional(),
});

/** Moves an account to a current unit (a legacy account to its unit's successor); its organisation is reset. */
export const ZMoveUserRequest = z.object({
  unitId: ZId,
  /** An organisation of the new unit; required for a focal point. */
  organizationId: ZId.nullable().optional(),
});

export const userEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/users',
    summary: 'Accounts in the admin’s subtree',
    query: ZUserListQuery,
    response: z.array(ZUser),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/users/:id',
    summary: 'One account in the admin’s subtree',
    params: ZIdParams,
    response: ZUser,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/users',
    summary: 'Create an account',
    body: ZCreateUserRequest,
    response: ZUser,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change an account (roles, disabled, reset password)',
    params: ZIdParams,
    body: ZUpdateUserRequest,
    response: ZUser,
  }),
  move: endpoint({
    method: 'POST',
    path: '/api/users/:id/move',
    summary: 'Move an account to a current unit (a legacy account to a successor of its ended unit)',
    params: ZIdParams,
    body: ZMoveUserRequest,
    response: ZUser,
  }),
};
