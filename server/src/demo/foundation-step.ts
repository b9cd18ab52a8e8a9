import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import { planCommune2019, planCommune2025, type CommuneOrgs } from './commune-orgs.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { DemoPlan, type DemoSettings, type PlanContext } from './demo-plan.ts';
import { demoSettings } from './demo-settings.ts';
import { planDistrict, type DistrictOrgs } from './district-orgs.ts';
import * as repo from './demo.repository.ts';
import { planEstablishments } from './establishments.ts';
import { PeopleFactory } from './people.ts';
import { planProvince2019, planProvince2025 } from './province-orgs.ts';
import { addDays } from '#contracts/indicators/period.ts';
import { Random } from './random.ts';
import { communeProfile, DISSOLVED_2019 as REFORM_DAY, PROVINCE_2019_CODE, PROVINCE_2025_CODE, TERM_END_2019, type Territory } from './territory.ts';
import { planVillage2019, planVillage2025, type VillageOrgs } from './village-orgs.ts';
import { createVillages, type DemoVillages } from './demo-villages.ts';

/** Same seed, same province: a reload produces the same villages, names and people. */
export const SEED = 20181214; // the date of seed 001, the Ban Dân vận report the demo is built on

/** What the plan built, for the summary line and the accounts. */
interface Built {
  territory: Territory;
  villages: DemoVillages;
  plan: DemoPlan;
  province: ReturnType<typeof planProvince2019>;
  /** By official code. */
  districts: Map<string, DistrictOrgs>;
  /** By official code of the 2019 commune. */
  communes: Map<string, CommuneOrgs>;
  /** By 2019 village id. */
  villageOrgs: Map<number, VillageOrgs>;
  province2025: ReturnType<typeof planProvince2025>;
  /** By official code of the 2025 commune. */
  communes2025: Map<string, CommuneOrgs>;
  /** Tổ dân vận (plan index) by 2025 village id. */
  villageTeams2025: Map<number, number>;
}

/** Plans every organisation, person and role of both structures (no SQL: ids of units only). */
function planOrganisations(territory: Territory, villages: DemoVillages, settings: DemoSettings): Omit<Built, 'territory' | 'villages'> {
  const rng = new Random(SEED);
  const ctx: PlanContext = { plan: new DemoPlan(), people: new PeopleFactory(rng.fork('people')), rng, settings };
  const province = planProvince2019(ctx, territory.province2019);
  const districts = new Map(territory.districts.map((unit) => [unit.code, planDistrict(ctx, unit, province)]));
  const communes = new Map<string, CommuneOrgs>();
  const ended = new Map<string, CommuneOrgs>();
  // seed 001's 141 communes of 2018 in code order: those that reached the reform, and those that ended before
  const all2018 = [...territory.communes, ...territory.ended].sort((a, b) => a.code.localeCompare(b.code));
  for (const commune of all2018) {
    const district = districts.get(commune.district.code) as DistrictOrgs;
    const parents = { partyCommittee: district.partyCommittee, front: district.front };
    const lastDay = 'validTo' in commune ? commune.validTo : undefined;
    const orgs = planCommune2019(ctx, commune, communeProfile(commune), parents, lastDay);
    (lastDay ? ended : communes).set(commune.code, orgs);
  }
  const villageOrgs = new Map<number, VillageOrgs>();
  for (const commune of territory.communes) {
    const orgs = communes.get(commune.code) as CommuneOrgs;
    for (const village of villages.byCommune.get(commune.id) ?? []) {
      const before = villages.earlier.get(village.id);
      const periods = before
        ? [
            { village: before.village, commune: ended.get(before.commune.code) as CommuneOrgs, from: null, to: before.commune.validTo },
            { village, commune: orgs, from: addDays(before.commune.validTo, 1), to: TERM_END_2019 },
          ]
        : [{ village, commune: orgs, from: null, to: TERM_END_2019 }];
      villageOrgs.set(village.id, planVillage2019(ctx, periods));
    }
  }

  const province2025 = planProvince2025(ctx, territory.province2025, province);
  const parents2025 = { partyCommittee: province2025.partyCommittee, front: province2025.front };
  const communes2025 = new Map<string, CommuneOrgs>();
  const villageTeams2025 = new Map<number, number>();
  for (const unit of territory.communes2025) {
    const predecessors = territory.communes
      .filter((commune) => commune.successors.some((s) => s.unit.id === unit.id))
      .map((commune) => communes.get(commune.code) as CommuneOrgs);
    const orgs = planCommune2025(ctx, unit, predecessors, parents2025);
    communes2025.set(unit.code, orgs);
    for (const village of villages.byCommune.get(unit.id) ?? []) {
      const previous = villageOrgs.get(villages.predecessor.get(village.id) ?? -1);
      if (!previous) throw new Error(`2025 village ${village.id} has no 2019 village`);
      villageTeams2025.set(village.id, planVillage2025(ctx, village, orgs, previous).teamOrg);
    }
  }
  planEstablishments(ctx.plan, territory.communes);
  return { plan: ctx.plan, province, districts, communes, villageOrgs, province2025, communes2025, villageTeams2025 };
}

/** The account rows: unit, organisation and the name of the person behind each account. */
function accountRows(built: Built, personIds: number[], orgIds: number[], passwordHash: string) {
  const { plan, territory } = built;
  const nameOf = (person: number) => plan.people[person]?.fullName ?? '';
  const headOf = (org: number) => plan.roles.findLast((role) => role.org === org && role.isHead)?.person as number;
  return DEMO_ACCOUNTS.map((account) => {
    const home = account.home;
    let unitId: number | null = null;
    let org: number | null = null;
    let person: number | null = null;
    if (home.level === 'province') {
      unitId = territory.province2025.id;
      org = built.province2025.commission;
      person = account.roles.includes('leader') ? built.province2025.commissionHead : built.province2025.commissionOfficer;
    } else if (home.level === 'commune') {
      const commune = (home.structure === '2019' ? built.communes : built.communes2025).get(home.code);
      if (!commune) throw new Error(`demo account ${account.username}: no ${home.structure} commune ${home.code}`);
      [unitId, org, person] = [commune.unit.id, commune.bloc, headOf(commune.bloc)];
    } else if (home.level === 'village') {
      // the 2025 village that continues the pinned 2019 village; same people, same team leader
      const commune = territory.communes.find((unit) => unit.code === home.communeCode2019);
      const old = commune && built.villages.byCommune.get(commune.id)?.find((v) => v.name === home.village);
      const village = old && [...built.villages.predecessor].find(([, before]) => before === old.id);
      const team = village && built.villageTeams2025.get(village[0]);
      const before = old && built.villageOrgs.get(old.id);
      if (!village || team === undefined || !before) throw new Error(`demo account ${account.username}: no village ${home.village}`);
      [unitId, org, person] = [village[0], team, before.posts.current('bi_thu')];
    }
    return {
      username: account.username,
      passwordHash,
      fullName: person === null ? 'Quản trị hệ thống' : nameOf(person),
      unitId,
      organizationId: org === null ? null : (orgIds[org] as number),
      roles: account.roles,
    };
  });
}

/**
 * The 2025 reorganisation of the bodies (issue 9 item 8): the Ban Dân vận Tỉnh ủy merged into the Ban Tuyên giáo
 * và Dân vận of the merged province; each district's Ban Dân vận ended with its district, its duty going to that
 * body. The province merged its two Ban in early 2025 (the date is not in the sources read: 'likely', the reform's
 * day). Document abbreviations: BDVTU until then, BTGDVTU after.
 */
async function insertBodyHistory(trx: Kysely<DB>, built: Built, orgIds: number[]) {
  const id = (index: number) => orgIds[index] as number;
  const today = id(built.province2025.commission);
  await repo.insertOrganizationSuccessions(trx, [
    {
      oldId: id(built.province.commission),
      newId: today,
      kind: 'merged',
      effectiveDate: REFORM_DAY,
      instrument: 'Kết luận 121-KL/TW; Quy định 329-QĐ/TW',
      certainty: 'likely',
      note: 'Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy; hợp nhất tỉnh Quảng Bình và tỉnh Quảng Trị (Nghị quyết 202/2025/QH15).',
    },
    ...[...built.districts.values()].map((district) => ({
      oldId: id(district.commission),
      newId: today,
      kind: 'abolished' as const,
      effectiveDate: REFORM_DAY,
      instrument: 'Kết luận 127-KL/TW',
      certainty: 'certain' as const,
      note: null,
    })),
  ]);
  await repo.insertAbbreviations(trx, [
    { organizationId: id(built.province.commission), abbreviation: 'BDVTU', validFrom: null, validTo: TERM_END_2019 },
    { organizationId: today, abbreviation: 'BTGDVTU', validFrom: REFORM_DAY, validTo: null },
  ]);
}

/**
 * The demo's foundation: Quảng Trị in both structures with 1,113 villages, their organisations, people with
 * roles over two terms, and the demo accounts (docs/DEMO.md). Needs the official units.
 */
async function runFoundation(trx: Kysely<DB>): Promise<string> {
  // argon2 is deliberately slow: hash once for every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const territory = await repo.findTerritory(trx, PROVINCE_2019_CODE, PROVINCE_2025_CODE);
  const villages = await createVillages(trx, territory, new Random(SEED).fork('villages'));
  const settings = await demoSettings(trx, territory.province2025.id);
  const built: Built = { territory, villages, ...planOrganisations(territory, villages, settings) };
  const orgIds = await repo.insertOrganizations(trx, built.plan.orgs);
  await insertBodyHistory(trx, built, orgIds);
  const personIds = await repo.insertPeople(trx, built.plan.people);
  await repo.insertRoles(trx, built.plan.roles, personIds, orgIds);
  await repo.insertUsers(trx, accountRows(built, personIds, orgIds, passwordHash));
  const { plan } = built;
  return (
    `Quảng Trị: ${territory.districts.length} districts, ${territory.communes.length + territory.ended.length} communes in 2018, ${territory.communes.length} on 30/6/2025, ` +
    `${villages.count2019} villages (2019) → ${villages.count2025} in ${territory.communes2025.length} communes (2025); ` +
    `${plan.orgs.length} organisations, ${plan.people.length} people, ${plan.roles.length} roles, ` +
    `${DEMO_ACCOUNTS.length} accounts (docs/DEMO.md)`
  );
}

/** Step "foundation" of the units module's demo: the province, its people and the demo accounts. */
export const foundationStep: DemoStep = { name: 'foundation', version: 1, run: (trx) => runFoundation(trx) };
