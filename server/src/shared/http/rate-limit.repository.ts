import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/**
 * The one fixed-window counter: per-IP request limits (rate-limit-store.ts) and the per-username login ceiling.
 * Counts a hit for `key` in its current window (a new window once `windowMs` has passed since it started), in one
 * statement so concurrent requests of several processes are all counted. Returns the hits and the window start.
 */
export async function countHit(db: Kysely<DB>, key: string, now: Date, windowMs: number) {
  const expired = sql<boolean>`rate_limit_window.window_started_at <= ${new Date(now.getTime() - windowMs)}`;
  return db
    .insertInto('rate_limit_window')
    .values({ key, window_started_at: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        window_started_at: sql<Date>`case when ${expired} then ${now} else rate_limit_window.window_started_at end`,
        hits: sql<number>`case when ${expired} then 1 else rate_limit_window.hits + 1 end`,
      }),
    )
    .returning(['hits', 'window_started_at'])
    .executeTakeFirstOrThrow();
}

/** The hits of `key` in its window, without counting (null: no window open). */
export async function readHits(db: Kysely<DB>, key: string) {
  return db.selectFrom('rate_limit_window').select(['hits', 'window_started_at']).where('key', '=', key).executeTakeFirst();
}

/** Forgets windows started before `before` whose key starts with `keyPrefix` (all keys by default). */
export async function deleteEndedWindows(db: Kysely<DB>, before: Date, keyPrefix = ''): Promise<void> {
  let query = db.deleteFrom('rate_limit_window').where('window_started_at', '<', before);
  if (keyPrefix) query = query.where(sql<boolean>`starts_with(key, ${keyPrefix})`);
  await query.execute();
}
