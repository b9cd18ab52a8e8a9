import { createInflateRaw } from 'node:zlib';

/** One entry of a zip's central directory, as declared (not yet trusted). */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a zip was refused; `tooLarge` means its content (not the file itself) is over the limit. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'notZip' | 'tooLarge' | 'tooManyEntries',
    message: string,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Reads a zip's central directory (at its end) without inflating anything. Refuses zip64 and anything that does
 * not parse: an .xlsx of a few MB never needs them.
 */
export function readZipDirectory(data: Buffer, maxEntries = 1000): ZipEntry[] {
  // the end-of-central-directory record is 22 bytes plus a comment of up to 65,535 bytes
  let eocd = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65_535); at--) {
    if (data.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('notZip', 'not a zip');
  const count = data.readUInt16LE(eocd + 10);
  const size = data.readUInt32LE(eocd + 12);
  const offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) throw new ZipRefused('notZip', 'zip64 or broken directory');
  if (count > maxEntries) throw new ZipRefused('tooManyEntries', `${count} entries`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || data.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipRefused('notZip', 'broken central directory');
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    entries.push({
      method: data.readUInt16LE(at + 10),
      compressedSize: data.readUInt32LE(at + 20),
      uncompressedSize: data.readUInt32LE(at + 24),
      localHeaderOffset: data.readUInt32LE(at + 42),
      name: data.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a zip whose declared uncompressed size is over `maxBytes`, then proves the declaration honest by
 * inflating each entry as a stream and counting (nothing is kept): a crafted directory that under-declares
 * is caught after at most `declared + 1` bytes of one entry. Memory stays at zlib's window.
 */
export async function checkZipSize(data: Buffer, maxBytes: number, maxEntries = 1000): Promise<ZipEntry[]> {
  const entries = readZipDirectory(data, maxEntries);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxBytes) throw new ZipRefused('tooLarge', `${declared} bytes uncompressed`);
  for (const entry of entries) await checkEntry(data, entry);
  return entries;
}

async function checkEntry(data: Buffer, entry: ZipEntry): Promise<void> {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new ZipRefused('notZip', 'broken local header');
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const body = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (body.length !== entry.uncompressedSize) throw new ZipRefused('notZip', 'stored size mismatch');
    return;
  }
  if (entry.method !== 8) throw new ZipRefused('notZip', `compression method ${entry.method}`);
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    let seen = 0;
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) {
        inflate.destroy();
        reject(new ZipRefused('tooLarge', `${entry.name} inflates past its declared size`));
      }
    });
    inflate.on('error', () => reject(new ZipRefused('notZip', `${entry.name} does not inflate`)));
    inflate.on('end', () => resolve());
    inflate.end(body);
  });
}
