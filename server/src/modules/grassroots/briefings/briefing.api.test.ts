import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { storedDerivedValue } from '#test/derived-values.ts';
import { buildOrganization, buildPerson, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

const TODAY = '2026-03-20';
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: TODAY });
}, 120_000);
afterAll(() => t.close());

async function role(personId: number, organizationId: number, termFrom = '2025-07-01', termTo: string | null = null) {
  await t.db.insertInto('person_role').values({ person_id: personId, organization_id: organizationId, title: 'Thành viên', term_from: termFrom, term_to: termTo }).execute();
}

/** The stored derived value of a unit for a period, 0 when none. */
const stored = (unitId: number, code: string, period: string) => storedDerivedValue(t.db, unitId, code, period);
const figures = async (unitId: number, period: string) => ({
  due: await stored(unitId, 'grassroots.briefings_due_commune', period),
  held: await stored(unitId, 'grassroots.briefings_held_commune', period),
  members: await stored(unitId, 'grassroots.briefing_members_commune', period),
  attended: await stored(unitId, 'grassroots.briefing_attended_commune', period),
});

/** A commune with its Khối dân vận (4 members, one leaving on 10/02/2026) and the Tổ dân vận of a village (3 members). */
async function commune() {
  const province = await buildProvince(t.db, { communes: 2 });
  const communeId = province.communeIds[0] as number;
  const village = (province.villagesByCommune[0] as number[])[0] as number;
  const bloc = await buildOrganization(t.db, communeId, { type: 'commune_bloc', name: 'Khối dân vận xã Một' });
  const blocPeople = [];
  for (const name of ['Lê Thị An', 'Trần Văn Bình', 'Phạm Văn Cường', 'Võ Thị Dung']) blocPeople.push(await buildPerson(t.db, communeId, { fullName: name }));
  for (const [i, person] of blocPeople.entries()) await role(person, bloc, '2025-07-01', i === 3 ? '2026-02-10' : null);
  const team = await buildOrganization(t.db, village, { type: 'village_team', name: 'Tổ dân vận thôn Một' });
  const teamPeople = [];
  for (const name of ['Hồ Văn Em', 'Đặng Thị Gấm', 'Ngô Văn Hải']) teamPeople.push(await buildPerson(t.db, village, { fullName: name }));
  for (const person of teamPeople) await role(person, team);
  const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
  return { province, communeId, village, bloc, blocPeople, team, teamPeople, clerk };
}

describe('briefings of blocs and teams', () => {
  it('records a held briefing once under its client id, with attendance from the registered members, and keeps the figures', async () => {
    const c = await commune();
    const members = await c.clerk.call(grassrootsEndpoints.briefingMembers, { params: { organizationId: c.bloc }, query: { asOf: '2026-02-05' } });
    expect(members.status).toBe(200);
    expect(members.body.recurrence).toBe('monthly');
    expect(members.body.members.map((m) => m.personName)).toEqual(['Lê Thị An', 'Phạm Văn Cường', 'Trần Văn Bình', 'Võ Thị Dung']);
    const id = uuidv7();
    const body = { id, organizationId: c.bloc, period: '2026-02', held: true, heldOn: '2026-02-05', attendees: c.blocPeople.slice(0, 3), issues: 'Bà con phản ánh giá phân bón tăng', topics: ['prices'] };
    const [a, b] = await Promise.all([c.clerk.call(grassrootsEndpoints.recordBriefing, { body }), c.clerk.call(grassrootsEndpoints.recordBriefing, { body })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.duplicate, b.body.duplicate].sort()).toEqual([false, true]);
    expect(a.body.briefing).toMatchObject({ period: '2026-02', held: true, heldOn: '2026-02-05', members: 4, attended: 3, topics: ['prices'], unitId: c.communeId });
    expect((await c.clerk.call(grassrootsEndpoints.recordBriefing, { body })).body.duplicate).toBe(true);
    expect(await t.db.selectFrom('briefing').select('id').where('organization_id', '=', c.bloc).execute()).toEqual([{ id }]);
    expect(await t.db.selectFrom('briefing_attendee').select('person_id').where('briefing_id', '=', id).execute()).toHaveLength(3);
    expect(await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'briefing').where('entity_id', '=', id).execute()).toHaveLength(1);
    // the commune's February: 2 bodies due (bloc and team), 1 held, attendance 3 of 4
    expect(await figures(c.communeId, '202602')).toEqual({ due: 2, held: 1, members: 4, attended: 3 });
    // one detail: the members of the day, marked present or not
    const one = await c.clerk.call(grassrootsEndpoints.getBriefing, { params: { id } });
    expect(one.status).toBe(200);
    expect(one.body.attendees.map((m) => [m.personName, m.attended])).toEqual([['Lê Thị An', true], ['Phạm Văn Cường', true], ['Trần Văn Bình', true], ['Võ Thị Dung', false]]);
  });

  it('lists the periods of every bloc and team as held, missed or open, with the totals of the periods decided', async () => {
    const c = await commune();
    await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.bloc, period: '2026-02', held: true, heldOn: '2026-02-20', attendees: c.blocPeople.slice(0, 2) } });
    const notHeld = await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.team, period: '2026-02', held: false, reason: 'Mưa lũ, đường bị chia cắt' } });
    expect(notHeld.status).toBe(200);
    const list = await c.clerk.call(grassrootsEndpoints.listBriefings, { query: { from: '2026-01', to: '2026-03' } });
    expect(list.status).toBe(200);
    expect(list.body.bodies.map((b) => [b.name, b.communeName, b.members, b.periods.map((p) => `${p.period}:${p.status}:${p.attended ?? '-'}/${p.members ?? '-'}`)])).toEqual([
      ['Khối dân vận xã Một', list.body.bodies[0]?.unitName, 3, ['2026-01:missed:-/-', '2026-02:held:2/3', '2026-03:open:-/-']],
      ['Tổ dân vận thôn Một', list.body.bodies[0]?.unitName, 3, ['2026-01:missed:-/-', '2026-02:missed:-/-', '2026-03:open:-/-']],
    ]);
    expect(list.body.bodies[1]?.periods[1]?.reason).toBe('Mưa lũ, đường bị chia cắt');
    // decided periods: 4 (January twice, February twice), 1 held; attendance 2 of 3 (Võ Thị Dung left on 10/02)
    expect(list.body.total).toEqual({ due: 4, held: 1, share: 25, attended: 2, members: 3, attendanceRate: 66.7 });
    expect(await figures(c.communeId, '202602')).toEqual({ due: 2, held: 1, members: 3, attended: 2 });
    // the default range: the 12 months ending with this one
    const year = await c.clerk.call(grassrootsEndpoints.listBriefings, { query: {} });
    expect([year.body.from, year.body.to]).toEqual(['2025-04', '2026-03']);
    // the bodies exist from their founding (none given: always); the 2025 villages from 01/07/2025 do not limit them
    expect(year.body.bodies[0]?.periods).toHaveLength(12);
  });

  it('refuses bad briefings naming the field, in Vietnamese', async () => {
    const c = await commune();
    const base = { organizationId: c.bloc, period: '2026-02', held: true, heldOn: '2026-02-05' };
    const send = async (body: Record<string, unknown>) => {
      const response = await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), ...base, ...body } as never });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      return errorBody(response).message;
    };
    const outsider = await buildPerson(t.db, c.communeId, { fullName: 'Người ngoài' });
    expect(await send({ attendees: [outsider] })).toContain('Thành phần tham dự');
    // a member who left before the day is no longer registered
    expect(await send({ heldOn: '2026-02-20', attendees: [c.blocPeople[3]] })).toContain('Thành phần tham dự');
    expect(await send({ heldOn: '2026-03-05' })).toContain('Ngày tổ chức');
    expect(await send({ heldOn: null })).toContain('Ngày tổ chức');
    expect(await send({ period: '2026-Q1', heldOn: '2026-02-05' })).toContain('Kỳ báo cáo');
    expect(await send({ period: '2026-04', heldOn: '2026-04-02' })).toContain('Kỳ báo cáo');
    expect(await send({ topics: ['khong_co'] })).toContain('Chủ đề');
    expect(await send({ held: false, heldOn: null })).toContain('Lý do');
    expect(await send({ organizationId: c.province.communeIds[1] })).toContain('Tổ chức');
    const ok = await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), ...base } });
    expect(ok.status).toBe(200);
    // a second briefing for the same period, under another id
    expect(await send({})).toContain('đã có biên bản giao ban');
  });

  it('a unit reads only the briefings of its own scope', async () => {
    const c = await commune();
    const id = uuidv7();
    await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id, organizationId: c.bloc, period: '2026-03', held: true, heldOn: '2026-03-02', attendees: [] } });
    const neighbour = await signIn(t.baseUrl, t.db, { unitId: c.province.communeIds[1] as number, roles: ['commission_officer'] });
    expect((await neighbour.call(grassrootsEndpoints.getBriefing, { params: { id } })).status).toBe(404);
    expect((await neighbour.call(grassrootsEndpoints.briefingMembers, { params: { organizationId: c.bloc } })).status).toBe(404);
    expect((await neighbour.call(grassrootsEndpoints.listBriefings, { query: { unitId: c.communeId } })).status).toBe(404);
    expect((await neighbour.call(grassrootsEndpoints.listBriefings, { query: {} })).body.bodies).toEqual([]);
    const stranger = await neighbour.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.team, period: '2026-03', held: false, reason: 'Thử' } });
    expect(stranger.status).toBe(400);
    // the province reads both communes' bodies
    const province = await signIn(t.baseUrl, t.db, { unitId: c.province.provinceId, roles: ['leader'] });
    expect((await province.call(grassrootsEndpoints.getBriefing, { params: { id } })).status).toBe(200);
    expect((await province.call(grassrootsEndpoints.listBriefings, { query: {} })).body.bodies.map((b) => b.organizationId)).toEqual([c.bloc, c.team]);
  });

  it('a quarterly team meets once a quarter, counted in the quarter’s last month; only the province sets the recurrence', async () => {
    const c = await commune();
    expect((await c.clerk.call(grassrootsEndpoints.setBriefingRecurrence, { params: { organizationId: c.team }, body: { recurrence: 'quarterly', fromPeriod: '2025-Q4' } })).status).toBe(403);
    const province = await signIn(t.baseUrl, t.db, { unitId: c.province.provinceId, roles: ['commission_officer'] });
    const set = await province.call(grassrootsEndpoints.setBriefingRecurrence, { params: { organizationId: c.team }, body: { recurrence: 'quarterly', fromPeriod: '2025-Q4' } });
    expect(set.status).toBe(200);
    expect(set.body.recurrence).toBe('quarterly');
    const monthly = await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.team, period: '2026-02', held: true, heldOn: '2026-02-05' } });
    expect(errorBody(monthly).message).toContain('hằng quý');
    const quarter = await c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.team, period: '2026-Q1', held: true, heldOn: '2026-01-15', attendees: c.teamPeople } });
    expect(quarter.status).toBe(200);
    const list = await c.clerk.call(grassrootsEndpoints.listBriefings, { query: { from: '2025-10', to: '2026-03' } });
    const team = list.body.bodies.find((b) => b.organizationId === c.team);
    expect(team?.periods.map((p) => `${p.period}:${p.status}`)).toEqual(['2025-Q4:missed', '2026-Q1:held']);
    // March: the bloc (monthly, open) and the team (its quarter ends) are due; the team held, 3 of 3
    expect(await figures(c.communeId, '202603')).toEqual({ due: 2, held: 1, members: 3, attended: 3 });
    expect(await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'briefing_schedule').where('entity_id', '=', String(c.team)).execute()).toHaveLength(1);
  });

  it('a change of recurrence holds from its period on: the months before stay monthly periods, judged and recorded as such', async () => {
    const c = await commune();
    const province = await signIn(t.baseUrl, t.db, { unitId: c.province.provinceId, roles: ['commission_officer'] });
    const record = (period: string, heldOn: string) => c.clerk.call(grassrootsEndpoints.recordBriefing, { body: { id: uuidv7(), organizationId: c.team, period, held: true, heldOn, attendees: c.teamPeople } });
    expect((await record('2025-11', '2025-11-10')).status).toBe(200);
    const set = (recurrence: 'monthly' | 'quarterly', fromPeriod: string) => province.call(grassrootsEndpoints.setBriefingRecurrence, { params: { organizationId: c.team }, body: { recurrence, fromPeriod } });

    // refused: a period of the other recurrence, a change that would leave November's briefing outside the schedule
    const notQuarter = await set('quarterly', '2026-01');
    expect(notQuarter.status).toBe(400);
    expect(errorBody(notQuarter).message).toContain('Áp dụng từ kỳ (fromPeriod)');
    expect(errorBody(notQuarter).message).toContain('hằng quý');
    const stranding = await set('quarterly', '2025-Q4');
    expect(errorBody(stranding).message).toContain('2025-11');

    const quarterly = await set('quarterly', '2026-Q1');
    expect(quarterly.status).toBe(200);
    expect(quarterly.body.recurrence).toBe('quarterly');
    expect(quarterly.body.schedule).toEqual([{ validFrom: '2026-01-01', recurrence: 'quarterly' }]);
    // the months before the change are still monthly periods: December can be recorded, not a 2025 quarter; 2026 months cannot
    expect((await record('2025-12', '2025-12-15')).status).toBe(200);
    expect(errorBody(await record('2025-Q4', '2025-10-20')).message).toContain('hằng tháng');
    expect(errorBody(await record('2026-02', '2026-02-05')).message).toContain('hằng quý');
    const list = await c.clerk.call(grassrootsEndpoints.listBriefings, { query: { from: '2025-09', to: '2026-03' } });
    const team = list.body.bodies.find((b) => b.organizationId === c.team);
    expect(team?.periods.map((p) => `${p.period}:${p.status}`)).toEqual(['2025-09:missed', '2025-10:missed', '2025-11:held', '2025-12:held', '2026-Q1:open']);
    expect(team?.recurrence).toBe('quarterly');
    // the figures: December counts the team monthly (due, held); January does not (its quarter ends in March)
    expect(await figures(c.communeId, '202512')).toEqual({ due: 2, held: 1, members: 3, attended: 3 });
    expect((await figures(c.communeId, '202601')).due).toBe(1);

    // monthly again from the next quarter: a change cutting the running quarter is refused; the history is kept
    expect(errorBody(await set('monthly', '2026-02')).message).toContain('đầu một quý');
    const back = await set('monthly', '2026-04');
    expect(back.status).toBe(200);
    expect(back.body.schedule).toEqual([
      { validFrom: '2026-01-01', recurrence: 'quarterly' },
      { validFrom: '2026-04-01', recurrence: 'monthly' },
    ]);
    expect(back.body.recurrence).toBe('quarterly');
    // the same change again changes nothing and is not audited again
    expect((await set('monthly', '2026-04')).status).toBe(200);
    const audits = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'briefing_schedule').where('entity_id', '=', String(c.team)).orderBy('id').execute();
    expect(audits.map((a) => a.after)).toEqual([
      { schedule: [{ validFrom: '2026-01-01', recurrence: 'quarterly' }] },
      { schedule: [{ validFrom: '2026-01-01', recurrence: 'quarterly' }, { validFrom: '2026-04-01', recurrence: 'monthly' }] },
    ]);
  });
});
