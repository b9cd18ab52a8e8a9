import type { filesVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const filesEn: Record<keyof typeof filesVi, string> = {
  'files.title': 'Documents',
  'files.none': 'No documents yet.',
  'files.meta': '({size} KB, {at}, {by})',
  'files.hint': 'PDF, images (PNG, JPEG, WebP), Word (.docx), Excel (.xlsx), CSV or TXT; up to 5 MB.',
  'files.choose': 'Choose a document',
  'files.upload': 'Upload',
  'files.uploaded': 'Uploaded "{name}".',
};
