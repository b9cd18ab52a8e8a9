import { randomBytes } from 'node:crypto';
import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';

/**
 * An indicator owned by the unit and the dashboard queries naming it, for the foreign-scope test: another
 * scope's reader must get neither the unit's rows nor its indicator.
 */
export async function dashboardScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const code = `FIXTURE_${randomBytes(6).toString('hex')}`;
  const row = await db
    .insertInto('indicator')
    .values({ code, name: `Chỉ số thử ${code}`, numerator: '#{FIXTURE_N}', denominator: '#{FIXTURE_D}', owner_unit_id: unitId, dhis2_uid: null, description: null, unit_of_measure: null, target: null, target_direction: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const query = { indicatorId: row.id, unitId, from: '202501', to: '202512' };
  return {
    '/api/indicators/dashboard/children': query,
    '/api/indicators/dashboard/trend': query,
    '/api/indicators/dashboard/children.xlsx': query,
  };
}
