import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertCourse, provinceOf } from './training.repository.ts';

/** A course organised by the commune, for the foreign-scope test: another commune reads neither it nor its coverage. */
export async function trainingScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const id = uuidv7();
  const at = clock.now();
  await insertCourse(db, {
    id,
    province_id: await provinceOf(db, unitId),
    unit_id: unitId,
    organization_id: null,
    title: 'Lớp thử',
    kind: 'training',
    level: 'commune',
    subject: 'Nghiệp vụ công tác dân vận',
    starts_on: '2026-01-05',
    ends_on: '2026-01-06',
    place: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  const coverage = { unitId, group: 'cell_secretary_village_head' };
  return {
    '/api/training/courses/:id': { id },
    '/api/training/courses': { unitId },
    '/api/training/coverage': coverage,
    '/api/training/due': coverage,
    '/api/training/due.xlsx': coverage,
  };
}
