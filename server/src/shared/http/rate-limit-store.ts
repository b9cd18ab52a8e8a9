import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { clock } from '../clock.ts';
import { countHit, deleteEndedWindows, readHits } from './rate-limit.repository.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Sweep finished windows about once in this many hits (cheap, and no timer to stop). */
const SWEEP_EVERY = 500;

/**
 * A store for @fastify/rate-limit that counts in the database (table rate_limit_window) instead of the plugin's
 * in-memory LRU, so every app process sees the same count (SCALE.md rule 7). Fixed windows of the route's
 * `timeWindow`; `ttl` is what is left of the window (the plugin turns it into Retry-After).
 */
export function databaseRateLimitStore(db: Kysely<DB>) {
  let hits = 0;
  return class DatabaseRateLimitStore {
    private readonly routeKey: string;

    /** The plugin constructs the root store with its options; `child` passes the route's key prefix. */
    constructor(routeKey: unknown = '') {
      this.routeKey = typeof routeKey === 'string' ? routeKey : '';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now();
      countHit(db, `${this.routeKey}${key}`, now, timeWindow)
        .then(async (row) => {
          if (++hits % SWEEP_EVERY === 0) await deleteEndedWindows(db, new Date(now.getTime() - 24 * 3600_000));
          callback(null, { current: row.hits, ttl: Math.max(0, new Date(row.window_started_at).getTime() + timeWindow - now.getTime()) });
        })
        .catch((error: unknown) => callback(error as Error));
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now();
      readHits(db, `${this.routeKey}${key}`)
        .then((row) => {
          const started = row ? new Date(row.window_started_at).getTime() : 0;
          const open = row !== undefined && started + timeWindow > now.getTime();
          callback(null, { current: open ? row.hits : 0, ttl: open ? started + timeWindow - now.getTime() : timeWindow });
        })
        .catch((error: unknown) => callback(error as Error));
    }

    /**
     * A route's own store: its keys are prefixed with the route, so two limited routes never share a count, unless
     * they name one `groupId` (the JSON login and the HTML login form: one count per IP for both).
     */
    child(routeOptions: object): DatabaseRateLimitStore {
      // typed as the route's options; what the plugin passes is its merged options with the route as routeInfo
      const { routeInfo: route, groupId } = routeOptions as { routeInfo?: { method?: unknown; url?: unknown }; groupId?: unknown };
      if (typeof groupId === 'string' && groupId) return new DatabaseRateLimitStore(`group ${groupId}|`);
      return new DatabaseRateLimitStore(`${String(route?.method ?? '')} ${String(route?.url ?? '')}|`);
    }
  };
}
