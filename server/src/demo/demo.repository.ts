import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { OrgDraft, RoleDraft } from './demo-plan.ts';
import type { PersonDraft } from './people.ts';
import type { Commune2019, Territory, TerritoryUnit } from './territory.ts';

/** Rows per INSERT: large enough to be fast on PGlite, far below PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

/** The demo is there when its administrator account exists (accounts are the last thing the loader writes). */
export async function demoLoaded(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/** Accounts with these usernames and their password hashes (to tell the demo's from real ones). */
export async function findAccountHashes(db: Kysely<DB>, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  return db.selectFrom('app_user').select(['username', 'password_hash']).where('username', 'in', usernames).execute();
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
    const successors = links.filter((link) => link.old_unit_id === row.id).map((link) => ({ unit: toUnit(link), kind: link.kind }));
    if (successors.length === 0) throw new Error(`commune ${row.code} has no 2025 successor`);
    return { ...toUnit(row), district, successors };
  });
  const communes2025 = [...new Map(links.map((link) => [link.id, toUnit(link)])).values()].sort((a, b) => a.code.localeCompare(b.code));
  return { province2019, province2025, districts, communes, communes2025 };
}

/** Inserts the planned organisations, parents before children; returns their ids in plan order. */
export async function insertOrganizations(db: Kysely<DB>, orgs: readonly OrgDraft[]): Promise<number[]> {
  const depth: number[] = [];
  orgs.forEach((org, i) => (depth[i] = org.parent === null ? 0 : (depth[org.parent] as number) + 1));
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
          parent_organization_id: org.parent === null ? null : (ids[org.parent] as number),
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
