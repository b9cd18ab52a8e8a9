import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_MODULES } from './registry.ts';

const MODULES_DIR = new URL('.', import.meta.url).pathname;
const PLATFORM_DIR = new URL('../platform', import.meta.url).pathname;

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('B1 one registration per module', () => {
  it('B1 modules: every folder of modules/ (and each platform service with endpoints) has an index.ts listed once in registry.ts', () => {
    const names = SERVER_MODULES.map((module) => module.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    for (const folder of folders(MODULES_DIR)) {
      expect(existsSync(join(MODULES_DIR, folder, 'index.ts')), `modules/${folder}/index.ts`).toBe(true);
      expect(names, `modules/${folder} is not in registry.ts`).toContain(folder);
    }
    const platformWithRoutes = folders(PLATFORM_DIR).filter((folder) => existsSync(join(PLATFORM_DIR, folder, 'index.ts')));
    expect(names).toEqual(expect.arrayContaining(platformWithRoutes));
  });
});
