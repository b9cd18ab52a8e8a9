import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import type { TSentimentReportInput } from '#contracts/sentiment/schemas.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildOrganization, buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let province: TestProvince;
let communeA: number;
let communeB: number;
let villageA: number;
let teamA: number;
let clerkA: TestClient;
let clerkB: TestClient;
let leader: TestClient;
let officerA: TestClient;

async function signIn(unitId: number | null, roles: TRole[]) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const report = (over: Partial<TSentimentReportInput> = {}): TSentimentReportInput => ({
  id: uuidv7(), unitId: villageA, topic: 'land', severity: 'high', peopleCount: 12, trend: 'rising', text: 'Nhân dân phản ánh về bồi thường đất', reportedOn: '2026-03-10', ...over,
});

const send = (client: TestClient, body: TSentimentReportInput) => client.call(sentimentEndpoints.createReport, { body });

beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-20' });
  province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 2 });
  [communeA, communeB] = province.communeIds as [number, number];
  villageA = (province.villagesByCommune[0] as number[])[0] as number;
  teamA = await buildOrganization(t.db, villageA, { type: 'village_team', name: 'Tổ dân vận thôn A' });
  clerkA = await signIn(communeA, ['data_entry']);
  clerkB = await signIn(communeB, ['data_entry']);
  leader = await signIn(province.provinceId, ['leader']);
  officerA = await signIn(communeA, ['commission_officer']);
});
afterAll(() => t.close());

describe('sentiment reports', () => {
  it('a resend stores nothing new, even five copies sent at once', async () => {
    const body = report({ topic: 'other', severity: 'low', organizationId: teamA });
    const first = await send(clerkA, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ id: body.id, duplicate: false, raisedAlertIds: [] });
    const again = await send(clerkA, body);
    expect(again.body).toEqual({ id: body.id, duplicate: true, raisedAlertIds: [] });
    const burst = report({ topic: 'other', severity: 'low' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(clerkA, burst)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    const stored = await t.db.selectFrom('sentiment_report').select('id').where('id', 'in', [body.id, burst.id]).execute();
    expect(stored).toHaveLength(2);
    const audits = await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'sentiment_report').where('entity_id', 'in', [body.id, burst.id]).execute();
    expect(audits).toHaveLength(2);
  });

  it('refuses a place outside the scope, a future date and an organisation that is not a team of the place, naming the field', async () => {
    const villageB = (province.villagesByCommune[1] as number[])[0] as number;
    const outside = await send(clerkA, report({ unitId: villageB }));
    expect(outside.status).toBe(400);
    expect(errorBody(outside).message).toBe('Đơn vị (unitId): địa bàn không tồn tại hoặc không thuộc phạm vi của bạn');
    const future = await send(clerkA, report({ reportedOn: '2026-03-21' }));
    expect(errorBody(future).message).toBe('Ngày nhận phản ánh (reportedOn): ngày nắm tình hình không được sau hôm nay');
    const bloc = await buildOrganization(t.db, communeA, { type: 'womens_union' });
    const org = await send(clerkA, report({ organizationId: bloc }));
    expect(errorBody(org).message).toBe('Tổ chức (organizationId): tổ chức báo cáo phải là Tổ dân vận hoặc Khối dân vận của địa bàn');
    const topic = await send(clerkA, report({ topic: 'weather' }));
    expect(errorBody(topic).message).toBe('Chủ đề (topic): chủ đề “weather” không có trong danh mục');
  });

  it('the form’s picker: the teams of a commune and its villages in force, the bloc first; another commune’s are not read', async () => {
    const bloc = await buildOrganization(t.db, communeA, { type: 'commune_bloc', name: 'Khối dân vận xã A' });
    const villageA2 = (province.villagesByCommune[0] as number[])[1] as number;
    const dissolved = await buildOrganization(t.db, villageA2, { type: 'village_team', name: 'Tổ dân vận thôn A2 (đã giải thể)' });
    await t.db.updateTable('organization').set({ dissolved_on: '2026-01-01' }).where('id', '=', dissolved).execute();
    await buildOrganization(t.db, communeA, { type: 'womens_union', name: 'Hội Phụ nữ xã A' });
    const villageB = (province.villagesByCommune[1] as number[])[0] as number;
    await buildOrganization(t.db, villageB, { type: 'village_team', name: 'Tổ dân vận thôn B' });
    const teams = await clerkA.call(sentimentEndpoints.listTeams, { query: { unitId: communeA } });
    expect(teams.status).toBe(200);
    expect(teams.body.map((team) => [team.id, team.type, team.unitId])).toEqual([
      [bloc, 'commune_bloc', communeA],
      [teamA, 'village_team', villageA],
    ]);
    expect((await clerkA.call(sentimentEndpoints.listTeams, { query: { unitId: communeB } })).body).toEqual([]);
    expect((await clerkB.call(sentimentEndpoints.listTeams, { query: { unitId: communeB } })).body.map((team) => team.name)).toEqual(['Tổ dân vận thôn B']);
    const sent = await send(clerkA, report({ topic: 'other', severity: 'low', unitId: villageA, organizationId: bloc }));
    expect(sent.status).toBe(200);
  });

  it('scope probe: two communes cannot read each other’s reports', async () => {
    const mine = report({ topic: 'prices', severity: 'medium', unitId: communeA });
    await send(clerkA, mine);
    expect((await clerkB.call(sentimentEndpoints.getReport, { params: { id: mine.id } })).status).toBe(404);
    const listB = await clerkB.call(sentimentEndpoints.listReports, { query: {} });
    expect(listB.body.items.map((r) => r.id)).not.toContain(mine.id);
    const listA = await clerkA.call(sentimentEndpoints.listReports, { query: { topic: 'prices' } });
    expect(listA.body.items.map((r) => r.id)).toEqual([mine.id]);
  });

  it('the text of a religion report: hidden without the right, shown and audited with it', async () => {
    const body = report({ topic: 'religion', severity: 'medium', text: 'Nhóm sinh hoạt tôn giáo chưa đăng ký' });
    await send(clerkA, body);
    const hidden = await clerkA.call(sentimentEndpoints.getReport, { params: { id: body.id } });
    expect(hidden.body).toMatchObject({ text: null, textHidden: true, topicName: 'Tôn giáo' });
    const shown = await officerA.call(sentimentEndpoints.getReport, { params: { id: body.id } });
    expect(shown.body).toMatchObject({ text: 'Nhóm sinh hoạt tôn giáo chưa đăng ký', textHidden: false });
    const reads = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'sentiment_report').where('entity_id', '=', body.id).where('action', '=', 'read_protected').execute();
    expect(reads).toHaveLength(1);
  });
});

describe('early warning', () => {
  it('the third "cao" land report in 14 days raises one alert to the province; a fourth widens it; the province acknowledges, notes and closes', async () => {
    const first = await send(clerkA, report({ reportedOn: '2026-03-01' }));
    const medium = await send(clerkA, report({ reportedOn: '2026-03-05', severity: 'medium' }));
    // on another topic and in another commune: not counted with them
    await send(clerkA, report({ reportedOn: '2026-03-05', topic: 'environment' }));
    await send(clerkB, report({ reportedOn: '2026-03-05', unitId: communeB }));
    const second = await send(clerkA, report({ reportedOn: '2026-03-08' }));
    expect([first.body.raisedAlertIds, medium.body.raisedAlertIds, second.body.raisedAlertIds]).toEqual([[], [], []]);
    const third = await send(clerkA, report({ reportedOn: '2026-03-14', severity: 'very_high' }));
    expect(third.body.raisedAlertIds).toHaveLength(1);
    const alertId = third.body.raisedAlertIds[0] as string;
    const fourth = await send(clerkA, report({ reportedOn: '2026-03-15' }));
    expect(fourth.body.raisedAlertIds).toEqual([]);

    const inbox = await leader.call(sentimentEndpoints.listAlerts, { query: { status: 'open' } });
    expect(inbox.body.total).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ id: alertId, communeId: communeA, topic: 'land', topicName: 'Đất đai', status: 'open', reportCount: 4, firstReportOn: '2026-03-01', lastReportOn: '2026-03-15', addressedUnitId: province.provinceId });
    expect((await clerkB.call(sentimentEndpoints.listAlerts, { query: {} })).body.total).toBe(0);
    const seenByCommune = await clerkA.call(sentimentEndpoints.getAlert, { params: { id: alertId } });
    expect(seenByCommune.body.moves).toEqual([]);
    // the reports on the topic in the commune since the first counting one: the four and the medium one
    expect(seenByCommune.body.reports).toHaveLength(5);
    const refused = await clerkA.call(sentimentEndpoints.moveAlert, { params: { id: alertId }, body: { seenState: 'open', seenVersion: 1, to: 'acknowledged' } });
    expect(refused.status).toBe(403);

    const detail = await leader.call(sentimentEndpoints.getAlert, { params: { id: alertId } });
    expect(detail.body.moves.map((m) => m.to)).toEqual(['acknowledged', 'closed']);
    const acknowledged = await leader.call(sentimentEndpoints.moveAlert, { params: { id: alertId }, body: { seenState: 'open', seenVersion: 1, to: 'acknowledged' } });
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', version: 2, canNote: true });
    const stale = await leader.call(sentimentEndpoints.moveAlert, { params: { id: alertId }, body: { seenState: 'open', seenVersion: 1, to: 'acknowledged' } });
    expect(stale.status).toBe(409);
    const note = { id: uuidv7(), text: 'Đã giao Ban Dân vận xã đối thoại với các hộ' };
    await leader.call(sentimentEndpoints.addAlertNote, { params: { id: alertId }, body: note });
    const noted = await leader.call(sentimentEndpoints.addAlertNote, { params: { id: alertId }, body: note });
    expect(noted.body.notes.map((n) => n.text)).toEqual(['Đã giao Ban Dân vận xã đối thoại với các hộ']);
    const noReason = await leader.call(sentimentEndpoints.moveAlert, { params: { id: alertId }, body: { seenState: 'acknowledged', seenVersion: 2, to: 'closed' } });
    expect(noReason.status).toBe(400);
    const closed = await leader.call(sentimentEndpoints.moveAlert, { params: { id: alertId }, body: { seenState: 'acknowledged', seenVersion: 2, to: 'closed', reason: 'Các hộ đã đồng thuận' } });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((h) => `${h.from}→${h.to}`)).toEqual(['open→acknowledged', 'acknowledged→closed']);

    // closed: the next counting report in the window raises a new alert
    const fifth = await send(clerkA, report({ reportedOn: '2026-03-16' }));
    expect(fifth.body.raisedAlertIds).toHaveLength(1);
    const all = await leader.call(sentimentEndpoints.listAlerts, { query: {} });
    expect(all.body.items.map((a) => a.status)).toEqual(['open', 'closed']);
    // 8, 14, 15 and 16 March: 1 March lies outside every 14-day window holding the 16th
    expect(all.body.items[0]).toMatchObject({ reportCount: 4, firstReportOn: '2026-03-08', lastReportOn: '2026-03-16' });
  });

  it('the table by commune × topic and the map over a period, exact', async () => {
    const table = await leader.call(sentimentEndpoints.table, { query: { from: '2026-03-01', to: '2026-03-20' } });
    expect(table.status).toBe(200);
    const rowA = table.body.rows.find((r) => r.communeId === communeA);
    const rowB = table.body.rows.find((r) => r.communeId === communeB);
    // A: land 6 (five "cao"/"rất cao" + one medium), environment 1; B: land 1 — besides the reports of the tests above on 2026-03-10
    expect(rowA?.counts.land).toBe(6);
    expect(rowA?.counts.environment).toBe(1);
    expect(rowB?.counts).toEqual({ land: 1 });
    expect(rowB?.high).toBe(1);
    const onlyB = await clerkB.call(sentimentEndpoints.table, { query: { from: '2026-03-01', to: '2026-03-20' } });
    expect(onlyB.body.rows.map((r) => r.communeId)).toEqual([communeB]);
    expect(onlyB.body.total).toBe(1);
    const bad = await leader.call(sentimentEndpoints.table, { query: { from: '2026-03-20', to: '2026-03-01' } });
    expect(errorBody(bad).message).toBe('Đến ngày (to): đến ngày không được trước từ ngày');

    await send(clerkA, report({ reportedOn: '2026-03-18', topic: 'security', severity: 'low', lat: 16.74567, lng: 107.18891 }));
    await send(clerkA, report({ reportedOn: '2026-03-18', topic: 'security', severity: 'medium', lat: 16.7461, lng: 107.1902 }));
    const map = await leader.call(sentimentEndpoints.map, { query: { from: '2026-03-18', to: '2026-03-18' } });
    expect(map.body.provinceId).toBe(province.provinceId);
    expect(map.body.points).toMatchObject([{ lat: 16.75, lng: 107.19, topic: 'security', severity: 'medium', count: 2 }]);
  });
});
