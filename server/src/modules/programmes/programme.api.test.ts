import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEndpoints } from '#contracts/files.ts';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { buildProvince, type TestProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let province: TestProvince;
let officer: Awaited<ReturnType<typeof signIn>>;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-01' });
  province = await buildProvince(t.db, { communes: 2 });
  officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
});
afterAll(() => t.close());

const auditOf = (entity: string, entityId: number) =>
  t.db.selectFrom('audit_log').select(['action', 'after']).where('entity', '=', entity).where('entity_id', '=', String(entityId)).orderBy('id').execute();

const deAn = {
  kind: 'project' as const,
  number: '334-QĐ/TU',
  issuer: 'Ban Thường vụ Tỉnh ủy',
  issuedOn: '2021-06-29',
  title: 'Nâng cao chất lượng và hiệu quả công tác dân vận, giai đoạn 2021-2025',
  fromYear: 2021,
  toYear: 2025,
};
const complaints = { kind: 'value' as const, indicator: 'DV_TL_DON_GIAI_QUYET', comparator: '>=' as const, threshold: 85 };
const online = { kind: 'milestone' as const, indicator: 'TL_HO_SO_QUA_MANG', by: '2025-12-31', comparator: '>=' as const, threshold: { province: 90, district: 80, commune: 60 } };

async function createDeAn() {
  const created = await officer.call(programmeEndpoints.createProgramme, { body: { unitId: province.provinceId, ...deAn } });
  expect(created.status).toBe(200);
  const id = created.body.id;
  for (const [code, text, rule] of [
    ['(2)', 'Hằng năm có từ 85% trở lên', complaints],
    ['(3)', 'Phấn đấu đến năm 2025, có 90% hồ sơ', online],
  ] as const) {
    const target = await officer.call(programmeEndpoints.createTarget, { params: { id }, body: { code, text, rule } });
    expect(target.status).toBe(200);
  }
  const waiting = await officer.call(programmeEndpoints.createTarget, { params: { id }, body: { code: '(6)', text: 'Kết nạp 85 đảng viên', waitsFor: 'Chờ mô-đun nhân sự' } });
  expect(waiting.body).toMatchObject({ rule: null, waitsFor: 'Chờ mô-đun nhân sự', parentTargetId: null });
  return id;
}

describe('programmes', () => {
  it('creates, lists, reads and edits a programme; a stale version is refused with 409', async () => {
    const id = await createDeAn();
    const detail = await officer.call(programmeEndpoints.getProgramme, { params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      ownerUnit: { id: province.provinceId, level: 'province' },
      number: '334-QĐ/TU',
      status: 'active',
      pack: null,
      version: 1,
      targetCount: 3,
      taskCount: 0,
      canManage: true,
      plans: [],
      attachments: [],
    });
    expect(detail.body.targets.map((target) => [target.code, target.rule?.kind ?? null])).toEqual([['(2)', 'value'], ['(3)', 'milestone'], ['(6)', null]]);

    const list = await officer.call(programmeEndpoints.listProgrammes, { query: { unitId: province.provinceId, q: 'hieu qua cong tac' } });
    expect(list.body.map((p) => p.id)).toContain(id);
    const none = await officer.call(programmeEndpoints.listProgrammes, { query: { unitId: province.provinceId, q: 'khong co chuong trinh nay' } });
    expect(none.body).toEqual([]);

    const edited = await officer.call(programmeEndpoints.updateProgramme, { params: { id }, body: { version: 1, status: 'closed', toYear: 2026 } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'closed', toYear: 2026, version: 2 });
    const stale = await officer.call(programmeEndpoints.updateProgramme, { params: { id }, body: { version: 1, title: 'Đè lên bản cũ' } });
    expect(stale.status).toBe(409);
    expect(errorBody(stale).message).toContain('phiên bản 2');
    const backwards = await officer.call(programmeEndpoints.updateProgramme, { params: { id }, body: { version: 2, fromYear: 2027 } });
    expect(backwards.status).toBe(400);
    expect(errorBody(backwards).fields?.[0]?.field).toBe('toYear');
    expect((await auditOf('programme', id)).map((row) => row.action)).toEqual(['create', 'update']);
    expect((await officer.call(programmeEndpoints.listProgrammes, { query: { status: 'closed', unitId: province.provinceId } })).body.map((p) => p.id)).toEqual([id]);
  });

  it('refuses a target without rule nor waitsFor, a bad rule and a duplicate code, naming the field', async () => {
    const id = (await officer.call(programmeEndpoints.createProgramme, { body: { unitId: province.provinceId, ...deAn } })).body.id;
    const bare = await officer.call(programmeEndpoints.createTarget, { params: { id }, body: { code: 'a', text: 'Chỉ tiêu' } });
    expect(bare.status).toBe(400);
    expect(errorBody(bare).fields?.map((f) => f.field)).toContain('waitsFor');
    const badRule = await officer.call(programmeEndpoints.createTarget, {
      params: { id },
      body: { code: 'a', text: 'Chỉ tiêu', rule: { ...complaints, comparator: '>' } as unknown as typeof complaints },
    });
    expect(badRule.status).toBe(400);
    expect(errorBody(badRule).fields?.[0]?.field).toMatch(/^rule/);
    expect((await officer.call(programmeEndpoints.createTarget, { params: { id }, body: { code: 'a', text: 'Một', rule: complaints } })).status).toBe(200);
    const twice = await officer.call(programmeEndpoints.createTarget, { params: { id }, body: { code: 'a', text: 'Hai', rule: complaints } });
    expect(twice.status).toBe(400);
    expect(errorBody(twice).fields?.[0]?.field).toBe('code');
  });

  it('a commune issues its implementation plan, inherits the targets and may set them stricter, never looser', async () => {
    const parentId = await createDeAn();
    const communeId = province.communeIds[0] as number;
    const communeOfficer = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['commission_officer'] });
    const plan = await communeOfficer.call(programmeEndpoints.createPlan, {
      params: { id: parentId },
      body: { unitId: communeId, number: '12-KH/ĐU', issuer: 'Đảng ủy xã', issuedOn: '2021-09-01', title: 'Kế hoạch thực hiện Đề án' },
    });
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ kind: 'plan', parentProgrammeId: parentId, fromYear: 2021, toYear: 2025, canManage: true, targetCount: 3 });
    const parent = (await officer.call(programmeEndpoints.getProgramme, { params: { id: parentId } })).body;
    expect(plan.body.targets.map((target) => target.parentTargetId)).toEqual(parent.targets.map((target) => target.id));
    expect(parent.plans.map((p) => p.id)).toEqual([plan.body.id]);

    const [inherited, inheritedOnline] = plan.body.targets;
    const stricter = await communeOfficer.call(programmeEndpoints.updateTarget, {
      params: { id: plan.body.id, targetId: inherited?.id ?? 0 },
      body: { rule: { ...complaints, threshold: 90 } },
    });
    expect(stricter.status).toBe(200);
    expect(stricter.body.rule).toEqual({ ...complaints, threshold: 90 });
    const looser = await communeOfficer.call(programmeEndpoints.updateTarget, {
      params: { id: plan.body.id, targetId: inheritedOnline?.id ?? 0 },
      body: { rule: { ...online, threshold: { province: 90, district: 80, commune: 50 } } },
    });
    expect(looser.status).toBe(400);
    expect(errorBody(looser).fields?.[0]?.field).toBe('rule.threshold.commune');
    const stored = (await communeOfficer.call(programmeEndpoints.getProgramme, { params: { id: plan.body.id } })).body.targets;
    expect(stored.map((target) => (target.rule && 'threshold' in target.rule ? target.rule.threshold : null))).toEqual([90, online.threshold, null]);
    expect((await auditOf('programme_target', inherited?.id ?? 0)).map((row) => row.action)).toEqual(['update']);

    const notBelow = await officer.call(programmeEndpoints.createPlan, {
      params: { id: parentId },
      body: { unitId: province.provinceId, number: '1-KH', issuer: 'Tỉnh', issuedOn: '2021-09-01', title: 'Kế hoạch' },
    });
    expect(notBelow.status).toBe(400);
    expect(errorBody(notBelow).fields?.[0]?.field).toBe('unitId');
  });

  it('a commune reads the province programme but cannot manage it; another province gets 404', async () => {
    const id = await createDeAn();
    const communeOfficer = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[1] as number, roles: ['commission_officer'] });
    const read = await communeOfficer.call(programmeEndpoints.getProgramme, { params: { id } });
    expect(read.status).toBe(200);
    expect(read.body.canManage).toBe(false);
    expect((await communeOfficer.call(programmeEndpoints.listProgrammes, { query: {} })).body.map((p) => p.id)).toContain(id);
    const edit = await communeOfficer.call(programmeEndpoints.updateProgramme, { params: { id }, body: { version: 1, title: 'Sửa của xã' } });
    expect(edit.status).toBe(403);
    const target = await communeOfficer.call(programmeEndpoints.createTarget, { params: { id }, body: { code: 'x', text: 'Xã thêm', rule: complaints } });
    expect(target.status).toBe(403);

    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await stranger.call(programmeEndpoints.getProgramme, { params: { id } })).status).toBe(404);
    expect((await stranger.call(programmeEndpoints.updateProgramme, { params: { id }, body: { version: 1, title: 'X' } })).status).toBe(404);
    expect((await stranger.call(programmeEndpoints.listProgrammes, { query: {} })).body.map((p) => p.id)).not.toContain(id);
    const reader = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['leader'] });
    expect((await reader.call(programmeEndpoints.createProgramme, { body: { unitId: province.provinceId, ...deAn } })).status).toBe(403);
  });

  // --- prog ---
  it("the programme's document is read by whoever reads the programme: a commune below the province, not another province", async () => {
    const id = await createDeAn();
    const text = 'Đề án số 334-QĐ/TU: toàn văn';
    const upload = await officer.upload(fileEndpoints.upload, { query: { ownerType: 'programme', ownerId: String(id) } }, 'de-an-334.txt', text);
    expect(upload.status).toBe(200);
    const communeOfficer = await signIn(t.baseUrl, t.db, { unitId: province.communeIds[0] as number, roles: ['commission_officer'] });
    const detail = await communeOfficer.call(programmeEndpoints.getProgramme, { params: { id } });
    expect(detail.body.attachments.map((file) => file.filename)).toEqual(['de-an-334.txt']);
    expect((await communeOfficer.call(fileEndpoints.list, { query: { ownerType: 'programme', ownerId: String(id) } })).body.map((file) => file.id)).toEqual([upload.body.id]);
    const download = await fetch(`${t.baseUrl}/api/files/${upload.body.id}`, { headers: { cookie: communeOfficer.cookie as string } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(text);
    // reading is not attaching: the commune may not add to the province's document
    expect((await communeOfficer.upload(fileEndpoints.upload, { query: { ownerType: 'programme', ownerId: String(id) } }, 'x.txt', 'x')).status).toBe(403);
    const downloads = await t.db.selectFrom('audit_log').select(['action', 'user_id']).where('entity', '=', 'attachment').where('entity_id', '=', upload.body.id).orderBy('id').execute();
    expect(downloads.map((row) => row.action)).toEqual(['create', 'download']);

    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await fetch(`${t.baseUrl}/api/files/${upload.body.id}`, { headers: { cookie: stranger.cookie as string } })).status).toBe(404);
    expect((await stranger.call(fileEndpoints.list, { query: { ownerType: 'programme', ownerId: String(id) } })).status).toBe(404);
  });
});
