import type { TRole } from '#contracts/auth.ts';
import { can, type TAction } from '#contracts/permissions.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import { forbidden } from './errors.ts';

/** Which units a user may see: every unit, or the subtrees under these ltree paths. */
export type Scope = { all: true } | { all: false; roots: string[] };

/** The signed-in user making a request, as services and repositories need them. */
export interface Actor {
  userId: number;
  username: string;
  roles: ReadonlySet<TRole>;
  unitId: number | null;
  /** Level of the home unit; null for system administrators. Some actions apply only from some levels. */
  unitLevel: TUnitLevel | null;
  organizationId: number | null;
  scope: Scope;
  ip: string | null;
}

/**
 * Whether the permission table (contracts/permissions.ts) lets the actor do `action`; `target.organizationId` is
 * the organisation the record belongs to, for grants limited to the actor's own organisation.
 */
export const allows = (actor: Actor, action: TAction, target?: { organizationId?: number | null }) => can(actor, action, target);

/** Throws 403 unless the policy allowed it. Handlers call this with a policy function's result. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
