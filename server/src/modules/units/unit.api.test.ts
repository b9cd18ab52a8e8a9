import type { TRole } from '#contracts/auth.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitEndpoints } from '#contracts/units.ts';
import { buildOrganization, buildProvince, buildUser, countRows, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { waitForJob } from '#test/jobs.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

async function clientFor(unitId: number, roles: TRole[] = ['data_entry']) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

const findProvince = async (client: TestClient, q: string, asOf: string) => {
  const hits = await client.call(unitEndpoints.search, { query: { q, asOf } });
  return hits.body.find((hit) => hit.level === 'province');
};

describe('the two structures', () => {
  it('has 63 provinces with districts on 2019-01-01 and 34 without districts on 2025-07-01', async () => {
    const before = await admin.call(unitEndpoints.children, { query: { asOf: '2019-01-01' } });
    const after = await admin.call(unitEndpoints.children, { query: { asOf: '2025-07-01' } });
    expect(before.body.filter((unit) => unit.code !== null && !unit.code.startsWith('T'))).toHaveLength(63);
    expect(after.body.filter((unit) => unit.code !== null && !unit.code.startsWith('T'))).toHaveLength(34);
    const quangTri2019 = before.body.find((unit) => unit.code === '45');
    expect(quangTri2019?.fullName).toBe('Tỉnh Quảng Trị');
    const children2019 = await admin.call(unitEndpoints.children, { query: { asOf: '2019-01-01', parentId: quangTri2019?.id } });
    expect(children2019.body).toHaveLength(10);
    expect(new Set(children2019.body.map((unit) => unit.level))).toEqual(new Set(['district']));
    const quangTri2025 = after.body.find((unit) => unit.code === '44');
    const children2025 = await admin.call(unitEndpoints.children, { query: { asOf: '2025-07-01', parentId: quangTri2025?.id } });
    expect(new Set(children2025.body.map((unit) => unit.level))).toEqual(new Set(['commune']));
  });

  it('finds "Quảng Trị" from "quang tri" and lists ancestors', async () => {
    const hits = await admin.call(unitEndpoints.search, { query: { q: 'quang tri', asOf: '2019-01-01' } });
    expect(hits.status).toBe(200);
    expect(hits.body[0]?.fullName).toBe('Tỉnh Quảng Trị');
    const town = hits.body.find((hit) => hit.fullName === 'Thị xã Quảng Trị');
    expect(town?.ancestors.map((unit) => unit.fullName)).toEqual(['Tỉnh Quảng Trị']);
    const dakrong = await admin.call(unitEndpoints.search, { query: { q: 'dakrong', asOf: '2019-01-01' } });
    expect(dakrong.body.map((hit) => hit.fullName)).toContain('Huyện Đa Krông');
  });

  it('applies the dated change of 2026: Lộc Ninh is a xã before 30/4/2026 and a phường after', async () => {
    const before = await admin.call(unitEndpoints.search, { query: { q: 'loc ninh', asOf: '2026-04-29' } });
    const after = await admin.call(unitEndpoints.search, { query: { q: 'loc ninh', asOf: '2026-04-30' } });
    const pick = (hits: typeof before.body) => hits.find((hit) => hit.code === '25270');
    expect(pick(before.body)?.fullName).toBe('Xã Lộc Ninh');
    expect(pick(after.body)?.fullName).toBe('Phường Lộc Ninh');
    expect(pick(after.body)?.type).toBe('phường');
    const dongNai = await findProvince(admin, 'dong nai', '2026-05-01');
    expect(dongNai?.type).toBe('thành phố trung ương');
    const detail = await admin.call(unitEndpoints.get, { params: { id: pick(after.body)?.id as number }, query: { asOf: '2026-05-01' } });
    expect(detail.body.history).toEqual([{ fullName: 'Xã Lộc Ninh', type: 'xã', validFrom: '2025-07-01', validTo: '2026-04-29', act: '237/NQ-UBTVQH16' }]);
  });

  it('links the 2019 province to its 2025 successor and back', async () => {
    const quangBinh = await findProvince(admin, 'quang binh', '2019-01-01');
    const detail = await admin.call(unitEndpoints.get, { params: { id: quangBinh?.id as number }, query: { asOf: '2019-01-01' } });
    expect(detail.body.successors).toEqual([
      { unit: expect.objectContaining({ fullName: 'Tỉnh Quảng Trị', structure: '2025' }), kind: 'merged', effectiveDate: '2025-07-01', certainty: 'certain', instrument: null, confirmed: false, parentName: null },
    ]);
    const successorId = detail.body.successors[0]?.unit.id as number;
    const back = await admin.call(unitEndpoints.get, { params: { id: successorId }, query: { asOf: '2026-01-01' } });
    expect(back.body.predecessors.map((link) => link.unit.fullName).sort()).toEqual(['Tỉnh Quảng Bình', 'Tỉnh Quảng Trị']);
  });

  it('answers 404 for an unknown unit and 400 naming the field for a bad date', async () => {
    expect((await admin.call(unitEndpoints.get, { params: { id: 99_999_999 }, query: {} })).status).toBe(404);
    const bad = await admin.request('GET', '/api/units?asOf=2025-13-45');
    expect(bad.status).toBe(400);
    expect(errorBody(bad).message).toContain('Ngày tra cứu (asOf)');
  });
});

describe('scope', () => {
  it('a commune user sees only its commune: the top unit, its villages, and 404 elsewhere', async () => {
    const province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 3 });
    const [mine, other] = province.communeIds as [number, number];
    const client = await clientFor(mine);
    const top = await client.call(unitEndpoints.children, { query: {} });
    expect(top.body.map((unit) => unit.id)).toEqual([mine]);
    const villages = await client.call(unitEndpoints.children, { query: { parentId: mine } });
    expect(villages.body).toHaveLength(3);
    expect((await client.call(unitEndpoints.get, { params: { id: other }, query: {} })).status).toBe(404);
    expect((await client.call(unitEndpoints.children, { query: { parentId: other } })).body).toEqual([]);
    const search = await client.call(unitEndpoints.search, { query: { q: 'xuan' } });
    expect(search.body.map((hit) => hit.id)).toEqual([mine]);
    const write = await client.call(unitEndpoints.createVillage, { params: { id: other }, body: { name: 'Thôn Lạ', type: 'thôn' } });
    expect(write.status).toBe(404);
  });

  it('a leader may read but not add villages', async () => {
    const province = await buildProvince(t.db);
    const client = await clientFor(province.provinceId, ['leader']);
    const response = await client.call(unitEndpoints.createVillage, {
      params: { id: province.communeIds[0] as number },
      body: { name: 'Thôn Mới', type: 'thôn' },
    });
    expect(response.status).toBe(403);
  });
});

describe('villages', () => {
  it('adds a village, refuses a duplicate name, and audits the write', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const client = await clientFor(communeId);
    const created = await client.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: '  Tân   Định ', type: 'thôn' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Tân Định', fullName: 'Thôn Tân Định', level: 'village', parentId: communeId, code: null });
    const duplicate = await client.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name: 'tân định', type: 'bản' } });
    expect(duplicate.status).toBe(409);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'admin_unit').where('entity_id', '=', String(created.body.id)).execute();
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('refuses villages under a province, and a bad type names the field', async () => {
    const province = await buildProvince(t.db);
    const client = await clientFor(province.provinceId);
    expect((await client.call(unitEndpoints.createVillage, { params: { id: province.provinceId }, body: { name: 'X', type: 'thôn' } })).status).toBe(400);
    const badType = await client.request('POST', `/api/units/${province.communeIds[0]}/villages`, { name: 'X', type: 'làng xã' });
    expect(badType.status).toBe(400);
    expect(errorBody(badType).message).toContain('Loại (type)');
  });

  it('previews a CSV import with row errors by row number and writes nothing', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 1 });
    const communeId = province.communeIds[0] as number;
    const client = await clientFor(communeId);
    const csv = 'Tên;Loại\nThôn An Thái;thôn\n;thôn\n1;bản\nAn Thái;thon\nPhú Xuân;phố\n';
    const before = await countRows(t.db, 'admin_unit');
    const preview = await client.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'thon.csv', csv);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { row: 3, field: 'Tên', message: 'không được để trống' },
      { row: 4, field: 'Tên', message: '“1” đã có trong Xã Xuân 1' },
      { row: 6, field: 'Loại', message: expect.stringContaining('“phố” không phải loại hợp lệ') },
    ]);
    expect(preview.body.rows).toHaveLength(5);
    const commit = await client.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'false' } }, 'thon.csv', csv);
    expect(commit.status).toBe(200);
    const job = await waitForJob(client, commit.body.jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('chưa ghi dòng nào');
    expect(job.result?.errors?.[0]).toEqual({ row: 3, field: 'Tên', message: 'không được để trống' });
    expect(await countRows(t.db, 'admin_unit')).toBe(before);
  });

  it('imports an Excel file in one go when every row is valid', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 0 });
    const communeId = province.communeIds[1] as number;
    const client = await clientFor(communeId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thôn');
    sheet.addRow(['STT', 'Tên thôn', 'Loại']);
    ['Tân Định', 'Phú Hưng', 'Pa Ling', 'Khu phố 3'].forEach((name, i) => sheet.addRow([i + 1, name, i === 2 ? 'Bản' : i === 3 ? 'khu pho' : '']));
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const commit = await client.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'false' } }, 'thon.xlsx', data);
    expect(commit.status).toBe(200);
    const job = await waitForJob(client, commit.body.jobId);
    expect(job).toMatchObject({ status: 'succeeded', result: { created: 4 }, progress: { done: 4, total: 4 } });
    const villages = await client.call(unitEndpoints.children, { query: { parentId: communeId } });
    expect(villages.body.map((village) => village.fullName).sort()).toEqual(['Bản Pa Ling', 'Khu phố 3', 'Thôn Phú Hưng', 'Thôn Tân Định']);
  });

  it('answers 400, not 500, for a broken Excel file', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const client = await clientFor(communeId);
    const response = await client.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: {} }, 'hong.xlsx', 'PK\u0003\u0004 not really a zip');
    expect(response.status).toBe(400);
    expect(errorBody(response).message).toContain('Tệp (file)');
  });
});

// --- shell-home ---
describe('lists of units', () => {
  it('orders children by name in Vietnamese order and tells units with organisations from empty ones', async () => {
    const province = await buildProvince(t.db, { communes: 2, villagesPerCommune: 0 });
    const [communeId, emptyCommuneId] = province.communeIds as [number, number];
    for (const name of ['Đông', 'Dung', '10', 'Ăn', 'Anh', '2']) {
      const created = await admin.call(unitEndpoints.createVillage, { params: { id: communeId }, body: { name, type: 'thôn' } });
      expect(created.status).toBe(200);
    }
    const villages = await admin.call(unitEndpoints.children, { query: { parentId: communeId } });
    expect(villages.body.map((village) => village.name)).toEqual(['2', '10', 'Anh', 'Ăn', 'Dung', 'Đông']);

    const dung = villages.body.find((village) => village.name === 'Dung');
    await buildOrganization(t.db, dung?.id as number);
    const after = await admin.call(unitEndpoints.children, { query: { parentId: communeId } });
    expect(after.body.filter((village) => village.hasOrganizations).map((village) => village.name)).toEqual(['Dung']);
    const communes = await admin.call(unitEndpoints.children, { query: { parentId: province.provinceId } });
    expect(communes.body.map((commune) => [commune.id, commune.hasOrganizations])).toEqual([
      [communeId, true],
      [emptyCommuneId, false],
    ]);
  });
});
