import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DHIS2_CSV_COLUMNS, dhis2Endpoints } from '#contracts/indicators/dhis2.api.ts';
import { localUid } from '#contracts/indicators/dhis2-ids.ts';
import { jobEndpoints } from '#contracts/jobs.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { buildProvince, buildUser } from '#test/factories.ts';
import {
  buildDhis2World,
  conflictsOf,
  counts,
  dhis2Payload,
  importFile,
  resetValues,
  signedIn,
  storedValues,
  type Dhis2World,
} from '#test/factories-dhis2.ts';
import { errorBody } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let w: Dhis2World;
beforeAll(async () => {
  t = await startTestApp({ today: '2026-03-02' });
  w = await buildDhis2World(t.db, t.baseUrl);
});
afterAll(() => t.close());
beforeEach(() => resetValues(t.db, w.provinceId));

const B_CSV = () => dhis2Payload('dataValueSetB.csv');
/** The province as an export's orgUnit (it has no mapped uid: its derived one). */
const provinceUid = () => localUid('unit', w.provinceId);
const exportQuery = (extra: Record<string, string> = {}) => ({ dataSet: 'pBOMPrpg1QX', startDate: '2012-01-01', endDate: '2012-02-29', orgUnit: provinceUid(), children: 'true', ...extra });

describe('DHIS2 export and round trip', () => {
  it('exports JSON in DHIS2 shape (uids, default combo, timestamps, storedBy); importing it again ignores every value', async () => {
    await importFile(w.admin, 'b.csv', B_CSV());
    const exported = await w.admin.call(dhis2Endpoints.exportDataValueSetsJson, { query: exportQuery() });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/json');
    const body = exported.body as { dataSet: string; dataValues: Record<string, unknown>[] };
    expect(body.dataSet).toBe('pBOMPrpg1QX');
    expect(body.dataValues).toHaveLength(12);
    const first = body.dataValues.find((v) => v.dataElement === 'f7n9E0hX8qk' && v.period === '201201' && v.orgUnit === 'DiszpKrYNg8');
    expect(first).toEqual({
      dataElement: 'f7n9E0hX8qk',
      period: '201201',
      orgUnit: 'DiszpKrYNg8',
      categoryOptionCombo: 'HllvX50cXC0',
      attributeOptionCombo: 'HllvX50cXC0',
      value: '10001',
      storedBy: w.adminName,
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
      lastUpdated: expect.stringMatching(/^2026-03-0[12]T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/),
      comment: 'comment',
      followup: false,
    });
    const again = await importFile(w.admin, 'export.json', JSON.stringify(body));
    expect(counts(again.summary)).toEqual({ status: 'SUCCESS', imported: 0, updated: 0, ignored: 12, deleted: 0 });
  });

  it('exports the 2.42 CSV (11-column header) by code; importing it again by code ignores every value', async () => {
    await importFile(w.admin, 'b.csv', B_CSV());
    const exported = await w.admin.request('GET', `/api/indicators/dataValueSets.csv?dataSet=DS_A&period=201202&orgUnit=OU_B&idScheme=code`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const lines = (exported.body as string).trim().split('\n');
    expect(lines[0]).toBe(DHIS2_CSV_COLUMNS.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 6).join(',')).sort()).toEqual([
      'DE_A,201202,OU_B,default,default,10004',
      'DE_B,201202,OU_B,default,default,10008',
      'DE_C,201202,OU_B,default,default,10012',
    ]);
    const again = await importFile(w.admin, 'export.csv', exported.body as string, { idScheme: 'CODE' });
    expect(counts(again.summary)).toEqual({ status: 'SUCCESS', imported: 0, updated: 0, ignored: 3, deleted: 0 });
  });

  it('answers 404 for a data set or unit outside the scope, and 400 without a period', async () => {
    const other = await buildProvince(t.db);
    expect((await w.admin.call(dhis2Endpoints.exportDataValueSetsJson, { query: exportQuery({ orgUnit: localUid('unit', other.provinceId) }) })).status).toBe(404);
    expect((await w.admin.call(dhis2Endpoints.exportDataValueSetsJson, { query: exportQuery({ dataSet: 'nonEx1sting' }) })).status).toBe(404);
    const noPeriod = await w.admin.request('GET', `/api/indicators/dataValueSets.json?dataSet=pBOMPrpg1QX&orgUnit=${provinceUid()}`);
    expect(noPeriod.status).toBe(400);
  });
});

describe('DHIS2 import rules', () => {
  it('a CSV with named columns in another order (2.43 header) is read by name', async () => {
    const csv = 'orgUnit,period,dataElement,value,comment\nOU_A,201203,DE_B,7,ghi chú\n';
    const { summary } = await importFile(w.admin, 'named.csv', csv, { idScheme: 'code' });
    expect(counts(summary)).toEqual({ status: 'SUCCESS', imported: 1, updated: 0, ignored: 0, deleted: 0 });
    expect(await storedValues(t.db, w.provinceId)).toEqual(['DE_B|201203|OU_A|7']);
  });

  it('dryRun classifies exactly as a real run and writes nothing', async () => {
    const dry = await importFile(w.admin, 'b.csv', B_CSV(), { dryRun: 'true' });
    expect(dry.summary.importOptions.dryRun).toBe(true);
    expect(counts(dry.summary)).toEqual({ status: 'SUCCESS', imported: 12, updated: 0, ignored: 0, deleted: 0 });
    expect(await storedValues(t.db, w.provinceId)).toEqual([]);
    expect(await t.db.selectFrom('data_value_change').select('id').where('province_id', '=', w.provinceId).execute()).toEqual([]);
    await importFile(w.admin, 'b.csv', B_CSV());
    const changed = B_CSV().replace('"10001"', '"20001"');
    const dryAgain = await importFile(w.admin, 'b.csv', changed, { dryRun: 'TRUE' });
    expect(counts(dryAgain.summary)).toEqual({ status: 'SUCCESS', imported: 0, updated: 1, ignored: 11, deleted: 0 });
    expect(await storedValues(t.db, w.provinceId)).toContain('DE_A|201201|OU_A|10001');
  });

  it('a user of another province gets conflicts, not writes, for its units (E7617) and elements (E7610)', async () => {
    const other = await buildProvince(t.db);
    const user = await buildUser(t.db, { unitId: other.provinceId, roles: ['unit_admin'] });
    const stranger = await signedIn(t.baseUrl, user.username);
    const booleans = await importFile(stranger, 'bool.csv', dhis2Payload('dataValueSetBooleanTest.csv'));
    expect(counts(booleans.summary)).toEqual({ status: 'WARNING', imported: 0, updated: 0, ignored: 18, deleted: 0 });
    expect(conflictsOf(booleans.summary)).toEqual([
      'E7617 DiszpKrYNg8 [0,1,2,3,4,5,6,7,9,10,11,12,13,14,15,16,17]',
      'E7617 BdfsJfj87js [8]',
    ]);
    expect(booleans.summary.conflicts[0]?.value).toBe('Đơn vị nằm ngoài phạm vi quản lý của bạn.');
    const elements = await importFile(stranger, 'b.csv', B_CSV());
    expect(counts(elements.summary)).toMatchObject({ imported: 0, ignored: 12 });
    expect(conflictsOf(elements.summary)).toEqual(['E7610 f7n9E0hX8qk [0,1,2,3]', 'E7610 Ix2HsbDMLea [4,5,6,7]', 'E7610 eY5ehpbEsB7 [8,9,10,11]']);
    expect(await storedValues(t.db, w.provinceId)).toEqual([]);
    // nor can it read them out
    expect((await stranger.call(dhis2Endpoints.exportDataValueSetsJson, { query: exportQuery() })).status).toBe(404);
  });

  it('values of a submitted or approved report are refused (DVS102, E7642); a returned one is open', async () => {
    const report = async (unit: string, period: string, state: 'submitted' | 'approved' | 'returned') =>
      t.db
        .insertInto('report')
        .values({ id: uuidv7(), province_id: w.provinceId, unit_id: w.unitIds[unit] as number, data_set_id: w.dataSetId, period, state, version: 1, holder_unit_id: w.provinceId, created_at: new Date() })
        .execute();
    await report('OU_A', '201201', 'submitted');
    await report('OU_B', '201201', 'approved');
    await report('OU_A', '201202', 'returned');
    const { summary } = await importFile(w.admin, 'b.csv', B_CSV());
    expect(counts(summary)).toEqual({ status: 'WARNING', imported: 6, updated: 0, ignored: 6, deleted: 0 });
    expect(conflictsOf(summary)).toEqual(['DVS102 DS_A [0,4,8]', 'E7642 DS_A [1,5,9]']);
    expect(summary.conflicts[1]?.value).toBe('Báo cáo kỳ 201201 của biểu mẫu DS_A đã được phê duyệt; cần hủy phê duyệt trước khi sửa số liệu.');
  });

  it('refuses what our model cannot hold: wrong period type, future period, other attribute combo, other data set', async () => {
    const json = JSON.stringify({
      dataValues: [
        { dataElement: 'f7n9E0hX8qk', period: '2012Q1', orgUnit: 'DiszpKrYNg8', value: '1' },
        { dataElement: 'f7n9E0hX8qk', period: '202612', orgUnit: 'DiszpKrYNg8', value: '1' },
        { dataElement: 'f7n9E0hX8qk', period: '2012W5', orgUnit: 'DiszpKrYNg8', value: '1' },
        { dataElement: 'f7n9E0hX8qk', period: '201203', orgUnit: 'DiszpKrYNg8', attributeOptionCombo: 'kjuiHgy67hg', value: '1' },
        { dataElement: 'f7n9E0hX8qk', period: '201203', orgUnit: 'DiszpKrYNg8', categoryOptionCombo: 'kjuiHgy67hg', value: '1' },
        { dataElement: 'f7n9E0hX8qk', period: '201203', orgUnit: 'DiszpKrYNg8', value: '-3' },
        { dataElement: 'f7n9E0hX8qk', period: '2026-02', orgUnit: 'DiszpKrYNg8', value: '4' },
      ],
    });
    const { summary } = await importFile(w.admin, 'rules.json', json);
    expect(conflictsOf(summary)).toEqual([
      'E7632 2012Q1 [0]',
      'E7641 202612 [1]',
      'E7611 2012W5 [2]',
      'E7615 kjuiHgy67hg [3]',
      'E7613 kjuiHgy67hg [4]',
      'E7619 f7n9E0hX8qk [5]',
    ]);
    expect(counts(summary)).toEqual({ status: 'WARNING', imported: 1, updated: 0, ignored: 6, deleted: 0 });
    const csv = await importFile(w.admin, 'set.csv', 'dataelement,period,orgunit,coc,aoc,value\njH26dja2f30,201201,DiszpKrYNg8,,,true\n', { dataSet: 'pBOMPrpg1QX' });
    expect(conflictsOf(csv.summary)).toEqual(['E7633 jH26dja2f30 [0]']);
  });

  it('a file refused as a whole (unknown data set) or unreadable part-way ends the job failed with an ERROR summary', async () => {
    const unknownSet = await importFile(w.admin, 'b.csv', B_CSV(), { dataSet: 'nonEx1sting' });
    expect(unknownSet.job.status).toBe('failed');
    expect(unknownSet.summary.status).toBe('ERROR');
    expect(conflictsOf(unknownSet.summary)).toEqual(['E7600 nonEx1sting []']);
    expect(await storedValues(t.db, w.provinceId)).toEqual([]);
    const broken = await importFile(w.admin, 'broken.json', '{"dataValues":[{"dataElement":"f7n9E0hX8qk","period":"201201","orgUnit":"DiszpKrYNg8","value":"5"},{"dataElement":');
    expect(broken.job.status).toBe('failed');
    expect(broken.job.error).toContain('Tệp không đọc được từ sau giá trị thứ 1');
    expect(counts(broken.summary)).toEqual({ status: 'ERROR', imported: 1, updated: 0, ignored: 0, deleted: 0 });
  });

  it('shows progress per batch of 5,000 on the job: 12,000 values in three transactions', async () => {
    const periods = Array.from({ length: 12 }, (_, i) => `2011${String(i + 1).padStart(2, '0')}`);
    const dataValues = [];
    for (let i = 0; i < 12_000; i++) {
      const element = w.elementIds[['DE_B', 'DE_C', 'DE_D'][i % 3] as string] as number;
      const unit = w.unitIds[['OU_A', 'OU_B', 'OU_C'][Math.floor(i / 3) % 3] as string] as number;
      const period = periods[Math.floor(i / 9) % 12] as string;
      const year = 1900 + Math.floor(i / 108);
      dataValues.push({ dataElement: localUid('dataElement', element), period: `${year}${period.slice(4)}`, orgUnit: localUid('unit', unit), value: String(i) });
    }
    const started = await w.admin.upload(dhis2Endpoints.importDataValueSets, { query: {} }, 'big.json', JSON.stringify({ dataValues }));
    const seen = new Set<string>();
    for (;;) {
      const job = (await w.admin.call(jobEndpoints.get, { params: { id: started.body.jobId } })).body;
      seen.add(`${job.progress.done}/${job.progress.total}`);
      if (job.status === 'succeeded' || job.status === 'failed') {
        expect(job.status).toBe('succeeded');
        expect(job.progress).toEqual({ done: 12_000, total: 12_000 });
        expect(counts(job.result as never)).toEqual({ status: 'SUCCESS', imported: 12_000, updated: 0, ignored: 0, deleted: 0 });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // the total is known from the start (estimated from the file), and done moves batch by batch
    expect([...seen].filter((entry) => !entry.endsWith('/12000') && entry !== '0/null')).toEqual([]);
    const versions = await t.db.selectFrom('data_value_change').select('changed_at').where('province_id', '=', w.provinceId).execute();
    expect(versions).toHaveLength(12_000);
  });
});

describe('DHIS2 exchange permission', () => {
  it('a commune administrator may not import or export; a province administrator may', async () => {
    const communeAdmin = await buildUser(t.db, { unitId: w.unitIds.OU_A as number, roles: ['unit_admin'] });
    const commune = await signedIn(t.baseUrl, communeAdmin.username);
    const refused = await commune.upload(dhis2Endpoints.importDataValueSets, { query: {} }, 'b.csv', B_CSV());
    expect(refused.status).toBe(403);
    expect(errorBody(refused).message).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect((await commune.call(dhis2Endpoints.exportDataValueSetsJson, { query: exportQuery() })).status).toBe(403);
    const empty = await w.admin.upload(dhis2Endpoints.importDataValueSets, { query: {} }, 'empty.json', '');
    expect(empty.status).toBe(400);
    // a real import is audited when it is asked for (a dry run is not)
    const dry = await importFile(w.admin, 'b.csv', B_CSV(), { dryRun: 'true' });
    const real = await importFile(w.admin, 'b.csv', B_CSV());
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'after']).where('entity', '=', 'dhis2_import').execute();
    expect(audit.map((row) => row.entity_id)).toContain(real.job.id);
    expect(audit.map((row) => row.entity_id)).not.toContain(dry.job.id);
    expect(audit.find((row) => row.entity_id === real.job.id)).toMatchObject({ action: 'import', after: { file: 'b.csv', format: 'csv', importStrategy: 'CREATE_AND_UPDATE' } });
  });
});
