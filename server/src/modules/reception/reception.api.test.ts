import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { receptionEndpoints as e, type TComplianceRow } from '#contracts/reception/api.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildPerson, buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { HEAD_DIALOGUES_COMMUNE, receptionDerivedValues, SUPERVISIONS_PROVINCE } from './reception-derived.ts';

const clock = fixedClock('2026-05-10');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[] = ['data_entry']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const chairman = { name: 'Lê Văn Hùng', position: 'Chủ tịch UBND xã', roleKind: 'government_head' as const };

async function session(client: TestClient, unitId: number, heldOn: string, leader: object | null, extra: object = {}) {
  const response = await client.call(e.createSession, { body: { unitId, heldOn, kind: 'regular', personsReceived: 2, ...(leader ? { leader } : {}), ...extra } as never });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const rowOf = (rows: TComplianceRow[], position: string) => rows.find((row) => row.leader.position === position) as TComplianceRow;

describe('reception schedules and compliance', () => {
  let p: TestProvince;
  let commune: number;
  let client: TestClient;
  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    commune = p.communeIds[0] as number;
    client = await signIn(commune);
  });

  it('a weekly rule is checked week by week: four days in March 2026 with a week missed is not met; months of the Party rule and of Luật 136/2025', async () => {
    const secretary = await buildPerson(t.db, commune, { fullName: 'Trần Văn Bí' });
    const a = await client.call(e.createSchedule, { body: { unitId: commune, leader: chairman, recurrence: 'weekly', weekday: 2, validFrom: '2026-01-01' } });
    expect(a.status).toBe(200);
    const b = await client.call(e.createSchedule, {
      body: { unitId: commune, leader: { personId: secretary, position: 'Bí thư Đảng ủy xã', roleKind: 'party_secretary' }, recurrence: 'monthly', monthDay: 10, validFrom: '2026-01-01' },
    });
    expect(b.status).toBe(200);
    expect(b.body.leader.name).toBe('Trần Văn Bí');
    // March 2026: ISO weeks by their Thursday are those of Mondays 2, 9, 16, 23 (Thursday 2 April belongs to April)
    for (const day of ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-19']) await session(client, commune, day, { ...chairman, position: 'chủ tịch ubnd xã' });
    // the secretary received once in April: the commune's Party rule asks two days a month
    await session(client, commune, '2026-04-10', null, { scheduleId: b.body.id });
    const march = (await client.call(e.compliance, { query: { unitId: commune, month: '2026-03' } })).body;
    const chair = rowOf(march, 'Chủ tịch UBND xã');
    expect(chair).toMatchObject({ required: 4, held: 4, weeksShort: ['2026-03-23'], status: 'not_met' });
    expect(chair.rule).toMatchObject({ days: 1, per: 'week', unconfirmed: false });
    expect(chair.rule?.basis).toContain('Điều 15 khoản 2 điểm d');
    // a session on Monday 23 March makes every week count
    await session(client, commune, '2026-03-23', chairman);
    const fixed = rowOf((await client.call(e.compliance, { query: { unitId: commune, month: '2026-03' } })).body, 'Chủ tịch UBND xã');
    expect(fixed).toMatchObject({ required: 4, held: 5, weeksShort: [], status: 'met' });
    // April 2026 has five ISO weeks (Monday 30 March to Monday 27 April)
    const april = (await client.call(e.compliance, { query: { unitId: commune, month: '2026-04' } })).body;
    expect(rowOf(april, 'Chủ tịch UBND xã')).toMatchObject({ required: 5, held: 0, status: 'not_met' });
    expect(rowOf(april, 'Chủ tịch UBND xã').weeksShort).toEqual(['2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27']);
    expect(rowOf(april, 'Bí thư Đảng ủy xã')).toMatchObject({ required: 2, held: 1, status: 'not_met' });
    expect(rowOf(april, 'Bí thư Đảng ủy xã').rule?.basis).toContain('Quy định 11-QĐi/TW');
    // the current month (today 10 May) is in progress until met
    const may = (await client.call(e.compliance, { query: { unitId: commune, month: '2026-05' } })).body;
    expect(rowOf(may, 'Bí thư Đảng ủy xã')).toMatchObject({ required: 2, held: 0, status: 'in_progress' });
    // from 1 July 2026 the commune chairman's rule is Luật 136/2025's two days a month, unconfirmed
    const july = rowOf((await client.call(e.compliance, { query: { unitId: commune, month: '2026-07' } })).body, 'Chủ tịch UBND xã');
    expect(july).toMatchObject({ required: 2, held: 0, status: 'in_progress' });
    expect(july.rule).toMatchObject({ per: 'month', unconfirmed: true });
    // a schedule ended before a month is not in that month's table
    expect((await client.call(e.endSchedule, { params: { id: a.body.id }, body: { validTo: '2026-05-31' } })).status).toBe(200);
    expect(rowOf((await client.call(e.compliance, { query: { unitId: commune, month: '2026-06' } })).body, 'Chủ tịch UBND xã')).toBeUndefined();
  });

  it('a session links cases of its province only; a case of another province is refused, naming the field', async () => {
    const other = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const own = await petitionCase(p.provinceId, commune, 'QT-2026-000001');
    const foreign = await petitionCase(other.provinceId, other.communeIds[0] as number, 'XX-2026-000001');
    const held = await session(client, commune, '2026-05-05', chairman, { caseIds: [own] });
    expect(held.cases.map((c: { code: string }) => c.code)).toEqual(['QT-2026-000001']);
    const read = await client.call(e.getSession, { params: { id: held.id } });
    expect(read.body.cases).toHaveLength(1);
    const refused = await client.call(e.createSession, { body: { unitId: commune, heldOn: '2026-05-06', kind: 'ad_hoc', personsReceived: 1, leader: chairman, caseIds: [foreign] } });
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toContain('Vụ việc đã tiếp nhận (caseIds)');
  });
});

async function petitionCase(provinceId: number, unitId: number, code: string) {
  const id = uuidv7();
  const field = await t.db.selectFrom('petition_field').select('id').where('code', '=', 'land').executeTakeFirstOrThrow();
  await t.db
    .insertInto('petition_case')
    .values({
      id, province_id: provinceId, unit_id: unitId, commune_id: null, village_id: null, lat: null, lon: null, code, kind: 'feedback', channel: 'in_person',
      field_id: field.id, subject: 'Tranh chấp ranh giới đất', content: 'Nội dung', received_on: '2026-05-05', duplicate_of_id: null, origin_case_id: null,
      origin_province_id: null, competent_unit_id: null, competent_body: null, handler_user_id: null, accepted_on: null, rule_set_code: null, due_on: null,
      resolved_on: null, closed_on: null, outcome: null, satisfaction: null, public_answer: null, answered_on: null, source: 'officer', created_by: null,
      search_text: code, subject_fold: 'tranh chap', created_at: new Date(), updated_at: new Date(),
    } as never)
    .execute();
  return id;
}

describe('recommendations tracked until the answer', () => {
  it('a sent recommendation is overdue the day after its deadline by the server clock; answered and closed it is not', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const commune = p.communeIds[0] as number;
    let client = await signIn(commune);
    const dialogue = await client.call(e.createDialogue, {
      body: {
        unitId: commune, kind: 'voter_meeting', heldOn: '2026-04-10', subject: 'Tiếp xúc cử tri', leaders: [{ name: 'Phan Văn Cử', position: 'Đại biểu HĐND', roleKind: 'other' }],
        participantCount: 120, participantBodies: ['Cử tri thôn 1'], issues: ['Đường hỏng'],
        recommendations: [
          { content: 'Sửa đường thôn 1', addressedBody: 'UBND xã', dueOn: '2026-05-10' },
          { content: 'Nạo vét kênh', addressedBody: 'UBND xã', dueOn: '2026-05-09' },
        ],
      },
    });
    expect(dialogue.status, JSON.stringify(dialogue.body)).toBe(200);
    const [road, canal] = dialogue.body.recommendations.sort((x, y) => x.content.localeCompare(y.content)).reverse();
    expect(road).toMatchObject({ state: 'sent', overdue: false, daysOverdue: 0, dueOn: '2026-05-10' });
    expect(canal).toMatchObject({ state: 'overdue', overdue: true, daysOverdue: 1 });
    const overdue = await client.call(e.listRecommendations, { query: { unitId: commune, state: 'overdue' } });
    expect(overdue.body.map((k) => k.content)).toEqual(['Nạo vét kênh']);
    clock.advance(86_400_000);
    try {
      // a day later the session has lapsed (12 h): sign in again
      client = await signIn(commune);
      expect((await client.call(e.getRecommendation, { params: { id: road?.id as string } })).body).toMatchObject({ state: 'overdue', daysOverdue: 1 });
      const answered = await client.call(e.answerRecommendation, {
        params: { id: road?.id as string },
        body: { answerText: 'Đã bố trí vốn sửa đường trong quý III', answeredOn: '2026-05-11', seenVersion: road?.version as number },
      });
      expect(answered.body).toMatchObject({ status: 'answered', state: 'answered', overdue: false, answeredOn: '2026-05-11' });
      // an answer recorded twice, or a stale version, is refused
      const again = await client.call(e.answerRecommendation, { params: { id: road?.id as string }, body: { answerText: 'Lần hai', answeredOn: '2026-05-11', seenVersion: road?.version as number } });
      expect(again.status).toBe(409);
      const closed = await client.call(e.closeRecommendation, { params: { id: road?.id as string }, body: { closedOn: '2026-05-11', seenVersion: answered.body.version } });
      expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-05-11' });
      const list = await client.call(e.listRecommendations, { query: { unitId: commune } });
      expect(list.body.map((k) => [k.content, k.state])).toEqual([['Nạo vét kênh', 'overdue'], ['Sửa đường thôn 1', 'closed']]);
      const audit = await t.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'reception_recommendation').where('entity_id', '=', road?.id as string).execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    } finally {
      clock.advance(-86_400_000);
    }
  });

  it('bad input is refused with 400 naming the field in Vietnamese', async () => {
    const p = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const client = await signIn(p.communeIds[0] as number);
    const bad = await client.call(e.createSession, { body: { unitId: p.communeIds[0] as number, heldOn: '2026-05-01', kind: 'regular', personsReceived: -1, leader: chairman } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('Số lượt người được tiếp (personsReceived)');
    const due = await client.call(e.createRecommendation, { body: { dialogueId: uuidv7(), content: 'x', addressedBody: 'y', sentOn: '2026-05-02', dueOn: '2026-05-01' } });
    expect(due.status).toBe(400);
    expect(errorBody(due).message).toContain('Hạn trả lời (dueOn)');
    const month = await client.call(e.compliance, { query: { month: '2026-13' } });
    expect(month.status).toBe(400);
    expect(errorBody(month).message).toContain('Tháng (month)');
  });
});

describe('scope and figures', () => {
  it('two communes cannot read each other’s records; the province reads both', async () => {
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    const [a, b] = p.communeIds as [number, number];
    const clientA = await signIn(a);
    const clientB = await signIn(b);
    const held = await session(clientA, a, '2026-05-04', chairman);
    const activity = await clientA.call(e.createFrontActivity, {
      body: { unitId: a, kind: 'supervision', body: 'mttq', subject: 'Giám sát', periodFrom: '2026-04-01', periodTo: '2026-04-30', recommendations: [{ content: 'K', addressedBody: 'UBND', dueOn: '2026-06-01' }] },
    });
    expect(activity.status).toBe(200);
    expect((await clientB.call(e.getSession, { params: { id: held.id } })).status).toBe(404);
    expect((await clientB.call(e.getFrontActivity, { params: { id: activity.body.id } })).status).toBe(404);
    expect((await clientB.call(e.getRecommendation, { params: { id: activity.body.recommendations[0]?.id as string } })).status).toBe(404);
    expect((await clientB.call(e.listSessions, { query: {} })).body).toEqual([]);
    expect((await clientB.call(e.listRecommendations, { query: {} })).body).toEqual([]);
    // writing into the other commune is refused as not found
    expect((await clientB.call(e.createSession, { body: { unitId: a, heldOn: '2026-05-04', kind: 'regular', personsReceived: 1, leader: chairman } })).status).toBe(404);
    const province = await signIn(p.provinceId, ['leader']);
    expect((await province.call(e.listSessions, { query: {} })).body.map((s) => s.id)).toEqual([held.id]);
    expect((await province.call(e.createSession, { body: { unitId: a, heldOn: '2026-05-04', kind: 'regular', personsReceived: 1, leader: chairman } })).status).toBe(403);
  });

  it('figures: dialogues of heads per commune this year, supervisions of the province, reception days per month, refreshed on each write', async () => {
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    const [a, b] = p.communeIds as [number, number];
    const commune = await signIn(a);
    const province = await signIn(p.provinceId);
    const leaders = [{ name: 'Hồ Văn Bí', position: 'Bí thư Đảng ủy xã', roleKind: 'party_secretary' }];
    const dialogue = (body: object) => commune.call(e.createDialogue, { body: { unitId: a, kind: 'dialogue', heldOn: '2026-03-01', subject: 'Đối thoại', leaders, participantCount: 50, ...body } as never });
    expect((await dialogue({})).body.byHead).toBe(true);
    await dialogue({ heldOn: '2026-04-02' });
    await dialogue({ leaders: [{ name: 'Ngô Văn Phó', position: 'Phó Chủ tịch UBND xã', roleKind: 'other' }] }); // not a head
    await dialogue({ kind: 'voter_meeting' }); // a voter meeting is not a dialogue
    await dialogue({ heldOn: '2025-12-20' }); // last year
    for (const [kind, periodTo] of [['supervision', '2026-02-28'], ['supervision', '2026-04-30'], ['critique', '2026-03-31'], ['supervision', '2025-11-30']] as const) {
      const r = await province.call(e.createFrontActivity, { body: { unitId: p.provinceId, kind, body: 'mttq', subject: 'Giám sát', periodFrom: '2025-10-01', periodTo } });
      expect(r.status).toBe(200);
    }
    // two leaders' days in May, one day twice by the same leader
    await session(commune, a, '2026-05-04', chairman);
    await session(commune, a, '2026-05-04', chairman);
    await session(commune, a, '2026-05-05', chairman);
    await session(commune, a, '2026-05-05', leaders[0] as object);
    await session(commune, a, '2026-04-28', chairman);
    const byCode = new Map(receptionDerivedValues.map((v) => [v.code, v]));
    const compute = (code: string) => byCode.get(code)?.compute(t.db, { provinceId: p.provinceId, asOf: '2026-05-10' });
    expect(await compute(HEAD_DIALOGUES_COMMUNE)).toEqual([{ unitId: a, value: 2 }, { unitId: b, value: 0 }]);
    expect(await compute(SUPERVISIONS_PROVINCE)).toEqual([{ unitId: p.provinceId, value: 2 }]);
    expect(await compute('reception.front_critiques_province')).toEqual([{ unitId: p.provinceId, value: 1 }]);
    expect(await compute('reception.reception_days_commune')).toEqual([{ unitId: a, value: 3 }, { unitId: b, value: 0 }]);
    expect(await compute('reception.reception_days_province')).toEqual([{ unitId: p.provinceId, value: 3 }]);
    // the writes stored the figures for the open periods (month and year of today)
    const stored = await sql<{ code: string; period: string; unit_id: number; num: number }>`
      select e.derived_code as code, v.period, v.unit_id, v.num from data_value v join data_element e on e.id = v.data_element_id
      where v.province_id = ${p.provinceId} and not v.deleted and e.derived_code like 'reception.%' and v.period in ('2026', '202605')
      order by 1, 2, 3`.execute(t.db);
    const asText = stored.rows.map((r) => `${r.code} ${r.period} ${r.unit_id === p.provinceId ? 'province' : r.unit_id === a ? 'a' : 'b'} ${r.num}`);
    expect(asText).toContain(`${HEAD_DIALOGUES_COMMUNE} 2026 a 2`);
    expect(asText).toContain(`${SUPERVISIONS_PROVINCE} 2026 province 2`);
    expect(asText).toContain('reception.reception_days_commune 202605 a 3');
  });
});
