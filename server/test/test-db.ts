import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, openPGlite, type DatabaseHandle } from '#server/db/database.ts';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh database for one test file, cloned from the migrated template (official units loaded, no demo).
 * PGlite: an in-memory instance loaded from the template dump. PostgreSQL: CREATE DATABASE … TEMPLATE.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('dbTemplate');
  if (inject('dbKind') === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const name = `dvs_test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    // two files may clone at once; PostgreSQL refuses a template that another CREATE DATABASE is copying
    for (let attempt = 0; ; attempt++) {
      try {
        await sql.raw(`create database ${name} template ${template}`).execute(admin.db);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        // the pool's sockets may still be closing: wait for them rather than killing them (which logs errors)
        for (let attempt = 0; ; attempt++) {
          try {
            await sql.raw(`drop database if exists ${name}${attempt >= 20 ? ' with (force)' : ''}`).execute(admin.db);
            break;
          } catch (error) {
            if (attempt >= 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        await admin.close();
      },
    };
  }
  const pg = await openPGlite(null, new Blob([readFileSync(template)]));
  return openDatabase({ kind: 'pglite', dataDir: null }, pg);
}
