import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, openPGlite, type DatabaseHandle, type DatabaseTarget } from '#server/db/database.ts';
import { packageVersion } from './machine.ts';

/** Where the benchmark data lives: DATABASE_URL wins; otherwise PGlite in BENCH_DATA_DIR (default ./data/bench/pglite). */
export function benchTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: env.BENCH_DATA_DIR ?? './data/bench/pglite' };
}

/** A query runner that bypasses Kysely and our dialect: the driver itself (PGlite `query`, or a `pg.Pool`). */
export interface RawClient {
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** An open benchmark database: the app's Kysely handle, a raw driver client on the same data, the engine line. */
export interface BenchDatabase {
  handle: DatabaseHandle;
  raw: RawClient;
  /** e.g. "PGlite 0.5.16 (PostgreSQL 17.5)" or "PostgreSQL 15.18". */
  engine: string;
  close(): Promise<void>;
}

function rawPGlite(instance: PGlite): RawClient {
  return {
    query: async <R>(text: string, params: unknown[] = []) => (await instance.query<R>(text, params)).rows,
    close: async () => undefined,
  };
}

/** A pool of the same size as the app's (database.ts), so the raw-SQL baseline server may run queries in parallel too. */
function rawPostgres(url: string): RawClient {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    query: async <R>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as R[],
    close: () => pool.end(),
  };
}

const shortVersion = (version: string) => version.match(/PostgreSQL [\d.]+/)?.[0] ?? version;

/** Opens the target with both a Kysely handle and a raw client. The caller must `close()`. */
export async function openBenchDatabase(target: DatabaseTarget = benchTarget()): Promise<BenchDatabase> {
  if (target.kind === 'postgres') {
    const handle = await openDatabase(target);
    const raw = rawPostgres(target.url);
    const [row] = await raw.query<{ version: string; shared_buffers: string; work_mem: string }>(
      "select version(), current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem",
    );
    return {
      handle,
      raw,
      // the settings that move the figures most (the cluster's, not the product's)
      engine: `${shortVersion(row?.version ?? 'PostgreSQL ?')} (shared_buffers ${row?.shared_buffers ?? '?'}, work_mem ${row?.work_mem ?? '?'})`,
      close: async () => {
        await raw.close();
        await handle.close();
      },
    };
  }
  const instance = await openPGlite(target.dataDir);
  const handle = await openDatabase(target, instance);
  const raw = rawPGlite(instance);
  const [row] = await raw.query<{ version: string }>('select version()');
  return {
    handle,
    raw,
    engine: `PGlite ${packageVersion('@electric-sql/pglite')} (${shortVersion(row?.version ?? '?')}, WASM, single connection)`,
    close: async () => {
      await handle.close(); // Kysely closes PGlite only if it ever ran a query
      if (!instance.closed) await instance.close();
    },
  };
}
