import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { commitmentEndpoints as e, type TCommitmentCount } from '#contracts/emulation/commitment.api.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { fixedClock } from '#server/shared/clock.ts';
import { buildOrganization, buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { commitmentDerivedValues, COMMITMENTS_HOUSEHOLD, COMMITMENT_BREACHES } from './commitment-derived.ts';
import { provinceOf } from './commitment.repository.ts';

const clock = fixedClock('2026-05-10');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[] = ['data_entry'], organizationId: number | null = null) {
  const user = await buildUser(t.db, { unitId, roles, organizationId });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

/** A province campaign with the "04 không" as its four commitments. */
async function campaignOf(unitId: number) {
  const provinceId = await provinceOf(t.db, unitId);
  const code = `DVK-${Math.random().toString(36).slice(2, 8)}`;
  const campaign = await t.db
    .insertInto('emulation_campaign')
    .values({ province_id: provinceId, unit_id: unitId, code, title: 'Năm Dân vận khéo 2026', year: 2026, starts_on: '2026-01-01', ends_on: '2026-12-31', level: 'province', search_text: code.toLowerCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const titles = [
    'Không gây phiền hà cho nhân dân và doanh nghiệp',
    'Không xả rác nhựa và rác thải sinh hoạt bừa bãi',
    'Không vi phạm Luật Giao thông đường bộ',
    'Không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự, an toàn xã hội',
  ];
  const commitments = await t.db
    .insertInto('emulation_commitment')
    .values(titles.map((title, i) => ({ province_id: provinceId, campaign_id: Number(campaign.id), code: `K${i + 1}`, position: i + 1, title })))
    .returning('id')
    .execute();
  return { id: Number(campaign.id), commitments: commitments.map((c) => Number(c.id)) as [number, number, number, number] };
}

async function save(client: TestClient, body: object) {
  return client.call(e.saveCommitmentCount, { body: body as never });
}

describe('commitment counts: registration, corrections with history, scope', () => {
  let p: TestProvince;
  let campaign: Awaited<ReturnType<typeof campaignOf>>;
  let province: TestClient;
  let commune: TestClient;
  beforeAll(async () => {
    p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 2 });
    campaign = await campaignOf(p.provinceId);
    province = await signIn(p.provinceId);
    commune = await signIn(p.communeIds[0] as number);
  });

  it('registers, refuses a silent overwrite, corrects with a reason and keeps every value', async () => {
    const [k1] = campaign.commitments;
    const base = { campaignId: campaign.id, commitmentId: k1, unitId: p.communeIds[0], registrantKind: 'household' };
    const first = await save(commune, { ...base, registered: 120, eligible: 150, expectedVersion: 0 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ registered: 120, eligible: 150, version: 1, commitmentCode: 'K1', unitName: 'Xã Xuân 1' });
    // a second registration of the same count (version 0) is stale: it would overwrite 120 silently
    const again = await save(commune, { ...base, registered: 130, eligible: 150, expectedVersion: 0 });
    expect(again.status).toBe(409);
    expect(errorBody(again).message).toContain('120');
    // a correction needs a reason, naming the field
    const noReason = await save(commune, { ...base, registered: 135, eligible: 150, expectedVersion: 1 });
    expect(noReason.status).toBe(400);
    expect(errorBody(noReason).message).toContain('Lý do (reason)');
    // more registered than expected is refused, naming the field
    const above = await save(commune, { ...base, registered: 151, eligible: 150, expectedVersion: 1, reason: 'Nhập lại' });
    expect(above.status).toBe(400);
    expect(errorBody(above).message).toContain('Số đăng ký (registered)');
    const corrected = await save(commune, { ...base, registered: 135, eligible: 150, expectedVersion: 1, reason: 'Thôn 2 nộp bổ sung 15 bản cam kết' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.version).toBe(2);
    const history = await commune.call(e.commitmentCountHistory, { params: { id: corrected.body.id } });
    expect(history.status).toBe(200);
    expect(history.body.changes.map((c) => [c.version, c.registeredBefore, c.registered, c.source, c.reason])).toEqual([
      [1, null, 120, 'entry', null],
      [2, 120, 135, 'entry', 'Thôn 2 nộp bổ sung 15 bản cam kết'],
    ]);
    // the write and the correction are audited
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('entity', '=', 'emulation_commitment_count').where('entity_id', '=', corrected.body.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('validates input with Vietnamese messages naming the field', async () => {
    const bad = await save(commune, { campaignId: campaign.id, commitmentId: campaign.commitments[0], unitId: p.communeIds[0], registrantKind: 'citizen', registered: -1, expectedVersion: 0 });
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toMatch(/Đối tượng đăng ký \(registrantKind\)|Số đăng ký \(registered\)/);
    const otherCampaign = await campaignOf(p.provinceId);
    const wrong = await save(commune, { campaignId: campaign.id, commitmentId: otherCampaign.commitments[0], unitId: p.communeIds[0], registrantKind: 'cadre', registered: 3, expectedVersion: 0 });
    expect(wrong.status).toBe(400);
    expect(errorBody(wrong).message).toContain('Nội dung cam kết (commitmentId)');
  });

  it("a commune writes and reads only its own subtree; another province's campaign is 404", async () => {
    const other = await save(commune, { campaignId: campaign.id, commitmentId: campaign.commitments[1], unitId: p.communeIds[1], registrantKind: 'household', registered: 5, expectedVersion: 0 });
    expect(other.status).toBe(404);
    const mine = await save(province, { campaignId: campaign.id, commitmentId: campaign.commitments[1], unitId: p.communeIds[1], registrantKind: 'household', registered: 40, expectedVersion: 0 });
    expect(mine.status).toBe(200);
    const seen = await commune.call(e.listCommitmentCounts, { query: { campaignId: campaign.id } });
    expect(seen.status).toBe(200);
    expect(seen.body.every((c) => c.unitId === p.communeIds[0])).toBe(true);
    const all = await province.call(e.listCommitmentCounts, { query: { campaignId: campaign.id } });
    expect(new Set(all.body.map((c: TCommitmentCount) => c.unitId))).toEqual(new Set([p.communeIds[0], p.communeIds[1]]));
    const q = await buildProvince(t.db, { communes: 1, villagesPerCommune: 1 });
    const outsider = await signIn(q.provinceId);
    expect((await outsider.call(e.listCommitmentCounts, { query: { campaignId: campaign.id } })).status).toBe(404);
    expect((await outsider.call(e.commitmentCountHistory, { params: { id: mine.body.id } })).status).toBe(404);
  });

  it('a focal point registers the counts of its own organisation only', async () => {
    const union = await buildOrganization(t.db, p.communeIds[0] as number, { type: 'farmers_union', name: 'Hội Nông dân xã Xuân 1' });
    const youth = await buildOrganization(t.db, p.communeIds[0] as number, { type: 'youth_union', name: 'Đoàn Thanh niên xã Xuân 1' });
    const focal = await signIn(p.communeIds[0] as number, ['focal_point'], union);
    const base = { campaignId: campaign.id, commitmentId: campaign.commitments[2], unitId: p.communeIds[0], registrantKind: 'cadre', registered: 12, expectedVersion: 0 };
    expect((await save(focal, { ...base, organizationId: union })).status).toBe(200);
    expect((await save(focal, { ...base, organizationId: youth })).status).toBe(403);
    expect((await save(focal, base)).status).toBe(403);
    // a body of another unit is refused, naming the field
    const elsewhere = await buildOrganization(t.db, p.communeIds[1] as number);
    const wrong = await save(province, { ...base, organizationId: elsewhere });
    expect(wrong.status).toBe(400);
    expect(errorBody(wrong).message).toContain('Tổ chức (organizationId)');
  });
});

describe('breaches and figures by commune and by body', () => {
  it('sums villages into their commune, counts breaches, groups by body; the derived values agree', async () => {
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 2 });
    const campaign = await campaignOf(p.provinceId);
    const [k1, k2] = campaign.commitments;
    const client = await signIn(p.provinceId);
    const [c1, c2] = p.communeIds as [number, number];
    const [v11, v12] = p.villagesByCommune[0] as [number, number];
    const women = await buildOrganization(t.db, c1, { type: 'women_union', name: 'Hội Liên hiệp Phụ nữ xã Xuân 1' });
    const rows = [
      { unitId: v11, commitmentId: k1, registrantKind: 'household', registered: 80, eligible: 90 },
      { unitId: v12, commitmentId: k1, registrantKind: 'household', registered: 60, eligible: 70 },
      { unitId: c1, commitmentId: k2, registrantKind: 'cadre', registered: 25, eligible: 25 },
      { unitId: c1, commitmentId: k2, registrantKind: 'cadre', registered: 14, organizationId: women },
      { unitId: c2, commitmentId: k1, registrantKind: 'household', registered: 200, eligible: 260 },
    ];
    for (const row of rows) expect((await save(client, { campaignId: campaign.id, expectedVersion: 0, ...row })).status).toBe(200);
    const breach = { campaignId: campaign.id, commitmentId: k1, unitId: v12, registrantKind: 'household', occurredOn: '2026-04-02', reportedOn: '2026-04-03', description: 'Đổ rác thải sinh hoạt xuống kênh', reportedBy: 'Ban công tác Mặt trận thôn 2' };
    const recorded = await client.call(e.recordCommitmentBreach, { body: breach as never });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({ unitName: 'Thôn 2', commitmentCode: 'K1', reportedBy: 'Ban công tác Mặt trận thôn 2' });
    const backwards = await client.call(e.recordCommitmentBreach, { body: { ...breach, reportedOn: '2026-04-01' } as never });
    expect(backwards.status).toBe(400);
    expect(errorBody(backwards).message).toContain('Ngày nhận phản ánh (reportedOn)');
    const listed = await client.call(e.listCommitmentBreaches, { query: { campaignId: campaign.id, unitId: c1 } });
    expect(listed.body.map((b) => b.description)).toEqual(['Đổ rác thải sinh hoạt xuống kênh']);

    const byCommune = await client.call(e.commitmentFigures, { query: { campaignId: campaign.id, by: 'commune' } });
    expect(byCommune.status).toBe(200);
    const cellsOf = (name: string) => byCommune.body.groups.find((g) => g.name === name)?.cells.map((c) => [c.commitmentId, c.registrantKind, c.registered, c.eligible, c.breaches]);
    expect(cellsOf('Xã Xuân 1')).toEqual([
      [k1, 'household', 140, 160, 1],
      [k2, 'cadre', 39, 25, 0],
    ]);
    expect(cellsOf('Xã Xuân 2')).toEqual([[k1, 'household', 200, 260, 0]]);
    expect(byCommune.body.totals.map((c) => [c.commitmentId, c.registrantKind, c.registered, c.breaches])).toEqual([
      [k1, 'household', 340, 1],
      [k2, 'cadre', 39, 0],
    ]);
    const byBody = await client.call(e.commitmentFigures, { query: { campaignId: campaign.id, unitId: c1, by: 'body' } });
    expect(byBody.body.groups.map((g) => [g.name, g.registered, g.breaches])).toEqual([
      ['Hội Liên hiệp Phụ nữ xã Xuân 1', 14, 0],
      ['Không theo tổ chức', 165, 1],
    ]);

    const household = commitmentDerivedValues.find((v) => v.code === COMMITMENTS_HOUSEHOLD);
    const breaches = commitmentDerivedValues.find((v) => v.code === COMMITMENT_BREACHES);
    const values = await household?.compute(t.db, { provinceId: p.provinceId, asOf: '2026-05-10' });
    expect(values).toEqual([
      { unitId: c1, value: 140 },
      { unitId: c2, value: 200 },
    ]);
    expect(await breaches?.compute(t.db, { provinceId: p.provinceId, asOf: '2026-05-10' })).toEqual([
      { unitId: c1, value: 1 },
      { unitId: c2, value: 0 },
    ]);
    // another year's campaigns are not counted
    expect(await household?.compute(t.db, { provinceId: p.provinceId, asOf: '2025-12-31' })).toEqual([
      { unitId: c1, value: 0 },
      { unitId: c2, value: 0 },
    ]);
  });
});

describe('Excel template and upload', () => {
  it('downloads a pre-filled template; a preview lists changes and row errors; a commit with errors writes nothing; a clean one writes with history', async () => {
    const p = await buildProvince(t.db, { communes: 2, villagesPerCommune: 1 });
    const campaign = await campaignOf(p.provinceId);
    const [k1, k2] = campaign.commitments;
    const [c1, c2] = p.communeIds as [number, number];
    const client = await signIn(p.provinceId);
    expect((await save(client, { campaignId: campaign.id, commitmentId: k1, unitId: c1, registrantKind: 'household', registered: 50, eligible: 300, expectedVersion: 0 })).status).toBe(200);

    const response = await fetch(`${t.baseUrl}/api/emulation/commitment-counts/template.xlsx?campaignId=${campaign.id}&unitId=${p.provinceId}`, { headers: { cookie: client.cookie ?? '' } });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const headerRow = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headerRow.slice(0, 6)).toEqual(['Mã đơn vị', 'Đơn vị', 'Đối tượng đăng ký', 'Mã tổ chức', 'Tổ chức', 'Tổng số thuộc diện']);
    expect(headerRow[6]).toBe('K1. Không gây phiền hà cho nhân dân và doanh nghiệp');
    // the province and its two communes, three kinds each
    expect(sheet.rowCount).toBe(1 + 3 * 3);
    const rowOf = (unitId: number, kind: string) => {
      for (let i = 2; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === unitId && sheet.getRow(i).getCell(3).value === kind) return sheet.getRow(i);
      throw new Error(`no row ${unitId} ${kind}`);
    };
    expect(rowOf(c1, 'Hộ gia đình').getCell(6).value).toBe(300);
    expect(rowOf(c1, 'Hộ gia đình').getCell(7).value).toBe(50);
    rowOf(c1, 'Hộ gia đình').getCell(7).value = 280;
    rowOf(c1, 'Hộ gia đình').getCell(8).value = 295;
    rowOf(c2, 'Hộ gia đình').getCell(6).value = 410;
    rowOf(c2, 'Hộ gia đình').getCell(7).value = 400;
    rowOf(c2, 'Cán bộ, đảng viên, công chức, viên chức').getCell(8).value = 'mười';
    const withError = Buffer.from(await book.xlsx.writeBuffer());
    const preview = await client.upload(e.commitmentUpload, { query: { campaignId: campaign.id, unitId: p.provinceId, dryRun: 'true' } }, 'cam-ket.xlsx', withError);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errorCount).toBe(1);
    expect(preview.body.errors[0]).toMatchObject({ field: 'K2. Không xả rác nhựa và rác thải sinh hoạt bừa bãi', message: 'phải là số nguyên không âm' });
    expect(preview.body.changes.map((c) => [c.unitId, c.commitmentId, c.registeredBefore, c.registered])).toEqual([
      [c1, k1, 50, 280],
      [c1, k2, null, 295],
      [c2, k1, null, 400],
    ]);
    const refused = await client.upload(e.commitmentUpload, { query: { campaignId: campaign.id, unitId: p.provinceId, dryRun: 'false' } }, 'cam-ket.xlsx', withError);
    expect(refused.status).toBe(400);
    expect(errorBody(refused).message).toContain('chưa ghi dòng nào');
    const still = await client.call(e.listCommitmentCounts, { query: { campaignId: campaign.id } });
    expect(still.body.map((c) => c.registered)).toEqual([50]);

    rowOf(c2, 'Cán bộ, đảng viên, công chức, viên chức').getCell(8).value = 31;
    const clean = Buffer.from(await book.xlsx.writeBuffer());
    const committed = await client.upload(e.commitmentUpload, { query: { campaignId: campaign.id, unitId: p.provinceId, dryRun: 'false' } }, 'cam-ket.xlsx', clean);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ errorCount: 0, changeCount: 4, written: 4 });
    const after = await client.call(e.listCommitmentCounts, { query: { campaignId: campaign.id, commitmentId: k1 } });
    const c1k1 = after.body.find((c) => c.unitId === c1) as TCommitmentCount;
    expect(c1k1).toMatchObject({ registered: 280, eligible: 300, version: 2 });
    const history = await client.call(e.commitmentCountHistory, { params: { id: c1k1.id } });
    expect(history.body.changes.map((c) => [c.registeredBefore, c.registered, c.source, c.reason])).toEqual([
      [null, 50, 'entry', null],
      [50, 280, 'excel', 'cam-ket.xlsx'],
    ]);
    // the same file again changes nothing
    const again = await client.upload(e.commitmentUpload, { query: { campaignId: campaign.id, unitId: p.provinceId, dryRun: 'false' } }, 'cam-ket.xlsx', clean);
    expect(again.body).toMatchObject({ changeCount: 0, written: 0, unchanged: 4 });
    // a commune may not upload rows of another commune
    const commune = await signIn(c1);
    const foreign = await commune.upload(e.commitmentUpload, { query: { campaignId: campaign.id, unitId: c1, dryRun: 'true' } }, 'cam-ket.xlsx', clean);
    expect(foreign.status).toBe(200);
    expect(foreign.body.errors.some((err) => err.message === 'đơn vị không thuộc đơn vị đã chọn hoặc ngoài phạm vi của bạn')).toBe(true);
  });
});
