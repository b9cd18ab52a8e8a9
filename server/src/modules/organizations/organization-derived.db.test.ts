import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '#server/db/database.ts';
import { buildPerson, buildProvince } from '#test/factories.ts';
import { buildRole } from '#test/factories-people.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { communeBlocs911, villagesWithTeam } from './organization-derived.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function organization(unitId: number, type: string, dates: { foundedOn?: string | null; dissolvedOn?: string | null } = {}) {
  const row = await handle.db
    .insertInto('organization')
    .values({ unit_id: unitId, type, name: `Tổ ${type} ${unitId}`, founded_on: dates.foundedOn ?? null, dissolved_on: dates.dissolvedOn ?? null, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A bloc with `count` members, each from `from` to `to`. */
async function members(organizationId: number, unitId: number, count: number, from: string, to: string | null = null) {
  for (let i = 0; i < count; i++) await buildRole(handle.db, await buildPerson(handle.db, unitId), organizationId, { termFrom: from, termTo: to });
}

const asMap = (values: ReadonlyArray<{ unitId: number; value: number }>) => Object.fromEntries(values.map((v) => [v.unitId, v.value]));

describe('derived values of the organisation registry, computed as of a day', () => {
  it('villages with a Tổ dân vận: founded on or before the day (or unknown), not dissolved by then; other types and units do not count', async () => {
    const p = await buildProvince(handle.db, { communes: 2, villagesPerCommune: 2 });
    const [a, b, c, d] = p.villageIds as [number, number, number, number];
    await organization(a, 'village_team', { foundedOn: '2025-08-01' });
    await organization(b, 'village_team', { dissolvedOn: '2025-10-01' });
    await organization(c, 'mediation_team');
    await organization(p.communeIds[1] as number, 'village_team');
    await organization(d, 'village_team', { foundedOn: '2025-12-01', dissolvedOn: '2025-12-01' });
    const { provinceId } = p;
    expect(asMap(await villagesWithTeam.compute(handle.db, { provinceId, asOf: '2025-07-31' }))).toEqual({ [a]: 0, [b]: 1, [c]: 0, [d]: 0 });
    expect(asMap(await villagesWithTeam.compute(handle.db, { provinceId, asOf: '2025-09-30' }))).toEqual({ [a]: 1, [b]: 1, [c]: 0, [d]: 0 });
    expect(asMap(await villagesWithTeam.compute(handle.db, { provinceId, asOf: '2025-12-31' }))).toEqual({ [a]: 1, [b]: 0, [c]: 0, [d]: 0 });
    // only the units asked for, and only units of the level: the commune is not a village
    expect(await villagesWithTeam.compute(handle.db, { provinceId, asOf: '2025-09-30', unitIds: [b, c, p.communeIds[1] as number] })).toEqual([
      { unitId: b, value: 1 },
      { unitId: c, value: 0 },
    ]);
    // before the 2025 units existed there is nothing to count
    expect(await villagesWithTeam.compute(handle.db, { provinceId, asOf: '2025-06-30' })).toEqual([]);
  });

  it("commune blocs with 9–11 members: distinct people whose term covers the day, in the bloc existing that day", async () => {
    const p = await buildProvince(handle.db, { communes: 4, villagesPerCommune: 1 });
    const [c8, c9, c11, c12] = p.communeIds as [number, number, number, number];
    await members(await organization(c8, 'commune_bloc'), c8, 8, '2025-09-01');
    const bloc9 = await organization(c9, 'commune_bloc');
    await members(bloc9, c9, 9, '2025-09-01');
    // one person with two roles counts once; a role ended before the day does not count
    const twice = await buildPerson(handle.db, c9);
    await buildRole(handle.db, twice, bloc9, { termFrom: '2025-09-01', title: 'Trưởng khối' });
    await buildRole(handle.db, twice, bloc9, { termFrom: '2025-09-01', title: 'Thành viên' });
    await members(bloc9, c9, 3, '2025-09-01', '2025-10-31');
    await members(await organization(c11, 'commune_bloc'), c11, 11, '2025-09-01');
    await members(await organization(c12, 'commune_bloc'), c12, 12, '2025-09-01');
    const { provinceId } = p;
    expect(asMap(await communeBlocs911.compute(handle.db, { provinceId, asOf: '2025-12-01' }))).toEqual({ [c8]: 0, [c9]: 1, [c11]: 1, [c12]: 0 });
    // in October the three with ended terms still count: 13 in the second bloc
    expect(asMap(await communeBlocs911.compute(handle.db, { provinceId, asOf: '2025-10-31' }))).toEqual({ [c8]: 0, [c9]: 0, [c11]: 1, [c12]: 0 });
    // before the terms began, no bloc has members
    expect(asMap(await communeBlocs911.compute(handle.db, { provinceId, asOf: '2025-08-31' }))).toEqual({ [c8]: 0, [c9]: 0, [c11]: 0, [c12]: 0 });
  });

  it("a 2025 province's values as of a day before the reform are its predecessors' units", async () => {
    const old = await buildProvince(handle.db, { structure: '2019', communes: 1, villagesPerCommune: 2 });
    const current = await buildProvince(handle.db, { communes: 1, villagesPerCommune: 1 });
    await handle.db
      .insertInto('unit_succession')
      .values({ old_unit_id: old.provinceId, new_unit_id: current.provinceId, kind: 'merged', effective_date: '2025-07-01' })
      .execute();
    const [v1, v2] = old.villageIds as [number, number];
    await organization(v1, 'village_team', { foundedOn: '2020-01-01' });
    expect(await villagesWithTeam.compute(handle.db, { provinceId: current.provinceId, asOf: '2020-12-31' })).toEqual([
      { unitId: v1, value: 1 },
      { unitId: v2, value: 0 },
    ]);
    expect(await villagesWithTeam.compute(handle.db, { provinceId: current.provinceId, asOf: '2026-01-31' })).toEqual([
      { unitId: current.villageIds[0], value: 0 },
    ]);
    // the old province is not a 2025 province: nothing is computed under its id for another province's units
    expect(await villagesWithTeam.compute(handle.db, { provinceId: old.provinceId, asOf: '2026-01-31' })).toEqual([]);
  });
});
