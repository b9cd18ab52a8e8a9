import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { ZUuid } from '#contracts/jobs.ts';
import * as repo from './case.repository.ts';
import { actorProvinces } from './field.service.ts';
import { petitionPolicy } from './petition.policy.ts';

/**
 * Documents of a case (the letter, the transfer letter, minutes of verification, the decision): visible to whoever
 * sees the case, attached by whoever may handle cases in its unit. Steps name the documents they record.
 */
export const petitionCaseFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!ZUuid.safeParse(ownerId).success || !petitionPolicy.read(actor)) return null;
  const row = await repo.findCase(db, actor.scope, await actorProvinces(db, actor), ownerId);
  if (!row) return null;
  return { unitId: row.unit_id, canAttach: petitionPolicy.manage(actor) };
};
