import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { indicatorsModule } from '#server/modules/indicators/index.ts';
import type { JobContext } from '#server/platform/jobs/job-queue.ts';
import { SERVER_MODULES } from '#server/modules/registry.ts';
import { derivedValuesOf } from '#server/shared/derived-values.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { storedDerivedValue } from '#test/derived-values.ts';
import { buildOrganization, buildPerson, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { BRIEFING_DERIVED_CODES } from '../briefings/briefing-figures.ts';
import type * as BriefingRepository from '../briefings/briefing.repository.ts';
import { GRASSROOTS_DERIVED_CODES } from './field-days.ts';
import type * as FieldDaysRepository from './field-days.repository.ts';

// Counts the shared statements of the grassroots figures (the field days' aggregate, the briefings' held rows),
// each still run on the real database.
const runs = vi.hoisted(() => ({ figures: 0, held: 0 }));
vi.mock('./field-days.repository.ts', async (original) => {
  const actual = await original<typeof FieldDaysRepository>();
  return { ...actual, unitFiguresOfMonth: (...args: Parameters<typeof actual.unitFiguresOfMonth>) => ((runs.figures += 1), actual.unitFiguresOfMonth(...args)) };
});
vi.mock('../briefings/briefing.repository.ts', async (original) => {
  const actual = await original<typeof BriefingRepository>();
  return { ...actual, heldOf: (...args: Parameters<typeof actual.heldOf>) => ((runs.held += 1), actual.heldOf(...args)) };
});

const TODAY = '2026-03-20';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
}, 120_000);
afterAll(() => t.close());

/** The stored derived value of a unit for a period, 0 when none. */
const stored = (unitId: number, code: string, period: string) => storedDerivedValue(t.db, unitId, code, period);

describe('grassroots figures: one computation for the values that share it', () => {
  it('a visit and a briefing touch their four values with one statement; a backfill day runs it once per level', async () => {
    const province = await buildProvince(t.db, { communes: 2 });
    const communeId = province.communeIds[0] as number;
    const village = (province.villagesByCommune[0] as number[])[0] as number;
    const front = await buildOrganization(t.db, communeId, { type: 'fatherland_front', name: 'Ủy ban MTTQ xã' });
    const bloc = await buildOrganization(t.db, communeId, { type: 'commune_bloc', name: 'Khối dân vận xã Một' });
    const person = await buildPerson(t.db, communeId, { fullName: 'Lê Thị An' });
    const roleId = (await t.db.insertInto('person_role').values({ person_id: person, organization_id: front, title: 'Cán bộ', term_from: '2025-07-01' }).returning('id').executeTakeFirstOrThrow()).id;
    await t.db.insertInto('person_role').values({ person_id: person, organization_id: bloc, title: 'Thành viên', term_from: '2025-07-01' }).execute();
    const purposeId = (await t.db.selectFrom('field_visit_purpose').select('id').where('code', '=', 'situation').where('province_id', 'is', null).executeTakeFirstOrThrow()).id;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });

    runs.figures = 0;
    // a visit spanning February and March: the four commune values of each month read one statement (none at province level)
    const visit = await clerk.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId, unitId: village, from: '2026-02-27', to: '2026-03-03', purposeId } });
    expect(visit.status).toBe(200);
    expect(runs.figures).toBe(2);
    expect([await stored(communeId, 'grassroots.cadres_commune', '202603'), await stored(communeId, 'grassroots.field_days_commune', '202603')]).toEqual([1, 3]);
    expect([await stored(communeId, 'grassroots.cadres_3days_commune', '202603'), await stored(communeId, 'grassroots.field_days_commune', '202602')]).toEqual([1, 2]);

    runs.held = 0;
    const briefing = await clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: bloc, period: '2026-02', held: true, heldOn: '2026-02-05', attendees: [person], issues: 'Bà con phản ánh giá phân bón tăng', topics: ['prices'] } });
    expect(briefing.status).toBe(200);
    // February's and the open March's figures: one computation each for the four values
    expect(runs.held).toBe(2);
    expect(await stored(communeId, 'grassroots.briefing_attended_commune', '202602')).toBe(1);

    // a backfill of February and March: one statement per month and level (and per month for the briefings)
    runs.figures = 0;
    runs.held = 0;
    const before = await Promise.all(GRASSROOTS_DERIVED_CODES.map((code) => stored(communeId, code, '202602')));
    const actor = { userId: null, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
    const backfill = indicatorsModule.jobHandlers?.['indicators.derived-backfill'] as unknown as (context: JobContext<unknown>) => Promise<{ created: number }>;
    const result = await backfill({
      db: t.db,
      files: t.files,
      jobId: uuidv7(),
      actor: actor as never,
      progress: async () => {},
      derived: derivedValuesOf(SERVER_MODULES),
      payload: { provinceId: province.provinceId, from: '2026-02-01', periodTypes: ['monthly'], codes: [...GRASSROOTS_DERIVED_CODES, ...BRIEFING_DERIVED_CODES] },
    });
    expect(runs.figures).toBe(2 * 2);
    expect(runs.held).toBe(2);
    // the touches had stored every figure right: the backfill changes none
    expect(result.created).toBe(0);
    expect(await Promise.all(GRASSROOTS_DERIVED_CODES.map((code) => stored(communeId, code, '202602')))).toEqual(before);
  });
});
