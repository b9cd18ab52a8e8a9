import type { TRole } from '#contracts/auth.ts';
import { forbidden } from './errors.ts';

/** Which units a user may see: every unit, or the subtrees under these ltree paths. */
export type Scope = { all: true } | { all: false; roots: string[] };

/** The signed-in user making a request, as services and repositories need them. */
export interface Actor {
  userId: number;
  username: string;
  roles: ReadonlySet<TRole>;
  unitId: number | null;
  organizationId: number | null;
  scope: Scope;
  ip: string | null;
}

export const hasRole = (actor: Actor, ...roles: TRole[]) => roles.some((role) => actor.roles.has(role));

/** Throws 403 unless the policy allowed it. Handlers call this with a policy function's result. */
export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}
