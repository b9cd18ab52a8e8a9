import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { programmePolicy } from './programme.policy.ts';
import { findProgramme } from './programme.repository.ts';

/**
 * The programme's document file (the decision, plan or resolution itself): attached by whoever may manage the
 * programme; seen by every reader of the programme, the units below its owner included (filesFollowOwner).
 */
export const programmeFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!/^\d{1,15}$/.test(ownerId)) return null;
  const programme = await findProgramme(db, actor.scope, Number(ownerId));
  if (!programme) return null;
  // whoever reads the programme (a commune reads its province's) reads its document
  return { unitId: programme.owner_unit_id, canAttach: programme.in_scope && programmePolicy.manage(actor), filesFollowOwner: true };
};
