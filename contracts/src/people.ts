import { z } from 'zod';
import { ZBackfill, ZDate, ZId, ZIdParams, ZOk, zString, zText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZRoleHeld } from './organizations.ts';

export const ZGender = z.enum(['male', 'female', 'other']);

/** A person without the legally sensitive fields. */
export const ZPerson = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  fullName: z.string(),
  gender: ZGender.nullable(),
  birthYear: z.number().int().nullable(),
  phone: z.string().nullable(),
});
export type TPerson = z.infer<typeof ZPerson>;

/** Ethnicity and religion: present only for roles the people policy allows; every read is audited. */
export const ZSensitive = z.object({ ethnicity: z.string().nullable(), religion: z.string().nullable() });

export const ZPersonDetail = z.object({
  person: ZPerson,
  /** null when the caller may not read sensitive fields. */
  sensitive: ZSensitive.nullable(),
  /** Every role, past and present, newest first. */
  roles: z.array(ZRoleHeld),
});
export type TPersonDetail = z.infer<typeof ZPersonDetail>;

export const ZPersonInput = z.object({
  unitId: ZId,
  fullName: zText(200),
  gender: ZGender.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ .-]{8,20}$/)
    .nullable()
    .optional(),
  ethnicity: zText(50).nullable().optional(),
  religion: zText(50).nullable().optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

export const ZPersonListQuery = z.object({
  unitId: ZId,
  /** Name, diacritics optional. */
  q: zString().trim().max(100).optional(),
  /** Include people registered in the whole subtree of the unit. */
  subtree: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZRoleInput = z.object({
  organizationId: ZId,
  title: zText(100),
  isHead: z.boolean().default(false),
  termFrom: ZDate,
  termTo: ZDate.nullable().optional(),
  /** A system administrator records a role in an ended organisation's history (common.ts, ZBackfill). */
  backfill: ZBackfill,
});

export const ZEndRoleRequest = z.object({ termTo: ZDate, backfill: ZBackfill });

export const personEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/people',
    summary: 'People registered in a unit',
    query: ZPersonListQuery,
    response: z.object({ items: z.array(ZPerson), total: z.number().int() }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/people/:id',
    summary: 'One person with roles (and sensitive fields when allowed, audited)',
    params: ZIdParams,
    response: ZPersonDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/people',
    summary: 'Register a person',
    body: ZPersonInput.extend({ backfill: ZBackfill }),
    response: ZPerson,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/people/:id',
    summary: 'Change a person',
    params: ZIdParams,
    body: ZPersonInput.omit({ unitId: true }).partial(),
    response: ZPerson,
  }),
  addRole: endpoint({
    method: 'POST',
    path: '/api/people/:id/roles',
    summary: 'Give a person a role in an organisation for a term',
    params: ZIdParams,
    body: ZRoleInput,
    response: ZRoleHeld,
  }),
  endRole: endpoint({
    method: 'POST',
    path: '/api/roles/:id/end',
    summary: 'End a role on a date (the role stays in history)',
    params: ZIdParams,
    body: ZEndRoleRequest,
    response: ZOk,
  }),
};
