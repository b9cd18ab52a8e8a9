import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorsModule } from '#server/modules/indicators/index.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { provinceDerivedTotal } from '#test/derived-values.ts';
import { buildOrganization, buildProvince, buildUser } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { emulationDerivedValues, touchModelFigures, villagesSelfManagementCode } from './index.ts';

const TODAY = '2026-03-02';
let t: TestApp;
let derived: DerivedValues;
let userId: number;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
  // the store the app builds over every module's derived values (the elements exist: the app started)
  derived = indicatorsModule.derivedStore?.(new Map(emulationDerivedValues.map((v) => [v.code, v]))) as DerivedValues;
  userId = (await buildUser(t.db, { unitId: null, roles: ['system_admin'] })).id;
}, 120_000);
afterAll(() => t.close());

/** The province's figure of a derived value for a period, as a dashboard reads it. */
const total = (provinceId: number, code: string, period: string) => provinceDerivedTotal(t.db, provinceId, code, period);

async function insertModel(provinceId: number, unitId: number, values: { status: string; level?: string; on?: string; owner?: number; origin?: string }) {
  const id = uuidv7();
  await t.db
    .insertInto('emulation_model')
    .values({
      id, province_id: provinceId, unit_id: unitId, kind: 'collective', field: 'economy', title: 'Mô hình', search_text: 'mo hinh', status: values.status as 'registered',
      recognised_level: (values.level ?? null) as 'commune' | null, recognised_on: values.on ?? null, owner_organization_id: values.owner ?? null,
      origin_model_id: values.origin ?? null, origin_province_id: values.origin ? provinceId : null, started_on: '2026-01-05', created_at: new Date(), updated_at: new Date(),
    })
    .execute();
  // the recognition as the lifecycle records it: a 'recognised' step with its level and date
  if (values.level && values.on) {
    await t.db
      .insertInto('emulation_model_step')
      .values({ id: uuidv7(), province_id: provinceId, model_id: id, seq: 1, step: 'recognised', to_status: 'recognised', on_date: values.on, details: JSON.stringify({ level: values.level }), at: new Date() })
      .execute();
  }
  return id;
}
const touch = (provinceId: number, unitIds: number[], modelIds: string[] = []) =>
  t.db.transaction().execute((trx) => touchModelFigures(trx, provinceId, unitIds, { derived, actor: { userId }, modelIds }));

describe('touchModelFigures: the writer refreshes the figures in its transaction', () => {
  it('a recognition, a withdrawal, a 2019 commune across the reform, self-management groups and a replication move the province totals at once', async () => {
    const old = await buildProvince(t.db, { structure: '2019', communes: 1, villagesPerCommune: 1 });
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    const [a, b] = p.communeIds as [number, number];
    await t.db.insertInto('unit_succession').values([
      { old_unit_id: old.provinceId, new_unit_id: p.provinceId, kind: 'merged', effective_date: '2025-07-01' },
      { old_unit_id: old.communeIds[0] as number, new_unit_id: a, kind: 'merged', effective_date: '2025-07-01' },
    ]).execute();
    const code = 'emulation.recognised_commune_economy';

    const union = await buildOrganization(t.db, a, { type: 'womens_union' });
    const m1 = await insertModel(p.provinceId, a, { status: 'recognised', level: 'commune', on: '2026-02-20', owner: union });
    await touch(p.provinceId, [], [m1]);
    expect(await total(p.provinceId, code, '2026')).toBe(1);
    expect(await total(p.provinceId, code, '202603')).toBe(1);
    // a model of 2020 on the 2019 commune: touched by its own unit, it counts for the successor a
    const m2 = await insertModel(p.provinceId, old.communeIds[0] as number, { status: 'commended', level: 'commune', on: '2020-10-15' });
    await touch(p.provinceId, [], [m2]);
    expect(await total(p.provinceId, code, '2026')).toBe(2);

    // a replica in commune b: the union now built and replicated a model (seed 004), at commune a and in the province
    const m3 = await insertModel(p.provinceId, b, { status: 'registered', origin: m1 });
    await touch(p.provinceId, [], [m3]);
    expect(await total(p.provinceId, 'emulation.agencies_built_replicated_province', '2026')).toBe(1);
    expect(await total(p.provinceId, 'emulation.agencies_built_replicated_commune', '2026')).toBe(1);

    // withdrawn: out of the figures (the writer touches the model after changing it)
    await t.db.updateTable('emulation_model').set({ status: 'withdrawn' }).where('id', '=', m1).execute();
    await touch(p.provinceId, [], [m1]);
    expect(await total(p.provinceId, code, '2026')).toBe(1);
    expect(await total(p.provinceId, 'emulation.agencies_built_replicated_province', '2026')).toBe(0);

    // two self-management groups of a village with recognised models: the village counts for seed 000 i6, not (7)
    const village = p.villagesByCommune[1]?.[0] as number;
    for (let i = 0; i < 2; i++) {
      const group = await buildOrganization(t.db, village, { type: 'self_management_model' });
      const model = await insertModel(p.provinceId, b, { status: 'recognised', level: 'commune', on: '2026-01-15', owner: group });
      await touch(p.provinceId, [], [model]);
      expect(await total(p.provinceId, villagesSelfManagementCode(2), '2026')).toBe(i === 0 ? 0 : 1);
    }
    expect(await total(p.provinceId, villagesSelfManagementCode(4), '2026')).toBe(0);
    expect(await total(p.provinceId, code, '2026')).toBe(3);

    // a group dissolved over HTTP (the organisations' write path) takes the village below two at once
    const groups = await t.db.selectFrom('organization').select('id').where('unit_id', '=', village).where('type', '=', 'self_management_model').orderBy('id').execute();
    const officer = await signIn(t.baseUrl, t.db, { unitId: b, roles: ['commission_officer'] });
    const dissolved = await officer.call(organizationEndpoints.update, { params: { id: groups[0]?.id as number }, body: { dissolvedOn: '2026-03-01' } });
    expect(dissolved.status, JSON.stringify(dissolved.body)).toBe(200);
    expect(await total(p.provinceId, villagesSelfManagementCode(2), '202603')).toBe(0);
    expect(await total(p.provinceId, villagesSelfManagementCode(2), '2026')).toBe(0);
  });
});
