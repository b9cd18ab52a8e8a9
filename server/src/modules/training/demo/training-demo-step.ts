import type { Insertable, Kysely } from 'kysely';
import { GROUP_TARGETS, shiftDate, type TTrainingGroup } from '#contracts/training/rules.ts';
import type { DB } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE, TERM_START_2025 } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { ensureNationalIndicator } from '../../indicators/index.ts';
import { elementCode, TRAINING_DERIVED_CODES } from '../training-derived.ts';
import * as repo from './training-demo.repository.ts';

const SEED = 20_261_203;
/** First day the coverage figures are backfilled from. */
export const TRAINING_FIGURES_FROM = '2024-01-01';

const share = (group: TTrainingGroup, level: 'commune' | 'province') => ({ numerator: `#{${elementCode(group, 'trained', level)}}`, denominator: `#{${elementCode(group, 'holders', level)}}` });

/**
 * The indicators over the coverage figures (national catalogue): seed 000 i8 and seed 004's province and district
 * cadres over the province's own values (every holder of the province, its province and district bodies included),
 * i9 and seed 004's grassroots cadres over the communes' values (so they differ by commune and add up to the province).
 */
export const TRAINING_INDICATORS = [
  {
    code: 'TH_TL_CB_DAN_VAN_TAP_HUAN',
    name: 'Tỷ lệ cán bộ chuyên trách công tác dân vận được tập huấn, bồi dưỡng trong 2 năm',
    description:
      'Số cán bộ Ban Dân vận, Khối dân vận, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp trong tỉnh đã hoàn thành ít nhất một lớp tập huấn, bồi dưỡng trong 2 năm gần nhất / tổng số cán bộ đó × 100 (tính cho cả tỉnh).',
    ...share('mobilisation_cadre', 'province'), factor: 100, decimals: 1, unit: '%', target: GROUP_TARGETS.mobilisation_cadre.percent,
  },
  {
    code: 'TH_TL_BT_KIEM_TRUONG_THON_TAP_HUAN',
    name: 'Tỷ lệ bí thư chi bộ kiêm trưởng thôn, bản, tổ dân phố được bồi dưỡng trong nhiệm kỳ',
    description: 'Số bí thư chi bộ đồng thời là trưởng thôn, bản, tổ dân phố đã hoàn thành lớp bồi dưỡng từ đầu nhiệm kỳ / tổng số bí thư chi bộ kiêm trưởng thôn × 100.',
    ...share('cell_secretary_village_head', 'commune'), factor: 100, decimals: 1, unit: '%', target: GROUP_TARGETS.cell_secretary_village_head.percent,
  },
  {
    code: 'TH_TL_CB_TINH_HUYEN_TAP_HUAN',
    name: 'Tỷ lệ cán bộ Ban Dân vận cấp tỉnh, huyện được tập huấn, bồi dưỡng',
    description: 'Số cán bộ Ban Dân vận cấp tỉnh, huyện đã hoàn thành lớp tập huấn, bồi dưỡng kể từ khi giữ chức danh / tổng số cán bộ đó × 100 (tính cho cả tỉnh).',
    ...share('upper_cadre', 'province'), factor: 100, decimals: 1, unit: '%', target: GROUP_TARGETS.upper_cadre.percent,
  },
  {
    code: 'TH_TL_CB_CO_SO_TAP_HUAN',
    name: 'Tỷ lệ cán bộ dân vận cơ sở được tập huấn, bồi dưỡng',
    description: 'Số cán bộ Ban Dân vận, Khối dân vận xã, phường đã hoàn thành lớp tập huấn, bồi dưỡng kể từ khi giữ chức danh / tổng số cán bộ đó × 100.',
    ...share('grassroots_cadre', 'commune'), factor: 100, decimals: 1, unit: '%', target: GROUP_TARGETS.grassroots_cadre.percent,
  },
];

type Course = Insertable<DB['training_course']>;
type Participant = Insertable<DB['training_participant']>;

/**
 * Step "training.demo": two years of courses in Quảng Trị. The province's Ban Dân vận holds a yearly course of
 * mass-mobilisation work for the cadres of the Ban Dân vận, the Front and the organisations (the oldest more than
 * two years back, so those trained only then are overdue), and, from the 2025 term, sessions for party-cell
 * secretaries who are also village heads, a cluster of communes each. Each commune has its own share of people
 * trained (from about a third to all), so coverage differs by commune; a few attended without completing. The
 * indicators over the coverage figures (TRAINING_INDICATORS) are added to the national catalogue.
 */
async function runTrainingDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province = await repo.province(trx, PROVINCE_2025_CODE);
  const provinceId = Number(province.id);
  for (const indicator of TRAINING_INDICATORS) await ensureNationalIndicator(trx, indicator);
  if (await repo.hasCourses(trx, provinceId)) return `province ${PROVINCE_2025_CODE} already holds courses`;
  const rng = new Random(SEED);
  const organiser = await repo.provinceCommission(trx, provinceId);
  const adminId = await repo.adminId(trx);
  const at = clock.now();
  const courses: Course[] = [];
  const participants: Participant[] = [];
  const course = (title: string, subject: string, kind: 'training' | 'refresher', endsOn: string, days: number, groups: TTrainingGroup[]) => {
    const id = uuidv7();
    courses.push({
      id, province_id: provinceId, unit_id: provinceId, organization_id: organiser, title, kind, level: 'province', subject,
      starts_on: shiftDate(endsOn, 0, -(days - 1)), ends_on: endsOn, target_groups: groups, place: 'Trường Chính trị tỉnh Quảng Trị',
      created_by: adminId, created_at: at, updated_at: at,
    });
    return id;
  };
  const attend = (courseId: string, person: { personId: number; unitId: number }, completed: boolean) =>
    participants.push({ province_id: provinceId, course_id: courseId, person_id: person.personId, unit_id: person.unitId, completed, source: 'demo', created_by: adminId, created_at: at });
  const rate = new Map<number, number>();
  const rateOf = (communeId: number) => {
    if (!rate.has(communeId)) {
      const r = rng.fork(`commune:${communeId}`);
      rate.set(communeId, r.chance(0.25) ? 1 : 0.3 + r.int(0, 60) / 100);
    }
    return rate.get(communeId) as number;
  };

  // the yearly courses of mass-mobilisation work: two years and some weeks back (overdue now), a year back, this year
  const cadreGroups: TTrainingGroup[] = ['mobilisation_cadre', 'upper_cadre', 'grassroots_cadre'];
  const yearly = [shiftDate(today, -2, -45), shiftDate(today, -1, -60), shiftDate(today, 0, -40)].map((endsOn) =>
    course(`Hội nghị tập huấn nghiệp vụ công tác dân vận năm ${endsOn.slice(0, 4)}`, 'Nghiệp vụ công tác dân vận, kỹ năng nắm tình hình nhân dân, dân vận khéo', 'training', endsOn, 3, cadreGroups),
  );
  const seen = new Set<number>();
  for (const group of cadreGroups) {
    for (const person of await repo.holdersOf(trx, province.path, group, today)) {
      if (seen.has(person.personId)) continue;
      seen.add(person.personId);
      const r = rng.fork(`cadre:${person.personId}`);
      const p = rateOf(person.groupUnitId);
      if (r.chance(p)) attend(yearly[r.chance(0.6) ? 2 : 1] as string, person, !r.chance(0.04));
      else if (r.chance(0.5)) attend(yearly[0] as string, person, true);
    }
  }

  // the 2025 term: sessions for party-cell secretaries who are also village heads, a cluster of communes each
  const secretaries = await repo.holdersOf(trx, province.path, 'cell_secretary_village_head', today);
  const communes = [...new Set(secretaries.map((s) => s.groupUnitId))].sort((a, b) => a - b);
  const first = shiftDate(TERM_START_2025, 0, 60);
  const last = shiftDate(today, 0, -14);
  const sessions = new Map<number, string>();
  if (first <= last) {
    for (let i = 0; i < communes.length; i += 12) {
      const endsOn = rng.date(first, last);
      const id = course(
        `Lớp bồi dưỡng bí thư chi bộ kiêm trưởng thôn, bản, tổ dân phố (đợt ${i / 12 + 1})`,
        'Công tác xây dựng Đảng ở chi bộ thôn, bản; kỹ năng, nghiệp vụ công tác dân vận',
        'refresher',
        endsOn,
        2,
        ['cell_secretary_village_head'],
      );
      for (const commune of communes.slice(i, i + 12)) sessions.set(commune, id);
    }
  }
  for (const person of secretaries) {
    const session = sessions.get(person.groupUnitId);
    const r = rng.fork(`secretary:${person.personId}`);
    if (session && r.chance(rateOf(person.groupUnitId))) attend(session, person, !r.chance(0.05));
  }

  await repo.insertCourses(trx, courses);
  await repo.insertParticipants(trx, participants);
  if (adminId !== null) {
    const actor = { userId: adminId, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
    const now = clock.now().getTime();
    const job = (payload: Record<string, unknown>, after: number) =>
      insertJob(trx, { id: uuidv7(), kind: 'indicators.derived-backfill', payload: { ...payload, actor }, target: `admin_unit:${provinceId}`, ownerUserId: adminId, unitId: provinceId, maxAttempts: 3, now: new Date(now + after) });
    await job({ provinceId, from: TRAINING_FIGURES_FROM, periodTypes: ['yearly'], codes: TRAINING_DERIVED_CODES }, -1);
    await job({ provinceId, from: `${today.slice(0, 4)}-01-01`, periodTypes: ['monthly'], codes: TRAINING_DERIVED_CODES }, 0);
  }
  return `${courses.length} courses, ${participants.length} participants`;
}

export const trainingDemoStep: DemoStep = { name: 'training.demo', version: 1, run: (trx, context) => runTrainingDemo(trx, context.today) };
