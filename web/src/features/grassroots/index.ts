import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { announceOutboxEndpoint } from '../../components/outbox/sender.ts';
import { LOG_VISIT_OUTBOX_KEY, RECORD_BRIEFING_OUTBOX_KEY } from './keys.ts';

/** The Vietnamese strings of the grassroots pages, fetched with them (not in the first load). */
export const grassrootsVietnamese = () => import('./messages.vi.ts').then((m) => m.grassrootsVi);
const CATALOGUES = [grassrootsVietnamese];

// visits logged offline are sent after a reload too, whichever page is open
announceOutboxEndpoint(LOG_VISIT_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.logVisitOutbox.endpoint));
announceOutboxEndpoint(RECORD_BRIEFING_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.recordBriefingOutbox.endpoint));

/** Grassroots activity (issue 14): field visits, logging one from a phone (offline), field days by month, briefings of blocs and teams. */
export const grassrootsFeature: WebFeature = {
  name: 'grassroots',
  routes: [
    { path: 'grassroots', page: lazyPage(() => import('./VisitsPage.tsx'), 'VisitsPage', CATALOGUES) },
    { path: 'grassroots/log', page: lazyPage(() => import('./LogVisitPage.tsx'), 'LogVisitPage', CATALOGUES) },
    { path: 'grassroots/briefings', page: lazyPage(() => import('./BriefingsPage.tsx'), 'BriefingsPage', CATALOGUES) },
    { path: 'grassroots/field-days', page: lazyPage(() => import('./FieldDaysPage.tsx'), 'FieldDaysPage', CATALOGUES) },
  ],
  nav: [{ to: '/grassroots', label: 'nav.grassroots', section: 'main', action: 'grassroots.read' }],
  messages: { vi: grassrootsVietnamese, en: () => import('./messages.en.ts').then((m) => m.grassrootsEn) },
};
