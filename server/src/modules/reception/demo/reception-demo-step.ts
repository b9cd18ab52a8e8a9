import { sql, type Kysely } from 'kysely';
import type { DB, ReceptionRoleKindColumn } from '#server/db/schema.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE, TERM_START_2025 } from '#server/demo/territory.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import * as repo from '../reception.repository.ts';
import { addDays, isoWeekday, monthBounds, monthsBetween } from '../reception.rules.ts';
import { leaderKey } from '../reception.service.ts';

/** Communes of the demo (2025 codes): Hải Lăng (home of the demo account) and five others of Quảng Trị. */
const DEMO_COMMUNES = 6;
const HAI_LANG = '19702';

interface Place {
  id: number;
  name: string;
  level: 'province' | 'commune';
}

interface Leader {
  personId: number | null;
  name: string;
  position: string;
  roleKind: ReceptionRoleKindColumn;
}

const FALLBACK_NAMES = ['Lê Văn Hùng', 'Trần Thị Hoa', 'Nguyễn Đình Phong', 'Hoàng Văn Tâm', 'Phan Thị Lan', 'Võ Quang Minh', 'Đặng Văn Sơn', 'Lê Thị Thu'];

/** The person holding a role titled `title` in an organisation of the unit on `on`, else a named position. */
async function leaderOf(trx: Kysely<DB>, unit: Place, title: string, roleKind: ReceptionRoleKindColumn, on: string, rng: Random): Promise<Leader> {
  const row = await trx
    .selectFrom('person_role as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.full_name'])
    .where('o.unit_id', '=', unit.id)
    .where('r.title', '=', title)
    .where('r.term_from', '<=', on)
    .where((eb) => eb.or([eb('r.term_to', 'is', null), eb('r.term_to', '>=', on)]))
    .orderBy('r.id')
    .executeTakeFirst();
  const position = `${title} ${unit.name}`;
  if (row) return { personId: row.id, name: row.full_name, position, roleKind };
  return { personId: null, name: FALLBACK_NAMES[rng.int(0, FALLBACK_NAMES.length - 1)] as string, position, roleKind };
}

async function unitByCode(trx: Kysely<DB>, structure: '2019' | '2025', code: string) {
  return trx.selectFrom('admin_unit').select(['id', 'name', 'level']).where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
}

/** The 2025 communes of the demo and, for each, one 2019 commune it was formed from (the records before 01/07/2025). */
async function demoCommunes(trx: Kysely<DB>, provinceId: number) {
  const communes = await trx
    .selectFrom('admin_unit')
    .select(['id', 'name', 'code'])
    .where('parent_id', '=', provinceId)
    .where('level', '=', 'commune')
    .orderBy(sql`code = ${HAI_LANG}`, 'desc')
    .orderBy('code')
    .limit(DEMO_COMMUNES)
    .execute();
  const result: Array<{ now: Place; before: Place | null }> = [];
  for (const commune of communes) {
    const old = await trx
      .selectFrom('unit_succession as s')
      .innerJoin('admin_unit as u', 'u.id', 's.old_unit_id')
      .select(['u.id', 'u.name'])
      .where('s.new_unit_id', '=', commune.id)
      .where('u.level', '=', 'commune')
      .orderBy('u.code')
      .executeTakeFirst();
    result.push({ now: { id: commune.id, name: commune.name, level: 'commune' }, before: old ? { id: old.id, name: old.name, level: 'commune' } : null });
  }
  return result;
}

/** The day of a month a monthly schedule falls on (a short month: its last day). */
const monthlyDay = (month: string, day: number) => {
  const { last } = monthBounds(month);
  const candidate = `${month}-${String(day).padStart(2, '0')}`;
  return candidate > last ? last : candidate;
};

/** The dates of a weekly schedule in a month. */
function weeklyDays(month: string, weekday: number): string[] {
  const { first, last } = monthBounds(month);
  const days: string[] = [];
  for (let day = addDays(first, (weekday - isoWeekday(first) + 7) % 7); day <= last; day = addDays(day, 7)) days.push(day);
  return days;
}

const DIALOGUE_SUBJECTS = [
  'Đối thoại với nhân dân về bồi thường, hỗ trợ tái định cư dự án đường ven biển',
  'Đối thoại về cấp giấy chứng nhận quyền sử dụng đất và tranh chấp ranh giới đất',
  'Đối thoại với hội viên nông dân về chuyển đổi cơ cấu cây trồng, tiêu thụ nông sản',
  'Đối thoại về vệ sinh môi trường, xử lý rác thải tại khu dân cư',
];
const ISSUES = [
  'Chậm cấp giấy chứng nhận quyền sử dụng đất',
  'Đơn giá bồi thường đất nông nghiệp thấp',
  'Đường giao thông nội đồng xuống cấp',
  'Ô nhiễm từ trại chăn nuôi gần khu dân cư',
  'Thủ tục hưởng chính sách người có công còn chậm',
  'Thiếu nước tưới vụ Hè Thu',
];
const RECOMMENDATIONS = [
  { content: 'Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã đủ điều kiện', body: 'Văn phòng Đăng ký đất đai tỉnh' },
  { content: 'Đề nghị rà soát, điều chỉnh đơn giá bồi thường đất nông nghiệp', body: 'UBND tỉnh Quảng Trị' },
  { content: 'Đề nghị bố trí kinh phí sửa chữa tuyến đường giao thông nội đồng', body: 'UBND xã' },
  { content: 'Đề nghị kiểm tra, xử lý ô nhiễm môi trường của trại chăn nuôi', body: 'Sở Nông nghiệp và Môi trường' },
  { content: 'Đề nghị rút ngắn thời gian giải quyết hồ sơ chính sách người có công', body: 'Sở Nội vụ' },
];
const SUPERVISION_SUBJECTS = [
  'Giám sát việc thực hiện chính sách bồi thường, hỗ trợ, tái định cư',
  'Giám sát việc giải quyết đơn thư khiếu nại, tố cáo của công dân',
  'Giám sát việc thực hiện Quy chế dân chủ ở cơ sở',
  'Giám sát chi trả chế độ bảo trợ xã hội',
];
const CRITIQUE_SUBJECTS = ['Phản biện dự thảo Nghị quyết về chính sách hỗ trợ phát triển nông nghiệp', 'Phản biện dự thảo quy hoạch sử dụng đất'];
const BODIES = ['mttq', 'farmers_union', 'women_union', 'veterans_union', 'youth_union'] as const;

/**
 * Step "reception.demo": two years (24 months up to today) of reception in Quảng Trị: the Chủ tịch UBND tỉnh and
 * the Bí thư Tỉnh ủy receive citizens monthly, each demo commune's Chủ tịch UBND weekly and its Bí thư twice a month
 * (before 01/07/2025 on the 2019 commune it was formed from), most sessions kept and some missed (so some months
 * are short); sessions link the cases received in person that day at the unit when the petitions demo holds any;
 * dialogues of the heads (one commune skips a year), voter meetings before the People's Council sessions, the
 * Front's supervisions and critiques, and their recommendations: old ones mostly answered, some past their
 * deadline without answer (overdue).
 */
async function runReceptionDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const province2025 = await unitByCode(trx, '2025', PROVINCE_2025_CODE);
  if (!province2025) throw new Error('the official units are missing: import them before the demo');
  const rng = new Random(20261210);
  const province: Place = { id: province2025.id, name: province2025.name, level: 'province' };
  const provinceId = province.id;
  const communes = await demoCommunes(trx, provinceId);
  const start = `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}`;
  const months = monthsBetween(start, today.slice(0, 7)).slice(1);
  const firstDay = `${months[0]}-01`;
  const now = clock.now();
  const counts = { schedules: 0, sessions: 0, dialogues: 0, activities: 0, recommendations: 0, cases: 0 };
  const unitOn = (c: { now: Place; before: Place | null }, on: string) => (on < TERM_START_2025 ? c.before : c.now);

  // ---- schedules and sessions
  interface Duty {
    unit: Place;
    from: string;
    to: string | null;
    title: string;
    roleKind: ReceptionRoleKindColumn;
    weekday?: number;
    monthDays?: number[];
    keep: number;
  }
  const duties: Duty[] = [
    { unit: province, from: firstDay, to: null, title: 'Chủ tịch UBND', roleKind: 'government_head', monthDays: [20], keep: 0.92 },
    { unit: province, from: firstDay, to: null, title: 'Bí thư Tỉnh ủy', roleKind: 'party_secretary', monthDays: [25], keep: 0.85 },
  ];
  for (const [index, commune] of communes.entries()) {
    const periods: Array<{ unit: Place | null; from: string; to: string | null }> = [
      { unit: commune.before, from: firstDay, to: addDays(TERM_START_2025, -1) },
      { unit: commune.now, from: TERM_START_2025 > firstDay ? TERM_START_2025 : firstDay, to: null },
    ];
    for (const period of periods) {
      if (!period.unit || (period.to !== null && period.to < period.from)) continue;
      duties.push({ unit: period.unit, from: period.from, to: period.to, title: 'Chủ tịch UBND', roleKind: 'government_head', weekday: 1 + (index % 5), keep: index === 2 ? 0.7 : 0.93 });
      duties.push({ unit: period.unit, from: period.from, to: period.to, title: 'Bí thư Đảng ủy', roleKind: 'party_secretary', monthDays: [10, 25], keep: 0.88 });
    }
  }
  for (const duty of duties) {
    const leader = await leaderOf(trx, duty.unit, duty.title, duty.roleKind, duty.to ?? today, rng);
    const scheduleIds: string[] = [];
    const patterns = duty.weekday ? [{ weekday: duty.weekday }] : (duty.monthDays ?? []).map((day) => ({ monthDay: day }));
    for (const pattern of patterns) {
      const id = uuidv7();
      await repo.insertSchedule(trx, {
        id,
        unit_id: duty.unit.id,
        role_kind: duty.roleKind,
        leader_person_id: leader.personId,
        leader_name: leader.name,
        leader_position: leader.position,
        recurrence: 'weekday' in pattern ? 'weekly' : 'monthly',
        weekday: 'weekday' in pattern ? pattern.weekday : null,
        month_day: 'monthDay' in pattern ? (pattern.monthDay as number) : null,
        valid_from: duty.from,
        valid_to: duty.to,
        place: duty.unit.level === 'province' ? 'Trụ sở Tiếp công dân tỉnh' : `Trụ sở UBND ${duty.unit.name}`,
        created_by: null,
        created_at: now,
      });
      scheduleIds.push(id);
      counts.schedules++;
    }
    for (const month of months) {
      const days = duty.weekday ? weeklyDays(month, duty.weekday) : (duty.monthDays ?? []).map((day) => monthlyDay(month, day));
      for (const day of days) {
        if (day < duty.from || (duty.to !== null && day > duty.to) || day >= today) continue;
        if (!rng.chance(duty.keep)) continue;
        const sessionId = uuidv7();
        // cases received in person that day at the unit, when the petitions demo holds any
        const cases = await trx
          .selectFrom('petition_case')
          .select('id')
          .where('province_id', '=', provinceId)
          .where('unit_id', '=', duty.unit.id)
          .where('received_on', '=', day)
          .where('channel', '=', 'in_person')
          .limit(5)
          .execute();
        await repo.insertSession(
          trx,
          {
            id: sessionId,
            unit_id: duty.unit.id,
            schedule_id: scheduleIds[0] ?? null,
            held_on: day,
            kind: 'regular',
            role_kind: duty.roleKind,
            leader_person_id: leader.personId,
            leader_name: leader.name,
            leader_position: leader.position,
            leader_key: leaderKey(leader),
            persons_received: Math.max(cases.length, rng.int(0, duty.unit.level === 'province' ? 15 : 6)),
            notes: null,
            created_by: null,
            created_at: now,
          },
          cases.map((c) => c.id),
        );
        counts.sessions++;
        counts.cases += cases.length;
      }
    }
  }

  // ---- dialogues, voter meetings, Front activities, recommendations
  const recommend = async (unit: Place, source: { dialogueId?: string; activityId?: string }, sentOn: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const draft = RECOMMENDATIONS[rng.int(0, RECOMMENDATIONS.length - 1)] as (typeof RECOMMENDATIONS)[number];
      const dueOn = addDays(sentOn, rng.chance(0.5) ? 30 : 60);
      const id = uuidv7();
      await repo.insertRecommendations(trx, [
        {
          id, province_id: provinceId, unit_id: unit.id, dialogue_id: source.dialogueId ?? null, activity_id: source.activityId ?? null,
          content: draft.content, addressed_unit_id: null, addressed_body: draft.body === 'UBND xã' ? `UBND ${unit.name}` : draft.body,
          sent_on: sentOn, due_on: dueOn, created_by: null, created_at: now,
        },
      ]);
      counts.recommendations++;
      // past the deadline: most answered (late or not), about one in five still waiting (overdue); answered ones a month on are closed
      if (dueOn < today && rng.chance(0.8)) {
        const answeredOn = addDays(sentOn, rng.int(10, 75));
        const answered = answeredOn < today ? answeredOn : addDays(today, -1);
        const closed = addDays(answered, 30) < today && rng.chance(0.7);
        await trx
          .updateTable('reception_recommendation')
          .set({
            status: closed ? 'closed' : 'answered',
            answer_text: `Đã tiếp thu; ${draft.body} đã chỉ đạo rà soát và trả lời bằng văn bản.`,
            answered_on: answered,
            closed_on: closed ? addDays(answered, 30) : null,
          })
          .where('province_id', '=', provinceId)
          .where('id', '=', id)
          .execute();
      }
    }
  };
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const places = (on: string) => [province, ...communes.map((c) => unitOn(c, on)).filter((u): u is Place => u !== null)];
  for (const year of years) {
    const inWindow = (day: string) => day >= firstDay && day < today;
    // direct dialogues of the heads: one a year per unit (the third commune skips its first year), two for the province
    for (const [index, unit] of places(`${year}-09-15`).entries()) {
      const dates = unit.level === 'province' ? [`${year}-04-18`, `${year}-09-15`] : [index === 3 && year === years[0] ? '' : `${year}-09-15`];
      for (const [d, date] of dates.entries()) {
        const onDate = date && unit.level === 'commune' ? (places(date)[index] ?? unit) : unit;
        if (!date || !inWindow(date)) continue;
        const head = await leaderOf(trx, onDate, onDate.level === 'province' ? 'Bí thư Tỉnh ủy' : 'Bí thư Đảng ủy', 'party_secretary', date, rng);
        const chair = await leaderOf(trx, onDate, 'Chủ tịch UBND', 'government_head', date, rng);
        const id = uuidv7();
        await repo.insertDialogue(trx, {
          id, unit_id: onDate.id, kind: 'dialogue', held_on: date, subject: DIALOGUE_SUBJECTS[(index + d) % DIALOGUE_SUBJECTS.length] as string,
          place: `Hội trường ${onDate.name}`, leaders: JSON.stringify([head, chair]), by_head: true, participant_count: rng.int(60, 220),
          participant_bodies: ['Ủy ban MTTQ', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Nhân dân các thôn'],
          issues: [ISSUES[rng.int(0, ISSUES.length - 1)] as string, ISSUES[rng.int(0, ISSUES.length - 1)] as string], notes: null, created_by: null, created_at: now,
        });
        counts.dialogues++;
        await recommend(onDate, { dialogueId: id }, date, rng.int(1, 3));
      }
    }
    // voter meetings before the mid-year and year-end People's Council sessions
    for (const date of [`${year}-06-20`, `${year}-11-25`]) {
      if (!inWindow(date)) continue;
      for (const unit of places(date).slice(0, 4)) {
        const deputy = await leaderOf(trx, unit, 'Chủ tịch HĐND', 'other', date, rng);
        const id = uuidv7();
        await repo.insertDialogue(trx, {
          id, unit_id: unit.id, kind: 'voter_meeting', held_on: date, subject: `Tiếp xúc cử tri trước kỳ họp HĐND ${year}`,
          place: `Nhà văn hóa ${unit.name}`, leaders: JSON.stringify([deputy]), by_head: false, participant_count: rng.int(80, 300),
          participant_bodies: ['Cử tri các thôn', 'Ủy ban MTTQ'], issues: [ISSUES[rng.int(0, ISSUES.length - 1)] as string], notes: null, created_by: null, created_at: now,
        });
        counts.dialogues++;
        await recommend(unit, { dialogueId: id }, date, rng.int(1, 2));
      }
    }
    // the Front: the province 2 supervisions and 1 critique a year, each commune 1 supervision (one misses a year)
    const activities: Array<{ unit: Place; kind: 'supervision' | 'critique'; date: string; index: number }> = [];
    for (const date of [`${year}-05-30`, `${year}-10-30`]) activities.push({ unit: province, kind: 'supervision', date, index: activities.length });
    activities.push({ unit: province, kind: 'critique', date: `${year}-08-15`, index: activities.length });
    for (const [index] of communes.entries()) {
      const date = `${year}-07-20`;
      const unit = places(date)[index + 1];
      if (unit && !(index === 4 && year === years[years.length - 1])) activities.push({ unit, kind: 'supervision', date, index: activities.length });
    }
    for (const activity of activities) {
      if (!inWindow(activity.date)) continue;
      const id = uuidv7();
      const subjects = activity.kind === 'supervision' ? SUPERVISION_SUBJECTS : CRITIQUE_SUBJECTS;
      await repo.insertActivity(trx, {
        id, unit_id: activity.unit.id, kind: activity.kind, body: BODIES[activity.index % BODIES.length] as (typeof BODIES)[number],
        subject: subjects[activity.index % subjects.length] as string, period_from: addDays(activity.date, -45), period_to: activity.date,
        findings: activity.kind === 'supervision' ? 'Cơ bản thực hiện đúng quy định; còn chậm trong công khai, niêm yết và trả lời kiến nghị của nhân dân.' : 'Dự thảo cần làm rõ đối tượng, mức hỗ trợ và nguồn kinh phí.',
        created_by: null, created_at: now,
      });
      counts.activities++;
      await recommend(activity.unit, { activityId: id }, activity.date, rng.int(1, 3));
    }
  }
  return `reception: ${counts.schedules} schedules, ${counts.sessions} sessions (${counts.cases} cases linked), ${counts.dialogues} dialogues and voter meetings, ${counts.activities} Front activities, ${counts.recommendations} recommendations`;
}

export const receptionDemoStep: DemoStep = { name: 'reception.demo', version: 1, run: (trx, context) => runReceptionDemo(trx, context.today) };
