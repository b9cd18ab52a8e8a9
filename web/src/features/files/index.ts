import type { WebFeature } from '../../app/feature.ts';
import { filesVi } from './messages.vi.ts';

/** Attachments: a panel other features show on their pages (no routes of its own), registered for its strings. */
export const filesFeature: WebFeature = {
  name: 'files',
  routes: [],
  messages: { vi: filesVi, en: () => import('./messages.en.ts').then((m) => m.filesEn) },
};
