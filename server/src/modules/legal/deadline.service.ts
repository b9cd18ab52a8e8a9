import type { Kysely } from 'kysely';
import type { DeadlineQuery, TDeadlineResult } from '#contracts/legal/deadline.schemas.ts';
import type { DB } from '#server/db/schema.ts';

/** Every deadline of a case (see index.ts). First version: implemented in the next commit. */
export async function caseDeadlines(_db: Kysely<DB>, _query: DeadlineQuery): Promise<TDeadlineResult> {
  throw new Error('legal deadlines: not implemented yet');
}
