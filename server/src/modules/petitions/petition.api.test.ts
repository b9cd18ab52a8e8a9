import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import type { z } from 'zod';
import { petitionEndpoints, type TCase, type TCaseCreate, type ZCaseAction } from '#contracts/petitions/api.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { buildProvince, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody, type TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

// the server's clock: Monday 2 March 2026, moved forward by the overdue test (the last of the file)
const clock = fixedClock('2026-03-02');
let t: TestApp;
let province: TestProvince;
let communeId: number;
let otherCommuneId: number;
let landFieldId: number;
type Client = TestClient & { userId: number; username: string };
let clerk: Client;
let leader: Client;
let officer: Client;

beforeAll(async () => {
  t = await startTestApp({ clock });
  province = await buildProvince(t.db, { communes: 2 });
  [communeId, otherCommuneId] = province.communeIds as [number, number];
  clerk = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['data_entry'] });
  leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
  officer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
  const fields = await clerk.call(petitionEndpoints.listFields, {});
  landFieldId = (fields.body.find((f) => f.code === 'land') as { id: number }).id;
});
afterAll(() => t.close());

const complaint = (over: Partial<TCaseCreate> = {}): TCaseCreate => ({
  kind: 'complaint', channel: 'in_person', fieldId: landFieldId, unitId: communeId, subject: 'Khiếu nại quyết định thu hồi đất đai của hộ gia đình',
  content: 'Ông An khiếu nại việc thu hồi 200 m² đất nông nghiệp.', receivedOn: '2026-03-02',
  persons: [{ fullName: 'Nguyễn Văn An', birthYear: 1970, phone: '0912 345 678' }], ...over,
});

async function create(client: TestClient, input: TCaseCreate): Promise<TCase> {
  const response = await client.call(petitionEndpoints.createCase, { body: input });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function act(client: TestClient, c: TCase, body: Omit<z.input<typeof ZCaseAction>, 'seenVersion'>) {
  return client.call(petitionEndpoints.actOnCase, { params: { id: c.id }, body: { ...body, seenVersion: c.version } });
}

async function upload(client: TestClient, caseId: string, name: string) {
  const response = await client.upload(fileEndpoints.upload, { query: { ownerType: 'petition_case', ownerId: caseId } }, name, `Văn bản ${name}\n`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { id: string }).id;
}

describe('intake', () => {
  it('receives a complaint: tracking code, status, deadline to accept from the working-day calendar, first step, audit', async () => {
    const c = await create(clerk, complaint());
    expect(c.code).toMatch(/^T\d+-2026-\d{6}$/);
    expect(c).toMatchObject({ status: 'received', kind: 'complaint', personCount: 1, unitId: communeId, communeId, ruleSetCode: 'KNTC-2019', source: 'officer' });
    expect(c.flags).toEqual({ crowd: false, aboveLevel: false, prolonged: false, hotSpot: false });
    // Luật Khiếu nại 2011 Điều 27: 10 working days from 02/03/2026 (a Monday) → 16/03/2026
    expect(c.dueOn).toBe('2026-03-16');
    expect(c.steps).toHaveLength(1);
    expect(c.steps[0]).toMatchObject({ seq: 1, kind: 'receive', toStatus: 'received', byUserId: clerk.userId, onDate: '2026-03-02', dueOn: '2026-03-16' });
    expect(c.steps[0]?.deadlines?.find((d) => d.step === 'accept')).toMatchObject({ dueOn: '2026-03-16', count: 10, unit: 'working_days' });
    expect(c.persons[0]).toMatchObject({ fullName: 'Nguyễn Văn An', birthYear: 1970, protected: false });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity', '=', 'petition_case').where('entity_id', '=', c.id).execute();
    expect(audit).toEqual([{ action: 'create', user_id: clerk.userId }]);
  });

  it('flags a crowd case at five persons or more, named or counted', async () => {
    const five = await create(clerk, complaint({ persons: ['A', 'B', 'C', 'D', 'E'].map((n) => ({ fullName: `Trần Văn ${n}` })), subject: 'Đơn tập thể về bồi thường' }));
    expect(five.flags.crowd).toBe(true);
    expect(five.personCount).toBe(5);
    const four = await create(clerk, complaint({ persons: ['A', 'B', 'C', 'D'].map((n) => ({ fullName: `Lê Thị ${n}` })), subject: 'Đơn bốn người' }));
    expect(four.flags.crowd).toBe(false);
    const counted = await create(clerk, complaint({ persons: [{ fullName: 'Phạm Văn Đại diện', role: 'representative' }], personCount: 30, subject: 'Đoàn đông người' }));
    expect(counted).toMatchObject({ personCount: 30, flags: { crowd: true } });
    const below = await clerk.call(petitionEndpoints.createCase, { body: complaint({ persons: [{ fullName: 'A' }, { fullName: 'B' }], personCount: 1 }) });
    expect(below.status).toBe(400);
  });

  it('refuses bad input with a Vietnamese message naming the field, and a unit outside the scope with 404', async () => {
    const bad = await clerk.call(petitionEndpoints.createCase, { body: { ...complaint(), fieldId: 999_999 } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('Lĩnh vực (fieldId)');
    const noPerson = await clerk.call(petitionEndpoints.createCase, { body: { ...complaint(), persons: [] } });
    expect(noPerson.status).toBe(400);
    expect(errorBody(noPerson).message).toContain('Người gửi đơn (persons)');
    const outside = await clerk.call(petitionEndpoints.createCase, { body: complaint({ unitId: otherCommuneId }) });
    expect(outside.status).toBe(404);
  });
});

describe('duplicates', () => {
  it('finds the same person with a similar subject, accent-insensitive; a differing birth year is another person', async () => {
    const original = await create(clerk, complaint({ subject: 'Tranh chấp ranh giới đất với hộ ông Bình', persons: [{ fullName: 'Hoàng Văn Cường', birthYear: 1965 }] }));
    const same = await clerk.call(petitionEndpoints.checkDuplicates, {
      body: { kind: 'complaint', unitId: communeId, subject: 'tranh chap ranh gioi dat voi ho ong Binh', persons: [{ fullName: 'HOANG VAN CUONG', birthYear: 1965 }] },
    });
    expect(same.body.map((d) => [d.id, d.matchedOn])).toEqual([[original.id, ['name', 'birthYear']]]);
    expect(same.body[0]?.similarity).toBeGreaterThan(0.9);
    const other = await clerk.call(petitionEndpoints.checkDuplicates, {
      body: { kind: 'complaint', unitId: communeId, subject: 'Tranh chấp ranh giới đất với hộ ông Bình', persons: [{ fullName: 'Hoàng Văn Cường', birthYear: 1990 }] },
    });
    expect(other.body).toEqual([]);
    const unrelated = await clerk.call(petitionEndpoints.checkDuplicates, {
      body: { kind: 'complaint', unitId: communeId, subject: 'Đề nghị sửa đường liên thôn', persons: [{ fullName: 'Hoàng Văn Cường' }] },
    });
    expect(unrelated.body).toEqual([]);
  });

  it('links a confirmed duplicate (not counted twice) and remembers a rejected candidate', async () => {
    const person = { fullName: 'Đặng Thị Hoa', phone: '0987 000 111' };
    const original = await create(clerk, complaint({ subject: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất', persons: [person] }));
    const before = await clerk.call(petitionEndpoints.countCases, { query: {} });
    const linked = await create(clerk, complaint({ subject: 'Khiếu nại cấp giấy chứng nhận quyền sử dụng đất', persons: [person], duplicateOfId: original.id }));
    expect(linked).toMatchObject({ status: 'duplicate', duplicateOfId: original.id, dueOn: null });
    expect(linked.steps.map((s) => s.kind)).toEqual(['receive', 'duplicate_confirm']);
    const after = await clerk.call(petitionEndpoints.countCases, { query: {} });
    expect(after.body.open).toBe(before.body.open);
    expect(after.body.duplicates).toBe(before.body.duplicates + 1);
    const list = await clerk.call(petitionEndpoints.listCases, { query: { q: 'giay chung nhan quyen su dung' } });
    expect(list.body.items.map((i) => i.id)).toEqual([original.id]);
    const originalNow = await clerk.call(petitionEndpoints.getCase, { params: { id: original.id } });
    expect(originalNow.body.duplicates.map((d) => d.id)).toEqual([linked.id]);

    // a third filing: the candidate is shown on its page, the officer rejects it, it is not proposed again
    const third = await create(clerk, complaint({ subject: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất thửa 12', persons: [person] }));
    const candidates = await clerk.call(petitionEndpoints.caseDuplicates, { params: { id: third.id } });
    expect(candidates.body.map((d) => d.id)).toEqual([original.id]);
    const rejected = await act(clerk, third, { action: 'rejectDuplicate', duplicateOfId: original.id, note: 'Thửa đất khác' });
    expect(rejected.status).toBe(200);
    expect((await clerk.call(petitionEndpoints.caseDuplicates, { params: { id: third.id } })).body).toEqual([]);
    expect(rejected.body.status).toBe('received');
  });
});

describe('lifecycle', () => {
  it('accept → assign → verify → extend (complex) → conclude → notify → appeal → second instance → close, by role, every step recorded', async () => {
    let c = await create(clerk, complaint({ subject: 'Khiếu nại quyết định bồi thường giải phóng mặt bằng' }));
    // a data-entry officer may not accept (a decision)
    const refused = await act(clerk, c, { action: 'accept' });
    expect(refused.status).toBe(403);
    expect(c.actions).not.toContain('accept');
    expect((await clerk.call(petitionEndpoints.getCase, { params: { id: c.id } })).body.actions).toEqual(expect.arrayContaining(['withdraw', 'note', 'document']));
    expect((await leader.call(petitionEndpoints.getCase, { params: { id: c.id } })).body.actions).toEqual(expect.arrayContaining(['accept', 'refuse', 'transfer']));

    const accepted = await act(leader, c, { action: 'accept', onDate: '2026-03-02' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    c = accepted.body;
    // Luật Khiếu nại 2011 Điều 28: 30 days from acceptance on 02/03/2026 → 01/04/2026
    expect(c).toMatchObject({ status: 'accepted', acceptedOn: '2026-03-02', dueOn: '2026-04-01' });
    // a stale version is refused
    const stale = await leader.call(petitionEndpoints.actOnCase, { params: { id: c.id }, body: { action: 'note', note: 'x', seenVersion: c.version - 1 } });
    expect(stale.status).toBe(409);

    const assigned = await act(leader, c, { action: 'assign', handlerUserId: officer.userId });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    c = assigned.body;
    expect(c).toMatchObject({ status: 'verifying', handlerUserId: officer.userId });

    const minutes = await upload(officer, c.id, 'bien-ban-xac-minh.txt');
    c = (await act(officer, c, { action: 'verify', note: 'Đã làm việc với hộ gia đình', fileIds: [minutes] })).body;
    expect(c.steps.at(-1)).toMatchObject({ kind: 'verify', fileIds: [minutes], byUserId: officer.userId });

    const extended = await act(leader, c, { action: 'extend', reason: 'Vụ việc phức tạp, nhiều hộ liên quan' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    c = extended.body;
    // complex: 45 days from acceptance → 16/04/2026
    expect(c).toMatchObject({ complex: true, dueOn: '2026-04-16' });
    expect(c.steps.at(-1)?.data).toMatchObject({ previousDueOn: '2026-04-01' });
    const again = await act(leader, c, { action: 'extend', reason: 'Lần nữa' });
    expect(again.status).toBe(409);

    const decision = await upload(leader, c.id, 'quyet-dinh.txt');
    c = (await act(leader, c, { action: 'conclude', fileIds: [decision], publicAnswer: 'Giữ nguyên quyết định bồi thường.' })).body;
    expect(c).toMatchObject({ status: 'concluded', resolvedOn: '2026-03-02' });
    c = (await act(clerk, c, { action: 'notify' })).body;
    expect(c.status).toBe('notified');
    expect(c.actions).toEqual(expect.arrayContaining(['appeal', 'close']));
    c = (await act(clerk, c, { action: 'appeal', note: 'Công dân khiếu nại lần hai' })).body;
    expect(c).toMatchObject({ status: 'appealed', instance: 2, acceptedOn: null, complex: false });
    c = (await act(leader, c, { action: 'accept' })).body;
    expect(c).toMatchObject({ status: 'verifying', instance: 2, acceptedOn: '2026-03-02' });
    c = (await act(leader, c, { action: 'conclude' })).body;
    c = (await act(clerk, c, { action: 'notify' })).body;
    expect(c.actions).not.toContain('appeal');
    c = (await act(clerk, c, { action: 'close', satisfaction: 'satisfied' })).body;
    expect(c).toMatchObject({ status: 'closed', closedOn: '2026-03-02', outcome: 'on_time', satisfaction: 'satisfied', dueOn: null });

    expect(c.steps.map((s) => s.kind)).toEqual(['receive', 'accept', 'assign', 'verify', 'extend', 'conclude', 'notify', 'appeal', 'accept', 'conclude', 'notify', 'close']);
    expect(c.steps.map((s) => s.seq)).toEqual(c.steps.map((_s, i) => i + 1));
    const moves = await t.db.selectFrom('workflow_transition').select(['from_state', 'to_state']).where('entity_type', '=', 'petition_case').where('entity_id', '=', c.id).orderBy('version').execute();
    expect(moves.map((m) => `${m.from_state}>${m.to_state}`)).toEqual([
      'received>accepted', 'accepted>verifying', 'verifying>concluded', 'concluded>notified', 'notified>appealed', 'appealed>verifying', 'verifying>concluded', 'concluded>notified', 'notified>closed',
    ]);
    // a closed case takes no more moves
    expect((await act(leader, c, { action: 'accept' })).status).toBe(409);
  });

  it('refusal needs a reason; transfer needs the letter and passes the case to the competent unit', async () => {
    const c = await create(clerk, complaint({ subject: 'Khiếu nại việc của xã khác' }));
    const noReason = await act(leader, c, { action: 'refuse' });
    expect(noReason.status).toBe(400);
    const noLetter = await act(leader, c, { action: 'transfer', competentUnitId: otherCommuneId });
    expect(noLetter.status).toBe(400);
    expect(errorBody(noLetter).message).toContain('fileIds');
    const letter = await upload(leader, c.id, 'cong-van-chuyen-don.txt');
    const moved = await act(leader, c, { action: 'transfer', competentUnitId: otherCommuneId, fileIds: [letter] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ status: 'transferred', competentUnitId: otherCommuneId, competentUnitName: 'Xã Xuân 2', dueOn: null });
    const newId = moved.body.steps.at(-1)?.data.newCaseId as string;
    // the commune that received it cannot read the new case; the competent commune can, with the letter attached
    expect((await leader.call(petitionEndpoints.getCase, { params: { id: newId } })).status).toBe(404);
    const theirs = await signIn(t.baseUrl, t.db, { unitId: otherCommuneId, roles: ['commission_officer'] });
    const received = await theirs.call(petitionEndpoints.getCase, { params: { id: newId } });
    expect(received.body).toMatchObject({ status: 'received', channel: 'forwarded', unitId: otherCommuneId, originCaseId: c.id, persons: [{ fullName: 'Nguyễn Văn An' }] });
    const files = await theirs.call(fileEndpoints.list, { query: { ownerType: 'petition_case', ownerId: newId } });
    expect(files.body.map((f) => f.filename)).toEqual(['cong-van-chuyen-don.txt']);
  });
});

describe('denouncer confidentiality', () => {
  const denouncer = { fullName: 'Vũ Thị Mật', birthYear: 1980, phone: '0909 111 222', address: 'Thôn 1, xã Xuân 1' };

  it('stores the identity only encrypted, shows it redacted, reveals it to the handler or a leader with a stated need, audited', async () => {
    const c = await create(clerk, { ...complaint(), kind: 'denunciation', subject: 'Tố cáo cán bộ địa chính nhận tiền', persons: [denouncer] });
    expect(c.persons[0]).toMatchObject({ protected: true, revealed: false, fullName: '[đã ẩn]', phone: null, address: null, birthYear: null });
    expect(c.firstPerson).toBe('[đã ẩn]');

    // no plaintext anywhere in the database rows of the case
    const rows = await sql<Record<string, unknown>>`select p.*, c.search_text, c.content from petition_person p join petition_case c on c.province_id = p.province_id and c.id = p.case_id where p.case_id = ${c.id}`.execute(t.db);
    const dump = JSON.stringify(rows.rows) + JSON.stringify(await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', c.id).execute());
    for (const secret of ['Vũ Thị Mật', 'vu thi mat', '0909', 'Thôn 1']) expect(dump).not.toContain(secret);
    expect(rows.rows[0]?.identity_cipher).toEqual(expect.any(String));

    // a data-entry officer without the right is refused; nothing is audited
    const denied = await clerk.call(petitionEndpoints.revealIdentity, { params: { id: c.id }, body: { reason: 'Muốn xem' } });
    expect(denied.status).toBe(403);
    expect(c.actions).not.toContain('readIdentity');
    // a leader of the unit with a declared need reads it; the read and the reason are audited
    const read = await leader.call(petitionEndpoints.revealIdentity, { params: { id: c.id }, body: { reason: 'Xác minh nhân thân để giải quyết' } });
    expect(read.status).toBe(200);
    expect(read.body.persons[0]).toMatchObject({ revealed: true, fullName: 'Vũ Thị Mật', phone: '0909 111 222', birthYear: 1980 });
    const audits = await t.db.selectFrom('audit_log').select(['action', 'user_id', 'after']).where('entity_id', '=', c.id).where('action', '=', 'read_protected').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ user_id: leader.userId, after: { reason: 'Xác minh nhân thân để giải quyết' } });
    // the assigned handler (a commission officer, without the right itself) may read it too
    const accepted = (await act(leader, c, { action: 'accept' })).body;
    expect((await officer.call(petitionEndpoints.revealIdentity, { params: { id: c.id }, body: { reason: 'Cần liên hệ' } })).status).toBe(403);
    await act(leader, accepted, { action: 'assign', handlerUserId: officer.userId });
    const handler = await officer.call(petitionEndpoints.revealIdentity, { params: { id: c.id }, body: { reason: 'Người xử lý cần liên hệ' } });
    expect(handler.status).toBe(200);
    expect(handler.body.persons[0]?.fullName).toBe('Vũ Thị Mật');
    // search by the denouncer's name finds nothing
    expect((await leader.call(petitionEndpoints.listCases, { query: { person: 'Vu Thi Mat' } })).body.total).toBe(0);
  });

  it('leaves the identity out of the Excel export and out of a transfer', async () => {
    const c = await create(clerk, { ...complaint(), kind: 'denunciation', subject: 'Tố cáo sai phạm chuyển nơi khác', persons: [denouncer] });
    const raw = await fetch(`${t.baseUrl}${petitionEndpoints.exportCases.path}?kind=denunciation`, { headers: { cookie: leader.cookie ?? '' } });
    expect(raw.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await raw.arrayBuffer()) as never);
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(c.code);
    expect(cells).toContain('[đã ẩn]');
    expect(cells.join(' ')).not.toContain('Vũ Thị Mật');
    expect(cells.join(' ')).not.toContain('0909');

    const letter = await upload(leader, c.id, 'chuyen-don-to-cao.txt');
    const moved = await act(leader, c, { action: 'transfer', competentUnitId: otherCommuneId, fileIds: [letter] });
    expect(moved.body.steps.at(-1)?.data).toMatchObject({ redactedPersons: 1 });
    const newId = moved.body.steps.at(-1)?.data.newCaseId as string;
    const persons = await t.db.selectFrom('petition_person').selectAll().where('case_id', '=', newId).execute();
    expect(persons).toEqual([]);
    const newCase = await t.db.selectFrom('petition_case').select(['person_count', 'channel']).where('id', '=', newId).executeTakeFirstOrThrow();
    expect(newCase).toEqual({ person_count: 1, channel: 'forwarded' });
  });
});

describe('search, scope and counts', () => {
  it('search ignores diacritics and case ("dat dai" finds "đất đai"); by code and person', async () => {
    const c = await create(clerk, complaint({ subject: 'Phản ánh lấn chiếm ĐẤT ĐAI công cộng', kind: 'feedback', persons: [{ fullName: 'Bùi Quang Dũng' }] }));
    const found = await clerk.call(petitionEndpoints.listCases, { query: { q: 'lan chiem dat dai cong cong' } });
    expect(found.body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await clerk.call(petitionEndpoints.listCases, { query: { q: 'LẤN CHIẾM đất' } })).body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await clerk.call(petitionEndpoints.listCases, { query: { person: 'bui quang dung' } })).body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await clerk.call(petitionEndpoints.listCases, { query: { code: c.code.toLowerCase() } })).body.items.map((i) => i.id)).toEqual([c.id]);
    expect((await clerk.call(petitionEndpoints.listCases, { query: { q: 'dat dai', kind: 'denunciation' } })).body.items.every((i) => i.kind === 'denunciation')).toBe(true);
  });

  it('several words in any order, each a whole word of the case (the last one may be its start), with or without diacritics (the word index)', async () => {
    const p = await buildProvince(t.db, { communes: 1 });
    const desk = await signIn(t.baseUrl, t.db, { unitId: p.communeIds[0] as number, roles: ['commission_officer'] });
    const at = { unitId: p.communeIds[0] as number };
    const land = await create(desk, complaint({ ...at, subject: 'Đề nghị bồi thường đất nông nghiệp bị thu hồi', content: 'Gia đình chưa nhận tiền bồi thường.', persons: [{ fullName: 'Nguyễn Văn Hùng' }] }));
    // Hưng and Hùng fold to the same word: a search without diacritics finds both
    const clearance = await create(desk, complaint({ ...at, kind: 'petition', subject: 'Bồi thường giải phóng mặt bằng đường tỉnh', content: 'Mức bồi thường thấp hơn giá thị trường.', persons: [{ fullName: 'Nguyễn Văn Hưng' }] }));
    const road = await create(desk, complaint({ ...at, kind: 'petition', subject: 'Kiến nghị sửa đường giao thông thôn', content: 'Mặt đường hư hỏng sau mùa mưa.', persons: [{ fullName: 'Phùng Thị Lan' }] }));
    const ids = async (q: string) => {
      const response = await desk.call(petitionEndpoints.listCases, { query: { q } });
      expect(response.status, q).toBe(200);
      return response.body.items.map((i) => i.id).sort();
    };
    const both = [land.id, clearance.id].sort();
    expect(await ids('nguyễn văn hùng bồi thường')).toEqual(both);
    expect(await ids('nguyen van hung boi thuong')).toEqual(both);
    expect(await ids('THƯỜNG bồi HÙNG')).toEqual(both);
    expect(await ids('nguyễn văn hưng')).toEqual(both);
    // the word being typed, the last: its start matches; an earlier word is a whole word
    expect(await ids('nguyen van hung boi thuo')).toEqual(both);
    expect(await ids('nguyen va hung boi thuong')).toEqual([]);
    expect(await ids('bồi thường đất nông')).toEqual([land.id]);
    // every word must be there
    expect(await ids('nguyen van hung boi thuong duong giao thong')).toEqual([]);
    expect(await ids('duong giao thong')).toEqual([road.id]);
    expect(await ids('đường')).toEqual([clearance.id, road.id].sort());
    // a word inside another word is not a match: "hung" is a word of Hùng and Hưng, not of Phùng
    expect(await ids('hung duong')).toEqual([clearance.id]);
    // the tracking code as one piece, or its last part; the query's punctuation and tsquery operators are plain text
    expect(await ids(land.code.toLowerCase())).toEqual([land.id]);
    expect(await ids(land.code.split('-').at(-1) as string)).toContain(land.id);
    expect(await ids("hùng' & !bồi:* | (thường")).toEqual([]);
    expect(await ids('hùng & bồi')).toEqual([]);
  });

  it('two communes cannot read each other’s cases; the province sees both', async () => {
    const mine = await create(clerk, complaint({ subject: 'Vụ việc riêng của xã một' }));
    const theirClerk = await signIn(t.baseUrl, t.db, { unitId: otherCommuneId, roles: ['data_entry'] });
    const theirs = await create(theirClerk, complaint({ unitId: otherCommuneId, subject: 'Vụ việc riêng của xã hai' }));
    expect((await theirClerk.call(petitionEndpoints.getCase, { params: { id: mine.id } })).status).toBe(404);
    expect((await clerk.call(petitionEndpoints.getCase, { params: { id: theirs.id } })).status).toBe(404);
    expect((await clerk.call(petitionEndpoints.listCases, { query: { q: 'vu viec rieng cua xa' } })).body.items.map((i) => i.id)).toEqual([mine.id]);
    const provincial = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['leader'] });
    const both = await provincial.call(petitionEndpoints.listCases, { query: { q: 'vu viec rieng cua xa' } });
    expect(both.body.items.map((i) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['leader'] });
    expect((await stranger.call(petitionEndpoints.listCases, { query: {} })).body.total).toBe(0);
  });

  it('counts on time, late and late with extension the way Hue-S does (closed cases of a fresh commune)', async () => {
    const p = await buildProvince(t.db, { communes: 1 });
    const boss = await signIn(t.baseUrl, t.db, { unitId: p.communeIds[0] as number, roles: ['leader'] });
    const base = { ...complaint(), unitId: p.communeIds[0] as number, receivedOn: '2026-01-05' };
    const run = async (subject: string, concludeOn: string, extend: boolean) => {
      let c = await create(boss, { ...base, subject });
      c = (await act(boss, c, { action: 'accept', onDate: '2026-01-06' })).body;
      if (extend) c = (await act(boss, c, { action: 'extend', reason: 'Phức tạp' })).body;
      c = (await act(boss, c, { action: 'conclude', onDate: concludeOn })).body;
      c = (await act(boss, c, { action: 'notify', onDate: concludeOn })).body;
      return (await act(boss, c, { action: 'close', onDate: concludeOn })).body;
    };
    // 30 days from 06/01/2026 → 05/02/2026; complex 45 days → 20/02/2026
    expect((await run('Đúng hạn', '2026-02-05', false)).outcome).toBe('on_time');
    expect((await run('Trễ hạn', '2026-02-06', false)).outcome).toBe('late');
    expect((await run('Trễ có gia hạn', '2026-02-19', true)).outcome).toBe('late_extended');
    expect((await run('Trễ dù gia hạn', '2026-02-24', true)).outcome).toBe('late');
    const counts = await boss.call(petitionEndpoints.countCases, { query: {} });
    expect(counts.body).toMatchObject({ closed: 4, onTime: 1, late: 2, lateExtended: 1, open: 0 });
    const late = await boss.call(petitionEndpoints.listCases, { query: { outcome: 'late' } });
    expect(late.body.items.map((i) => i.subject).sort()).toEqual(['Trễ dù gia hạn', 'Trễ hạn']);
  });

  it('lists overdue and due-soon cases from the server clock, with counts (runs last: moves the clock)', async () => {
    const p = await buildProvince(t.db, { communes: 1 });
    const unitId = p.communeIds[0] as number;
    const desk = await signIn(t.baseUrl, t.db, { unitId, roles: ['commission_officer'] });
    const early = await create(desk, { ...complaint(), unitId, subject: 'Hạn thụ lý sớm' });
    expect(early.dueOn).toBe('2026-03-16');
    clock.advance(7 * 86_400_000); // Monday 9 March (sessions last 12 hours: sign in again)
    await desk.login(desk.username, TEST_PASSWORD);
    const later = await create(desk, { ...complaint(), unitId, subject: 'Hạn thụ lý muộn', receivedOn: '2026-03-09' });
    expect(later.dueOn).toBe('2026-03-23');
    clock.advance(10 * 86_400_000); // Thursday 19 March: the first is 3 days late, the second due in 4 days
    await desk.login(desk.username, TEST_PASSWORD);
    const overdue = await desk.call(petitionEndpoints.listCases, { query: { due: 'overdue' } });
    expect(overdue.body.items.map((i) => [i.id, i.overdueDays])).toEqual([[early.id, 3]]);
    expect(overdue.body).toMatchObject({ total: 1, totalExact: true });
    // a text search is not counted: one row more than the page says more follow, and the total is a lower bound
    const firstOfTwo = await desk.call(petitionEndpoints.listCases, { query: { q: 'han thu ly', pageSize: 1 } });
    expect(firstOfTwo.body).toMatchObject({ total: 2, totalExact: false });
    expect(firstOfTwo.body.items.map((i) => i.id)).toEqual([later.id]);
    const lastPage = await desk.call(petitionEndpoints.listCases, { query: { q: 'han thu ly', pageSize: 1, page: 2 } });
    expect(lastPage.body).toMatchObject({ total: 2, totalExact: true });
    expect(lastPage.body.items.map((i) => i.id)).toEqual([early.id]);
    const soon = await desk.call(petitionEndpoints.listCases, { query: { due: 'due_soon', soonDays: 7 } });
    expect(soon.body.items.map((i) => i.id)).toEqual([later.id]);
    const counts = await desk.call(petitionEndpoints.countCases, { query: { soonDays: 3 } });
    expect(counts.body).toMatchObject({ today: '2026-03-19', open: 2, overdue: 1, dueSoon: 0 });
    expect((await desk.call(petitionEndpoints.countCases, { query: { soonDays: 4 } })).body.dueSoon).toBe(1);
  });
});
