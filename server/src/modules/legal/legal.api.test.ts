import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { legalEndpoints, type TDeadlineResult } from '#contracts/legal/api.ts';
import { buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { caseDeadlines, loadLegalResources } from './index.ts';

let t: TestApp;
let admin: TestClient;
let officer: TestClient;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
  admin = await signIn(null, ['system_admin']);
  const province = await buildProvince(t.db);
  officer = await signIn(province.provinceId, ['unit_admin', 'commission_officer']);
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[]) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const dueOf = (result: TDeadlineResult) => Object.fromEntries(result.deadlines.map((d) => [d.step, d.dueOn]));

/**
 * Every rule of KNTC-2019 with worked dates. Received Friday 24/01/2025 (the day before the Tết Ất Tỵ block
 * 25/01–02/02), accepted 05/02/2025, decided 05/03/2025. A few by hand:
 *  - 10 working days from 24/01: 03, 04, 05, 06, 07, 10, 11, 12, 13, 14/02 → 14/02 (Tết moves it a week);
 *  - khiếu nại lần đầu 30 days from 05/02 → Fri 07/03; phức tạp / vùng sâu 45 → Sat 22/03 → Mon 24/03;
 *    vùng sâu + phức tạp 60 → Sun 06/04, Mon 07/04 is Giỗ Tổ → Tue 08/04;
 *  - khiếu nại lần hai 45 → 24/03, 60 → 08/04, 70 → Wed 16/04; gửi QĐ lần hai 7 days from 05/03 → Wed 12/03;
 *  - tố cáo: 30 → 07/03, gia hạn 1 lần 60 → Sun 06/04 → 08/04, 2 lần 90 → Tue 06/05 (30/04–04/05 off on the way);
 *  - 3 working days from Wed 05/03 → Mon 10/03; 7 working days → Fri 14/03; 20 days from 24/01 → Thu 13/02.
 * The rest computed by an independent implementation of the same convention over resources/legal/calendar.json.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'complaint/1/normal': { accept: '2025-02-14', resolve: '2025-03-07', send_decision: '2025-03-10', second_instance_window: '2025-04-08', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/2/normal': { accept: '2025-02-14', resolve: '2025-03-24', send_decision: '2025-03-12', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/normal': { initial_processing: '2025-02-11', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-03-07', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/2/normal': { review_previous: '2025-02-13', demand_report: '2025-02-07', reception_answer: '2025-02-14' },
  'petition/1/normal': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'feedback/1/normal': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/1/complex': { accept: '2025-02-14', resolve: '2025-03-24', send_decision: '2025-03-10', second_instance_window: '2025-04-23', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/2/complex': { accept: '2025-02-14', resolve: '2025-04-08', send_decision: '2025-03-12', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/complex': { initial_processing: '2025-02-14', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-03-07', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/2/complex': { review_previous: '2025-02-13', demand_report: '2025-02-07', reception_answer: '2025-02-14' },
  'petition/1/complex': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'feedback/1/complex': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/1/remote': { accept: '2025-02-14', resolve: '2025-03-24', send_decision: '2025-03-10', second_instance_window: '2025-05-08', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/2/remote': { accept: '2025-02-14', resolve: '2025-04-08', send_decision: '2025-03-12', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/remote': { initial_processing: '2025-02-11', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-03-07', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/2/remote': { review_previous: '2025-02-13', demand_report: '2025-02-07', reception_answer: '2025-02-14' },
  'petition/1/remote': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'feedback/1/remote': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/1/remote+complex': { accept: '2025-02-14', resolve: '2025-04-08', send_decision: '2025-03-10', second_instance_window: '2025-05-23', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'complaint/2/remote+complex': { accept: '2025-02-14', resolve: '2025-04-16', send_decision: '2025-03-12', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/remote+complex': { initial_processing: '2025-02-14', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-03-07', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/2/remote+complex': { review_previous: '2025-02-13', demand_report: '2025-02-07', reception_answer: '2025-02-14' },
  'petition/1/remote+complex': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'feedback/1/remote+complex': { reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/complex/ext1': { initial_processing: '2025-02-14', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-04-08', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
  'denunciation/1/complex/ext2': { initial_processing: '2025-02-14', transfer: '2025-02-07', report_forwarder: '2025-02-13', notify_acceptance: '2025-02-12', resolve: '2025-05-06', send_conclusion: '2025-03-12', handle_conclusion: '2025-03-14', publish_conclusion: '2025-03-14', reception_answer: '2025-02-14', notify_forwarder: '2025-03-14' },
};

const FLAGS: Record<string, { remoteArea: boolean; complex: boolean; extensions: number }> = {
  normal: { remoteArea: false, complex: false, extensions: 0 },
  complex: { remoteArea: false, complex: true, extensions: 0 },
  remote: { remoteArea: true, complex: false, extensions: 0 },
  'remote+complex': { remoteArea: true, complex: true, extensions: 0 },
  'complex/ext1': { remoteArea: false, complex: true, extensions: 1 },
  'complex/ext2': { remoteArea: false, complex: true, extensions: 2 },
};

describe('GET /api/legal/deadlines: every shipped rule with a worked date', () => {
  for (const [key, expected] of Object.entries(EXPECTED)) {
    const [kind, instance, ...flagParts] = key.split('/') as [string, string, ...string[]];
    const flags = FLAGS[flagParts.join('/')];
    it(`${key}`, async () => {
      if (!flags) throw new Error(`no flags for ${key}`);
      const response = await officer.call(legalEndpoints.deadlines, {
        query: {
          kind: kind as 'complaint',
          receivedOn: '2025-01-24',
          acceptedOn: '2025-02-05',
          decidedOn: '2025-03-05',
          remoteArea: String(flags.remoteArea) as 'true',
          complex: String(flags.complex) as 'true',
          extensions: flags.extensions,
          secondInstance: instance === '2' ? 'true' : 'false',
        },
      });
      expect(response.status).toBe(200);
      expect(response.body.ruleSetCode).toBe('KNTC-2019');
      expect(dueOf(response.body)).toEqual(expected);
      for (const deadline of response.body.deadlines) {
        expect(deadline.basis).toMatch(/^Luật (Khiếu nại 2011|Tố cáo 2018|Tiếp công dân 2013), Điều \d+/);
        expect(deadline.provisionalCalendar).toBe(false);
      }
    });
  }

  it('says which count applied and why, with the article and its phrase', async () => {
    const response = await officer.call(legalEndpoints.deadlines, {
      query: { kind: 'complaint', receivedOn: '2025-01-24', acceptedOn: '2025-02-05', remoteArea: 'true', complex: 'true' },
    });
    const resolve = response.body.deadlines.find((d) => d.step === 'resolve');
    expect(resolve).toMatchObject({
      dueOn: '2025-04-08',
      count: 60,
      unit: 'calendar_days',
      basis: 'Luật Khiếu nại 2011, Điều 28',
      adjustments: ['vùng sâu, vùng xa', 'phức tạp'],
      unconfirmed: false,
      from: 'accepted',
      fromDate: '2025-02-05',
    });
    expect(resolve?.phrase).toContain('không quá 60 ngày, kể từ ngày thụ lý');
    // thụ lý khiếu nại: 10 working days from the implementing regulation, marked unconfirmed (NĐ 124/2020 not read)
    expect(response.body.deadlines.find((d) => d.step === 'accept')).toMatchObject({ count: 10, unit: 'working_days', unconfirmed: true });
    // a decision date not given: the deadlines counted from it are null
    expect(response.body.deadlines.find((d) => d.step === 'send_decision')).toMatchObject({ fromDate: null, dueOn: null });
  });

  it('the server function gives the same answer inside a transaction (for the petitions module)', async () => {
    const result = await t.db.transaction().execute((trx) =>
      caseDeadlines(trx, { kind: 'denunciation', receivedOn: '2025-01-24', acceptedOn: '2025-02-05', remoteArea: false, complex: true, extensions: 2 }),
    );
    expect(dueOf(result)).toMatchObject({ resolve: '2025-05-06', initial_processing: '2025-02-14', send_conclusion: null });
    expect(result.deadlines.find((d) => d.step === 'resolve')?.adjustments).toEqual(['gia hạn 2 lần']);
  });
});

describe('rule sets by date of receipt', () => {
  it('a case received on 01/07/2026 uses Luật 136/2025 (thụ lý khiếu nại 7 working days, unconfirmed); one received the day before keeps the old rules', async () => {
    const after = await officer.call(legalEndpoints.deadlines, { query: { kind: 'complaint', receivedOn: '2026-07-01' } });
    expect(after.body).toMatchObject({ ruleSetCode: 'KNTC-2026-07', ruleSetStatus: 'provisional', ruleSetValidFrom: '2026-07-01' });
    // Wed 01/07 + 7 working days: 02, 03, 06, 07, 08, 09, 10/07
    expect(after.body.deadlines.find((d) => d.step === 'accept')).toMatchObject({ dueOn: '2026-07-10', count: 7, unconfirmed: true });
    expect(after.body.deadlines.every((d) => d.unconfirmed)).toBe(true);
    const before = await officer.call(legalEndpoints.deadlines, { query: { kind: 'complaint', receivedOn: '2026-06-30' } });
    expect(before.body.ruleSetCode).toBe('KNTC-2019');
    // Tue 30/06 + 10 working days: 01, 02, 03, 06, 07, 08, 09, 10, 13, 14/07
    expect(before.body.deadlines.find((d) => d.step === 'accept')).toMatchObject({ dueOn: '2026-07-14', count: 10 });
    // the rule set can be named: the old rules for a case received after the change
    const named = await officer.call(legalEndpoints.deadlines, { query: { kind: 'complaint', receivedOn: '2026-07-01', ruleSetCode: 'KNTC-2019' } });
    expect(named.body.deadlines.find((d) => d.step === 'accept')?.dueOn).toBe('2026-07-15');
  });

  it('a span into 2027 (calendar provisional) is flagged: 10 working days from 28/12/2026 skip 01/01/2027', async () => {
    const response = await officer.call(legalEndpoints.deadlines, { query: { kind: 'petition', receivedOn: '2026-12-28' } });
    expect(response.body.deadlines.find((d) => d.step === 'reception_answer')).toMatchObject({ dueOn: '2027-01-12', provisionalCalendar: true });
  });

  it('400 in Vietnamese naming the field', async () => {
    const cases: Array<[Record<string, string | number>, string, RegExp]> = [
      [{ kind: 'khieu-nai', receivedOn: '2025-01-24' }, 'kind', /Loại vụ việc \(kind\)/],
      [{ kind: 'complaint', receivedOn: '24/01/2025' }, 'receivedOn', /Ngày nhận \(receivedOn\)/],
      [{ kind: 'complaint', receivedOn: '2025-01-24', acceptedOn: '2025-01-20' }, 'acceptedOn', /Ngày thụ lý \(acceptedOn\): không được trước ngày nhận \(24\/01\/2025\)/],
      [{ kind: 'complaint', receivedOn: '2025-01-24', complex: 'true', extensions: 1 }, 'extensions', /gia hạn tối đa 0 lần/],
      [{ kind: 'denunciation', receivedOn: '2025-01-24', extensions: 1 }, 'extensions', /chỉ vụ việc phức tạp mới được gia hạn/],
      [{ kind: 'denunciation', receivedOn: '2025-01-24', extensions: 3 }, 'extensions', /Số lần gia hạn \(extensions\)/],
      [{ kind: 'complaint', receivedOn: '2018-06-01' }, 'receivedOn', /không có bộ quy tắc thời hạn nào áp dụng cho ngày 01\/06\/2018/],
      [{ kind: 'complaint', receivedOn: '2025-01-24', ruleSetCode: 'KHONG-CO' }, 'ruleSetCode', /không có bộ quy tắc thời hạn mã KHONG-CO/],
    ];
    for (const [query, field, message] of cases) {
      const response = await officer.call(legalEndpoints.deadlines, { query: query as never });
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(errorBody(response).message).toMatch(message);
      expect(errorBody(response).fields?.[0]?.field).toBe(field);
    }
  });
});

describe('administration of the rules and the calendar', () => {
  it('an administrator edits a rule: a new result, the history and the audit keep who/when/before/after; the loader keeps the edit; an officer is refused', async () => {
    const set = await officer.call(legalEndpoints.ruleSet, { params: { code: 'KNTC-2019' } });
    expect(set.status).toBe(200);
    expect(set.body.rules).toHaveLength(28);
    const rule = set.body.rules.find((r) => r.kind === 'complaint' && r.instance === 1 && r.step === 'resolve');
    if (!rule) throw new Error('no resolve rule');
    const refused = await officer.call(legalEndpoints.updateRule, { params: { id: rule.id }, body: { count: 25, seenVersion: rule.version } });
    expect(refused.status).toBe(403);

    const query = { kind: 'complaint', receivedOn: '2025-01-24', acceptedOn: '2025-02-05' } as const;
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).resolve).toBe('2025-03-07');
    const edited = await admin.call(legalEndpoints.updateRule, { params: { id: rule.id }, body: { count: 25, seenVersion: rule.version } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ count: 25, edited: true, version: rule.version + 1 });
    // 05/02 + 25 = Sun 02/03 → Mon 03/03
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).resolve).toBe('2025-03-03');

    const stale = await admin.call(legalEndpoints.updateRule, { params: { id: rule.id }, body: { count: 20, seenVersion: rule.version } });
    expect(stale.status).toBe(409);
    const noExtension = await admin.call(legalEndpoints.updateRule, { params: { id: rule.id }, body: { extensionCount: 10, seenVersion: rule.version + 1 } });
    expect(noExtension.status).toBe(400);
    expect(errorBody(noExtension).message).toMatch(/Số ngày mỗi lần gia hạn \(extensionCount\): quy tắc này không có gia hạn/);

    const edits = await officer.call(legalEndpoints.edits, { query: { entity: 'rule', key: 'KNTC-2019/complaint/1/resolve' } });
    expect(edits.body.edits[0]).toMatchObject({ before: { count: 30 }, after: { count: 25 } });
    expect(edits.body.edits[0]?.userName).toMatch(/^Người dùng /);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity', '=', 'legal_rule').where('entity_id', '=', String(rule.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', before: { count: 30 }, after: { count: 25 } });

    // a restart loads the resources again: the edited rule stays, the others are untouched
    expect(await loadLegalResources(t.db)).toEqual({ years: 0, ruleSets: 0, rules: 0 });
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).resolve).toBe('2025-03-03');
  });

  it('an administrator makes a day off a working day (and back): the deadline moves, the year is kept from the loader', async () => {
    const year = await officer.call(legalEndpoints.calendarYear, { params: { year: 2025 } });
    // 01/01; 27–31/01 (Tết); 07/04 (Giỗ Tổ); 30/04, 01/05, 02/05 (swapped); 01–02/09
    expect(year.body).toMatchObject({ year: 2025, status: 'confirmed', workSaturdays: 1, weekdaysOff: 12, edited: false });
    expect(year.body.days).toContainEqual({ date: '2025-04-26', kind: 'work', note: '' });
    const query = { kind: 'feedback', receivedOn: '2025-01-24' } as const;
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).reception_answer).toBe('2025-02-14');

    expect((await officer.call(legalEndpoints.setCalendarDay, { params: { date: '2025-01-31' }, body: { working: true } })).status).toBe(403);
    const changed = await admin.call(legalEndpoints.setCalendarDay, { params: { date: '2025-01-31' }, body: { working: true, note: 'Thử' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ weekdaysOff: 11, edited: true });
    // 31/01 now counts: 31/01, 03, 04, 05, 06, 07, 10, 11, 12, 13/02
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).reception_answer).toBe('2025-02-13');
    expect(await loadLegalResources(t.db)).toEqual({ years: 0, ruleSets: 0, rules: 0 });
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).reception_answer).toBe('2025-02-13');

    const back = await admin.call(legalEndpoints.setCalendarDay, { params: { date: '2025-01-31' }, body: { working: false } });
    expect(back.body.weekdaysOff).toBe(12);
    expect(dueOf((await officer.call(legalEndpoints.deadlines, { query })).body).reception_answer).toBe('2025-02-14');
    const edits = await officer.call(legalEndpoints.edits, { query: { entity: 'calendar_day', key: '2025-01-31' } });
    expect(edits.body.edits.map((e) => e.after)).toEqual([
      { date: '2025-01-31', working: false, listed: 'off', note: '' },
      { date: '2025-01-31', working: true, listed: null, note: '' },
    ]);
  });

  it('the calendar lists 2018–2027 with 2027 provisional; an administrator confirms a year with its version', async () => {
    const years = await officer.call(legalEndpoints.calendarYears, {});
    expect(years.body.years.map((y) => `${y.year}:${y.status}`)).toEqual(
      expect.arrayContaining(['2018:confirmed', '2026:confirmed', '2027:provisional']),
    );
    const y2027 = await officer.call(legalEndpoints.calendarYear, { params: { year: 2027 } });
    expect(y2027.body.days.map((d) => d.date)).toEqual(['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-01', '2027-05-03', '2027-09-02']);
    expect((await officer.call(legalEndpoints.updateCalendarYear, { params: { year: 2027 }, body: { status: 'confirmed', seenVersion: y2027.body.version } })).status).toBe(403);
    const confirmed = await admin.call(legalEndpoints.updateCalendarYear, { params: { year: 2027 }, body: { status: 'confirmed', seenVersion: y2027.body.version } });
    expect(confirmed.body).toMatchObject({ status: 'confirmed', version: y2027.body.version + 1, edited: true });
    const response = await officer.call(legalEndpoints.deadlines, { query: { kind: 'petition', receivedOn: '2026-12-28' } });
    expect(response.body.deadlines.find((d) => d.step === 'reception_answer')?.provisionalCalendar).toBe(false);
    await admin.call(legalEndpoints.updateCalendarYear, { params: { year: 2027 }, body: { status: 'provisional', seenVersion: confirmed.body.version } });
  });

  it('a new version of the rules copied from another, in force from its date; an officer may not create one', async () => {
    const body = { code: 'KNTC-2027', name: 'Thử', law: 'Nghị định thử', validFrom: '2027-03-01', status: 'provisional' as const, copyFrom: 'KNTC-2026-07' };
    expect((await officer.call(legalEndpoints.createRuleSet, { body })).status).toBe(403);
    const created = await admin.call(legalEndpoints.createRuleSet, { body });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ code: 'KNTC-2027', ruleCount: 28, validFrom: '2027-03-01', validTo: null });
    const sets = await officer.call(legalEndpoints.ruleSets, {});
    expect(sets.body.ruleSets.map((s) => [s.code, s.validFrom, s.validTo])).toEqual([
      ['KNTC-2019', '2019-01-01', '2026-06-30'],
      ['KNTC-2026-07', '2026-07-01', '2027-02-28'],
      ['KNTC-2027', '2027-03-01', null],
    ]);
    const response = await officer.call(legalEndpoints.deadlines, { query: { kind: 'complaint', receivedOn: '2027-03-02' } });
    expect(response.body.ruleSetCode).toBe('KNTC-2027');
    expect((await admin.call(legalEndpoints.createRuleSet, { body })).status).toBe(409);
  });
});
