import { readZipDirectory } from '#server/shared/zip-directory.ts';

/** The file types an attachment may be, with their extensions; the type is read from the bytes, not the client. */
export const ALLOWED_TYPES = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
} as const;
export type AllowedType = keyof typeof ALLOWED_TYPES;

const startsWith = (data: Buffer, bytes: number[], at = 0) => bytes.every((byte, i) => data[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

function zipKind(data: Buffer): AllowedType | null {
  try {
    const names = new Set(readZipDirectory(data).map((entry) => entry.name));
    if (names.has('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.has('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  } catch {
    // not a readable zip
  }
  return null;
}

function isUtf8Text(data: Buffer): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of a file from its first bytes (magic numbers; Office files by their zip parts; text by being valid
 * UTF-8 without NUL), or null when it is none of the allowed types. Text types also need the right extension,
 * since any bytes that decode could be called text.
 */
export function sniffType(data: Buffer, filename: string): AllowedType | null {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (startsWith(data, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return zipKind(data);
  if ((extension === 'csv' || extension === 'txt') && isUtf8Text(data)) return extension === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/** Whether the file name's extension is one of the type's (a PDF named .jpg is refused, not silently renamed). */
export const extensionFits = (type: AllowedType, filename: string) =>
  (ALLOWED_TYPES[type] as readonly string[]).includes(filename.toLowerCase().split('.').pop() ?? '');
