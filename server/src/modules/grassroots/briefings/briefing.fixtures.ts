import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { provinceOfUnit } from '../visits/visit.repository.ts';
import { insertBriefing } from './briefing.repository.ts';

/** A Khối dân vận of the commune with one member and its briefing of last month, for the foreign-scope test. */
export async function briefingScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const provinceId = await provinceOfUnit(db, unitId);
  if (provinceId === null) return {};
  const today = clock.today();
  const bloc = await db
    .insertInto('organization')
    .values({ unit_id: unitId, type: 'commune_bloc', name: `Khối dân vận thử ${unitId}`, parent_organization_id: null, worker_count: null, has_trade_union: null, religion_name: null, founded_on: null, dissolved_on: null, updated_at: clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const person = await db.insertInto('person').values({ unit_id: unitId, full_name: 'Thành viên Khối thử', updated_at: clock.now() }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('person_role').values({ person_id: person.id, organization_id: bloc.id, title: 'Trưởng khối', term_from: '2020-01-01', term_to: null }).execute();
  const id = uuidv7();
  await insertBriefing(
    db,
    { id, province_id: provinceId, organization_id: bloc.id, unit_id: unitId, period: today.slice(0, 7), held: true, held_on: today, not_held_reason: null, members: 1, attended: 1, issues: 'Giao ban thử', topics: ['land'], entered_by: null, created_at: clock.now() },
    [person.id],
  );
  return {
    '/api/grassroots/briefings/:id': { id },
    '/api/grassroots/briefing-bodies/:organizationId/members': { organizationId: bloc.id },
    '/api/grassroots/briefings': { unitId },
  };
}
