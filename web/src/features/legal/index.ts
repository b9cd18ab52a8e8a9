import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { legalVi } from './messages.vi.ts';

/** Legal time limits: the working calendar, the rules per law and the deadline calculator (issue 12 item 3). */
export const legalFeature: WebFeature = {
  name: 'legal',
  routes: [
    { path: 'admin/legal/calendar', page: lazyPage(() => import('./CalendarPage.tsx'), 'CalendarPage') },
    { path: 'admin/legal/rules', page: lazyPage(() => import('./RulesPage.tsx'), 'RulesPage') },
    { path: 'legal/deadlines', page: lazyPage(() => import('./DeadlinesPage.tsx'), 'DeadlinesPage') },
  ],
  nav: [
    { to: '/admin/legal/calendar', label: 'nav.legalCalendar', section: 'admin' },
    { to: '/admin/legal/rules', label: 'nav.legalRules', section: 'admin' },
    { to: '/legal/deadlines', label: 'nav.legalDeadlines', section: 'admin' },
  ],
  messages: { vi: legalVi, en: () => import('./messages.en.ts').then((m) => m.legalEn) },
};
