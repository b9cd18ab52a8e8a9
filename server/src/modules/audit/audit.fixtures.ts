import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { recordAudit } from './audit.repository.ts';

/** An audit entry about the unit, for the foreign-scope test (the audit list takes no id that names it). */
export async function auditScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  await recordAudit(db, null, { action: 'update', entity: 'admin_unit', entityId: unitId, unitId, after: { fixture: true } });
  return {};
}
