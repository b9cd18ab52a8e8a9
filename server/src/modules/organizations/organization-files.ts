import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { clock } from '#server/shared/clock.ts';
import { hasEnded } from '#server/shared/history.ts';
import { organizationPolicy } from './organization.policy.ts';
import { findOrganization } from './organization.repository.ts';

/**
 * Documents of an organisation: visible to whoever sees the organisation, attached by whoever may change it
 * while it is in force (an ended organisation is history: read-only).
 */
export const organizationFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!/^\d{1,15}$/.test(ownerId)) return null;
  const organization = await findOrganization(db, actor.scope, Number(ownerId), clock.today());
  if (!organization) return null;
  return { unitId: organization.unit_id, canAttach: organizationPolicy.write(actor, organization.id) && !hasEnded(organization.last_day) };
};
