import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

/** Migration files in order: `YYYYMMDDTHHMM_name.sql`. Never edit one that has landed; add a new one. */
export function listMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => /^\d{8}T\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort();
}

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  const done = new Set(
    (await db.selectFrom('schema_migration').select('name').execute()).map((row) => row.name),
  );
  const applied: string[] = [];
  for (const name of listMigrations(dir)) {
    if (done.has(name)) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    await db.transaction().execute(async (trx) => {
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migration').values({ name }).execute();
    });
    applied.push(name);
  }
  return applied;
}
