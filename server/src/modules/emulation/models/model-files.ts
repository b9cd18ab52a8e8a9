import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { ZUuid } from '#contracts/jobs.ts';
import * as repo from './model.repository.ts';
import { modelPolicy } from './model.policy.ts';

/**
 * Photos and documents of a model (the story's photos, the review's minutes, the recognition decision): visible to
 * whoever sees the model, attached by whoever may register, review or recognise it. Steps name the documents they record.
 */
export const modelFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!ZUuid.safeParse(ownerId).success || !modelPolicy.read(actor)) return null;
  const row = await repo.findModel(db, actor.scope, await repo.provincesOf(db, actor.scope), ownerId);
  if (!row) return null;
  const ownerOrg = row.owner_organization_id === null ? null : Number(row.owner_organization_id);
  return { unitId: Number(row.unit_id), canAttach: modelPolicy.register(actor, ownerOrg) || modelPolicy.review(actor) || modelPolicy.recognize(actor) };
};
