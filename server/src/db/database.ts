import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { copyingPool } from './copy.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

/** Where the data lives: an embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null }
  /** preparedStatements: false runs every statement unnamed (a connection pooler without prepared statement support) */
  | { kind: 'postgres'; url: string; preparedStatements?: boolean };

export interface DatabaseHandle {
  db: Database;
  target: DatabaseTarget;
  close(): Promise<void>;
}

// Both engines must hand back the same JS types: int8 as number (our ids and counts stay far below 2^53),
// numeric as number, date as the 'YYYY-MM-DD' string (pg would build a local-time Date and shift the day).
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, keepText);

/** Opens PGlite (data directory, or in memory when dataDir is null) with the extensions our migrations use. */
export async function openPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { ltree, pg_trgm, unaccent, btree_gist, btree_gin },
    parsers: {
      [pgliteTypes.INT8]: parseInt8,
      [pgliteTypes.NUMERIC]: (value: string) => Number(value),
      [pgliteTypes.DATE]: keepText,
    },
  });
}

/** Connects to the target. The caller owns the handle and must `close()` it on shutdown. */
export async function openDatabase(target: DatabaseTarget, pglite?: PGlite): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle client dropped by the server (restart, admin kill) must not crash the process: pg emits the
    // error on the pool, and the next query opens a new connection.
    pool.on('error', (error) => console.error(`PostgreSQL idle client: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: copyingPool(pool, { preparedStatements: target.preparedStatements !== false }) }) });
    return { db, target, close: () => db.destroy() };
  }
  const release = !pglite && target.dataDir ? lockDataDir(target.dataDir) : () => undefined;
  try {
    const instance = pglite ?? (await openPGlite(target.dataDir));
    const db = new Kysely<DB>({ dialect: new PGliteDialect(instance) });
    return {
      db,
      target,
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** DATABASE_URL wins; otherwise PGlite in DATA_DIR (default ./data/pglite). */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== 'off' };
  return { kind: 'pglite', dataDir: env.DATA_DIR ? `${env.DATA_DIR}/pglite` : './data/pglite' };
}
