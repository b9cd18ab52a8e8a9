import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where file bytes live, addressed by their sha256 (the same bytes are stored once). Rows never hold a path
 * (SCALE.md rule 8): a directory under DATA_DIR on one machine, an S3-compatible bucket for several processes.
 */
export interface BlobStore {
  /** Stores the bytes (idempotent) and returns their sha256 in hex. */
  put(data: Buffer): Promise<string>;
  /** The bytes of a hash, or null when absent. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const checkHash = (sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return sha256;
};

/** `ab/cd/abcd…`: two levels of 256 folders keep directories small at millions of files. */
export const blobKey = (sha256: string) => `${checkHash(sha256).slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

/** Blobs under a directory (DATA_DIR/files by default); written to a temporary name, then renamed (atomic). */
export function localBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, blobKey(sha256));
  const has = async (sha256: string) => (await stat(pathOf(sha256)).catch(() => null))?.isFile() ?? false;
  return {
    has,
    async put(data) {
      const sha256 = sha256Hex(data);
      if (await has(sha256)) return sha256;
      const path = pathOf(sha256);
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, data, { flag: 'wx' });
      await rename(temporary, path);
      return sha256;
    },
    async get(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}
