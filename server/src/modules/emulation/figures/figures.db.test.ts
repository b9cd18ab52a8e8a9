import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TModelField, TModelStatus, TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { DatabaseHandle } from '#server/db/database.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildOrganization, buildProvince, type TestProvince } from '#test/factories.ts';
import { createTestDatabase } from '#test/test-db.ts';
import { AGENCIES_COMMUNE, AGENCIES_PROVINCE, emulationDerivedValues, recognisedCode, villagesSelfManagementCode } from './figures-derived.ts';

let handle: DatabaseHandle;
let old: TestProvince;
let p: TestProvince;
beforeAll(async () => {
  handle = await createTestDatabase();
  old = await buildProvince(handle.db, { structure: '2019', communes: 2, villagesPerCommune: 1 });
  p = await buildProvince(handle.db, { communes: 2, villagesPerCommune: 3 });
  // the 2019 province and its first commune went into the 2025 ones (the second 2019 commune: no successor here)
  await handle.db
    .insertInto('unit_succession')
    .values([
      { old_unit_id: old.provinceId, new_unit_id: p.provinceId, kind: 'merged', effective_date: '2025-07-01' },
      { old_unit_id: old.communeIds[0] as number, new_unit_id: p.communeIds[0] as number, kind: 'merged', effective_date: '2025-07-01' },
    ])
    .execute();
}, 120_000);
afterAll(() => handle.close());

interface Model {
  unit: number;
  field?: TModelField;
  status: TModelStatus;
  level?: TRecognitionLevel;
  recognisedOn?: string;
  owner?: number;
  origin?: string;
  startedOn?: string;
  createdAt?: string;
  /** A lower recognition before `level` (the steps keep both). */
  earlier?: { level: TRecognitionLevel; on: string };
}
async function insertModel(m: Model) {
  const id = uuidv7();
  const at = new Date(m.createdAt ?? '2026-01-05T03:00:00Z');
  await handle.db
    .insertInto('emulation_model')
    .values({
      id, province_id: p.provinceId, unit_id: m.unit, kind: 'collective', field: m.field ?? 'economy', owner_organization_id: m.owner ?? null,
      origin_model_id: m.origin ?? null, origin_province_id: m.origin ? p.provinceId : null, title: 'Mô hình', search_text: 'mo hinh',
      status: m.status, recognised_level: m.level ?? null, recognised_on: m.recognisedOn ?? null, started_on: m.startedOn ?? null,
      created_at: at, updated_at: at,
    })
    .execute();
  // the recognitions as the lifecycle writes them: one 'recognised' step each, with its level and date
  const recognitions = [...(m.earlier ? [m.earlier] : []), ...(m.level && m.recognisedOn ? [{ level: m.level, on: m.recognisedOn }] : [])];
  for (const [i, r] of recognitions.entries()) {
    await handle.db
      .insertInto('emulation_model_step')
      .values({ id: uuidv7(), province_id: p.provinceId, model_id: id, seq: i + 1, step: 'recognised', to_status: 'recognised', on_date: r.on, details: JSON.stringify({ level: r.level }), at })
      .execute();
  }
  return id;
}
async function org(unitId: number, type: string, dates: { founded?: string; dissolved?: string } = {}) {
  const id = await buildOrganization(handle.db, unitId, { type });
  await handle.db.updateTable('organization').set({ founded_on: dates.founded ?? null, dissolved_on: dates.dissolved ?? null }).where('id', '=', id).execute();
  return id;
}

const byCode = (code: string) => {
  const value = emulationDerivedValues.find((v) => v.code === code);
  if (!value) throw new Error(code);
  return value;
};
const compute = async (code: string, asOf: string, unitIds?: number[]) =>
  Object.fromEntries((await byCode(code).compute(handle.db, { provinceId: p.provinceId, asOf, ...(unitIds ? { unitIds } : {}) })).map((v) => [v.unitId, v.value]));

describe('figures of models: a worked set', () => {
  it('counts recognised models per level × field and commune, agencies that built and replicated one, villages with effective self-management models', async () => {
    const [a, b] = p.communeIds as [number, number];
    const [v1, v2, v3] = p.villagesByCommune[0] as [number, number, number];
    const [w1] = p.villagesByCommune[1] as [number];
    const [oldA, oldB] = old.communeIds as [number, number];
    const agencyP = await org(p.provinceId, 'agency'); // a province agency (Sở)
    const unionA = await org(a, 'womens_union');
    const committeeB = await org(b, 'committee');
    const groupB = await org(w1, 'self_management_model'); // a community group is not an agency

    // the province agency's model, recognised by the province and replicated in commune b by its committee
    const m1 = await insertModel({ unit: a, field: 'economy', status: 'recognised', level: 'province', recognisedOn: '2026-02-10', owner: agencyP, earlier: { level: 'commune', on: '2025-10-15' } });
    await insertModel({ unit: b, field: 'economy', status: 'building', owner: committeeB, origin: m1, startedOn: '2026-03-01' });
    // the women's union's model (commended after its recognition), replicated by a group of commune b on 15/03
    const m3 = await insertModel({ unit: a, field: 'culture_society', status: 'commended', level: 'commune', recognisedOn: '2026-01-20', owner: unionA });
    await insertModel({ unit: b, field: 'culture_society', status: 'registered', owner: groupB, origin: m3, createdAt: '2026-03-15T02:00:00Z' });
    // reviewed again for the province: still recognised at commune level in the meantime
    await insertModel({ unit: b, field: 'culture_society', status: 'reviewed', level: 'commune', recognisedOn: '2026-02-02' });
    // a withdrawn replica of the union's and a withdrawn recognised model count nowhere
    await insertModel({ unit: a, status: 'withdrawn', owner: unionA, origin: m1, startedOn: '2026-01-02' });
    await insertModel({ unit: a, field: 'economy', status: 'withdrawn', level: 'commune', recognisedOn: '2026-01-10' });
    // recognised after the day asked: not yet
    await insertModel({ unit: b, field: 'economy', status: 'recognised', level: 'commune', recognisedOn: '2026-04-01' });
    // 2020, on 2019 communes: recognised by the district; the first counts for its 2025 successor a after the reform
    await insertModel({ unit: oldA, field: 'party_building', status: 'recognised', level: 'district', recognisedOn: '2020-10-15' });
    await insertModel({ unit: oldB, field: 'party_building', status: 'recognised', level: 'district', recognisedOn: '2020-10-15' });

    // self-management groups: v1 has 2 effective (a third only being built), v2 one (the other dissolved), v3 four
    const group = async (village: number, status: TModelStatus, dates: { dissolved?: string } = {}) => {
      const id = await org(village, 'self_management_model', { founded: '2018-05-01', ...dates });
      const recognised = status === 'recognised' || status === 'commended';
      await insertModel({
        unit: village === w1 ? b : a, field: 'defence_security', status, owner: id,
        ...(recognised ? { level: 'commune' as const, recognisedOn: '2025-10-15' } : {}),
      });
    };
    await group(v1, 'recognised');
    await group(v1, 'commended');
    await group(v1, 'building');
    await group(v2, 'recognised');
    await group(v2, 'recognised', { dissolved: '2026-02-01' });
    for (let i = 0; i < 4; i++) await group(v3, 'recognised');

    const march = '2026-03-31';
    expect(await compute(recognisedCode('province', 'economy'), march)).toEqual({ [a]: 1, [b]: 0 });
    expect(await compute(recognisedCode('commune', 'economy'), march)).toEqual({ [a]: 0, [b]: 0 });
    expect(await compute(recognisedCode('commune', 'economy'), '2026-04-30')).toEqual({ [a]: 0, [b]: 1 });
    // before the province's decision the agency's model held the commune level: earlier periods keep it there
    expect(await compute(recognisedCode('commune', 'economy'), '2025-12-31')).toEqual({ [a]: 1, [b]: 0 });
    expect(await compute(recognisedCode('province', 'economy'), '2025-12-31')).toEqual({ [a]: 0, [b]: 0 });
    expect(await compute(recognisedCode('commune', 'economy'), '2025-09-30')).toEqual({ [a]: 0, [b]: 0 });
    expect(await compute(recognisedCode('commune', 'culture_society'), march)).toEqual({ [a]: 1, [b]: 1 });
    // the groups' models: 2 + 2 + 4 in commune a (v1, v2 before the dissolution, v3); the dissolved group's model still stands
    expect(await compute(recognisedCode('commune', 'defence_security'), march)).toEqual({ [a]: 8, [b]: 0 });
    expect(await compute(recognisedCode('district', 'party_building'), march)).toEqual({ [a]: 1, [b]: 0 });
    expect(await compute(recognisedCode('district', 'party_building'), '2020-12-31')).toEqual({ [oldA]: 1, [oldB]: 1 });
    expect(await compute(recognisedCode('central', 'economy'), march)).toEqual({ [a]: 0, [b]: 0 });
    // only the communes asked for (a touched 2025 commune reads its 2019 predecessor's models)
    expect(await compute(recognisedCode('district', 'party_building'), march, [a])).toEqual({ [a]: 1 });

    // seed 004: the province agency (recognised + replicated by commune b) and the union (replicated on 15/03)
    expect(await compute(AGENCIES_PROVINCE, march)).toEqual({ [p.provinceId]: 2 });
    expect(await compute(AGENCIES_COMMUNE, march)).toEqual({ [a]: 1, [b]: 0 });
    // on 14/03 the group of commune b had not replicated the union's model yet; in February m1's replica had not started
    expect(await compute(AGENCIES_PROVINCE, '2026-03-14')).toEqual({ [p.provinceId]: 1 });
    expect(await compute(AGENCIES_PROVINCE, '2026-02-28')).toEqual({ [p.provinceId]: 0 });

    // seed 000 i6 / seed 003 (7)
    const villages = p.villageIds;
    const expected = (yes: number[]) => Object.fromEntries(villages.map((v) => [v, yes.includes(v) ? 1 : 0]));
    expect(await compute(villagesSelfManagementCode(2), march)).toEqual(expected([v1, v3]));
    expect(await compute(villagesSelfManagementCode(4), march)).toEqual(expected([v3]));
    expect(await compute(villagesSelfManagementCode(2), '2026-01-31')).toEqual(expected([v1, v2, v3]));
    // before the recognitions of 15/10/2025 no group was effective
    expect(await compute(villagesSelfManagementCode(2), '2025-10-14')).toEqual(expected([]));
  });
});
