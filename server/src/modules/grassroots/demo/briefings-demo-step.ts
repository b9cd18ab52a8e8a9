import type { Insertable, Kysely } from 'kysely';
import { periodBounds, periodsBetween, type TBriefingRecurrence } from '#contracts/grassroots/briefings.ts';
import type { BriefingTable, DB } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { BRIEFING_DERIVED_CODES } from '../briefings/briefing-figures.ts';
import { ensureNationalIndicator } from '../../indicators/index.ts';
import { provinceScope } from '../../units/index.ts';
import * as repo from './grassroots-demo.repository.ts';

/** Months of briefings before today's month. */
const MONTHS_BACK = 24;

const ISSUES = [
  'Thống nhất vận động nhân dân hiến đất mở rộng đường liên thôn.',
  'Nắm tình hình bà con phản ánh giá vật tư nông nghiệp tăng.',
  'Triển khai tuyên truyền phòng chống lụt bão, di dời hộ ở vùng trũng.',
  'Rà soát hộ nghèo, cận nghèo; đề nghị hỗ trợ nhà ở cho 2 hộ.',
  'Một số hộ chưa đồng thuận phương án bồi thường giải phóng mặt bằng.',
  'Phối hợp hòa giải tranh chấp ranh giới đất giữa hai hộ.',
  'Vận động thu gom rác thải, giữ vệ sinh nguồn nước.',
  'Nắm tư tưởng bà con trước kỳ họp HĐND; tổng hợp ý kiến gửi đại biểu.',
];
const TOPICS = ['land', 'policy', 'prices', 'security', 'environment', 'other'];
const REASONS = ['Mưa lũ, đường bị chia cắt', 'Trùng lịch họp của xã', 'Tổ trưởng đi công tác, chưa bố trí được', 'Thời vụ thu hoạch, thành viên bận'];

/** The indicators over the briefing figures (national catalogue): the share of blocs and teams holding their briefing, and attendance. */
export const BRIEFING_INDICATORS = [
  {
    code: 'GB_TL_GIAO_BAN_DUNG_KY',
    name: 'Tỷ lệ Khối dân vận, Tổ dân vận giao ban đúng kỳ',
    description: 'Số Khối dân vận xã, phường và Tổ dân vận thôn, tổ dân phố đã tổ chức giao ban trong kỳ / số Khối, Tổ đến kỳ giao ban (hằng tháng, hoặc hằng quý) × 100.',
    numerator: '#{GRASSROOTS_BRIEFINGS_HELD_COMMUNE}', denominator: '#{GRASSROOTS_BRIEFINGS_DUE_COMMUNE}', factor: 100, decimals: 1, unit: '%', target: 100,
  },
  {
    code: 'GB_TL_DU_GIAO_BAN',
    name: 'Tỷ lệ thành viên dự giao ban của Khối dân vận, Tổ dân vận',
    description: 'Số lượt thành viên có mặt / số thành viên đăng ký của các buổi giao ban đã tổ chức trong kỳ × 100.',
    numerator: '#{GRASSROOTS_BRIEFING_ATTENDED_COMMUNE}', denominator: '#{GRASSROOTS_BRIEFING_MEMBERS_COMMUNE}', factor: 100, decimals: 1, unit: '%', target: 90,
  },
] as const;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dayNumber = (day: string) => Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000);
const fromNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** A commune's habits: how likely its bodies hold a briefing, how many members come, whether its teams meet quarterly. */
interface Habit {
  hold: number;
  attend: number;
  quarterlyTeams: boolean;
}

async function runBriefingsDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province = await repo.provinceByCode(trx, PROVINCE_2025_CODE);
  if (await repo.hasBriefings(trx, province.id)) return 'briefings already present';
  const admin = await repo.adminId(trx);
  const scope = await provinceScope(trx, province.id);
  const bodies = await repo.briefingBodiesUnder(trx, 'roots' in scope ? scope.roots : []);
  const rng = new Random(14_0002);
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const firstIndex = ty * 12 + (tm - 1) - MONTHS_BACK;
  const start = iso(Math.floor(firstIndex / 12), (firstIndex % 12) + 1, 1);
  const habits = new Map<number, Habit>();
  const habitOf = (communeId: number): Habit => {
    let habit = habits.get(communeId);
    if (!habit) {
      // half the communes hold nearly every briefing, a third most of them, the rest miss many
      const c = rng.fork(`briefings:${communeId}`);
      const draw = c.next();
      habit = draw < 0.5 ? { hold: 0.95, attend: 0.9, quarterlyTeams: false } : draw < 0.8 ? { hold: 0.8, attend: 0.8, quarterlyTeams: c.chance(0.3) } : { hold: 0.55, attend: 0.65, quarterlyTeams: false };
      habits.set(communeId, habit);
    }
    return habit;
  };
  const schedules: Array<{ organization_id: number; recurrence: string; set_by: number; set_at: Date }> = [];
  const rows: Insertable<BriefingTable>[] = [];
  const rates = new Map<string, number>();
  let missed = 0;
  for (const body of bodies) {
    const habit = habitOf(body.communeId);
    const recurrence: TBriefingRecurrence = body.type === 'village_team' && habit.quarterlyTeams ? 'quarterly' : 'monthly';
    if (recurrence === 'quarterly') schedules.push({ organization_id: body.id, recurrence, set_by: admin, set_at: clock.now() });
    const first = [start, body.from ?? start].sort().at(-1) as string;
    const last = [today, body.to ?? today].sort()[0] as string;
    if (last < first) continue;
    const b = rng.fork(`body:${body.id}`);
    for (const period of periodsBetween(first, last, recurrence)) {
      const bounds = periodBounds(period);
      const from = bounds.start > first ? bounds.start : first;
      const to = bounds.end < last ? bounds.end : last;
      const running = bounds.end >= today;
      // a bloc meets at the end of the month: the running month is not held yet; a team may have met already
      if (running && (body.type === 'commune_bloc' || !b.chance((dayNumber(to) - dayNumber(from) + 1) / (dayNumber(bounds.end) - dayNumber(bounds.start) + 1)))) continue;
      const created = new Date(`${to}T10:00:00Z`);
      if (b.chance(habit.hold)) {
        const heldOn = fromNumber(b.int(dayNumber(from), dayNumber(to)));
        const id = uuidv7(new Date(`${heldOn}T02:00:00Z`));
        rates.set(id, Math.min(1, habit.attend + (b.next() - 0.5) * 0.2));
        rows.push({
          id, province_id: province.id, organization_id: body.id, unit_id: body.unitId, period, held: true, held_on: heldOn, not_held_reason: null, members: 0, attended: 0,
          issues: b.chance(0.7) ? b.pick(ISSUES) : null, topics: TOPICS.filter(() => b.chance(0.15)).slice(0, 2), entered_by: admin, created_at: created,
        });
      } else {
        missed += 1;
        // about a third of the missed periods are recorded as not held, with the reason
        if (!running && b.chance(0.35)) {
          rows.push({
            id: uuidv7(created), province_id: province.id, organization_id: body.id, unit_id: body.unitId, period, held: false, held_on: null, not_held_reason: b.pick(REASONS),
            members: 0, attended: 0, issues: null, topics: [], entered_by: admin, created_at: created,
          });
        }
      }
    }
  }
  for (const indicator of BRIEFING_INDICATORS) await ensureNationalIndicator(trx, indicator);
  await repo.insertSchedules(trx, schedules);
  await repo.insertBriefings(trx, province.id, rows, rates);
  const actor = { userId: admin, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  await insertJob(trx, {
    id: uuidv7(), kind: 'indicators.derived-backfill', payload: { provinceId: province.id, from: start, periodTypes: ['monthly'], codes: BRIEFING_DERIVED_CODES, actor },
    target: `admin_unit:${province.id}`, ownerUserId: admin, unitId: province.id, maxAttempts: 3, now: new Date(clock.now().getTime() - 1),
  });
  return `${rates.size} briefings held and ${missed} missed by ${bodies.length} blocs and teams over ${MONTHS_BACK + 1} months (${schedules.length} teams quarterly); figures queued`;
}

/**
 * Step "grassroots.briefings": two years of briefings of Quảng Trị's Khối dân vận and Tổ dân vận (2019 units until
 * 30/06/2025, the merged ones after): communes differ (half hold nearly every briefing, a fifth miss many, some
 * communes' teams meet quarterly), attendance drawn from the members registered on the day, some missed periods
 * recorded as not held with the reason; the blocs' running month is left open. The monthly figures are backfilled by a job.
 */
export const briefingsDemoStep: DemoStep = { name: 'grassroots.briefings', version: 1, run: (trx, context) => runBriefingsDemo(trx, context.today) };
