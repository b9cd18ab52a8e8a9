import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { storedDerivedValue } from '#test/derived-values.ts';
import { buildOrganization, buildPerson, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const TODAY = '2026-03-20';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
}, 120_000);
afterAll(() => t.close());

async function role(personId: number, organizationId: number, termFrom = '2025-07-01', termTo: string | null = null) {
  const row = await t.db
    .insertInto('person_role')
    .values({ person_id: personId, organization_id: organizationId, title: 'Cán bộ', term_from: termFrom, term_to: termTo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function purposeId(code: string) {
  return (await t.db.selectFrom('field_visit_purpose').select('id').where('code', '=', code).where('province_id', 'is', null).executeTakeFirstOrThrow()).id;
}

/** The stored derived value of a unit for a period, 0 when none. */
const stored = (unitId: number, code: string, period: string) => storedDerivedValue(t.db, unitId, code, period);

/** A commune with a Ban Dân vận-type body (the Front) of three cadres and a party committee of one. */
async function commune() {
  const province = await buildProvince(t.db, { communes: 2 });
  const communeId = province.communeIds[0] as number;
  const village = (province.villagesByCommune[0] as number[])[0] as number;
  const front = await buildOrganization(t.db, communeId, { type: 'fatherland_front', name: 'Ủy ban MTTQ xã' });
  const people = [await buildPerson(t.db, communeId, { fullName: 'Lê Thị An' }), await buildPerson(t.db, communeId, { fullName: 'Trần Văn Bình' }), await buildPerson(t.db, communeId, { fullName: 'Phạm Văn Cường' })];
  const roles = [await role(people[0] as number, front), await role(people[1] as number, front), await role(people[2] as number, front)];
  const committee = await buildOrganization(t.db, communeId, { type: 'party_committee', name: 'Đảng ủy xã' });
  const secretary = await buildPerson(t.db, communeId, { fullName: 'Hoàng Văn Dũng' });
  const secretaryRole = await role(secretary, committee);
  const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
  return { province, communeId, village, front, people, roles, secretaryRole, clerk };
}

describe('field visits', () => {
  it('logs a visit once under its client id (a resend, even concurrent, stores nothing) and counts half days', async () => {
    const c = await commune();
    const id = uuidv7();
    const body = { id, roleId: c.roles[0] as number, unitId: c.village, from: '2026-03-02', to: '2026-03-04', startHalf: true, purposeId: await purposeId('situation'), metWith: 'Trưởng thôn', heard: 'Giá phân bón tăng', topics: ['prices' as const] };
    const [a, b] = await Promise.all([c.clerk.call(grassrootsEndpoints.logVisit, { body }), c.clerk.call(grassrootsEndpoints.logVisit, { body })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(a.body.visit.days).toBe(2.5);
    const again = await c.clerk.call(grassrootsEndpoints.logVisit, { body });
    expect(again.body.duplicate).toBe(true);
    const rows = await t.db.selectFrom('field_visit').select(['id', 'days']).where('person_id', '=', c.people[0] as number).execute();
    expect(rows).toEqual([{ id, days: 2.5 }]);
    const audits = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'field_visit').where('entity_id', '=', id).execute();
    expect(audits).toHaveLength(1);
  });

  it('refuses bad visits naming the field, in Vietnamese', async () => {
    const c = await commune();
    const base = { roleId: c.roles[0] as number, unitId: c.village, from: '2026-03-02', to: '2026-03-02', purposeId: await purposeId('situation') };
    const both = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { ...base, id: uuidv7(), startHalf: true, endHalf: true } });
    expect(both.status).toBe(400);
    expect(errorBody(both).message).toContain('Nửa ngày cuối');
    const backwards = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { ...base, id: uuidv7(), to: '2026-03-01' } });
    expect(errorBody(backwards).message).toContain('ngày về phải từ ngày đi trở về sau');
    const future = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { ...base, id: uuidv7(), to: '2026-03-21' } });
    expect(errorBody(future).message).toContain('sau hôm nay');
    const other = await buildProvince(t.db);
    const outside = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { ...base, id: uuidv7(), unitId: other.villageIds[0] as number } });
    expect(outside.status).toBe(400);
    expect(errorBody(outside).message).toContain('Đơn vị');
    expect(await t.db.selectFrom('field_visit').select('id').where('person_id', '=', c.people[0] as number).execute()).toEqual([]);
  });

  it('two communes cannot read each other’s visits; the province reads both', async () => {
    const c = await commune();
    const otherCommune = c.province.communeIds[1] as number;
    const otherFront = await buildOrganization(t.db, otherCommune, { type: 'womens_union' });
    const otherRole = await role(await buildPerson(t.db, otherCommune), otherFront);
    const otherClerk = await signIn(t.baseUrl, t.db, { unitId: otherCommune, roles: ['commission_officer'] });
    const provinceClerk = await signIn(t.baseUrl, t.db, { unitId: c.province.provinceId, roles: ['leader'] });
    const situation = await purposeId('situation');
    const mine = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId: c.roles[0] as number, unitId: c.communeId, from: '2026-03-05', to: '2026-03-05', purposeId: situation } });
    const theirs = await otherClerk.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId: otherRole, unitId: otherCommune, from: '2026-03-05', to: '2026-03-05', purposeId: situation } });
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    expect((await c.clerk.call(grassrootsEndpoints.listVisits, { query: {} })).body.items.map((v) => v.id)).toEqual([mine.body.id]);
    expect((await otherClerk.call(grassrootsEndpoints.listVisits, { query: {} })).body.items.map((v) => v.id)).toEqual([theirs.body.id]);
    expect((await provinceClerk.call(grassrootsEndpoints.listVisits, { query: {} })).body.total).toBe(2);
    // a role of the other commune cannot be named, nor its commune filtered
    const foreign = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId: otherRole, unitId: c.communeId, from: '2026-03-05', to: '2026-03-05', purposeId: situation } });
    expect(foreign.status).toBe(400);
    expect((await c.clerk.call(grassrootsEndpoints.listVisits, { query: { unitId: otherCommune } })).status).toBe(404);
    // a resend of the other commune's id by this commune is not answered with the other's visit
    const stolen = await c.clerk.call(grassrootsEndpoints.logVisit, { body: { id: theirs.body.id, roleId: c.roles[0] as number, unitId: c.communeId, from: '2026-03-06', to: '2026-03-06', purposeId: situation } });
    expect(stolen.status).toBe(400);
    expect(await t.db.selectFrom('field_visit').select('id').where('id', '=', theirs.body.id).execute()).toHaveLength(1);
  });

  it('i7: field days per cadre of a month, ≥ 3 days, party-committee members at cell meetings — exact, and stored the same minute', async () => {
    const c = await commune();
    const log = (roleId: number, from: string, to: string, purpose: number, halves: { startHalf?: boolean; endHalf?: boolean } = {}) =>
      c.clerk.call(grassrootsEndpoints.logVisit, { body: { id: uuidv7(), roleId, unitId: c.village, from, to, purposeId: purpose, ...halves } });
    const situation = await purposeId('situation');
    const cell = await purposeId('party_cell_meeting');
    // An: 28/02 (half) – 02/03: February 0.5, March 2 → then 1 more day → March 3 days: meets
    expect((await log(c.roles[0] as number, '2026-02-28', '2026-03-02', situation, { startHalf: true })).status).toBe(200);
    expect((await log(c.roles[0] as number, '2026-03-10', '2026-03-10', situation)).status).toBe(200);
    // Bình: 2.5 days in March: below
    expect((await log(c.roles[1] as number, '2026-03-11', '2026-03-13', situation, { endHalf: true })).status).toBe(200);
    // Cường: none. The secretary attends a party cell's meeting (not a body of i7)
    expect((await log(c.secretaryRole, '2026-03-12', '2026-03-12', cell, { startHalf: true })).status).toBe(200);
    const figures = await c.clerk.call(grassrootsEndpoints.fieldDays, { query: { month: '2026-03' } });
    expect(figures.status).toBe(200);
    expect(figures.body.units).toEqual([
      { unitId: c.communeId, unitName: 'Xã Xuân 1', level: 'commune', cadres: 3, meeting: 1, share: 33.3, fieldDays: 5.5, committeeAtCellMeetings: 1 },
    ]);
    expect(figures.body.cadres.map((x) => [x.personName, x.days, x.meets])).toEqual([
      ['Phạm Văn Cường', 0, false],
      ['Trần Văn Bình', 2.5, false],
      ['Lê Thị An', 3, true],
    ]);
    const february = await c.clerk.call(grassrootsEndpoints.fieldDays, { query: { month: '2026-02' } });
    expect(february.body.total).toEqual({ cadres: 3, meeting: 0, share: 0, fieldDays: 0.5, committeeAtCellMeetings: 0 });
    // the derived values are stored in the writer's transaction, for March and for February
    expect(await stored(c.communeId, 'grassroots.cadres_commune', '202603')).toBe(3);
    expect(await stored(c.communeId, 'grassroots.cadres_3days_commune', '202603')).toBe(1);
    expect(await stored(c.communeId, 'grassroots.field_days_commune', '202603')).toBe(5.5);
    expect(await stored(c.communeId, 'grassroots.committee_at_cells_commune', '202603')).toBe(1);
    expect(await stored(c.communeId, 'grassroots.field_days_commune', '202602')).toBe(0.5);
    // one more day for Bình brings the commune to 2 of 3
    expect((await log(c.roles[1] as number, '2026-03-18', '2026-03-18', situation, { startHalf: true })).status).toBe(200);
    expect(await stored(c.communeId, 'grassroots.cadres_3days_commune', '202603')).toBe(2);
    const after = await c.clerk.call(grassrootsEndpoints.fieldDays, { query: { month: '2026-03' } });
    expect(after.body.total.share).toBe(66.7);
  });
});
