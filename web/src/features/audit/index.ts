import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { auditVi } from './messages.vi.ts';

export const auditFeature: WebFeature = {
  name: 'audit',
  routes: [{ path: 'admin/audit', page: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'), admin: true }],
  nav: [{ to: '/admin/audit', label: 'nav.audit', section: 'admin' }],
  messages: { vi: auditVi, en: () => import('./messages.en.ts').then((m) => m.auditEn) },
};
