import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationEndpoints } from '#contracts/organizations.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { buildOrganization, buildProvince } from '#test/factories.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';
import { xlsxBomb, xlsxManyRows } from '#test/xlsx-bomb.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const GARBAGE = Buffer.from('PK\u0003\u0004 this is not a workbook at all');
const MB = 1024 * 1024;

describe('A3 uploads before authorisation', () => {
  it('A3 uploads: a leader gets 403 before the file is parsed', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const team = await buildOrganization(t.db, communeId);
    const leader = await signIn(t.baseUrl, t.db, { unitId: communeId, roles: ['leader'] });
    for (const dryRun of ['true', 'false'] as const) {
      const villages = await leader.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun } }, 'thon.xlsx', GARBAGE);
      expect(villages.status).toBe(403);
      const members = await leader.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun } }, 'to.xlsx', GARBAGE);
      expect(members.status).toBe(403);
    }
    // a clerk of another province gets 404 (out of scope), also before the file is read
    const other = await buildProvince(t.db);
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.communeIds[0] as number });
    const outside = await stranger.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: {} }, 'thon.xlsx', GARBAGE);
    expect(outside.status).toBe(404);
    // the same garbage from a clerk who may import is a parse error
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const parsed = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: {} }, 'thon.xlsx', GARBAGE);
    expect(parsed.status).toBe(400);
    expect(errorBody(parsed).message).toContain('không đọc được tệp Excel');
  });

  it('A3 uploads: a zip-bomb xlsx is refused with 413 and a Vietnamese message, with a bounded memory rise', async () => {
    const province = await buildProvince(t.db);
    const communeId = province.communeIds[0] as number;
    const team = await buildOrganization(t.db, communeId);
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const bomb = xlsxBomb(100);
    expect(bomb.length).toBeLessThan(200 * 1024); // 100 MB of sheet XML in a file of about 110 KB
    global.gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const villages = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'bom.xlsx', bomb);
    const members = await clerk.upload(organizationEndpoints.importMembers, { params: { id: team }, query: { dryRun: 'false' } }, 'bom.xlsx', bomb);
    const elapsed = performance.now() - started;
    const after = process.memoryUsage();
    for (const response of [villages, members]) {
      expect(response.status).toBe(413);
      expect(errorBody(response).message).toBe('Tệp (file): tệp Excel quá lớn khi giải nén (tối đa 40 MB dữ liệu); hãy chia nhỏ tệp.');
    }
    const rise = { rss: (after.rss - before.rss) / MB, heap: (after.heapUsed - before.heapUsed) / MB };
    console.log(`A3 zip bomb (${(bomb.length / 1024).toFixed(0)} KB → 100 MB): rss +${rise.rss.toFixed(1)} MB, heap +${rise.heap.toFixed(1)} MB, ${elapsed.toFixed(0)} ms`);
    expect(rise.rss).toBeLessThan(64);
    expect(rise.heap).toBeLessThan(64);
    expect(elapsed).toBeLessThan(3000);
  });

  it('A3 uploads: rows and columns over the caps are refused while reading', async () => {
    const province = await buildProvince(t.db, { villagesPerCommune: 0 });
    const communeId = province.communeIds[0] as number;
    const clerk = await signIn(t.baseUrl, t.db, { unitId: communeId });
    const many = xlsxManyRows(25_000);
    const started = performance.now();
    const rows = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'thon.xlsx', many);
    const elapsed = performance.now() - started;
    console.log(`A3 rows cap (${(many.length / 1024).toFixed(0)} KB, 25,000 rows): ${elapsed.toFixed(0)} ms`);
    expect(rows.status).toBe(400);
    expect(errorBody(rows).message).toBe('Tệp (file): quá nhiều dòng (tối đa 20000).');
    const wide = xlsxManyRows(3, Array.from({ length: 60 }, (_, i) => (i === 0 ? 'Tên' : `Cột ${i}`)));
    const columns = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'thon.xlsx', wide);
    expect(columns.status).toBe(400);
    expect(errorBody(columns).message).toBe('Tệp (file): quá nhiều cột (tối đa 50).');
    const wideCsv = `${Array.from({ length: 60 }, (_, i) => (i === 0 ? 'Tên' : `c${i}`)).join(',')}\nAn Thái\n`;
    const csv = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'thon.csv', wideCsv);
    expect(csv.status).toBe(400);
    expect(errorBody(csv).message).toBe('Tệp (file): quá nhiều cột (tối đa 50).');
    // an honest sheet under the caps still imports
    const fine = await clerk.upload(unitEndpoints.importVillages, { params: { id: communeId }, query: { dryRun: 'true' } }, 'thon.xlsx', xlsxManyRows(300));
    expect(fine.status).toBe(200);
    expect(fine.body.rows).toHaveLength(300);
    expect(fine.body.rows[299]).toEqual({ row: 301, name: 'Thôn số 300', type: 'thôn' });
  });
});
