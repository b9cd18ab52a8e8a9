import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { evaluateRules } from './sentiment.service.ts';
import { insertReport } from './sentiment.repository.ts';
import { sql } from 'kysely';

/** Three "cao" reports on land in the commune (so an alert), for the foreign-scope test. */
export async function sentimentScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const province = await sql<{ id: number | null }>`select unit_province_id(${unitId}::bigint) as id`.execute(db);
  const provinceId = province.rows[0]?.id == null ? null : Number(province.rows[0].id);
  if (provinceId === null) return {};
  const today = clock.today();
  const now = clock.now();
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  const alerts = await db.transaction().execute(async (trx) => {
    let raised: string[] = [];
    for (const id of ids) {
      await insertReport(trx, {
        id, province_id: provinceId, unit_id: unitId, commune_id: unitId, organization_id: null, topic: 'land', severity: 'high', people_count: 10,
        trend: 'rising', text: 'Tranh chấp đất thử', reported_on: today, lat: null, lng: null, created_by: null, created_at: now,
      });
      raised = raised.concat(await evaluateRules(trx, { userId: null, ip: null }, { provinceId, communeId: unitId, topic: 'land', severity: 'high', reportedOn: today }, now));
    }
    return raised;
  });
  const fixture: ScopeFixture = { '/api/sentiment/reports/:id': { id: ids[0]! } };
  if (alerts[0]) fixture['/api/sentiment/alerts/:id'] = { id: alerts[0] };
  return fixture;
}
