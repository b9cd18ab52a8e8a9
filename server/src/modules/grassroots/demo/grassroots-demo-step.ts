import type { Insertable, Kysely } from 'kysely';
import { visitDays } from '#contracts/grassroots/days.ts';
import { FIELD_DAYS_BODY_TYPES, HEARD_TOPICS } from '#contracts/grassroots/enums.ts';
import type { DB, FieldVisitTable } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { ensureNationalIndicator } from '../../indicators/index.ts';
import { GRASSROOTS_DERIVED_CODES } from '../figures/field-days.ts';
import { provinceScope } from '../../units/index.ts';
import * as repo from './grassroots-demo.repository.ts';

/** Months of visits before today's month. */
const MONTHS_BACK = 24;

const HEARD = [
  'Bà con phản ánh giá phân bón, thức ăn chăn nuôi tăng cao.',
  'Người dân đề nghị sớm sửa tuyến đường liên thôn bị sạt lở sau mưa lũ.',
  'Một số hộ chưa rõ chính sách hỗ trợ nhà ở cho hộ nghèo.',
  'Nhân dân đồng tình với việc sáp nhập thôn, đề nghị sớm ổn định bộ máy.',
  'Có ý kiến về việc cấp giấy chứng nhận quyền sử dụng đất còn chậm.',
  'Tình hình an ninh trật tự ổn định, nhân dân phấn khởi.',
  'Bà con lo lắng về ô nhiễm nguồn nước từ cơ sở chế biến.',
];
const MET = ['Trưởng thôn, Bí thư chi bộ', 'Chi hội Phụ nữ thôn', 'Các hộ gia đình', 'Ban công tác Mặt trận thôn', 'Người có uy tín trong thôn'];

/** Cadres of the bodies at both levels: a commune's own values, and at the province its communes' and its own bodies'. */
const bothLevels = (element: string) => `#{GRASSROOTS_${element}_COMMUNE} + #{GRASSROOTS_${element}_PROVINCE}`;

/**
 * The indicators over the field-day figures (national catalogue), counted from the visits logged, not typed in a
 * report: seed 000 i7 (every cadre of the Ban Dân vận, the Front and the organisations at least 3 days a month at the
 * grassroots: the share of them who did, target 100%) and the field days per cadre beside it.
 */
export const FIELD_DAY_INDICATORS = [
  {
    code: 'GR_TL_CB_DI_CO_SO_3_NGAY',
    name: 'Tỷ lệ cán bộ dân vận, Mặt trận và các đoàn thể đi cơ sở từ 3 ngày/tháng trở lên',
    description:
      'Số cán bộ Ban Dân vận, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp xã và cấp tỉnh có từ 3 ngày đi cơ sở trong tháng (theo phiếu đi cơ sở đã ghi, nửa ngày tính 0,5) / tổng số cán bộ đó × 100.',
    numerator: bothLevels('CADRES_3DAYS'), denominator: bothLevels('CADRES'), factor: 100, decimals: 1, unit: '%', target: 100,
  },
  {
    code: 'GR_BQ_NGAY_DI_CO_SO',
    name: 'Số ngày đi cơ sở bình quân mỗi cán bộ (theo phiếu đi cơ sở)',
    description: 'Tổng số ngày đi cơ sở trong tháng của cán bộ Ban Dân vận, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp xã và cấp tỉnh / số cán bộ đó.',
    numerator: bothLevels('FIELD_DAYS'), denominator: bothLevels('CADRES'), factor: 1, decimals: 1, unit: 'ngày/tháng', target: 3,
  },
] as const;

const rootsOf = (scope: Awaited<ReturnType<typeof provinceScope>>) => ('roots' in scope ? scope.roots : []);
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Visits of one cadre in one month: a target of field days drawn around the commune's diligence (some communes
 * keep most cadres at ≥ 3 days, some leave most below), as visits of 0.5 to 2 days on distinct days.
 */
function monthVisits(rng: Random, diligence: number, y: number, m: number, lastAllowed: string, firstAllowed: string): Array<{ from: string; to: string; startHalf: boolean; endHalf: boolean }> {
  const target = Math.max(0, Math.round((diligence + (rng.next() - 0.5) * 2.5) * 2) / 2);
  const spans: Array<{ from: string; to: string; startHalf: boolean; endHalf: boolean }> = [];
  const last = lastDay(y, m);
  let left = target;
  let day = rng.int(1, 5);
  while (left > 0 && day < last) {
    const length = left >= 2 && rng.chance(0.3) ? 2 : 1;
    const startHalf = left < 1 || (left >= 1.5 && rng.chance(0.2));
    const span = { from: iso(y, m, day), to: iso(y, m, day + length - 1), startHalf, endHalf: false };
    if (span.from < firstAllowed || span.to > lastAllowed) break;
    spans.push(span);
    left -= visitDays(span);
    day += length + rng.int(2, 6);
  }
  return spans;
}

async function runGrassrootsDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province = await repo.provinceByCode(trx, PROVINCE_2025_CODE);
  for (const indicator of FIELD_DAY_INDICATORS) await ensureNationalIndicator(trx, indicator);
  if (await repo.hasVisits(trx, province.id)) return 'field visits already present';
  const admin = await repo.adminId(trx);
  const purposes = await repo.purposeIds(trx);
  const cadres = await repo.cadresUnder(trx, rootsOf(await provinceScope(trx, province.id)), [...FIELD_DAYS_BODY_TYPES, 'party_committee']);
  const rng = new Random(14_0001);
  const diligenceOf = new Map<number, number>();
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const rows: Insertable<FieldVisitTable>[] = [];
  const purposeCycle = ['situation', 'village_meeting', 'dialogue', 'inspection', 'situation', 'other'];
  // one cadre goes out once, whatever the roles held (a mass organisation's head is also a Front vice-chair since 2025)
  const seen = new Set<string>();
  for (const cadre of cadres) {
    const key = `${cadre.personId}:${cadre.unitId}:${cadre.termFrom}:${cadre.type === 'party_committee'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // a commune's diligence: most communes around 3–4 days a month, about a third around 1.5–2.5 (below i7)
    if (!diligenceOf.has(cadre.unitId)) diligenceOf.set(cadre.unitId, rng.fork(`commune:${cadre.unitId}`).chance(0.35) ? 1.5 + rng.next() : 3 + rng.next() * 1.5);
    const diligence = diligenceOf.get(cadre.unitId) as number;
    const crng = rng.fork(`role:${cadre.roleId}`);
    const first = [cadre.termFrom, cadre.unitFrom ?? '1900-01-01'].sort().at(-1) as string;
    const last = [cadre.termTo ?? '9999-12-31', cadre.unitTo ?? '9999-12-31', today].sort()[0] as string;
    /** The commune and the villages it had on `day`. */
    const villagesOn = (day: string) => cadre.villages.filter((v) => v.from === null || v.from <= day).map((v) => v.id);
    for (let back = MONTHS_BACK; back >= 0; back -= 1) {
      const index = ty * 12 + (tm - 1) - back;
      const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
      if (iso(y, m, lastDay(y, m)) < first || iso(y, m, 1) > last) continue;
      const committee = cadre.type === 'party_committee';
      const spans = committee
        ? crng.chance(0.6) ? [{ from: iso(y, m, crng.int(3, 25)), to: '', startHalf: true, endHalf: false }].map((s) => ({ ...s, to: s.from })) : []
        : monthVisits(crng, diligence, y, m, last, first);
      for (const span of spans) {
        if (span.from < first || span.to > last) continue;
        const villages = villagesOn(span.from);
        const places = cadre.unitLevel === 'commune' ? [cadre.unitId, ...villages] : [cadre.unitId];
        const unitId = committee ? (villages.length ? (villages[crng.int(0, villages.length - 1)] as number) : cadre.unitId) : (places[crng.int(0, places.length - 1)] as number);
        // places of the province body: its communes are not listed; it visits as the province (no row)
        if (cadre.unitLevel === 'province') continue;
        const topics = HEARD_TOPICS.filter(() => crng.chance(0.15)).slice(0, 2);
        rows.push({
          id: uuidv7(new Date(`${span.from}T01:00:00Z`)), province_id: province.id, unit_id: unitId, person_id: cadre.personId, role_id: cadre.roleId,
          organization_id: cadre.organizationId, from_date: span.from, to_date: span.to, start_half: span.startHalf, end_half: span.endHalf, days: visitDays(span),
          purpose_id: purposes[committee ? 'party_cell_meeting' : (purposeCycle[crng.int(0, purposeCycle.length - 1)] as string)] as number,
          met_with: MET[crng.int(0, MET.length - 1)] as string, heard: HEARD[crng.int(0, HEARD.length - 1)] as string, topics,
          entered_by: admin, created_at: new Date(`${span.to}T10:00:00Z`),
        });
      }
    }
  }
  await repo.insertVisits(trx, rows);
  // the figures of every month shown: a backfill the started app runs (due a moment before now, so a fixed clock runs it)
  const firstMonth = (() => {
    const index = ty * 12 + (tm - 1) - MONTHS_BACK;
    return iso(Math.floor(index / 12), (index % 12) + 1, 1);
  })();
  const actor = { userId: admin, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  await insertJob(trx, {
    id: uuidv7(), kind: 'indicators.derived-backfill', payload: { provinceId: province.id, from: firstMonth, periodTypes: ['monthly'], codes: GRASSROOTS_DERIVED_CODES, actor },
    target: `admin_unit:${province.id}`, ownerUserId: admin, unitId: province.id, maxAttempts: 3, now: new Date(clock.now().getTime() - 1),
  });
  return `${rows.length} field visits of ${new Set(cadres.map((c) => c.personId)).size} cadres over ${MONTHS_BACK + 1} months; figures queued`;
}

/**
 * Step "grassroots.demo": two years of field visits of the cadres of the MTTQ and mass organisations of Quảng Trị's
 * communes (2019 communes until 30/06/2025, the merged ones after), about a third of the communes below 3 days a
 * month, and party-committee members at their cells' meetings; the monthly figures are backfilled by a job.
 */
export const grassrootsDemoStep: DemoStep = { name: 'grassroots.demo', version: 1, run: (trx, context) => runGrassrootsDemo(trx, context.today) };
