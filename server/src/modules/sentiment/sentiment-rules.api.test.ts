import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import type { TSentimentReportInput, TSentimentRule } from '#contracts/sentiment/schemas.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let province: TestProvince;
let other: TestProvince;
let communes: number[];
let clerk: TestClient;
let officer: TestClient;
let officerOther: TestClient;
let admin: TestClient;

async function signIn(unitId: number | null, roles: TRole[]) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const report = (communeId: number, over: Partial<TSentimentReportInput> = {}): TSentimentReportInput => ({
  id: uuidv7(), unitId: communeId, topic: 'land', severity: 'high', peopleCount: 8, trend: 'rising', text: 'Phản ánh về bồi thường giải phóng mặt bằng', reportedOn: '2026-03-10', ...over,
});
const send = async (body: TSentimentReportInput) => {
  const answer = await clerk.call(sentimentEndpoints.createReport, { body });
  expect(answer.status).toBe(200);
  return answer.body.raisedAlertIds;
};
const alertsOf = async (communeId: number) => (await officer.call(sentimentEndpoints.listAlerts, { query: { limit: 200 } })).body.items.filter((a) => a.communeId === communeId);
const rulesOf = async (client: TestClient, provinceId?: number) => {
  const answer = await client.call(sentimentEndpoints.listRules, { query: provinceId === undefined ? {} : { provinceId } });
  expect(answer.status).toBe(200);
  return answer.body;
};
const brief = (rules: TSentimentRule[]) => rules.map((r) => `${r.provinceId === null ? 'national' : 'own'} ${r.name} v${r.version}${r.active ? '' : ' inactive'}${r.inForce ? ' in force' : ''}${r.canEdit ? ' editable' : ''}`);

beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-20' });
  province = await buildProvince(t.db, { communes: 5, villagesPerCommune: 1 });
  other = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
  communes = province.communeIds;
  clerk = await signIn(province.provinceId, ['data_entry']);
  officer = await signIn(province.provinceId, ['commission_officer']);
  officerOther = await signIn(other.provinceId, ['commission_officer']);
  admin = await signIn(null, ['system_admin']);
});
afterAll(() => t.close());

describe('early-warning rules, configured by the province', () => {
  let ruleId: number;

  it('the national default applies until the province adds a rule of its own, which replaces it there; audited', async () => {
    expect(brief(await rulesOf(officer))).toEqual(['national Từ 3 báo cáo mức cao trở lên về một chủ đề ở một xã trong 14 ngày v1 in force']);
    const created = await officer.call(sentimentEndpoints.createRule, {
      body: { provinceId: province.provinceId, name: '  Từ 2 báo cáo mức cao về đất đai ở một xã trong 7 ngày ', topic: 'land', minSeverity: 'high', minReports: 2, windowDays: 7 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ provinceId: province.provinceId, name: 'Từ 2 báo cáo mức cao về đất đai ở một xã trong 7 ngày', topic: 'land', topicName: 'Đất đai', version: 1, active: true, inForce: true, canEdit: true });
    ruleId = created.body.id;
    expect(brief(await rulesOf(officer, province.provinceId))).toEqual([
      'national Từ 3 báo cáo mức cao trở lên về một chủ đề ở một xã trong 14 ngày v1',
      'own Từ 2 báo cáo mức cao về đất đai ở một xã trong 7 ngày v1 in force editable',
    ]);
    // the other province keeps the national default and does not see this province's rule
    expect(brief(await rulesOf(officerOther))).toEqual(['national Từ 3 báo cáo mức cao trở lên về một chủ đề ở một xã trong 14 ngày v1 in force']);
    // a commune clerk of the province reads the rules, changes none
    expect(brief(await rulesOf(clerk)).map((line) => line.replace(' editable', ''))).toEqual(brief(await rulesOf(officer)).map((line) => line.replace(' editable', '')));
    const audits = await t.db.selectFrom('audit_log').select(['action', 'unit_id']).where('entity', '=', 'sentiment_rule').where('entity_id', '=', String(ruleId)).execute();
    expect(audits.map((a) => [a.action, Number(a.unit_id)])).toEqual([['create', province.provinceId]]);
  });

  it('who: a clerk may not configure; another province gets 404 on the rule and cannot add one here; the national default is read-only to a province', async () => {
    const body = { provinceId: province.provinceId, name: 'Thử', topic: null, minSeverity: 'low' as const, minReports: 1, windowDays: 1 };
    expect((await clerk.call(sentimentEndpoints.createRule, { body })).status).toBe(403);
    expect((await clerk.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: 1, minReports: 9 } })).status).toBe(403);
    const foreign = await officerOther.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: 1, minReports: 9 } });
    expect(foreign.status).toBe(404);
    const foreignAdd = await officerOther.call(sentimentEndpoints.createRule, { body });
    expect(foreignAdd.status).toBe(400);
    expect(errorBody(foreignAdd).message).toBe('Tỉnh, thành phố (provinceId): tỉnh, thành phố không tồn tại hoặc không thuộc phạm vi của bạn');
    expect((await officerOther.call(sentimentEndpoints.listRules, { query: { provinceId: province.provinceId } })).status).toBe(400);
    const national = (await rulesOf(officer)).find((r) => r.provinceId === null)!;
    const refused = await officer.call(sentimentEndpoints.changeRule, { params: { id: national.id }, body: { seenVersion: national.version, minReports: 2 } });
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toBe('Quy tắc mặc định toàn quốc chỉ quản trị hệ thống được thay đổi; tỉnh, thành phố thêm quy tắc riêng để thay thế.');
    const unchanged = await t.db.selectFrom('sentiment_rule').select(['version', 'min_reports']).where('id', '=', ruleId).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ version: 1, min_reports: 2 });
  });

  it('bad input is refused with 400 naming the field in Vietnamese', async () => {
    const base = { provinceId: province.provinceId, name: 'Thử', topic: 'land', minSeverity: 'high', minReports: 2, windowDays: 7 };
    const refused = async (over: object) => {
      const answer = await officer.call(sentimentEndpoints.createRule, { body: { ...base, ...over } as never });
      expect(answer.status).toBe(400);
      return errorBody(answer).message;
    };
    expect(await refused({ minReports: 0 })).toBe('Dữ liệu không hợp lệ: Số báo cáo tối thiểu (minReports): phải lớn hơn hoặc bằng 1.');
    expect(await refused({ minReports: 1001 })).toMatch(/Số báo cáo tối thiểu \(minReports\): /);
    expect(await refused({ windowDays: 367 })).toMatch(/Số ngày xét \(windowDays\): /);
    expect(await refused({ windowDays: 0 })).toMatch(/Số ngày xét \(windowDays\): /);
    expect(await refused({ minSeverity: 'extreme' })).toMatch(/Mức độ tối thiểu \(minSeverity\): /);
    expect(await refused({ topic: 'weather' })).toBe('Chủ đề (topic): chủ đề “weather” không có trong danh mục');
    expect(await refused({ name: '   ' })).toMatch(/: Tên \(name\): /);
    const change = await officer.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: 1, windowDays: 400 } });
    expect(errorBody(change).message).toMatch(/Số ngày xét \(windowDays\): /);
  });

  it('a change keeps the version that raised an alert: the alert still reads the old rule; a stale change is refused (409)', async () => {
    const [a] = communes as [number];
    expect(await send(report(a, { reportedOn: '2026-03-02' }))).toEqual([]);
    const raised = await send(report(a, { reportedOn: '2026-03-05' }));
    expect(raised).toHaveLength(1);

    const changed = await officer.call(sentimentEndpoints.changeRule, {
      params: { id: ruleId }, body: { seenVersion: 1, name: 'Từ 4 báo cáo mức cao về đất đai ở một xã trong 10 ngày', minReports: 4, windowDays: 10 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: ruleId, version: 2, minReports: 4, windowDays: 10, inForce: true });
    const stale = await officer.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: 1, minReports: 5 } });
    expect(stale.status).toBe(409);
    expect(errorBody(stale).message).toBe('Quy tắc cảnh báo vừa được người khác thay đổi (phiên bản 2, bạn đang sửa phiên bản 1). Hãy tải lại rồi sửa tiếp.');

    const alert = await officer.call(sentimentEndpoints.getAlert, { params: { id: raised[0]! } });
    expect(alert.body.ruleName).toBe('Từ 2 báo cáo mức cao về đất đai ở một xã trong 7 ngày');
    expect(alert.body.rule).toEqual({ id: ruleId, version: 1, name: 'Từ 2 báo cáo mức cao về đất đai ở một xã trong 7 ngày', topic: 'land', minSeverity: 'high', minReports: 2, windowDays: 7 });
    const versions = await t.db.selectFrom('sentiment_rule_version').select(['version', 'min_reports', 'window_days']).where('rule_id', '=', ruleId).orderBy('version').execute();
    expect(versions).toEqual([{ version: 1, min_reports: 2, window_days: 7 }, { version: 2, min_reports: 4, window_days: 10 }]);
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'sentiment_rule').where('entity_id', '=', String(ruleId)).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ version: 1, minReports: 2, windowDays: 7 });
    expect(audit.after).toMatchObject({ version: 2, minReports: 4, windowDays: 10 });
  });

  it('reports that raised an alert under the old rule raise none under the new one, and the other way round', async () => {
    const [, b, c] = communes as [number, number, number];
    // two "cao" land reports: enough under version 1 (2 in 7 days), not under version 2 (4 in 10 days)
    expect(await send(report(b, { reportedOn: '2026-03-11' }))).toEqual([]);
    expect(await send(report(b, { reportedOn: '2026-03-12' }))).toEqual([]);
    expect(await alertsOf(b)).toHaveLength(0);
    expect(await send(report(b, { reportedOn: '2026-03-13' }))).toEqual([]);
    const fourth = await send(report(b, { reportedOn: '2026-03-14' }));
    expect(fourth).toHaveLength(1);
    expect((await alertsOf(b)).map((x) => [x.rule.version, x.reportCount])).toEqual([[2, 4]]);

    // three "trung bình" land reports: nothing under version 2 (at least "cao")…
    for (const day of ['2026-03-15', '2026-03-16', '2026-03-17']) expect(await send(report(c, { reportedOn: day, severity: 'medium' }))).toEqual([]);
    expect(await alertsOf(c)).toHaveLength(0);
    const rule = (await rulesOf(officer)).find((r) => r.id === ruleId)!;
    const changed = await officer.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: rule.version, minSeverity: 'medium', minReports: 3 } });
    expect(changed.body).toMatchObject({ version: 3, minSeverity: 'medium', minReports: 3, windowDays: 10 });
    // …under version 3 (3 of at least "trung bình" in 10 days) the next one raises
    const raised = await send(report(c, { reportedOn: '2026-03-18', severity: 'medium' }));
    expect(raised).toHaveLength(1);
    expect((await alertsOf(c)).map((x) => [x.rule.version, x.reportCount, x.rule.minSeverity])).toEqual([[3, 4, 'medium']]);
  });

  it('deactivated, the rule stays listed and the national default is in force again; evaluation follows', async () => {
    const [, , , d] = communes as [number, number, number, number];
    const rule = (await rulesOf(officer)).find((r) => r.id === ruleId)!;
    const off = await officer.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: rule.version, active: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, inForce: false, version: 4 });
    expect(brief(await rulesOf(officer))).toEqual([
      'national Từ 3 báo cáo mức cao trở lên về một chủ đề ở một xã trong 14 ngày v1 in force',
      'own Từ 4 báo cáo mức cao về đất đai ở một xã trong 10 ngày v4 inactive editable',
    ]);
    // the national default (3 "cao" in 14 days, any topic) now: three security reports raise one alert
    expect(await send(report(d, { topic: 'security', reportedOn: '2026-03-01' }))).toEqual([]);
    expect(await send(report(d, { topic: 'security', reportedOn: '2026-03-08' }))).toEqual([]);
    expect(await send(report(d, { topic: 'security', reportedOn: '2026-03-14' }))).toHaveLength(1);
    const [alert] = await alertsOf(d);
    expect(alert?.rule).toMatchObject({ version: 1, minReports: 3, windowDays: 14, topic: null });
    // a change that changes nothing makes no version
    const same = await officer.call(sentimentEndpoints.changeRule, { params: { id: ruleId }, body: { seenVersion: 4, active: false } });
    expect(same.body.version).toBe(4);
  });

  it('a system administrator may change the national default; provinces without rules of their own follow it', async () => {
    const national = (await rulesOf(admin, other.provinceId)).find((r) => r.provinceId === null)!;
    expect(national).toMatchObject({ inForce: true, canEdit: true });
    const changed = await admin.call(sentimentEndpoints.changeRule, { params: { id: national.id }, body: { seenVersion: national.version, windowDays: 21 } });
    expect(changed.status).toBe(200);
    expect((await rulesOf(officerOther))[0]).toMatchObject({ windowDays: 21, version: national.version + 1, inForce: true, canEdit: false });
  });
});
