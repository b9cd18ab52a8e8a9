import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const made: string[] = [];
const dir = () => {
  const parent = mkdtempSync(join(tmpdir(), 'dvs-lock-'));
  made.push(parent);
  return join(parent, 'pglite');
};
afterAll(() => made.forEach((parent) => rmSync(parent, { recursive: true, force: true })));

describe('lockDataDir', () => {
  it('writes our pid next to the data dir and removes it on release', () => {
    const dataDir = dir();
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('works on a first start, when the parent folder does not exist yet', () => {
    const dataDir = join(dir(), 'data', 'pglite');
    const release = lockDataDir(dataDir);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    release();
  });

  it('refuses a directory held by another live process', () => {
    const dataDir = dir();
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a dead process', () => {
    const dataDir = dir();
    writeFileSync(`${dataDir}.lock`, '999999999');
    const release = lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
