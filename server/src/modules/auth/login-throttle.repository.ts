import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/**
 * Counts an attempt for (username, client) before the password is checked, unless the client must still wait:
 * one statement, so parallel guesses cannot slip through between a check and a write. Failures older than
 * `forgetBefore` start the count again. Returns the failures counted with this attempt, or null when refused.
 */
export async function countClientAttempt(db: Kysely<DB>, username: string, client: string, now: Date, forgetBefore: Date) {
  const next = sql<number>`case when login_throttle.last_failure_at is null or login_throttle.last_failure_at < ${forgetBefore}
    then 1 else login_throttle.failures + 1 end`;
  const row = await db
    .insertInto('login_throttle')
    .values({ username, client, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc
        .columns(['username', 'client'])
        .doUpdateSet({ failures: next, last_failure_at: now })
        .where(sql<boolean>`login_throttle.blocked_until is null or login_throttle.blocked_until <= ${now}`),
    )
    .returning(['failures', 'last_success_at'])
    .executeTakeFirst();
  return row ?? null;
}

/** When the client may try again (null: now). */
export async function findClientBlock(db: Kysely<DB>, username: string, client: string): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where('username', '=', username)
    .where('client', '=', client)
    .executeTakeFirst();
  return row?.blocked_until ?? null;
}

/** Makes the client wait until `until` (null: no wait). */
export async function setClientBlock(db: Kysely<DB>, username: string, client: string, until: Date | null): Promise<void> {
  await db.updateTable('login_throttle').set({ blocked_until: until }).where('username', '=', username).where('client', '=', client).execute();
}

/** A success from the client: its count starts again and it is trusted for the username-wide ceiling. */
export async function recordClientSuccess(db: Kysely<DB>, username: string, client: string, now: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: 0, last_failure_at: null, blocked_until: null, last_success_at: now })
    .where('username', '=', username)
    .where('client', '=', client)
    .execute();
}

/** Forgets clients with neither a recent failure nor a trusted success. */
export async function deleteStaleThrottles(db: Kysely<DB>, now: Date, failuresBefore: Date, successBefore: Date) {
  await db
    .deleteFrom('login_throttle')
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', failuresBefore)]))
    .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', successBefore)]))
    .execute();
}
