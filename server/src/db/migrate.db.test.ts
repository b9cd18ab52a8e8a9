import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '#test/test-db.ts';
import type { DatabaseHandle } from './database.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('migrate', () => {
  it('has applied every migration to the template, and a second run applies nothing', async () => {
    const applied = await handle.db.selectFrom('schema_migration').select('name').orderBy('name').execute();
    expect(applied.map((row) => row.name)).toEqual(listMigrations());
    expect(await migrate(handle.db)).toEqual([]);
  });

  it('applies a new migration once, and refuses to run if an applied one was edited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvs-mig-'));
    for (const name of listMigrations()) writeFileSync(join(dir, name), readFileSync(join(MIGRATIONS_DIR, name)));
    writeFileSync(join(dir, '29990101T0000_add_note.sql'), 'create table note (id int primary key);');
    expect(await migrate(handle.db, dir)).toEqual(['29990101T0000_add_note.sql']);
    writeFileSync(join(dir, '29990101T0000_add_note.sql'), 'create table note (id int primary key, body text);');
    await expect(migrate(handle.db, dir)).rejects.toThrow('29990101T0000_add_note.sql was edited after it was applied');
  });
});
