import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** Migration files in order: `YYYYMMDDTHHMM_name.sql`. Never edit one that has landed; add a new one. */
export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => /^\d{8}T\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
}

/** sha256 of a migration's text, recorded when applied so later edits are caught. */
const migrationChecksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Applies pending migrations, each in its own transaction, and returns their names. Refuses to run when an
 * already-applied migration's file has changed since: the database would no longer match the code.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key, checksum text, applied_at timestamptz not null default now())`.execute(db);
  // databases made before checksums were recorded get the column; their rows keep a null checksum
  await sql`alter table schema_migration add column if not exists checksum text`.execute(db);
  const done = new Map(
    (await db.selectFrom('schema_migration').select(['name', 'checksum']).execute()).map((row) => [row.name, row.checksum]),
  );
  const applied: string[] = [];
  for (const name of listMigrations(dir)) {
    const text = readFileSync(join(dir, name), 'utf8');
    const checksum = migrationChecksum(text);
    if (done.has(name)) {
      const recorded = done.get(name);
      if (recorded && recorded !== checksum) {
        throw new Error(`migration ${name} was edited after it was applied; add a new migration instead`);
      }
      continue;
    }
    await db.transaction().execute(async (trx) => {
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migration').values({ name, checksum }).execute();
    });
    applied.push(name);
  }
  return applied;
}
