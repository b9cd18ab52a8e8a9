import { lazyPage, type WebFeature } from '../../app/feature.ts';

export const auditFeature: WebFeature = {
  name: 'audit',
  routes: [{ path: 'admin/audit', page: lazyPage(() => import('./AuditPage.tsx'), 'AuditPage'), admin: true }],
  nav: [{ to: '/admin/audit', label: 'nav.audit', section: 'admin' }],
};
