/**
 * Set-up and baseline SQL of the programmes benchmark: indicators over the seeded elements, one programme with a
 * target of every rule kind owned by a seeded province, its unit administrator, and the raw read of the same
 * data_total rows the evaluation adds up.
 */
import { sql } from 'kysely';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import type { Database } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import type { RawClient } from './db.ts';
import { BENCH_INDICATORS } from './indicators.seed.ts';

export const BENCH_PROGRAMME = { pack: 'BENCH-PT', user: 'bench.programmes', fromYear: 2021, toYear: 2025 } as const;

/** Count indicators over seeded elements (denominator 1), besides the seed's ratio BENCH_TL_DON_THU. */
const COUNTS = [
  { code: 'BENCH_PT_DOAN_VIEN', name: 'Số đoàn viên, hội viên mới', element: 'BENCH_M10' },
  { code: 'BENCH_PT_THOAT_NGHEO', name: 'Số người thoát nghèo', element: 'BENCH_M17' },
  { code: 'BENCH_PT_TAP_HUAN', name: 'Số cán bộ được tập huấn', element: 'BENCH_M14' },
  { code: 'BENCH_PT_HOA_GIAI', name: 'Số thành viên tổ hòa giải', element: 'BENCH_Y01' },
];
export const BENCH_ELEMENTS = [BENCH_INDICATORS.received, BENCH_INDICATORS.resolved, ...COUNTS.map((c) => c.element)];

/** One target of each kind (thresholds by level where documents set them apart), and one that waits for a module. */
const TARGETS: [string, TTargetRule | null][] = [
  ['don-thu', { kind: 'value', indicator: BENCH_INDICATORS.indicator, comparator: '>=', threshold: { province: 90, commune: 80 } }],
  ['doan-vien', { kind: 'value', indicator: 'BENCH_PT_DOAN_VIEN', comparator: '>=', threshold: { province: 5000, commune: 85 } }],
  ['thoat-ngheo', { kind: 'change', indicator: 'BENCH_PT_THOAT_NGHEO', direction: 'increase', percent: 5 }],
  ['tap-huan', { kind: 'coverage', indicator: 'BENCH_PT_TAP_HUAN', windowYears: 2, comparator: '>=', threshold: { commune: 150 } }],
  ['truc-tuyen', { kind: 'milestone', indicator: BENCH_INDICATORS.indicator, by: '2025-12-31', comparator: '>=', threshold: 90 }],
  ['hoa-giai', { kind: 'share_of_units', indicator: 'BENCH_PT_HOA_GIAI', childLevel: 'village', comparator: '>=', threshold: 6, share: 80 }],
  ['dan-van-kheo', null],
];

/** The province the benchmark evaluates: the seed's data sets' owner (it holds values), with its commune count. */
export async function benchProvince(raw: RawClient): Promise<{ id: number; name: string; path: string; communes: number; villages: number } | null> {
  const [row] = await raw.query<{ id: string; name: string; path: string; communes: number; villages: number }>(
    `select o.id, o.name, o.path::text as path,
       (select count(*)::int from admin_unit c where c.parent_id = o.id and c.level = 'commune') as communes,
       (select count(*)::int from admin_unit v where v.path <@ o.path and v.level = 'village' and v.valid_to is null) as villages
     from data_set s join admin_unit o on o.id = s.owner_unit_id
     where s.code = $1 and exists (select 1 from data_total t where t.province_id = o.id limit 1)`,
    [BENCH_INDICATORS.monthlySet],
  );
  return row ? { id: Number(row.id), name: row.name, path: row.path, communes: row.communes, villages: row.villages } : null;
}

/** Indicators, programme, targets and the province's unit administrator (idempotent). Returns the programme id. */
export async function ensureBenchProgramme(db: Database, provinceId: number, password: string): Promise<number> {
  for (const c of COUNTS) {
    await db
      .insertInto('indicator')
      .values({ code: c.code, name: c.name, numerator: `#{${c.element}}`, denominator: '1', factor: 1, decimals: 0, owner_unit_id: null })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  const user = { username: BENCH_PROGRAMME.user, password_hash: await hashPassword(password), full_name: 'Benchmark (quản trị tỉnh, chương trình)', unit_id: provinceId, roles: ['unit_admin'], updated_at: new Date() };
  await db
    .insertInto('app_user')
    .values(user)
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: user.password_hash, unit_id: provinceId, disabled: false, must_change_password: false }))
    .execute();
  const existing = await db.selectFrom('programme').select('id').where('owner_unit_id', '=', provinceId).where('pack_code', '=', BENCH_PROGRAMME.pack).executeTakeFirst();
  if (existing) return existing.id;
  return db.transaction().execute(async (trx) => {
    const programme = await trx
      .insertInto('programme')
      .values({
        province_id: sql<number>`unit_province_id(${provinceId}::bigint)`,
        owner_unit_id: provinceId,
        kind: 'project',
        number: 'BENCH-01/ĐA',
        issuer: 'Tỉnh ủy (benchmark)',
        issued_on: '2021-01-15',
        title: 'Đề án thử tải: mọi loại chỉ tiêu',
        from_year: BENCH_PROGRAMME.fromYear,
        to_year: BENCH_PROGRAMME.toYear,
        pack_code: BENCH_PROGRAMME.pack,
        pack_version: 1,
      })
      .returning(['id', 'province_id'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programme_target')
      .values(
        TARGETS.map(([code, rule], i) => ({
          province_id: programme.province_id,
          programme_id: programme.id,
          code,
          position: i + 1,
          text: `Chỉ tiêu ${code}`,
          rule: rule === null ? null : JSON.stringify(rule),
          waits_for: rule === null ? 'phân hệ Dân vận khéo' : null,
        })),
      )
      .execute();
    return programme.id;
  });
}

/**
 * The baseline: the same data_total rows the evaluation reads (the province, its communes and villages in force on
 * asOf; the targets' elements; the year rollups the rules look at), summed per unit, element and year in one
 * statement sent to the driver.
 */
export const RAW_PROGRAMME_TOTALS = `
  select t.unit_id, t.data_element_id, t.period, sum(t.sum) as sum, sum(t.n_values)::int as n_values
  from data_total t
  where t.province_id = $1 and t.view = $2 and t.data_element_id = any($3::bigint[]) and t.period = any($4::text[])
    and t.unit_id in (select u.id from admin_unit u where u.path <@ $5::ltree and u.level in ('province', 'commune', 'village')
      and (u.valid_from is null or u.valid_from <= $6::date) and (u.valid_to is null or u.valid_to >= $6::date))
  group by 1, 2, 3`;

export async function benchElementIds(raw: RawClient): Promise<number[]> {
  return (await raw.query<{ id: string }>(`select id from data_element where code = any($1::text[])`, [BENCH_ELEMENTS])).map((r) => Number(r.id));
}

export async function rawProgrammeTotals(
  raw: RawClient,
  args: { provinceId: number; path: string; view: string; asOf: string; elementIds: readonly number[]; years: readonly number[] },
): Promise<number> {
  const rows = await raw.query(RAW_PROGRAMME_TOTALS, [args.provinceId, args.view, [...args.elementIds], args.years.map((y) => `Y${y}`), args.path, args.asOf]);
  return rows.length;
}

export const benchTargetId = async (db: Database, programmeId: number, code: string) =>
  (await db.selectFrom('programme_target').select('id').where('programme_id', '=', programmeId).where('code', '=', code).executeTakeFirstOrThrow()).id;
