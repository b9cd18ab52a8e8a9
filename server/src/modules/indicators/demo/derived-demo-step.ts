import type { Database } from '#server/db/database.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { DERIVED_BACKFILL_JOB } from '../derived-backfill.ts';
import { findAccounts, findOfficialUnitId } from './indicators-demo.repository.ts';

/**
 * The modules whose derived values this step backfills: those whose own demo step queues no backfill. The others
 * (petitions, emulation, grassroots, training, sentiment) queue theirs for the periods their records cover;
 * backfilling them here too (flows month by month since 2024) doubled the demo's background work on PGlite.
 */
export const DEMO_BACKFILL_MODULES = ['units', 'organizations', 'programmes', 'reception'] as const;

/**
 * Step "indicators.derived-demo": queues the backfill of the derived values of DEMO_BACKFILL_MODULES (villages,
 * villages with a Tổ dân vận, blocs of 9–11, reception's dialogues, programmes' tasks) of the demo province for the
 * years 2024 to today, in the name of `admin`, so the per-village indicators of the yearly form have their
 * denominators. Years only: a backfill of every period since 2019 writes some 10⁵ values, too much for a demo
 * start; an administrator runs that from the API. The worker of the started app runs it in the background (the
 * start does not wait).
 */
async function queueDerivedBackfill(trx: Database): Promise<string> {
  const provinceId = await findOfficialUnitId(trx, '2025', PROVINCE_2025_CODE);
  const [admin] = await findAccounts(trx, ['admin']);
  if (!admin) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  const actor = { userId: admin.id, username: admin.username, roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  await insertJob(trx, {
    id: uuidv7(),
    kind: DERIVED_BACKFILL_JOB,
    payload: { provinceId, from: '2024-01-01', periodTypes: ['yearly'], modules: DEMO_BACKFILL_MODULES, actor },
    target: `admin_unit:${provinceId}`,
    ownerUserId: admin.id,
    unitId: provinceId,
    maxAttempts: 3,
    now: clock.now(),
  });
  return `derived values of province ${PROVINCE_2025_CODE} queued for backfill`;
}

export const derivedDemoStep: DemoStep = { name: 'indicators.derived-demo', version: 1, run: (trx) => queueDerivedBackfill(trx) };
