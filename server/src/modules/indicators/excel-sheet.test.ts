import { describe, expect, it } from 'vitest';
import { columnLetter, locateLayout, type TemplateColumn } from './excel-sheet.ts';

const columns: TemplateColumn[] = [
  { dataElementId: 7, cocId: 1, header: 'Số đơn thư tiếp nhận', valueType: 'integer' },
  { dataElementId: 8, cocId: 1, header: 'Số đơn thư đã giải quyết', valueType: 'integer' },
];
const UNIT = ['Mã đơn vị'];

describe('Excel template layout', () => {
  it('names columns by letters', () => {
    expect([0, 3, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('maps columns by the hidden id row, whatever the headers and order say', () => {
    const table = [
      ['Tiêu đề'],
      ['Ghi chú'],
      ['#v:8:1', '#name', '#unit', '#v:7:1', '#v:99:1', '#template:12:202602'],
      ['Cột đổi tên', 'Đơn vị', 'Mã', 'Số đơn thư đã giải quyết'],
      ['3', 'Xã A', '41', '5'],
    ];
    const layout = locateLayout(table, columns, UNIT);
    expect(layout).toEqual({ firstDataRow: 4, unitColumn: 2, columns: new Map([[0, columns[1]], [3, columns[0]]]), meta: { dataSetId: 12, period: '202602' } });
  });

  it('falls back to header names without diacritics or case, and refuses a sheet without a unit column or with a column twice', () => {
    expect(locateLayout([['so don thu da giai quyet', 'MA DON VI', 'Khác']], columns, UNIT)).toEqual({ firstDataRow: 1, unitColumn: 1, columns: new Map([[0, columns[1]]]), meta: null });
    expect(locateLayout([['Đơn vị', 'Số đơn thư tiếp nhận']], columns, UNIT)).toEqual({ problem: 'noUnitColumn' });
    expect(locateLayout([['Mã đơn vị', 'Số đơn thư tiếp nhận', 'số đơn thư tiếp nhận']], columns, UNIT)).toEqual({ problem: 'duplicateColumn', column: 'Số đơn thư tiếp nhận' });
  });
});
