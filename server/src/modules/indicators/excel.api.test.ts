import { ExcelJS } from '#server/shared/exceljs.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrl } from '#contracts/endpoint.ts';
import { excelEndpoints } from '#contracts/indicators/excel.api.ts';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince } from '#test/factories.ts';
import { buildDataSet } from '#test/factories-indicators.ts';
import { signIn } from '#test/factories-people.ts';
import { errorBody, type TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
});
afterAll(() => t.close());

const PERIOD = '202602';
type Element = { id: number; code: string; cocId: number };

/** A province with two communes, a monthly commune set (received, resolved, yes/no) and the rule resolved ≤ received. */
async function setUp() {
  const province = await buildProvince(t.db, { communes: 2 });
  const ds = await buildDataSet(t.db, province.provinceId, {
    elements: [
      { valueType: 'integer', name: 'Số đơn thư tiếp nhận' },
      { valueType: 'integer', name: 'Số đơn thư đã giải quyết' },
      { valueType: 'yes_no', name: 'Có tổ hòa giải' },
    ],
  });
  const [received, resolved, mediation] = ds.elements as [Element, Element, Element];
  await t.db
    .insertInto('validation_rule')
    .values({ data_set_id: ds.id, code: `R_${ds.id}`, left_side: `#{${resolved.code}}`, operator: '<=', right_side: `#{${received.code}}`, severity: 'error', message: 'Số đã giải quyết không được lớn hơn số tiếp nhận' })
    .execute();
  const [c1, c2] = province.communeIds as [number, number];
  const commune = await signIn(t.baseUrl, t.db, { unitId: c1, roles: ['data_entry'] });
  const officer = await signIn(t.baseUrl, t.db, { unitId: province.provinceId, roles: ['commission_officer'] });
  const put = (values: [Element, string][]) =>
    commune.call(reportEndpoints.putValues, {
      body: { dataSetId: ds.id, unitId: c1, period: PERIOD, values: values.map(([e, value]) => ({ writeId: uuidv7(), unitId: c1, dataElementId: e.id, cocId: e.cocId, value })) },
    });
  return { province, ds, received, resolved, mediation, c1, c2, commune, officer, put };
}

async function download(client: TestClient, dataSetId: number, query: { unitId: number; scope?: 'unit' | 'subtree'; period?: string }) {
  const response = await fetch(t.baseUrl + buildUrl(excelEndpoints.excelTemplate.path, { dataSetId }, { period: PERIOD, ...query }), { headers: { cookie: client.cookie ?? '' } });
  return { status: response.status, type: response.headers.get('content-type'), data: Buffer.from(await response.arrayBuffer()) };
}

async function sheetOf(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return { book, sheet: book.worksheets[0] as ExcelJS.Worksheet };
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

const upload = (client: TestClient, dataSetId: number, data: Buffer, dryRun: boolean, period = PERIOD) =>
  client.upload(excelEndpoints.excelUpload, { params: { dataSetId }, query: { period, dryRun: dryRun ? 'true' : 'false' } }, 'bao-cao.xlsx', data);

async function provinceTotal(provinceId: number, elementId: number) {
  const row = await t.db
    .selectFrom('data_total')
    .select('sum')
    .where('province_id', '=', provinceId)
    .where('view', '=', 'entered')
    .where('unit_id', '=', provinceId)
    .where('period', '=', PERIOD)
    .where('data_element_id', '=', elementId)
    .executeTakeFirst();
  return row ? Number(row.sum) : null;
}

const excelChanges = async () => (await t.db.selectFrom('data_value_change').select('id').where('source', '=', 'excel').execute()).length;

describe('Excel template of a data set', () => {
  it('downloads one commune pre-filled: title, hidden id row, Vietnamese headers, values at their cells, hints, frozen panes', async () => {
    const { ds, received, resolved, mediation, c1, commune, put } = await setUp();
    expect((await put([[received, '10'], [resolved, '4'], [mediation, 'Có']])).status).toBe(200);
    const file = await download(commune, ds.id, { unitId: c1 });
    expect([file.status, file.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const { sheet } = await sheetOf(file.data);
    expect(String(sheet.getCell('A1').value)).toBe(`Báo cáo thử ${ds.code.slice(3)} – Tháng 2/2026`);
    expect(String(sheet.getCell('A2').value)).toMatch(/^Xã Xuân 1\. Hạn nộp: 05\/03\/2026\./);
    expect(sheet.getRow(3).hidden).toBe(true);
    expect(rowValues(sheet, 3)).toEqual(['#unit', '#name', '#parent', `#v:${received.id}:${received.cocId}`, `#v:${resolved.id}:${resolved.cocId}`, `#v:${mediation.id}:${mediation.cocId}`, `#template:${ds.id}:${PERIOD}`]);
    expect(rowValues(sheet, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Thuộc', 'Số đơn thư tiếp nhận', 'Số đơn thư đã giải quyết', 'Có tổ hòa giải']);
    expect(rowValues(sheet, 5)).toEqual([c1, 'Xã Xuân 1', '', 10, 4, 'Có']);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(sheet.getCell('D5').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 1e12] });
    expect(sheet.getCell('F5').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
  });

  it('downloads every commune under the province for its officer, and nothing of another province', async () => {
    const { ds, received, c1, c2, officer, put } = await setUp();
    await put([[received, '3']]);
    const file = await download(officer, ds.id, { unitId: (await t.db.selectFrom('admin_unit').select('parent_id').where('id', '=', c1).executeTakeFirstOrThrow()).parent_id as number, scope: 'subtree' });
    expect(file.status).toBe(200);
    const { sheet } = await sheetOf(file.data);
    expect([rowValues(sheet, 5), rowValues(sheet, 6)]).toEqual([
      [c1, 'Xã Xuân 1', expect.stringMatching(/^Tỉnh /), 3],
      [c2, 'Xã Xuân 2', expect.stringMatching(/^Tỉnh /)],
    ]);
    const other = await buildProvince(t.db, { communes: 1 });
    const stranger = await signIn(t.baseUrl, t.db, { unitId: other.provinceId, roles: ['commission_officer'] });
    expect((await download(stranger, ds.id, { unitId: c1 })).status).toBe(404);
    expect((await download(officer, ds.id, { unitId: other.communeIds[0] as number })).status).toBe(404);
  });

  it('previews a filled template: old → new per cell and the rules violated, and writes nothing', async () => {
    const { province, ds, received, resolved, c1, c2, officer, put } = await setUp();
    await put([[received, '10'], [resolved, '4']]);
    const { book, sheet } = await sheetOf((await download(officer, ds.id, { unitId: province.provinceId, scope: 'subtree' })).data);
    sheet.getCell('D5').value = 12;
    sheet.getCell('D6').value = 7;
    sheet.getCell('E6').value = 9;
    sheet.getCell('F6').value = 'Không';
    const preview = await upload(officer, ds.id, await bytes(book), true);
    expect(preview.status).toBe(200);
    const body = preview.body;
    expect([body.dryRun, body.rows, body.reports, body.errorCount, body.changeCount, body.written]).toEqual([true, 2, 2, 0, 4, 0]);
    expect(body.changes.map((c) => [c.row, c.unitId, c.column, c.oldValue, c.newValue])).toEqual([
      [5, c1, 'Số đơn thư tiếp nhận', '10', '12'],
      [6, c2, 'Số đơn thư tiếp nhận', null, '7'],
      [6, c2, 'Số đơn thư đã giải quyết', null, '9'],
      [6, c2, 'Có tổ hòa giải', null, 'Không'],
    ]);
    expect(body.violations.map((v) => [v.row, v.unitId, v.severity, v.left, v.right, v.message])).toEqual([[6, c2, 'error', 9, 7, 'Số đã giải quyết không được lớn hơn số tiếp nhận']]);
    expect(await provinceTotal(province.provinceId, received.id)).toBe(10);
    expect(await excelChanges()).toBe(0);
  });

  it('names the row and column of each error (a decimal in an integer column, an unknown unit, a submitted report) and a commit with errors writes nothing', async () => {
    const { province, ds, received, resolved, commune, officer, put } = await setUp();
    const first = await put([[received, '10'], [resolved, '4']]);
    await commune.call(reportEndpoints.transitionReport, { params: { id: first.body.report.id }, body: { to: 'submitted', seenState: 'draft', seenVersion: 0 } });
    const { book, sheet } = await sheetOf((await download(officer, ds.id, { unitId: province.provinceId, scope: 'subtree' })).data);
    sheet.getCell('D5').value = 11;
    sheet.getCell('D6').value = '2,5';
    sheet.getCell('E6').value = 1;
    sheet.getRow(7).values = [987654321, 'Xã không có', '', 1];
    const data = await bytes(book);
    const preview = await upload(officer, ds.id, data, true);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { row: 5, field: 'Mã đơn vị (cột A)', message: 'báo cáo của Xã Xuân 1: Báo cáo đang ở trạng thái “Đã gửi”: không sửa được số liệu. Cấp trên cần trả lại để chỉnh sửa.' },
      { row: 6, field: 'Số đơn thư tiếp nhận (cột D)', message: 'Phải là số nguyên' },
      { row: 7, field: 'Mã đơn vị (cột A)', message: 'không có đơn vị mã 987654321 trong phạm vi của bạn' },
    ]);
    const commit = await upload(officer, ds.id, data, false);
    expect(commit.status).toBe(400);
    expect(errorBody(commit).message).toBe(
      'Tệp có 3 lỗi; chưa ghi dòng nào. Lỗi đầu tiên: dòng 5, cột Mã đơn vị (cột A): báo cáo của Xã Xuân 1: Báo cáo đang ở trạng thái “Đã gửi”: không sửa được số liệu. Cấp trên cần trả lại để chỉnh sửa..',
    );
    expect(errorBody(commit).fields?.[1]).toEqual({ field: 'dòng 6, Số đơn thư tiếp nhận (cột D)', message: 'Phải là số nguyên' });
    expect(await provinceTotal(province.provinceId, received.id)).toBe(10);
    expect(await provinceTotal(province.provinceId, resolved.id)).toBe(4);
    expect(await excelChanges()).toBe(0);
    // an unchanged row of the submitted report is no error: it is left as it is
    sheet.getCell('D5').value = 10;
    sheet.getCell('D6').value = 2;
    sheet.getRow(7).values = [];
    const clean = await upload(officer, ds.id, await bytes(book), true);
    expect([clean.body.errorCount, clean.body.closedRows, clean.body.changeCount]).toEqual([0, 1, 2]);
  });

  it('commits a clean file in one transaction: every value stored (source excel), the province total moves, one audit row', async () => {
    const { province, ds, received, resolved, c1, c2, officer, put } = await setUp();
    await put([[received, '10'], [resolved, '4']]);
    const { book, sheet } = await sheetOf((await download(officer, ds.id, { unitId: province.provinceId, scope: 'subtree' })).data);
    sheet.getCell('D5').value = 12;
    sheet.getCell('E5').value = null;
    sheet.getCell('D6').value = 7;
    sheet.getCell('E6').value = 5;
    const commit = await upload(officer, ds.id, await bytes(book), false);
    expect(commit.status).toBe(200);
    expect([commit.body.dryRun, commit.body.written, commit.body.reports, commit.body.errorCount]).toEqual([false, 4, 2, 0]);
    expect(await provinceTotal(province.provinceId, received.id)).toBe(19);
    expect(await provinceTotal(province.provinceId, resolved.id)).toBe(5);
    expect(await excelChanges()).toBe(4);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('entity', '=', 'data_set').where('entity_id', '=', String(ds.id)).execute();
    expect(audit).toEqual([{ action: 'import', entity: 'data_set', entity_id: String(ds.id) }]);
    const form = await officer.call(reportEndpoints.getForm, { params: { dataSetId: ds.id }, query: { unitId: c2, period: PERIOD } });
    expect(form.body.values.map((v) => [v.dataElementId, v.num]).sort()).toEqual([[received.id, 7], [resolved.id, 5]].sort());
    expect(form.body.report?.state).toBe('draft');
    const history = await officer.call(reportEndpoints.valueHistory, { query: { unitId: c1, period: PERIOD, dataElementId: received.id, cocId: received.cocId } });
    expect(history.body.map((h) => [h.oldValue, h.newValue, h.source])).toEqual([['10', '12', 'excel'], [null, '10', 'form']]);
    const removed = await t.db.selectFrom('data_value').select(['deleted', 'num']).where('unit_id', '=', c1).where('data_element_id', '=', resolved.id).executeTakeFirstOrThrow();
    expect(removed).toEqual({ deleted: true, num: null });
    const again = await upload(officer, ds.id, await bytes(book), false);
    expect([again.status, again.body.written, again.body.changeCount], JSON.stringify(again.body)).toEqual([200, 0, 0]);
  });

  it('refuses rows of another province: 404 for a stranger, row errors for foreign units, 400 for another set’s template', async () => {
    const { province, ds, received, officer } = await setUp();
    const data = (await download(officer, ds.id, { unitId: province.provinceId, scope: 'subtree' })).data;
    const other = await setUp();
    expect((await upload(other.officer, ds.id, data, false)).status).toBe(404);
    const { book, sheet } = await sheetOf(data);
    sheet.getCell('A5').value = other.c1;
    sheet.getCell('A6').value = other.c2;
    sheet.getCell('D5').value = 1;
    const foreign = await upload(officer, ds.id, await bytes(book), false);
    expect(foreign.status).toBe(400);
    expect(errorBody(foreign).fields).toEqual([
      { field: 'dòng 5, Mã đơn vị (cột A)', message: `không có đơn vị mã ${other.c1} trong phạm vi của bạn` },
      { field: 'dòng 6, Mã đơn vị (cột A)', message: `không có đơn vị mã ${other.c2} trong phạm vi của bạn` },
    ]);
    const theirs = (await download(other.officer, other.ds.id, { unitId: other.province.provinceId, scope: 'subtree' })).data;
    const wrongSet = await upload(officer, ds.id, theirs, true);
    expect(wrongSet.status).toBe(400);
    expect(errorBody(wrongSet).message).toContain('tệp là mẫu của biểu mẫu hoặc kỳ báo cáo khác');
    expect(await provinceTotal(province.provinceId, received.id)).toBeNull();
    expect(await provinceTotal(other.province.provinceId, other.received.id)).toBeNull();
  });

  it('maps columns by header names when the id row is gone, in any order', async () => {
    const { province, ds, received, resolved, c2, officer } = await setUp();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Số liệu');
    sheet.addRow(['Số đơn thư đã giải quyết', 'Ma don vi', 'Số đơn thư tiếp nhận']);
    sheet.addRow([2, c2, 6]);
    const commit = await upload(officer, ds.id, await bytes(book), false);
    expect([commit.status, commit.body.written], JSON.stringify(commit.body)).toEqual([200, 2]);
    expect(commit.body.changes.map((c) => [c.row, c.column, c.newValue])).toEqual([
      [2, 'Số đơn thư đã giải quyết', '2'],
      [2, 'Số đơn thư tiếp nhận', '6'],
    ]);
    expect([await provinceTotal(province.provinceId, received.id), await provinceTotal(province.provinceId, resolved.id)]).toEqual([6, 2]);
  });

  it('a village-level set: the commune downloads its villages and uploads their values, added up at the commune', async () => {
    const province = await buildProvince(t.db, { communes: 1, villagesPerCommune: 2 });
    const ds = await buildDataSet(t.db, province.provinceId, { level: 'village', elements: [{ valueType: 'integer', name: 'Số hộ' }] });
    const [households] = ds.elements as [Element];
    const c1 = province.communeIds[0] as number;
    const [v1, v2] = province.villageIds as [number, number];
    const commune = await signIn(t.baseUrl, t.db, { unitId: c1, roles: ['data_entry'] });
    const { book, sheet } = await sheetOf((await download(commune, ds.id, { unitId: c1 })).data);
    expect([rowValues(sheet, 5), rowValues(sheet, 6)]).toEqual([
      [v1, 'Thôn 1', 'Xã Xuân 1'],
      [v2, 'Thôn 2', 'Xã Xuân 1'],
    ]);
    sheet.getCell('D5').value = 30;
    sheet.getCell('D6').value = 45;
    const commit = await upload(commune, ds.id, await bytes(book), false);
    expect([commit.status, commit.body.written, commit.body.reports], JSON.stringify(commit.body)).toEqual([200, 2, 1]);
    const total = await t.db.selectFrom('data_total').select('sum').where('province_id', '=', province.provinceId).where('view', '=', 'entered').where('unit_id', '=', c1).where('data_element_id', '=', households.id).executeTakeFirstOrThrow();
    expect(Number(total.sum)).toBe(75);
    const form = await commune.call(reportEndpoints.getForm, { params: { dataSetId: ds.id }, query: { unitId: c1, period: PERIOD } });
    expect(form.body.report?.unitId).toBe(c1);
    // the commune row itself is not a row of a village-level form
    sheet.getRow(7).values = [c1, 'Xã Xuân 1', '', 5];
    const wrong = await upload(commune, ds.id, await bytes(book), true);
    expect(wrong.body.errors).toEqual([{ row: 7, field: 'Mã đơn vị (cột A)', message: 'biểu mẫu nhập theo thôn, tổ dân phố: Xã Xuân 1 không phải một dòng của biểu mẫu' }]);
  });
});
