import { describe, expect, it } from 'vitest';
import { csvColumns, estimateValueCount, readCsvValues, readJsonValues, UnreadableFile, type Dhis2Header, type RawValue } from './dhis2-import-read.ts';
import { SummaryBuilder } from './dhis2-summary.ts';

async function readJson(text: string, batchSize = 2) {
  const batches: RawValue[][] = [];
  let header: Dhis2Header | null = null;
  await readJsonValues(
    Buffer.from(text),
    batchSize,
    async (batch) => {
      expect(header, 'the header comes before the values').not.toBeNull();
      batches.push(batch);
    },
    async (h) => {
      header = h;
    },
  );
  return { batches, header: header as Dhis2Header | null };
}

describe('reading DHIS2 JSON', () => {
  it('streams values in batches with their index, the header (keys before dataValues) first', async () => {
    const text = JSON.stringify({
      dataSet: 'pBOMPrpg1QX',
      period: '201201',
      idScheme: 'code',
      unknown: { nested: [1, 2] },
      dataValues: [
        { dataElement: 'A', value: 10, storedBy: 'x', created: 'y', followup: false },
        { dataElement: 'B', value: '5', comment: 'c', categoryOptionCombo: { sex: 'F' } },
        { dataElement: 'C', value: null, deleted: true },
      ],
      orgUnit: 'late',
    });
    const { batches, header } = await readJson(text);
    expect(header).toEqual({ dataSet: 'pBOMPrpg1QX', period: '201201', idScheme: 'code' });
    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
    expect(batches.flat()).toEqual([
      { index: 0, dataElement: 'A', value: '10', deleted: false },
      { index: 1, dataElement: 'B', value: '5', comment: 'c', deleted: false },
      { index: 2, dataElement: 'C', deleted: true },
    ]);
  });

  it('hands over the values before a break in the file, then says it is unreadable', async () => {
    const values: RawValue[] = [];
    const reading = readJsonValues(Buffer.from('{"dataValues":[{"dataElement":"A","value":"1"},{"dataElement":'), 10, async (batch) => {
      values.push(...batch);
    }, async () => undefined);
    await expect(reading).rejects.toBeInstanceOf(UnreadableFile);
    expect(values.map((value) => value.dataElement)).toEqual(['A']);
  });

  it('waits for each batch before reading on (back-pressure), one batch at a time', async () => {
    const values = Array.from({ length: 25 }, (_, i) => ({ dataElement: `E${i}`, value: String(i) }));
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await readJsonValues(Buffer.from(JSON.stringify({ dataValues: values })), 4, async (batch) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(...batch.map((value) => value.index));
      running--;
    }, async () => undefined);
    expect(most).toBe(1);
    expect(seen).toEqual(values.map((_, i) => i));
  });
});

describe('reading DHIS2 CSV', () => {
  it('reads by position as 2.42 does unless the header names the columns', () => {
    expect(csvColumns(['dataelelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo', 'value']).byName).toBe(false);
    const named = csvColumns(['orgUnit', 'period', 'value', 'dataElement', 'comment']);
    expect(named).toEqual({ byName: true, columns: ['orgUnit', 'period', 'value', 'dataElement', 'comment'] });
  });

  it('skips the header, keeps the row index, reads short rows, leaves empty cells out', async () => {
    const csv = '"dataelement","period","orgunit","categoryoptioncombo","attributeoptioncombo","value","storedby","timestamp","comment","followup","deleted"\n' +
      '"f7n9E0hX8qk","201201","DiszpKrYNg8","","","10001","john","2012-01-01","comment","false"\n' +
      'Ix2HsbDMLea,201202,BdfsJfj87js,,,7,,,,,true\n';
    const values: RawValue[] = [];
    await readCsvValues(Buffer.from(csv), 10, async (batch) => {
      values.push(...batch);
    });
    expect(values).toEqual([
      { index: 0, dataElement: 'f7n9E0hX8qk', period: '201201', orgUnit: 'DiszpKrYNg8', value: '10001', comment: 'comment', deleted: false },
      { index: 1, dataElement: 'Ix2HsbDMLea', period: '201202', orgUnit: 'BdfsJfj87js', value: '7', deleted: true },
    ]);
    expect(estimateValueCount(Buffer.from(csv), 'csv')).toBe(2);
  });
});

describe('the import summary', () => {
  it('merges conflicts by code, object and reason, and says WARNING; a refused file says ERROR', () => {
    const summary = new SummaryBuilder({ dryRun: false, importStrategy: 'CREATE_AND_UPDATE', format: 'json' });
    summary.reject(1, 'E7610', 'nonEx1sting', 'không có');
    summary.reject(0, 'E7610', 'nonEx1sting', 'không có');
    summary.reject(2, 'E7612', 'nonEx1sting', 'không thấy');
    summary.count.imported++;
    const built = summary.build('xong');
    expect(built).toMatchObject({
      status: 'WARNING',
      description: 'xong',
      importCount: { imported: 1, updated: 0, ignored: 3, deleted: 0 },
      // indexes in file order, whatever order batches written side by side recorded them in
      conflicts: [
        { object: 'nonEx1sting', errorCode: 'E7610', indexes: [0, 1] },
        { object: 'nonEx1sting', errorCode: 'E7612', indexes: [2] },
      ],
      rejectedIndexes: [0, 1, 2],
      truncated: false,
    });
    summary.fail('E7600', 'x', 'không có biểu mẫu');
    expect(summary.build('xong')).toMatchObject({ status: 'ERROR', description: 'không có biểu mẫu' });
  });
});
