import { sql } from 'kysely';
import type { TRole } from '#contracts/auth.ts';
import type { Database } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import { insertUnits } from '#server/modules/units/unit.repository.ts';

/** The password of every factory-built user. */
export const TEST_PASSWORD = 'MatKhau2025';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const next = () => `${process.pid % 1000}${++counter}${Math.floor(Math.random() * 1e4)}`;

export interface TestProvince {
  provinceId: number;
  communeIds: number[];
  villageIds: number[];
  /** villageIds grouped by commune, same order as communeIds. */
  villagesByCommune: number[][];
}

/**
 * A province of its own (2025 structure, fictional codes) with communes and villages, so each test owns its
 * territory and never depends on another test's rows.
 */
export async function buildProvince(
  db: Database,
  overrides: Partial<{ name: string; communes: number; villagesPerCommune: number; structure: '2019' | '2025' }> = {},
): Promise<TestProvince> {
  const structure = overrides.structure ?? '2025';
  const validity = structure === '2019' ? { valid_from: null, valid_to: '2025-06-30' } : { valid_from: '2025-07-01', valid_to: null };
  const tag = next();
  const name = overrides.name ?? `Thử Nghiệm ${tag}`;
  const [province] = await insertUnits(db, [
    { structure, code: `T${tag}`, name, full_name: `Tỉnh ${name}`, level: 'province', type: 'tỉnh', parent_id: null, ...validity },
  ]);
  if (!province) throw new Error('province not created');
  const communes = await insertUnits(
    db,
    Array.from({ length: overrides.communes ?? 2 }, (_, i) => ({
      structure,
      code: `T${tag}-${i + 1}`,
      name: `Xuân ${i + 1}`,
      full_name: `Xã Xuân ${i + 1}`,
      level: 'commune' as const,
      type: 'xã',
      parent_id: province.id,
      ...validity,
    })),
  );
  const villagesByCommune: number[][] = [];
  for (const commune of communes) {
    const villages = await insertUnits(
      db,
      Array.from({ length: overrides.villagesPerCommune ?? 2 }, (_, i) => ({
        structure,
        code: null,
        name: `${i + 1}`,
        full_name: `Thôn ${i + 1}`,
        level: 'village' as const,
        type: 'thôn',
        parent_id: commune.id,
        ...validity,
      })),
    );
    villagesByCommune.push(villages.map((village) => village.id));
  }
  return {
    provinceId: province.id,
    communeIds: communes.map((commune) => commune.id),
    villageIds: villagesByCommune.flat(),
    villagesByCommune,
  };
}

/** A user with TEST_PASSWORD; defaults: data_entry of the given unit. Returns id and username. */
/** Id of an official unit by structure and statistics-office code (the template database holds both structures). */
export async function officialUnitId(db: Database, structure: '2019' | '2025', code: string): Promise<number> {
  const row = await db.selectFrom('admin_unit').select('id').where('structure', '=', structure).where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function buildUser(
  db: Database,
  overrides: Partial<{ username: string; unitId: number | null; roles: TRole[]; organizationId: number | null; disabled: boolean; fullName: string }> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = overrides.username ?? `u${next()}`;
  const row = await db
    .insertInto('app_user')
    .values({
      username,
      password_hash: await passwordHash,
      full_name: overrides.fullName ?? `Người dùng ${username}`,
      unit_id: overrides.unitId === undefined ? null : overrides.unitId,
      organization_id: overrides.organizationId ?? null,
      roles: overrides.roles ?? ['data_entry'],
      disabled: overrides.disabled ?? false,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, username };
}

/** An organisation in a unit; defaults to a village team. */
export async function buildOrganization(
  db: Database,
  unitId: number,
  overrides: Partial<{ type: string; name: string; parentOrganizationId: number | null; foundedOn: string | null; dissolvedOn: string | null }> = {},
) {
  const row = await db
    .insertInto('organization')
    .values({
      unit_id: unitId,
      type: overrides.type ?? 'village_team',
      name: overrides.name ?? `Tổ dân vận ${next()}`,
      parent_organization_id: overrides.parentOrganizationId ?? null,
      founded_on: overrides.foundedOn ?? null,
      dissolved_on: overrides.dissolvedOn ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A person registered in a unit, optionally with sensitive fields. */
export async function buildPerson(
  db: Database,
  unitId: number,
  overrides: Partial<{ fullName: string; birthYear: number; ethnicity: string; religion: string }> = {},
) {
  const row = await db
    .insertInto('person')
    .values({
      unit_id: unitId,
      full_name: overrides.fullName ?? `Nguyễn Văn ${next()}`,
      birth_year: overrides.birthYear ?? 1980,
      ethnicity: overrides.ethnicity ?? null,
      religion: overrides.religion ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Counts rows of a table (for "nothing was written" assertions). */
export async function countRows(db: Database, table: 'admin_unit' | 'organization' | 'person' | 'person_role' | 'app_user' | 'audit_log') {
  const row = await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}
