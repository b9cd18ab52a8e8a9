import type { ServerModule } from '#server/shared/module.ts';
import { auditScopeFixtures } from './audit.fixtures.ts';
import { registerAuditRoutes } from './audit.routes.ts';

export const auditModule: ServerModule = {
  name: 'audit',
  registerRoutes: (api, { db }) => registerAuditRoutes(api, db),
  scopeFixtures: auditScopeFixtures,
};

/** Every module audits its writes in the same transaction, through this. */
export { recordAudit } from './audit.repository.ts';
