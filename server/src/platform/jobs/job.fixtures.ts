import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertJob } from './job.repository.ts';

/** Due in 2100: the worker never claims it. Anyone whose scope holds the unit may watch it. */
const NEVER = new Date('2100-01-01T00:00:00Z');

/** A queued job on the unit, for the foreign-scope test (its owner is nobody: it is visible through the unit). */
export async function jobScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const id = uuidv7();
  const target = `admin_unit:${unitId}`;
  await insertJob(db, { id, kind: 'fixture', payload: {}, target, ownerUserId: 0, unitId, maxAttempts: 1, now: NEVER });
  return { '/api/jobs/:id': { id }, '/api/jobs': { target } };
}
