import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { surveyEndpoints } from '#contracts/surveys/api.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[]) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

/** A small XLSForm: a group with a select_one and an integer, a sensitive select_one, a select_multiple, a text asked from 60 years old. */
async function smallXlsForm(options: { broken?: boolean } = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const survey = book.addWorksheet('survey');
  survey.addRow(['type', 'name', 'label', 'required', 'sensitive', 'relevant']);
  survey.addRow(['begin group', 'thong_tin', 'Thông tin', '', '']);
  survey.addRow(['select_one gioi_tinh', 'gioi_tinh', 'Giới tính', 'yes', '']);
  survey.addRow(['integer', 'tuoi', 'Tuổi', 'yes', '']);
  survey.addRow(['end group', '', '', '', '']);
  survey.addRow(['select_one co_khong', 'ton_giao', 'Có theo tôn giáo không?', 'no', 'yes']);
  survey.addRow(['select_multiple van_de', 'van_de', 'Vấn đề bức xúc', 'no', '']);
  survey.addRow([options.broken ? 'geopoint' : 'text', 'y_kien', 'Ý kiến khác', 'no', '', '${tuoi} >= 60']);
  const choices = book.addWorksheet('choices');
  choices.addRow(['list_name', 'name', 'label']);
  for (const [list, name, label] of [
    ['gioi_tinh', 'nam', 'Nam'],
    ['gioi_tinh', 'nu', 'Nữ'],
    ['co_khong', 'co', 'Có'],
    ['co_khong', 'khong', 'Không'],
    ['van_de', 'dat_dai', 'Đất đai'],
    ['van_de', 'thu_tuc', 'Thủ tục hành chính'],
    ['van_de', 'moi_truong', 'Môi trường'],
  ]) {
    choices.addRow([list, name, label]);
  }
  const settings = book.addWorksheet('settings');
  settings.addRow(['form_title', 'form_id']);
  settings.addRow(['Phiếu khảo sát thử', 'ks_thu']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** survey_tally rows of a survey as 'question|value' → count (rows at 0 left out). */
async function tally(surveyId: number, unitId?: number): Promise<Record<string, number>> {
  let query = t.db.selectFrom('survey_tally').select(['question', 'value', sql<number>`sum(count)::int`.as('n')]).where('survey_id', '=', surveyId).groupBy(['question', 'value']);
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  const rows = await query.execute();
  return Object.fromEntries(rows.filter((r) => Number(r.n) !== 0).map((r) => [`${r.question}|${r.value}`, Number(r.n)]));
}

const answers = (over: Record<string, unknown> = {}) => ({ gioi_tinh: 'nam', tuoi: 45, ton_giao: 'co', van_de: ['dat_dai', 'thu_tuc'], ...over });

interface Story {
  province: TestProvince;
  manager: TestClient;
  surveyId: number;
  communeA: number;
  communeB: number;
}

async function openSurvey(options: { doubleEntry?: boolean } = {}): Promise<Story> {
  const province = await buildProvince(t.db, { communes: 3 });
  const [communeA, communeB] = province.communeIds as [number, number];
  const manager = await signIn(province.provinceId, ['unit_admin']);
  const created = await manager.call(surveyEndpoints.create, { body: { unitId: province.provinceId, code: `KS-${uuidv7().slice(-6)}`, title: 'Khảo sát dân vận ở cơ sở', doubleEntry: options.doubleEntry ?? false } });
  expect(created.status).toBe(200);
  const surveyId = created.body.id;
  const imported = await manager.upload(surveyEndpoints.importXlsForm, { params: { id: surveyId }, query: { dryRun: 'false' } }, 'phieu.xlsx', await smallXlsForm());
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  expect(imported.body).toMatchObject({ ok: true, version: 1, questions: 5 });
  const targets = await manager.call(surveyEndpoints.setTargets, {
    params: { id: surveyId },
    body: { expectedVersion: (await manager.call(surveyEndpoints.get, { params: { id: surveyId } })).body.version, targets: [
      { unitId: communeA, respondentGroup: 'citizen', quota: 10 },
      { unitId: communeB, respondentGroup: 'cadre', quota: 5 },
    ] },
  });
  expect(targets.status).toBe(200);
  const opened = await manager.call(surveyEndpoints.update, { params: { id: surveyId }, body: { expectedVersion: targets.body.version, status: 'open' } });
  expect(opened.status).toBe(200);
  return { province, manager, surveyId, communeA, communeB };
}

describe('surveys: questionnaire, sample, links', () => {
  it('creates a survey, reads an XLSForm (dry run, refused file, version), exports it, sets targets in the subtree only', async () => {
    const province = await buildProvince(t.db);
    const other = await buildProvince(t.db);
    const manager = await signIn(province.provinceId, ['unit_admin']);
    const created = await manager.call(surveyEndpoints.create, { body: { unitId: province.provinceId, code: 'KS-2026', title: 'Khảo sát thử nghiệm' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', currentVersion: null, form: null, versions: [], targets: [], version: 1 });
    const id = created.body.id;
    const again = await manager.call(surveyEndpoints.create, { body: { unitId: province.provinceId, code: 'KS-2026', title: 'Lần hai' } });
    expect(again.status).toBe(400);

    const dry = await manager.upload(surveyEndpoints.importXlsForm, { params: { id }, query: { dryRun: 'true' } }, 'phieu.xlsx', await smallXlsForm());
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, version: null, questions: 5, issues: [] });
    const refused = await manager.upload(surveyEndpoints.importXlsForm, { params: { id }, query: { dryRun: 'false' } }, 'phieu.xlsx', await smallXlsForm({ broken: true }));
    expect(refused.status).toBe(200);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.issues[0]).toMatchObject({ sheet: 'survey', row: 8 });
    expect(refused.body.issues[0]?.message).toContain('geopoint');
    const opening = await manager.call(surveyEndpoints.update, { params: { id }, body: { expectedVersion: 1, status: 'open' } });
    expect(opening.status).toBe(409);

    const imported = await manager.upload(surveyEndpoints.importXlsForm, { params: { id }, query: { dryRun: 'false' } }, 'phieu.xlsx', await smallXlsForm());
    expect(imported.body).toMatchObject({ ok: true, version: 1, questions: 5 });
    const read = await manager.call(surveyEndpoints.get, { params: { id } });
    expect(read.body.currentVersion).toBe(1);
    expect(read.body.versions).toMatchObject([{ number: 1, title: 'Phiếu khảo sát thử', questions: 5, fromXlsForm: true }]);
    expect(read.body.form?.items.map((item) => item.name)).toEqual(['thong_tin', 'ton_giao', 'van_de', 'y_kien']);
    // the XLSForm is kept as an attachment of the survey
    const source = await t.db.selectFrom('survey_version').select('source_attachment_id').where('survey_id', '=', id).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('attachment').select(['owner_type', 'filename']).where('id', '=', source.source_attachment_id as string).executeTakeFirst()).toEqual({ owner_type: 'survey', filename: 'phieu.xlsx' });

    const exported = await fetch(`${t.baseUrl}/api/surveys/${id}/versions/1/xlsform`, { headers: { cookie: manager.cookie as string } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="KS-2026-v1.xlsx"');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(await exported.arrayBuffer()) as unknown as ArrayBuffer);
    expect(back.getWorksheet('survey')).toBeDefined();

    // a version built in the UI: names unique, lists present
    const form = read.body.form as NonNullable<typeof read.body.form>;
    const duplicate = await manager.call(surveyEndpoints.addVersion, { params: { id }, body: { form: { ...form, items: [...form.items, { kind: 'note', name: 'van_de', label: { '': 'Ghi chú' } }] } } });
    expect(duplicate.status).toBe(400);
    expect(errorBody(duplicate).message).toContain('van_de');
    const noList = await manager.call(surveyEndpoints.addVersion, { params: { id }, body: { form: { ...form, choiceLists: { ...form.choiceLists, van_de: undefined as never } } } });
    expect(noList.status).toBe(400);
    const v2 = await manager.call(surveyEndpoints.addVersion, { params: { id }, body: { form: { ...form, title: 'Phiếu sửa' } } });
    expect(v2.body).toMatchObject({ currentVersion: 2 });

    const outside = await manager.call(surveyEndpoints.setTargets, { params: { id }, body: { expectedVersion: v2.body.version, targets: [{ unitId: other.communeIds[0] as number, respondentGroup: 'citizen', quota: 3 }] } });
    expect(outside.status).toBe(400);
    const stale = await manager.call(surveyEndpoints.setTargets, { params: { id }, body: { expectedVersion: 1, targets: [] } });
    expect(stale.status).toBe(409);
    const targets = await manager.call(surveyEndpoints.setTargets, {
      params: { id },
      body: { expectedVersion: v2.body.version, targets: [{ unitId: province.communeIds[0] as number, respondentGroup: 'citizen', quota: 20 }, { unitId: province.villageIds[0] as number, respondentGroup: 'party_member', quota: 4 }] },
    });
    expect(targets.status).toBe(200);
    expect(targets.body.quota).toBe(24);
    const closed = await manager.call(surveyEndpoints.update, { params: { id }, body: { expectedVersion: targets.body.version, status: 'closed' } });
    expect(closed.status).toBe(409);
    const list = await manager.call(surveyEndpoints.list, { query: { q: 'khao sat thu nghiem' } });
    expect(list.body.items.map((s) => s.id)).toEqual([id]);
  });
});

describe('surveys: responses', () => {
  it('a version built in the UI: stored as the next version; a relevant that does not parse is refused naming the question', async () => {
    const s = await openSurvey();
    const L = (text: string) => ({ '': text });
    const form = (relevant: string) => ({
      title: 'Bảng hỏi soạn trên giao diện',
      defaultLanguage: '',
      languages: [''],
      choiceLists: { yn: [{ name: 'yes', label: L('Có') }, { name: 'no', label: L('Không') }] },
      items: [
        { kind: 'question' as const, name: 'q1', label: L('Có dự họp không?'), type: 'select_one' as const, listName: 'yn', required: true },
        { kind: 'question' as const, name: 'q2', label: L('Ý kiến'), type: 'text' as const, required: false, relevant },
      ],
    });
    const bad = await s.manager.call(surveyEndpoints.addVersion, { params: { id: s.surveyId }, body: { form: form("${q1} = 'yes' and") } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(errorBody(bad))).toContain('q2');
    const good = await s.manager.call(surveyEndpoints.addVersion, { params: { id: s.surveyId }, body: { form: form("${q1} = 'yes'") } });
    expect(good.status).toBe(200);
    expect(good.body.currentVersion).toBe(2);
    expect(good.body.versions.find((v) => v.number === 2)).toMatchObject({ fromXlsForm: false, questions: 2 });
  });

  it('a resent id is stored once and counted once; the same id with other answers keeps what is stored', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    const body = { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen' as const, answers: answers() };
    const first = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body });
    expect(first.body).toEqual({ id, status: 'accepted', duplicate: false });
    const second = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body });
    expect(second.body).toEqual({ id, status: 'accepted', duplicate: true });
    const changed = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, answers: answers({ gioi_tinh: 'nu' }) } });
    expect(changed.body).toEqual({ id, status: 'accepted', duplicate: true });
    expect(await t.db.selectFrom('survey_response').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', s.surveyId).executeTakeFirstOrThrow()).toEqual({ n: 1 });
    expect(await tally(s.surveyId)).toEqual({
      '|': 1,
      'gioi_tinh|': 1,
      'gioi_tinh|nam': 1,
      'tuoi|': 1,
      'tuoi|45': 1,
      'ton_giao|': 1,
      'ton_giao|co': 1,
      'van_de|': 1,
      'van_de|dat_dai': 1,
      'van_de|thu_tuc': 1,
      'y_kien|~skipped': 1,
    });
    // the same id sent twice at once (a phone retrying while the first request is in flight): stored once
    const racing = uuidv7();
    const both = await Promise.all([0, 1].map(() => typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: racing } })));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.duplicate).sort()).toEqual([false, true]);
    expect(await t.db.selectFrom('survey_response').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', s.surveyId).executeTakeFirstOrThrow()).toEqual({ n: 2 });
    expect((await tally(s.surveyId))['|']).toBe(2);
    // an answer to a question skipped by its relevant is dropped, not stored
    const skipped = uuidv7();
    await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: skipped, answers: answers({ y_kien: 'Không hỏi' }) } });
    // stored cells keep the questions not answered (an answered one is one with an answer: tally.ts cellState)
    const stored = await t.db.selectFrom('survey_response').select(['answers', 'cells']).where('id', '=', skipped).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ answers: answers(), cells: { y_kien: 'skipped' } });
    expect(Object.values(stored.cells as object)).not.toContain('answered');
    expect((await tally(s.surveyId))['y_kien|~skipped']).toBe(3);
    // a bad answer names the question; an untargeted unit is refused
    const bad = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: uuidv7(), answers: answers({ gioi_tinh: 'khac' }) } });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('gioi_tinh');
    const untargeted = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: uuidv7(), unitId: s.province.communeIds[2] as number } });
    expect(untargeted.status).toBe(400);
    // a village of a targeted commune answers for it (its group too); a village of another commune does not
    const village = s.province.villagesByCommune[0]?.[1] as number;
    const fromVillage = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: uuidv7(), unitId: village } });
    expect(fromVillage.status, JSON.stringify(fromVillage.body)).toBe(200);
    const wrongGroup = await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { ...body, id: uuidv7(), unitId: s.province.villagesByCommune[2]?.[0] as number } });
    expect(wrongGroup.status).toBe(400);
    const progress = await typist.call(surveyEndpoints.progress, { params: { id: s.surveyId } });
    expect(progress.body).toMatchObject({ quota: 15, accepted: 4, pending: 0 });
    expect(progress.body.rows).toMatchObject([{ unitId: s.communeA, respondentGroup: 'citizen', quota: 10, accepted: 4, pending: 0 }, { unitId: s.communeB, respondentGroup: 'cadre', quota: 5, accepted: 0, pending: 0 }].sort((a, b) => (a.unitId === s.communeA ? -1 : 1) - (b.unitId === s.communeA ? -1 : 1)));
  });

  it('double entry: pending until a second typist matches it; a verifier settles differences with a reason, the first typing kept', async () => {
    const s = await openSurvey({ doubleEntry: true });
    const first = await signIn(s.province.provinceId, ['data_entry']);
    const second = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    const typed = await first.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    expect(typed.body).toEqual({ id, status: 'pending', duplicate: false });
    expect(await tally(s.surveyId)).toEqual({});
    expect((await first.call(surveyEndpoints.progress, { params: { id: s.surveyId } })).body).toMatchObject({ accepted: 0, pending: 1 });
    const self = await first.call(surveyEndpoints.verify, { params: { id: s.surveyId, responseId: id }, body: { answers: answers() } });
    expect(self.status).toBe(409);
    const differing = await second.call(surveyEndpoints.verify, { params: { id: s.surveyId, responseId: id }, body: { answers: answers({ tuoi: 54, van_de: ['thu_tuc', 'dat_dai'] }) } });
    expect(differing.body).toEqual({ status: 'pending', differences: [{ question: 'tuoi', first: 45, second: 54 }] });
    // the differing second typing is kept on the pending form for the verifier, with who typed it
    const kept = (await s.manager.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } })).body;
    expect(kept).toMatchObject({ status: 'pending', answers: { tuoi: 45 }, secondTyping: { answers: { tuoi: 54, van_de: ['dat_dai', 'thu_tuc'] } } });
    expect(kept.secondTyping?.by).toBeTruthy();
    const matching = await second.call(surveyEndpoints.verify, { params: { id: s.surveyId, responseId: id }, body: { answers: answers({ van_de: ['thu_tuc', 'dat_dai'] }) } });
    expect(matching.body).toEqual({ status: 'accepted', differences: [] });
    expect((await tally(s.surveyId))['|']).toBe(1);
    expect((await tally(s.surveyId))['tuoi|45']).toBe(1);

    // a second form whose typings differ: the verifier corrects it with a reason and accepts it
    const id2 = uuidv7();
    await first.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id: id2, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers({ tuoi: 30 }) } });
    const diff = await second.call(surveyEndpoints.verify, { params: { id: s.surveyId, responseId: id2 }, body: { answers: answers({ tuoi: 38 }) } });
    expect(diff.body.differences).toEqual([{ question: 'tuoi', first: 30, second: 38 }]);
    const settled = await s.manager.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id2 }, body: { expectedRevision: 1, answers: answers({ tuoi: 38 }), status: 'accepted', reason: 'Đối chiếu phiếu giấy: 38 tuổi' } });
    expect(settled.status).toBe(200);
    expect(settled.body).toMatchObject({ status: 'accepted', revision: 2, answers: { tuoi: 38 } });
    const revisions = await t.db.selectFrom('survey_response_revision').select(['revision', 'status', 'answers', 'reason']).where('response_id', '=', id2).execute();
    expect(revisions).toEqual([{ revision: 1, status: 'pending', answers: answers({ tuoi: 30 }), reason: 'Đối chiếu phiếu giấy: 38 tuổi' }]);
    const counted = await tally(s.surveyId);
    expect(counted).toMatchObject({ '|': 2, 'tuoi|45': 1, 'tuoi|38': 1, 'gioi_tinh|nam': 2 });
    expect(counted['tuoi|30']).toBeUndefined();
  });

  it('a correction keeps the revision and moves the tallies; rejecting takes the response out of them', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    const noReason = await typist.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id }, body: { expectedRevision: 1, answers: answers({ gioi_tinh: 'nu' }), reason: '' } });
    expect(noReason.status).toBe(400);
    const corrected = await typist.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id }, body: { expectedRevision: 1, answers: answers({ gioi_tinh: 'nu', van_de: ['moi_truong'] }), reason: 'Gõ nhầm giới tính' } });
    expect(corrected.body).toMatchObject({ revision: 2, status: 'accepted' });
    expect(await tally(s.surveyId)).toMatchObject({ '|': 1, 'gioi_tinh|nu': 1, 'van_de|moi_truong': 1, 'van_de|': 1 });
    const after = await tally(s.surveyId);
    expect(after['gioi_tinh|nam']).toBeUndefined();
    expect(after['van_de|dat_dai']).toBeUndefined();
    const stale = await typist.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id }, body: { expectedRevision: 1, status: 'rejected', reason: 'Phiếu trùng' } });
    expect(stale.status).toBe(409);
    const rejected = await typist.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id }, body: { expectedRevision: 2, status: 'rejected', reason: 'Phiếu trùng' } });
    expect(rejected.body).toMatchObject({ revision: 3, status: 'rejected' });
    expect(await tally(s.surveyId)).toEqual({});
    const revisions = await t.db.selectFrom('survey_response_revision').select(['revision', 'status']).where('response_id', '=', id).orderBy('revision').execute();
    expect(revisions).toEqual([{ revision: 1, status: 'accepted' }, { revision: 2, status: 'accepted' }]);
    // the history over HTTP: who changed it and why, the earlier answers (the sensitive one left out without the right)
    const history = await typist.call(surveyEndpoints.revisions, { params: { id: s.surveyId, responseId: id } });
    expect(history.status).toBe(200);
    expect(history.body.items.map((r) => ({ revision: r.revision, status: r.status, reason: r.reason, gioi_tinh: r.answers.gioi_tinh, ton_giao: r.answers.ton_giao }))).toEqual([
      { revision: 1, status: 'accepted', reason: 'Gõ nhầm giới tính', gioi_tinh: 'nam', ton_giao: undefined },
      { revision: 2, status: 'accepted', reason: 'Phiếu trùng', gioi_tinh: 'nu', ton_giao: undefined },
    ]);
    expect(history.body.items[0]?.changedBy).toEqual(expect.any(String));
    expect((await s.manager.call(surveyEndpoints.revisions, { params: { id: s.surveyId, responseId: id } })).body.items[0]?.answers).toMatchObject({ ton_giao: 'co' });
    const elsewhere = await signIn((await buildProvince(t.db)).provinceId, ['unit_admin']);
    expect((await elsewhere.call(surveyEndpoints.revisions, { params: { id: s.surveyId, responseId: id } })).status).toBe(404);
  });

  it('a correction by someone without the sensitive right keeps the sensitive answers they could not see', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    const seen = await typist.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } });
    expect(seen.body.answers).not.toHaveProperty('ton_giao');
    const corrected = await typist.call(surveyEndpoints.correct, { params: { id: s.surveyId, responseId: id }, body: { expectedRevision: 1, answers: { ...seen.body.answers, tuoi: 46 }, reason: 'Gõ nhầm tuổi' } });
    expect(corrected.status).toBe(200);
    expect((await s.manager.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } })).body.answers).toMatchObject({ tuoi: 46, ton_giao: 'co' });
    expect(await tally(s.surveyId)).toMatchObject({ 'ton_giao|co': 1, 'tuoi|46': 1 });
  });

  it('scope: another province cannot read or submit; a commune reads the province survey but not another commune’s responses nor submits for it', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    const elsewhere = await buildProvince(t.db);
    const stranger = await signIn(elsewhere.provinceId, ['unit_admin']);
    expect((await stranger.call(surveyEndpoints.get, { params: { id: s.surveyId } })).status).toBe(404);
    expect((await stranger.call(surveyEndpoints.responses, { params: { id: s.surveyId }, query: {} })).status).toBe(404);
    expect((await stranger.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id: uuidv7(), versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } })).status).toBe(404);
    const communeB = await signIn(s.communeB, ['data_entry']);
    const read = await communeB.call(surveyEndpoints.get, { params: { id: s.surveyId } });
    expect(read.status).toBe(200);
    expect(read.body.responses).toBe(0);
    expect(read.body.publicToken).toBeNull();
    expect((await communeB.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } })).status).toBe(404);
    expect((await communeB.call(surveyEndpoints.responses, { params: { id: s.surveyId }, query: {} })).body).toEqual({ items: [], total: 0 });
    const forOther = await communeB.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id: uuidv7(), versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    expect(forOther.status).toBe(403);
    const own = await communeB.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id: uuidv7(), versionNumber: 1, unitId: s.communeB, respondentGroup: 'cadre', answers: answers() } });
    expect(own.body.status).toBe('accepted');
    expect((await communeB.call(surveyEndpoints.progress, { params: { id: s.surveyId } })).body).toMatchObject({ quota: 5, accepted: 1, rows: [{ unitId: s.communeB }] });
    // a commune may not change the province's survey
    expect((await communeB.call(surveyEndpoints.update, { params: { id: s.surveyId }, body: { expectedVersion: read.body.version, title: 'Đổi' } })).status).toBe(403);
  });

  it('sensitive answers: left out without the right; with it shown and every read audited', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const id = uuidv7();
    await typist.call(surveyEndpoints.submit, { params: { id: s.surveyId }, body: { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen', answers: answers() } });
    const leader = await signIn(s.province.provinceId, ['leader']);
    const audited = async () =>
      Number((await t.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).where('action', '=', 'read_protected').where('entity', 'in', ['survey', 'survey_response']).where(sql<boolean>`(entity_id = ${id} or entity_id = ${String(s.surveyId)})`).executeTakeFirstOrThrow()).n);
    const hidden = await leader.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } });
    expect(hidden.body.answers).toEqual({ gioi_tinh: 'nam', tuoi: 45, van_de: ['dat_dai', 'thu_tuc'] });
    expect((await typist.call(surveyEndpoints.responses, { params: { id: s.surveyId }, query: {} })).body.items[0]?.answers).not.toHaveProperty('ton_giao');
    expect(await audited()).toBe(0);
    const shown = await s.manager.call(surveyEndpoints.response, { params: { id: s.surveyId, responseId: id } });
    expect(shown.body.answers).toMatchObject({ ton_giao: 'co' });
    expect(await audited()).toBe(1);
    const listed = await s.manager.call(surveyEndpoints.responses, { params: { id: s.surveyId }, query: {} });
    expect(listed.body.items[0]?.answers).toMatchObject({ ton_giao: 'co' });
    expect(await audited()).toBe(2);
  });

  it('public link: the form for the phone, a resend stored once, a closed survey answers 409; a personal link takes one response', async () => {
    const s = await openSurvey();
    const linked = await s.manager.call(surveyEndpoints.publicLink, { params: { id: s.surveyId }, body: { enabled: true } });
    const token = linked.body.publicToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const anonymous = new TestClient(t.baseUrl);
    const form = await anonymous.call(surveyEndpoints.publicForm, { params: { token } });
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ versionNumber: 1, open: true, fixedUnitId: null, groups: ['citizen', 'cadre'] });
    expect(form.body.units.map((u) => u.id).sort()).toEqual([s.communeA, s.communeB].sort());
    const id = uuidv7();
    const body = { id, versionNumber: 1, unitId: s.communeA, respondentGroup: 'citizen' as const, answers: answers() };
    expect((await anonymous.call(surveyEndpoints.publicSubmit, { params: { token }, body })).body).toEqual({ id, status: 'accepted', duplicate: false });
    expect((await anonymous.call(surveyEndpoints.publicSubmit, { params: { token }, body })).body).toEqual({ id, status: 'accepted', duplicate: true });
    expect((await tally(s.surveyId))['|']).toBe(1);
    expect(await t.db.selectFrom('survey_response').select(['channel', 'entered_by']).where('id', '=', id).executeTakeFirst()).toEqual({ channel: 'web', entered_by: null });
    expect((await anonymous.call(surveyEndpoints.publicForm, { params: { token: 'x'.repeat(32) } })).status).toBe(404);

    // a personal link: one response, its unit and group fixed
    const invited = await s.manager.call(surveyEndpoints.invitations, { params: { id: s.surveyId }, body: { unitId: s.communeB, respondentGroup: 'cadre', count: 2 } });
    expect(invited.body.tokens).toHaveLength(2);
    const personal = invited.body.tokens[0]?.token as string;
    const stored = await t.db.selectFrom('survey_invitation').select('token_hash').where('survey_id', '=', s.surveyId).execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(personal);
    const personalForm = await anonymous.call(surveyEndpoints.publicForm, { params: { token: personal } });
    expect(personalForm.body).toMatchObject({ fixedUnitId: s.communeB, fixedGroup: 'cadre', groups: ['cadre'], open: true });
    const wrongUnit = await anonymous.call(surveyEndpoints.publicSubmit, { params: { token: personal }, body: { ...body, id: uuidv7() } });
    expect(wrongUnit.status).toBe(400);
    const mine = uuidv7();
    expect((await anonymous.call(surveyEndpoints.publicSubmit, { params: { token: personal }, body: { ...body, id: mine, unitId: s.communeB, respondentGroup: 'cadre' } })).body.duplicate).toBe(false);
    expect((await anonymous.call(surveyEndpoints.publicSubmit, { params: { token: personal }, body: { ...body, id: mine, unitId: s.communeB, respondentGroup: 'cadre' } })).body.duplicate).toBe(true);
    const twice = await anonymous.call(surveyEndpoints.publicSubmit, { params: { token: personal }, body: { ...body, id: uuidv7(), unitId: s.communeB, respondentGroup: 'cadre' } });
    expect(twice.status).toBe(409);
    expect(errorBody(twice).message).toBe('Đường dẫn cá nhân này đã được dùng để gửi phiếu; mỗi đường dẫn chỉ gửi được một phiếu.');
    expect((await anonymous.call(surveyEndpoints.publicForm, { params: { token: personal } })).body.open).toBe(false);
    expect(await t.db.selectFrom('survey_invitation').select('response_id').where('survey_id', '=', s.surveyId).where('response_id', 'is not', null).execute()).toEqual([{ response_id: mine }]);

    // closed: 409 with the reason
    const current = await s.manager.call(surveyEndpoints.get, { params: { id: s.surveyId } });
    await s.manager.call(surveyEndpoints.update, { params: { id: s.surveyId }, body: { expectedVersion: current.body.version, status: 'closed' } });
    const late = await anonymous.call(surveyEndpoints.publicSubmit, { params: { token }, body: { ...body, id: uuidv7() } });
    expect(late.status).toBe(409);
    expect(errorBody(late).message).toBe('Cuộc khảo sát đã đóng, không nhận thêm phiếu.');
    expect((await anonymous.call(surveyEndpoints.publicForm, { params: { token } })).body.open).toBe(false);
    // out of the period
    const reopened = await s.manager.call(surveyEndpoints.update, { params: { id: s.surveyId }, body: { expectedVersion: current.body.version + 1, status: 'open', closesOn: '2026-03-01' } });
    expect(reopened.status).toBe(200);
    const expired = await anonymous.call(surveyEndpoints.publicSubmit, { params: { token }, body: { ...body, id: uuidv7() } });
    expect(expired.status).toBe(409);
    expect(errorBody(expired).message).toBe('Cuộc khảo sát đã hết hạn nhận phiếu (đến ngày 01/03/2026).');
    expect((await tally(s.surveyId))['|']).toBe(2);
  });

  it('imports a KoboToolbox CSV (group paths, 0/1 choice columns, _uuid, _unit by name) as a job; row errors reject the file', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const header = 'thong_tin/gioi_tinh;thong_tin/tuoi;ton_giao;van_de;van_de/dat_dai;van_de/thu_tuc;van_de/moi_truong;y_kien;_unit;_group;_uuid;_submission_time';
    const unitName = (await t.db.selectFrom('admin_unit').select('full_name').where('id', '=', s.communeA).executeTakeFirstOrThrow()).full_name;
    const good = [
      header,
      `nam;45;co;dat_dai thu_tuc;1;1;0;;${unitName};citizen;${ids[0]};2026-03-01T08:00:00`,
      `nu;66;;;0;1;0;Cần họp dân thường xuyên;${unitName};citizen;${ids[1]};2026-03-01T08:05:00`,
      `nu;61;khong;moi_truong;0;0;1;;${s.communeB};cadre;not-a-uuid;2026-03-01T08:10:00`,
    ].join('\r\n');
    const badRows = [header, `nam;abc;co;;;;;;${unitName};citizen;${uuidv7()};`, `nam;40;co;;;;;;Xã Không Có;citizen;${uuidv7()};`].join('\n');
    const rejected = await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', badRows);
    expect(rejected.status).toBe(200);
    const failed = await waitForJob(typist, rejected.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.result?.errors).toEqual([
      { row: 2, field: 'thong_tin/tuoi', message: 'phải là một số' },
      { row: 3, field: '_unit', message: 'đơn vị “Xã Không Có” không có trong mẫu khảo sát' },
    ]);
    expect(await tally(s.surveyId)).toEqual({});

    const dry = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'true' } }, 'kobo.csv', good)).body.id);
    expect(dry.result).toMatchObject({ created: 0, checked: 3, generatedIds: 1 });
    expect(await tally(s.surveyId)).toEqual({});
    const job = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', good)).body.id);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 3, duplicates: 0, generatedIds: 1 });
    expect(await tally(s.surveyId)).toMatchObject({ '|': 3, 'gioi_tinh|nu': 2, 'van_de|thu_tuc': 2, 'van_de|': 3, 'van_de|moi_truong': 1, 'ton_giao|': 2, 'ton_giao|~unanswered': 1, 'y_kien|': 1, 'y_kien|~unanswered': 1, 'y_kien|~skipped': 1, 'tuoi|61': 1, 'tuoi|66': 1 });
    expect(await tally(s.surveyId, s.communeB)).toMatchObject({ '|': 1 });
    const stored = await t.db.selectFrom('survey_response').select(['id', 'channel', 'answers']).where('id', '=', ids[1] as string).executeTakeFirstOrThrow();
    expect(stored).toEqual({ id: ids[1], channel: 'import', answers: { gioi_tinh: 'nu', tuoi: 66, van_de: ['thu_tuc'], y_kien: 'Cần họp dân thường xuyên' } });
    const when = await t.db.selectFrom('survey_response').select('submitted_at').where('id', '=', ids[1] as string).executeTakeFirstOrThrow();
    expect(new Date(when.submitted_at).toISOString()).toBe('2026-03-01T08:05:00.000Z');
    // imported again: the rows with ids are duplicates, the row without one is new again (its id was made)
    const again = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', good)).body.id);
    expect(again.result).toMatchObject({ created: 1, duplicates: 2 });
    expect((await tally(s.surveyId))['|']).toBe(4);
  });

  it('an import of 5,000 rows whose row 4,501 is wrong stores nothing, though its first batches were written before that row was read', async () => {
    const s = await openSurvey();
    const typist = await signIn(s.province.provinceId, ['data_entry']);
    const rows = Array.from({ length: 5000 }, (_, i) => `${i % 2 ? 'nu' : 'nam'};${20 + (i % 50)};${s.communeA};citizen;${uuidv7()}`);
    rows[4499] = `nu;abc;${s.communeA};citizen;${uuidv7()}`;
    const csv = ['gioi_tinh;tuoi;_unit;_group;_uuid', ...rows].join('\n');
    const failed = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', csv)).body.id);
    expect(failed.status).toBe('failed');
    expect(failed.result?.errors).toEqual([{ row: 4501, field: 'tuoi', message: 'phải là một số' }]);
    expect(await tally(s.surveyId)).toEqual({});
    const stored = await t.db.selectFrom('survey_response').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', s.surveyId).executeTakeFirstOrThrow();
    expect(stored.n).toBe(0);

    rows[4499] = `nu;33;${s.communeA};citizen;${uuidv7()}`;
    const job = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', ['gioi_tinh;tuoi;_unit;_group;_uuid', ...rows].join('\n'))).body.id);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 5000, duplicates: 0 });
    expect(job.progress).toMatchObject({ done: 5000, total: 5000 });
    expect(await tally(s.surveyId)).toMatchObject({ '|': 5000, 'gioi_tinh|nam': 2500, 'gioi_tinh|nu': 2500, 'tuoi|33': 101 });

    // a file whose row 2,501 was imported before: the one COPY fails there, after its first rows went over; the
    // file is written again batch by batch, that row counted as resent, the tallies counting every response once
    const more = Array.from({ length: 3000 }, (_, i) => `nu;${20 + (i % 50)};${s.communeA};citizen;${uuidv7()}`);
    more.splice(2500, 0, rows[10] as string);
    const mixed = await waitForJob(typist, (await typist.upload(surveyEndpoints.importResponses, { params: { id: s.surveyId }, query: { dryRun: 'false' } }, 'kobo.csv', ['gioi_tinh;tuoi;_unit;_group;_uuid', ...more].join('\n'))).body.id);
    expect(mixed.status, JSON.stringify(mixed)).toBe('succeeded');
    expect(mixed.result).toMatchObject({ created: 3000, duplicates: 1 });
    expect(await tally(s.surveyId)).toMatchObject({ '|': 8000, 'gioi_tinh|nam': 2500, 'gioi_tinh|nu': 5500 });
    const all = await t.db.selectFrom('survey_response').select(sql<number>`count(*)::int`.as('n')).where('survey_id', '=', s.surveyId).executeTakeFirstOrThrow();
    expect(all.n).toBe(8000);
  });
});
