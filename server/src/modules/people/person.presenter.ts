import type { TRoleHeld } from '#contracts/organizations.ts';
import type { TPerson } from '#contracts/people.ts';
import type { RoleRecord } from './role.repository.ts';

/** Repository row → contract person (never the sensitive columns). */
export function presentPerson(row: {
  id: number;
  unit_id: number;
  unit_name: string;
  full_name: string;
  gender: 'male' | 'female' | 'other' | null;
  birth_year: number | null;
  phone: string | null;
}): TPerson {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fullName: row.full_name,
    gender: row.gender,
    birthYear: row.birth_year,
    phone: row.phone,
  };
}

/** Repository row → contract role. */
export function presentRole(row: RoleRecord): TRoleHeld {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    title: row.title,
    isHead: row.is_head,
    termFrom: row.term_from,
    termTo: row.term_to,
    organizationLastDay: row.organization_last_day,
  };
}

/** Marker written to the audit log instead of an ethnicity or religion value. */
const PROTECTED = '[protected]';

/** A copy for the audit log with ethnicity and religion (when present) replaced by PROTECTED. */
export function maskSensitive<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const key of ['ethnicity', 'religion']) if (key in copy) copy[key] = PROTECTED;
  return copy as T;
}
