/**
 * Vite plugin: after `build:web` writes dist/web, writes a brotli (`.br`) and a gzip (`.gz`) copy beside every
 * text file (scripts, styles, index.html, SVG), so the server sends them as they are (@fastify/static
 * `preCompressed`) instead of compressing on every request. A copy that is not smaller than its file is not kept.
 */
import { readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What compresses; fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

async function writeIfSmaller(path: string, original: Buffer, compressed: Buffer): Promise<number> {
  if (compressed.length < original.length) {
    await writeFile(path, compressed);
    return compressed.length;
  }
  // a copy left from an earlier build would be served instead of the file
  await unlink(path).catch(() => undefined);
  return original.length;
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file under `dir`; returns their sizes. */
export async function precompressDirectory(dir: string): Promise<{ file: string; bytes: number; br: number; gzip: number }[]> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      const [br, gzipped] = await Promise.all([
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(file)).size,
          },
        }),
        gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      return {
        file,
        bytes: bytes.length,
        br: await writeIfSmaller(`${file}.br`, bytes, br),
        gzip: await writeIfSmaller(`${file}.gz`, bytes, gzipped),
      };
    }),
  );
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'dvs-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // after every file is written, the copied public/ files included
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
