import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { announceOutboxEndpoint } from '../../components/outbox/sender.ts';
import { PUBLIC_SUBMIT_OUTBOX_KEY } from './keys.ts';

/** The respondent's Vietnamese strings, fetched with the form's page (not in the first load). */
export const surveysPublicVietnamese = () => import('./messages.vi.ts').then((m) => m.surveysPublicVi);

// a response typed offline is sent after a reload too, whichever page is open
announceOutboxEndpoint(PUBLIC_SUBMIT_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.publicSubmitOutbox.endpoint));

/**
 * The respondent's form of a survey (issue 13): a public or personal link, no login (/khao-sat/tra-loi, listed in
 * PUBLIC_PAGE_PREFIXES), light for a cheap phone; the form is kept on the device and responses go through the outbox.
 */
export const surveysPublicFeature: WebFeature = {
  name: 'surveys-public',
  routes: [],
  publicRoutes: [{ path: 'khao-sat/tra-loi/:token', page: lazyPage(() => import('./RespondPage.tsx'), 'RespondPage', [surveysPublicVietnamese]) }],
  messages: { vi: surveysPublicVietnamese, en: () => import('./messages.en.ts').then((m) => m.surveysPublicEn) },
};
