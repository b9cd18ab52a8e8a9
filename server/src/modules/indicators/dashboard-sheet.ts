import { ExcelJS } from '#server/shared/exceljs.ts';
import type { TDashboardChildren, TDashboardFigures } from '#contracts/indicators/dashboard.api.ts';
import { msg, vnDate } from '#server/shared/messages.ts';

/** Columns of the table, in order (row 5 of the sheet holds their Vietnamese headers). */
const COLUMNS = [
  { header: 'indicators.dashboard.colUnit', width: 40 },
  { header: 'indicators.dashboard.colCode', width: 12 },
  { header: 'indicators.dashboard.colNumerator', width: 14 },
  { header: 'indicators.dashboard.colDenominator', width: 14 },
  { header: 'indicators.dashboard.colValue', width: 12 },
  { header: 'indicators.dashboard.colGap', width: 16 },
  { header: 'indicators.dashboard.colEstimate', width: 10 },
] as const;

/** Row of the first unit (title, unit and period, target, blank, headers above it). */
export const SHEET_FIRST_ROW = 6;

/**
 * The children table as an .xlsx: a title block, one row per child in the table's order, then the unit's total;
 * figures are numbers (empty without data), "Có" in the last column for estimates, and the "≈" note below.
 */
export async function dashboardWorkbook(table: TDashboardChildren): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(msg('indicators.dashboard.sheetName'));
  const { indicator } = table;
  const numberFormat = indicator.decimals > 0 ? `0.${'0'.repeat(indicator.decimals)}` : '0';
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.getCell('A1').value = indicator.name;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = msg('indicators.dashboard.sheetUnitPeriod', {
    unit: table.unit.name,
    period: table.periodLabel,
    date: vnDate(table.asOf),
  });
  sheet.getCell('A3').value =
    indicator.target === null
      ? msg('indicators.dashboard.sheetNoTarget')
      : msg('indicators.dashboard.sheetTarget', { direction: indicator.targetDirection === 'lower' ? '≤' : '≥', target: indicator.target });
  const header = sheet.getRow(SHEET_FIRST_ROW - 1);
  header.values = COLUMNS.map((c) => msg(c.header));
  header.font = { bold: true };
  const line = (name: string, code: string | null, f: TDashboardFigures) => {
    const row = sheet.addRow([
      name,
      code ?? '',
      f.numerator ?? null,
      f.denominator ?? null,
      f.value ?? (f.hasData ? null : msg('indicators.dashboard.noData')),
      f.gap,
      f.apportioned ? msg('indicators.dashboard.yes') : '',
    ]);
    row.getCell(5).numFmt = numberFormat;
    row.getCell(6).numFmt = numberFormat;
    return row;
  };
  for (const r of table.rows) line(r.name, r.code, r);
  line(msg('indicators.dashboard.totalRow', { unit: table.unit.name }), table.unit.code, table.total).font = { bold: true };
  if (table.total.apportioned || table.rows.some((r) => r.apportioned)) {
    sheet.addRow([]);
    sheet.addRow([msg('indicators.dashboard.estimateNote')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An ASCII file name: chi-so-TLGQ-202401-202412.xlsx. */
export const dashboardFileName = (table: TDashboardChildren) => `chi-so-${table.indicator.code}-${table.from}-${table.to}.xlsx`;
