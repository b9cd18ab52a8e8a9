import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { REFORM_DAY, REFORM_LAST_DAY } from '#server/modules/units/official-import.ts';
import type { OrgDraft, RoleDraft } from './demo-plan.ts';
import type { PersonDraft } from './people.ts';
import type { Commune2019, EndedCommune, Territory, TerritoryUnit } from './territory.ts';

/** Rows per INSERT: large enough to be fast on PGlite, far below PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/**
 * Records a demo step as applied, inside the transaction that applies it; false when it was recorded already
 * (then the step is skipped). A concurrent claim of the same step waits on the primary key until this one ends.
 */
export async function claimDemoStep(db: Kysely<DB>, name: string, version: number): Promise<boolean> {
  const row = await db
    .insertInto('demo_step')
    .values({ name, version })
    .onConflict((conflict) => conflict.columns(['name', 'version']).doNothing())
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refreshes the planner's statistics after a demo load: PGlite has no autovacuum, so without this every plan over
 * the tables the demo filled is made for empty tables (a nested loop where a hash join belongs). On PostgreSQL it
 * only runs sooner what autovacuum would.
 */
export async function refreshStatistics(db: Kysely<DB>): Promise<void> {
  await sql`analyze`.execute(db);
}

/** Accounts with these usernames and their password hashes (to tell the demo's from real ones). */
export async function findAccountHashes(db: Kysely<DB>, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  return db.selectFrom('app_user').select(['username', 'password_hash']).where('username', 'in', usernames).execute();
}

/** The demo steps applied to this database, oldest first. */
export async function appliedDemoSteps(db: Kysely<DB>) {
  return db.selectFrom('demo_step').select(['name', 'version']).orderBy('applied_at').orderBy('name').execute();
}

const unitColumns = ['u.id', 'u.code', 'u.name', 'u.full_name', 'u.type', 'u.parent_id', 'u.level'] as const;
type UnitRow = { id: number; code: string | null; name: string; full_name: string; type: string; parent_id: number | null };
const toUnit = (row: UnitRow): TerritoryUnit => ({
  id: row.id,
  code: row.code ?? '',
  name: row.name,
  fullName: row.full_name,
  type: row.type,
  parentId: row.parent_id,
});

async function officialUnit(db: Kysely<DB>, structure: '2019' | '2025', code: string): Promise<TerritoryUnit & { path: string }> {
  const row = await db
    .selectFrom('admin_unit as u')
    .select([...unitColumns, 'u.path'])
    .where('u.structure', '=', structure)
    .where('u.code', '=', code)
    .executeTakeFirst();
  if (!row) throw new Error(`official unit ${structure}:${code} is missing: import the official units before the demo`);
  return { ...toUnit(row), path: row.path };
}

/**
 * The 2019 province with its districts and communes (by code), each commune with its 2025 successors, and the
 * 2025 province. Only official units: villages of these communes, if any, are not read.
 */
export async function findTerritory(db: Kysely<DB>, province2019Code: string, province2025Code: string): Promise<Territory> {
  const province2019 = await officialUnit(db, '2019', province2019Code);
  const province2025 = await officialUnit(db, '2025', province2025Code);
  const rows = await db
    .selectFrom('admin_unit as u')
    .select(unitColumns)
    .where(sql<boolean>`u.path <@ ${province2019.path}::ltree`)
    .where('u.level', 'in', ['district', 'commune'])
    // the units that reached the reform (those that ended before 30/6/2025 are history, issue 9)
    .where(sql<boolean>`u.valid_to >= ${REFORM_LAST_DAY}::date`)
    .orderBy('u.code')
    .execute();
  const districts = rows.filter((row) => row.level === 'district').map(toUnit);
  const districtById = new Map(districts.map((district) => [district.id, district]));
  const communeRows = rows.filter((row) => row.level === 'commune');
  const links = communeRows.length
    ? await db
        .selectFrom('unit_succession as s')
        .innerJoin('admin_unit as u', 'u.id', 's.new_unit_id')
        .select([...unitColumns, 's.old_unit_id', 's.kind'])
        .where('s.kind', 'in', ['merged', 'split'])
        .where('s.effective_date', '=', REFORM_DAY)
        .where(
          's.old_unit_id',
          'in',
          communeRows.map((row) => row.id),
        )
        .orderBy('u.code')
        .execute()
    : [];
  const communes: Commune2019[] = communeRows.map((row) => {
    const district = districtById.get(row.parent_id ?? -1);
    if (!district) throw new Error(`commune ${row.code} has no district`);
    const successors = links.filter((link) => link.old_unit_id === row.id).map((link) => ({ unit: toUnit(link), kind: link.kind === 'split' ? ('split' as const) : ('merged' as const) }));
    if (successors.length === 0) throw new Error(`commune ${row.code} has no 2025 successor`);
    return { ...toUnit(row), district, successors };
  });
  const communes2025 = [...new Map(links.map((link) => [link.id, toUnit(link)])).values()].sort((a, b) => a.code.localeCompare(b.code));
  const ended = await findEndedCommunes(db, province2019.path, districtById, new Map(communes.map((commune) => [commune.id, commune])));
  return { province2019, province2025, districts, communes, communes2025, ended };
}

/**
 * The communes of the province that ended before the reform (not an earlier parent period of a commune that
 * moved), each with the communes that reached the reform and took its territory, following later mergers.
 */
async function findEndedCommunes(
  db: Kysely<DB>,
  provincePath: string,
  districtById: ReadonlyMap<number, TerritoryUnit>,
  reached: ReadonlyMap<number, TerritoryUnit>,
): Promise<EndedCommune[]> {
  const rows = await db
    .selectFrom('admin_unit as u')
    .select([...unitColumns, sql<string>`u.valid_to::text`.as('valid_to')])
    .where(sql<boolean>`u.path <@ ${provincePath}::ltree`)
    .where('u.level', '=', 'commune')
    .where(sql<boolean>`u.valid_to < ${REFORM_LAST_DAY}::date`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('unit_succession as m').select('m.old_unit_id').whereRef('m.old_unit_id', '=', 'u.id').where('m.kind', '=', 'moved'))),
    )
    .orderBy('u.code')
    .execute();
  const links = rows.length
    ? await db
        .selectFrom('unit_succession as s')
        .select(['s.old_unit_id', 's.new_unit_id'])
        .where('s.kind', 'in', ['merged', 'split'])
        .where(sql<boolean>`s.effective_date < ${REFORM_DAY}::date`)
        .orderBy('s.old_unit_id')
        .orderBy('s.new_unit_id')
        .execute()
    : [];
  const next = new Map<number, number[]>();
  for (const link of links) next.set(link.old_unit_id, [...(next.get(link.old_unit_id) ?? []), link.new_unit_id]);
  const receivers = (id: number, seen = new Set<number>()): TerritoryUnit[] =>
    (next.get(id) ?? []).flatMap((to) => {
      const unit = reached.get(to);
      if (unit) return [unit];
      if (seen.has(to)) return [];
      return receivers(to, seen.add(to));
    });
  return rows.map((row) => {
    const district = districtById.get(row.parent_id ?? -1);
    const successors = [...new Set(receivers(row.id))];
    if (!district || successors.length === 0) throw new Error(`ended commune ${row.code} has no district or no successor that reached the reform`);
    return { ...toUnit(row), district, validTo: row.valid_to, successors };
  });
}

/**
 * Inserts the planned organisations, parents before children; returns their ids in plan order. A negative
 * parent index names an organisation that exists already (a later demo step under the province's Tỉnh ủy), by
 * its id in `existing`.
 */
export async function insertOrganizations(db: Kysely<DB>, orgs: readonly OrgDraft[], existing: ReadonlyMap<number, number> = new Map()): Promise<number[]> {
  const depth: number[] = [];
  orgs.forEach((org, i) => (depth[i] = org.parent === null || org.parent < 0 ? 0 : (depth[org.parent] as number) + 1));
  const parentId = (parent: number | null, ids: number[]) => {
    if (parent === null) return null;
    const id = parent < 0 ? existing.get(parent) : ids[parent];
    if (id === undefined) throw new Error(`organisation parent ${parent} is unknown`);
    return id;
  };
  const ids: number[] = new Array<number>(orgs.length);
  for (let level = 0; level <= Math.max(0, ...depth); level++) {
    const indexes = orgs.map((_, i) => i).filter((i) => depth[i] === level);
    for (let start = 0; start < indexes.length; start += BATCH) {
      const chunk = indexes.slice(start, start + BATCH);
      const values = chunk.map((i) => {
        const org = orgs[i] as OrgDraft;
        return {
          unit_id: org.unitId,
          type: org.type,
          name: org.name,
          parent_organization_id: parentId(org.parent, ids),
          worker_count: org.workerCount ?? null,
          has_trade_union: org.hasTradeUnion ?? null,
          religion_name: org.religionName ?? null,
          founded_on: org.foundedOn ?? null,
          dissolved_on: org.dissolvedOn ?? null,
        };
      });
      const rows = await db.insertInto('organization').values(values).returning(['id', 'unit_id', 'name']).execute();
      // PostgreSQL returns the rows of a multi-row VALUES insert in order; check it rather than trust it.
      rows.forEach((row, k) => {
        const i = chunk[k] as number;
        if (row.unit_id !== orgs[i]?.unitId || row.name !== orgs[i]?.name) throw new Error('organisation ids came back out of order');
        ids[i] = row.id;
      });
    }
  }
  return ids;
}

/** Inserts the planned people; returns their ids in plan order. */
export async function insertPeople(db: Kysely<DB>, people: readonly PersonDraft[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < people.length; start += BATCH) {
    const chunk = people.slice(start, start + BATCH);
    const values = chunk.map((person) => ({
      unit_id: person.unitId,
      full_name: person.fullName,
      gender: person.gender,
      birth_year: person.birthYear,
      phone: person.phone,
      ethnicity: person.ethnicity,
      religion: person.religion,
    }));
    const rows = await db.insertInto('person').values(values).returning(['id', 'full_name', 'phone']).execute();
    rows.forEach((row, k) => {
      if (row.phone !== chunk[k]?.phone) throw new Error('person ids came back out of order');
      ids.push(row.id);
    });
  }
  return ids;
}

/** Inserts the planned roles, translating plan indexes to the ids just inserted. */
export async function insertRoles(db: Kysely<DB>, roles: readonly RoleDraft[], personIds: number[], orgIds: number[]): Promise<void> {
  for (let start = 0; start < roles.length; start += BATCH) {
    const values = roles.slice(start, start + BATCH).map((role) => ({
      person_id: personIds[role.person] as number,
      organization_id: orgIds[role.org] as number,
      title: role.title,
      is_head: role.isHead,
      term_from: role.termFrom,
      term_to: role.termTo,
    }));
    await db.insertInto('person_role').values(values).execute();
  }
}

/** Demo accounts (all with the same argon2 hash). */
export async function insertUsers(
  db: Kysely<DB>,
  users: { username: string; passwordHash: string; fullName: string; unitId: number | null; organizationId: number | null; roles: readonly string[] }[],
): Promise<void> {
  await db
    .insertInto('app_user')
    .values(
      users.map((user) => ({
        username: user.username,
        password_hash: user.passwordHash,
        full_name: user.fullName,
        unit_id: user.unitId,
        organization_id: user.organizationId,
        roles: [...user.roles],
        must_change_password: false,
      })),
    )
    .execute();
}

/**
 * The 2025 communes of a province that took in no commune of a 2019 province, by code: for the merged Quảng Trị,
 * the 41 communes that came from Quảng Bình alone and the đặc khu Cồn Cỏ (whose predecessor is a district).
 */
export async function findCommunesOutside(db: Kysely<DB>, province2025Code: string, province2019Code: string): Promise<TerritoryUnit[]> {
  const province = await officialUnit(db, '2025', province2025Code);
  const old = await officialUnit(db, '2019', province2019Code);
  const rows = await db
    .selectFrom('admin_unit as u')
    .select(unitColumns)
    .where('u.parent_id', '=', province.id)
    .where('u.level', '=', 'commune')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('unit_succession as s')
            .innerJoin('admin_unit as p', 'p.id', 's.old_unit_id')
            .select('s.old_unit_id')
            .whereRef('s.new_unit_id', '=', 'u.id')
            .where('p.level', '=', 'commune')
            .where(sql<boolean>`p.path <@ ${old.path}::ltree`),
        ),
      ),
    )
    .orderBy('u.code')
    .execute();
  return rows.map(toUnit);
}

/** The live organisation of a type in a unit (the province's Tỉnh ủy, its Ủy ban MTTQ), or an error. */
export async function findLiveOrganization(db: Kysely<DB>, unitId: number, type: 'party_committee' | 'fatherland_front'): Promise<number> {
  const row = await db
    .selectFrom('organization')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('type', '=', type)
    .where('dissolved_on', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!row) throw new Error(`unit ${unitId} has no ${type}: the foundation demo step must run first`);
  return row.id;
}

/** Every phone number held by a person, so a later demo step gives out new ones. */
export async function personPhones(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('person').select('phone').where('phone', 'is not', null).execute();
  return rows.map((row) => row.phone as string);
}

/** The demo's recorded successions of bodies (issue 9 item 8), by organisation id. */
export async function insertOrganizationSuccessions(
  db: Kysely<DB>,
  rows: readonly { oldId: number; newId: number; kind: 'merged' | 'abolished'; effectiveDate: string; instrument: string; certainty: 'certain' | 'likely'; note: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('organization_succession')
    .values(rows.map((row) => ({
      old_organization_id: row.oldId,
      new_organization_id: row.newId,
      kind: row.kind,
      effective_date: row.effectiveDate,
      instrument: row.instrument,
      certainty: row.certainty,
      note: row.note,
      recorded_by: null,
    })))
    .execute();
}

/** Dated abbreviations of the demo's bodies. */
export async function insertAbbreviations(
  db: Kysely<DB>,
  rows: readonly { organizationId: number; abbreviation: string; validFrom: string | null; validTo: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('organization_abbreviation')
    .values(rows.map((row) => ({ organization_id: row.organizationId, abbreviation: row.abbreviation, valid_from: row.validFrom, valid_to: row.validTo })))
    .execute();
}
