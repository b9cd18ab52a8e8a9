import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { insertUnits } from '#server/modules/units/unit.repository.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { planCommuneNew2025 } from './commune-orgs.ts';
import { demoSettings } from './demo-settings.ts';
import { DemoPlan, type PlanContext } from './demo-plan.ts';
import * as repo from './demo.repository.ts';
import { SEED } from './foundation-step.ts';
import { PeopleFactory } from './people.ts';
import { Random } from './random.ts';
import { PROVINCE_2019_CODE, PROVINCE_2025_CODE, type CommuneProfile, type TerritoryUnit } from './territory.ts';
import { planVillageNew2025 } from './village-orgs.ts';
import { villageRow } from './demo-villages.ts';
import { planVillagesFor } from './villages.ts';

/**
 * How a Quảng Bình commune is settled in the demo: wards are urban with "tổ dân phố", the rest lowland xã of
 * named and numbered thôn. (The Chứt and Bru - Vân Kiều villages of Minh Hóa and the west are not modelled.)
 */
export function quangBinhProfile(commune: TerritoryUnit): CommuneProfile {
  const urban = commune.type === 'phường' || commune.type === 'đặc khu';
  return { kind: urban ? 'urban' : 'lowland', mountain: false, ethnic: false, minority: 'Vân Kiều', catholicArea: false, urbanWord: 'tổ dân phố' };
}

/**
 * Villages per commune: a 2025 commune merged about three old ones, so it has 14–30 villages (wards 10–20); the
 * island đặc khu Cồn Cỏ has three residential areas.
 */
export function quangBinhVillageCount(rng: Random, commune: TerritoryUnit): number {
  if (commune.type === 'đặc khu') return 3;
  return commune.type === 'phường' ? rng.int(10, 20) : rng.int(14, 30);
}

/**
 * The rest of the merged Quảng Trị: the 2025 communes of province 44 that took in no commune of the 2019 Quảng
 * Trị (the 41 from Quảng Bình, and the island đặc khu Cồn Cỏ, which had no commune before): villages from
 * 1 July 2025 and, in each commune and village, the organisations and people of every 2025 commune of the demo.
 * Deterministic (its own fork of the demo seed).
 */
async function runQuangBinh(trx: Kysely<DB>): Promise<string> {
  const communes = await repo.findCommunesOutside(trx, PROVINCE_2025_CODE, PROVINCE_2019_CODE);
  const territory = await repo.findTerritory(trx, PROVINCE_2019_CODE, PROVINCE_2025_CODE);
  const rng = new Random(SEED).fork('quang-binh');
  const drafts = communes.map((commune) => {
    const profile = quangBinhProfile(commune);
    const count = quangBinhVillageCount(rng.fork(`count:${commune.code}`), commune);
    return { commune, profile, villages: planVillagesFor(rng.fork(`names:${commune.code}`), commune, count, profile) };
  });
  const rows = drafts.flatMap(({ commune, villages }) =>
    villages.map((village) => villageRow('2025', village, commune.id)),
  );
  const inserted = await insertUnits(trx, rows);

  const people = new PeopleFactory(rng.fork('people'));
  people.reservePhones(await repo.personPhones(trx));
  const ctx: PlanContext = { plan: new DemoPlan(), people, rng, settings: await demoSettings(trx, territory.province2025.id) };
  // The province's Tỉnh ủy and Ủy ban MTTQ already exist (foundation step): plan them as placeholders whose id is known.
  const parents = {
    partyCommittee: await repo.findLiveOrganization(trx, territory.province2025.id, 'party_committee'),
    front: await repo.findLiveOrganization(trx, territory.province2025.id, 'fatherland_front'),
  };
  let next = 0;
  for (const { commune, profile, villages } of drafts) {
    const orgs = planCommuneNew2025(ctx, commune, profile, { partyCommittee: -1, front: -2 });
    for (const village of villages) {
      const unit = inserted[next++];
      if (!unit || unit.name !== village.name || unit.parent_id !== commune.id) throw new Error('village ids came back out of order');
      planVillageNew2025(ctx, { id: unit.id, name: village.name, type: village.type }, orgs);
    }
  }
  const orgIds = await repo.insertOrganizations(trx, ctx.plan.orgs, new Map([[-1, parents.partyCommittee], [-2, parents.front]]));
  const personIds = await repo.insertPeople(trx, ctx.plan.people);
  await repo.insertRoles(trx, ctx.plan.roles, personIds, orgIds);
  return (
    `rest of province 44 (Quảng Bình side, Cồn Cỏ): ${communes.length} communes, ${inserted.length} villages, ` +
    `${ctx.plan.orgs.length} organisations, ${ctx.plan.people.length} people, ${ctx.plan.roles.length} roles`
  );
}

/** Step "province-44-whole" of the units module's demo: makes the merged province whole. Runs after "foundation". */
export const quangBinhStep: DemoStep = { name: 'province-44-whole', version: 1, run: (trx) => runQuangBinh(trx) };
