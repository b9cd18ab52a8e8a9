/**
 * The English catalogue, assembled from the shell's and every registered feature's `messages.en.ts`. Only ever
 * reached through `import('./en.ts')` in i18n.ts, so neither this file nor any `messages.en.ts` is in the first
 * load (the B9 test in catalogue.test.ts walks the static imports from main.tsx to keep it so); the build puts
 * them all in one "en" chunk (web/vite.config.ts). Each `messages.en.ts` is typed by its `messages.vi.ts`, so a
 * missing or extra key is a compile error; check-i18n compares the pairs again, with their placeholders.
 */
import { CATALOGUES } from '../app/features.ts';
import type { MessageKey } from './vi.ts';

export async function loadEnglish(): Promise<Record<MessageKey, string>> {
  const parts = await Promise.all(CATALOGUES.map(({ messages }) => messages.en()));
  return Object.assign({}, ...parts) as Record<MessageKey, string>;
}
