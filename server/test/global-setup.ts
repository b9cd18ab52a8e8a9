import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDatabase, openPGlite } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a gzipped data dir of the migrated template. PostgreSQL: name of the template database. */
    dbTemplate: string;
    dbKind: 'pglite' | 'postgres';
  }
}

/**
 * Builds the template once per run: migrated schema plus the official units of both structures. Test files
 * clone it (immich's pattern) instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `dvs_template_${process.pid}`;
    const admin = await openDatabase({ kind: 'postgres', url });
    await sql.raw(`drop database if exists ${template}`).execute(admin.db);
    await sql.raw(`create database ${template}`).execute(admin.db);
    const target = await openDatabase({ kind: 'postgres', url: withDatabase(url, template) });
    await migrate(target.db);
    await target.db.transaction().execute((trx) => importOfficialUnits(trx));
    await target.close();
    project.provide('dbKind', 'postgres');
    project.provide('dbTemplate', template);
    return async () => {
      await sql.raw(`drop database if exists ${template} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const pg = await openPGlite(null);
  const handle = await openDatabase({ kind: 'pglite', dataDir: null }, pg);
  await migrate(handle.db);
  await handle.db.transaction().execute((trx) => importOfficialUnits(trx));
  const dump = await pg.dumpDataDir('gzip');
  const file = join(tmpdir(), `dvs-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('dbKind', 'pglite');
  project.provide('dbTemplate', file);
  return () => rmSync(file, { force: true });
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
