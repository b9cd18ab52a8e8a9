import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localBlobStore } from './blob-store.ts';

describe('B5 files: the local blob store', () => {
  it('B5 files: stores bytes under their sha256 (ab/cd/abcd…), once, with no temporary file left behind', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dvs-blob-test-'));
    const store = localBlobStore(root);
    const data = Buffer.from('Biên bản họp Tổ dân vận thôn 3');
    const sha256 = createHash('sha256').update(data).digest('hex');
    expect(await store.put(data)).toBe(sha256);
    expect(await store.put(data)).toBe(sha256);
    const folder = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    expect(readdirSync(folder)).toEqual([sha256]);
    expect(readFileSync(join(folder, sha256)).equals(data)).toBe(true);
    expect((await store.get(sha256))?.toString()).toBe('Biên bản họp Tổ dân vận thôn 3');
    expect(await store.has(sha256)).toBe(true);
    expect(await store.get('0'.repeat(64))).toBeNull();
    await expect(store.get('../../etc/passwd')).rejects.toThrow('not a sha256');
  });
});
