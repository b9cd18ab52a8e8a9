import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER_SRC = new URL('..', import.meta.url).pathname;

/** Places that read the machine's time on purpose, each with why it is not "now" for a rule. */
const ALLOWED: Record<string, string> = {
  // an AWS SigV4 signature must carry the real time or the store refuses it, whatever clock the app runs on
  'platform/files/s3-blob-store.ts': 'request signing',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return relative(SERVER_SRC, path) === 'demo' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(test|fixtures)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('B4 one clock', () => {
  it('B4 one clock: no server code reads the time but shared/clock.ts', () => {
    const readsTime = /\bnew Date\(\s*\)|\bDate\.now\(\)/;
    const found = sourceFiles(SERVER_SRC)
      .map((file) => relative(SERVER_SRC, file))
      .filter((file) => file !== 'shared/clock.ts' && !(file in ALLOWED))
      .flatMap((file) =>
        readFileSync(join(SERVER_SRC, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (readsTime.test(line.replace(/\/\/.*$/, '')) ? [`${file}:${i + 1}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
