import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { emulationPolicy } from '../emulation.policy.ts';
import { findNomination } from './review.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The minutes of a review (biên bản bình xét) and other files of a nomination: attached by a reviewer of the
 * reviewing unit while the nomination is open or concluded; read by whoever reads the nomination (the nominating
 * unit's subtree and the units above it).
 */
export const nominationFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!UUID.test(ownerId)) return null;
  const nomination = await findNomination(db, actor.scope, ownerId.toLowerCase());
  if (!nomination) return null;
  return { unitId: nomination.unit_id, canAttach: nomination.can_review && nomination.status !== 'withdrawn' && emulationPolicy.review(actor) };
};
