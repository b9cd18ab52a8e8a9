/**
 * The indicators part of `npm run bench:seed` (called by seed.ts): ≈ BENCH_VALUES data values (default 10 million).
 * - BENCH_THANG, monthly, commune level: 20 elements (2 plain, 4 by lĩnh vực, 8 by giới tính, 6 by giới tính ×
 *   dân tộc = 50 values per report) × 3,321 communes of 2025 × the last N months of 2021-01…2025-12 (N = 60 for
 *   10M values, at least 12).
 * - BENCH_NAM, yearly, village level: 4 elements by giới tính × the villages valid at each year's end (2019
 *   villages for 2021–2024, 2025 villages for 2025) ≈ 100k village-years × 8.
 * - The indicator BENCH_TL_DON_THU = 100 × đơn thư đã giải quyết / tiếp nhận (two operands, by lĩnh vực).
 * One transaction per 2025 province: values, their first change rows, then rebuildTotals for the province.
 * Provinces that already hold values are skipped, so an interrupted seed resumes.
 */
import { periodsBetween } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import { rebuildTotals } from '#server/modules/indicators/totals.repository.ts';
import * as seed from './indicators.seed.repository.ts';

/** Codes the benchmark looks up. */
export const BENCH_INDICATORS = {
  monthlySet: 'BENCH_THANG',
  yearlySet: 'BENCH_NAM',
  indicator: 'BENCH_TL_DON_THU',
  received: 'BENCH_M03',
  resolved: 'BENCH_M04',
  /** A system administrator: author of the seeded values, signs in for the nation's dashboard. */
  user: 'bench.national',
  password: 'BenchMatKhau2025',
  /** The data sets' owner (a province: the schema has no national root). */
  ownerCode: '01',
} as const;

const FIELD = { code: 'BENCH_LV', name: 'Lĩnh vực', options: [{ code: 'DD', name: 'Đất đai' }, { code: 'KHAC', name: 'Khác' }] };
const SEX = { code: 'BENCH_GT', name: 'Giới tính', options: [{ code: 'NAM', name: 'Nam' }, { code: 'NU', name: 'Nữ' }] };
const ETHNIC = { code: 'BENCH_DT', name: 'Dân tộc', options: [{ code: 'KINH', name: 'Kinh' }, { code: 'DTTS', name: 'Dân tộc thiểu số' }] };
const COMBOS: seed.ComboSpec[] = [
  { code: 'BENCH_LV', name: 'Theo lĩnh vực', categories: [FIELD] },
  { code: 'BENCH_GT', name: 'Theo giới tính', categories: [SEX] },
  { code: 'BENCH_GT_DT', name: 'Theo giới tính và dân tộc', categories: [SEX, ETHNIC] },
];

type Combo = 'default' | 'BENCH_LV' | 'BENCH_GT' | 'BENCH_GT_DT';
/** [code, name, combo, lo, hi]; BENCH_M04 follows BENCH_M03 (60–100 % of it). */
const MONTHLY: [string, string, Combo, number, number][] = [
  ['BENCH_M01', 'Số ngày cán bộ đi cơ sở', 'default', 10, 60],
  ['BENCH_M02', 'Số cán bộ làm công tác dân vận', 'default', 3, 12],
  ['BENCH_M03', 'Số đơn thư tiếp nhận', 'BENCH_LV', 0, 25],
  ['BENCH_M04', 'Số đơn thư đã giải quyết', 'BENCH_LV', 0, 25],
  ['BENCH_M05', 'Số cuộc đối thoại với nhân dân', 'BENCH_LV', 0, 6],
  ['BENCH_M06', 'Số vụ hòa giải thành', 'BENCH_LV', 0, 10],
  ['BENCH_M07', 'Số lượt công dân được tiếp', 'BENCH_GT', 0, 40],
  ['BENCH_M08', 'Số người tham gia đối thoại', 'BENCH_GT', 0, 200],
  ['BENCH_M09', 'Số người được tuyên truyền pháp luật', 'BENCH_GT', 20, 500],
  ['BENCH_M10', 'Số đoàn viên, hội viên mới', 'BENCH_GT', 0, 30],
  ['BENCH_M11', 'Số người tham gia lao động công ích', 'BENCH_GT', 0, 300],
  ['BENCH_M12', 'Số người được hỗ trợ sinh kế', 'BENCH_GT', 0, 50],
  ['BENCH_M13', 'Số hộ được thăm hỏi, tặng quà', 'BENCH_GT', 0, 80],
  ['BENCH_M14', 'Số cán bộ được tập huấn', 'BENCH_GT', 0, 15],
  ['BENCH_M15', 'Số người có uy tín được gặp gỡ', 'BENCH_GT_DT', 0, 20],
  ['BENCH_M16', 'Số người tham gia mô hình "Dân vận khéo"', 'BENCH_GT_DT', 0, 120],
  ['BENCH_M17', 'Số người thoát nghèo', 'BENCH_GT_DT', 0, 25],
  ['BENCH_M18', 'Số người được khám bệnh miễn phí', 'BENCH_GT_DT', 0, 150],
  ['BENCH_M19', 'Số học sinh được hỗ trợ học bổng', 'BENCH_GT_DT', 0, 40],
  ['BENCH_M20', 'Số người tham gia xây dựng nông thôn mới', 'BENCH_GT_DT', 0, 400],
];
const YEARLY: [string, string, Combo, number, number][] = [
  ['BENCH_Y01', 'Số thành viên tổ hòa giải', 'BENCH_GT', 1, 6],
  ['BENCH_Y02', 'Số người tham gia sinh hoạt cộng đồng', 'BENCH_GT', 20, 400],
  ['BENCH_Y03', 'Số người cao tuổi được chúc thọ', 'BENCH_GT', 0, 30],
  ['BENCH_Y04', 'Số thanh niên tình nguyện', 'BENCH_GT', 0, 25],
];

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** How much to seed: months of the monthly set (12–60, ending 2025-12) and years of the yearly set (ending 2025). */
export function seedVolume(wanted: number, communes: number): { periods: string[]; years: string[] } {
  const months = Math.max(12, Math.min(60, Math.round(wanted / (communes * 50))));
  const periods = periodsBetween('202101', '202512').slice(-months);
  const years = ['2021', '2022', '2023', '2024', '2025'].slice(-Math.max(1, Math.min(5, Math.ceil(months / 12))));
  return { periods, years };
}

/** The system administrator of the benchmark (created, or its password reset). */
export async function ensureBenchAdmin(db: Database): Promise<number> {
  const values = {
    username: BENCH_INDICATORS.user,
    password_hash: await hashPassword(BENCH_INDICATORS.password),
    full_name: 'Benchmark (quản trị hệ thống)',
    unit_id: null,
    roles: ['system_admin'],
    updated_at: new Date(),
  };
  const row = await db
    .insertInto('app_user')
    .values(values)
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: values.password_hash, disabled: false, must_change_password: false }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Combos = Map<Combo, { comboId: number; cocIds: number[] }>;

function specs(list: typeof MONTHLY, combos: Combos, elementIds: Map<string, number>): seed.ValueSpec[] {
  return list.flatMap(([code, , combo, lo, hi]) =>
    (combos.get(combo)?.cocIds ?? []).map((cocId, index) => ({
      elementId: elementIds.get(code) as number,
      cocId,
      lo,
      span: hi - lo + 1,
      salt: `${code === BENCH_INDICATORS.resolved ? BENCH_INDICATORS.received : code}:${index}`,
      linked: code === BENCH_INDICATORS.resolved,
    })),
  );
}

/** Creates the catalogue (idempotent) and answers what the values need. */
async function ensureCatalogue(db: Database) {
  const provinces = await seed.listProvinces2025(db);
  const owner = provinces.find((p) => p.code === BENCH_INDICATORS.ownerCode) ?? provinces[0];
  if (!owner) throw new Error('no 2025 provinces: official units missing');
  const combos: Combos = new Map([['default', await seed.defaultCombo(db)]]);
  for (const combo of COMBOS) combos.set(combo.code as Combo, await seed.ensureCombo(db, combo));
  const toElements = (list: typeof MONTHLY) => list.map(([code, name, combo]) => ({ code, name, comboId: combos.get(combo)?.comboId as number }));
  const monthly = await seed.ensureDataSet(
    db,
    { code: BENCH_INDICATORS.monthlySet, name: 'Báo cáo tháng công tác dân vận (benchmark)', periodType: 'monthly', dueDays: 5, lockDays: 15, ownerUnitId: owner.id, level: 'commune' },
    toElements(MONTHLY),
  );
  const yearly = await seed.ensureDataSet(
    db,
    { code: BENCH_INDICATORS.yearlySet, name: 'Báo cáo năm dân vận ở thôn (benchmark)', periodType: 'yearly', dueDays: 15, lockDays: 45, ownerUnitId: owner.id, level: 'village' },
    toElements(YEARLY),
  );
  await seed.ensureIndicator(db, {
    code: BENCH_INDICATORS.indicator,
    name: 'Tỷ lệ đơn thư được giải quyết',
    numerator: `#{${BENCH_INDICATORS.resolved}}`,
    denominator: `#{${BENCH_INDICATORS.received}}`,
    factor: 100,
    target: 85,
  });
  return {
    provinces,
    monthlySpecs: specs(MONTHLY, combos, monthly.elementIds),
    yearlySpecs: specs(YEARLY, combos, yearly.elementIds),
    firstElementId: monthly.elementIds.get('BENCH_M01') as number,
  };
}

/** Seeds the indicators data; `wanted` = total values aimed at. */
export async function seedIndicators(db: Database, wanted: number): Promise<void> {
  const started = performance.now();
  const userId = await ensureBenchAdmin(db);
  const catalogue = await db.transaction().execute((trx) => ensureCatalogue(trx));
  const communes = catalogue.provinces.reduce((sum, p) => sum + p.communes, 0);
  const { periods, years } = seedVolume(wanted, communes);
  console.log(
    `indicators: ${communes} communes × ${periods.length} months (${periods[0]}…${periods.at(-1)}) × 50 values, ` +
      `villages × ${years.length} years (${years.join(', ')}) × 8 values`,
  );
  let values = 0;
  let skipped = 0;
  let rebuilt = 0;
  for (const [index, province] of catalogue.provinces.entries()) {
    if (await seed.hasValues(db, province.id, catalogue.firstElementId, periods.at(-1) as string)) {
      skipped++;
      if (!(await seed.hasYearRollups(db, province.id, catalogue.firstElementId))) {
        // seeded before data_total kept year rollups: recompute its totals in the current layout
        const tick = performance.now();
        await db.transaction().execute((trx) => rebuildTotals(trx, province.id));
        rebuilt++;
        console.log(`[${String(index + 1).padStart(2)}/${catalogue.provinces.length}] ${province.name.padEnd(16)} totals rebuilt with year rollups (${seconds(tick)} s)`);
      }
      continue;
    }
    const tick = performance.now();
    const counts = await db.transaction().execute(async (trx) => {
      const monthly = await seed.insertMonthlyValues(trx, province.id, periods, catalogue.monthlySpecs, userId);
      const yearly = await seed.insertYearlyVillageValues(trx, province.id, years, catalogue.yearlySpecs, userId);
      const inserted = performance.now();
      // statistics that count this transaction's rows: the plans below join them (first province: empty tables)
      await seed.analyzeValues(trx);
      await seed.insertFirstChanges(trx, province.id);
      const changed = performance.now();
      await rebuildTotals(trx, province.id);
      return { monthly, yearly, insertS: (inserted - tick) / 1000, changesS: (changed - inserted) / 1000, totalsS: (performance.now() - changed) / 1000 };
    });
    values += counts.monthly + counts.yearly;
    console.log(
      `[${String(index + 1).padStart(2)}/${catalogue.provinces.length}] ${province.name.padEnd(16)} ${String(counts.monthly).padStart(7)} monthly ` +
        `${String(counts.yearly).padStart(6)} yearly values (values ${counts.insertS.toFixed(1)} s, changes ${counts.changesS.toFixed(1)} s, ` +
        `totals ${counts.totalsS.toFixed(1)} s; total ${values} values, ${seconds(started)} s)`,
    );
  }
  if (skipped === catalogue.provinces.length && rebuilt === 0) {
    console.log('indicators: every province already holds values: nothing to do. Remove the database to seed again.');
    return;
  }
  const analyzing = performance.now();
  await seed.analyzeIndicators(db);
  console.log(`analyze: ${seconds(analyzing)} s`);
  const counts = await seed.indicatorCounts(db);
  console.log(
    `indicators done in ${seconds(started)} s: ${counts.values} data values, ${counts.changes} change rows, ${counts.totals} totals rows` +
      (skipped > 0 ? ` (${skipped} provinces were seeded before)` : ''),
  );
}
