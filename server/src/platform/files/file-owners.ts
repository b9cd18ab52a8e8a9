import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';

/** The record that owns files, as its module sees it for this actor. */
export interface FileOwner {
  /** The owner's unit (files are scoped through it). */
  unitId: number;
  /** Whether the actor may attach files to it (the module's write policy). */
  canAttach: boolean;
  /**
   * The owner's files are read by whoever the resolver found may read the owner, even outside the owner unit's
   * subtree (a commune reads the province's programme and so its document). Default: files are read only by actors
   * whose scope holds the unit the file was attached in.
   */
  filesFollowOwner?: boolean;
}

/**
 * Finds an owner record within the actor's scope, or null when it does not exist or lies outside it. Modules
 * register one per owner type (`fileOwners` in their index.ts); the files module never reads their tables.
 */
export type FileOwnerResolver = (db: Database, actor: Actor, ownerId: string) => Promise<FileOwner | null>;
