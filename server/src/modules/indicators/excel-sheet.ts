import { ExcelJS } from '#server/shared/exceljs.ts';
import { MAX_MAGNITUDE, MAX_TEXT_LENGTH, type ValueType } from '#contracts/indicators/value-type.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/**
 * The layout of a data set's Excel template, written and read here (no SQL, no HTTP): a title row, an info row,
 * a hidden row of ids (so an upload maps columns by id even after the user reorders or renames them), the
 * header row, then one row per reporting row (a unit, or a village of a commune).
 */

/** One value column: an element × one of its disaggregations. */
export interface TemplateColumn {
  dataElementId: number;
  cocId: number;
  /** "Số đơn thư tiếp nhận – Đất đai": the header users see, also what an upload without ids is matched on. */
  header: string;
  valueType: ValueType;
}

export interface TemplateRow {
  unitId: number;
  name: string;
  parentName: string | null;
  /** Current values by columnKey: numbers as numbers, yes/no and text as text. */
  cells: Map<string, number | string>;
}

/** Texts of the sheet (Vietnamese, from the server's catalogue). */
export interface TemplateTexts {
  sheetName: string;
  title: string;
  info: string;
  unitId: string;
  unitName: string;
  parent: string;
  yes: string;
  no: string;
  invalidTitle: string;
  hints: Record<ValueType, string>;
}

/** 1-based rows of the layout. */
export const TITLE_ROW = 1;
export const ID_ROW = 3;
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;
/** Fixed columns before the values: unit id, unit name, parent name. */
const FIXED = ['#unit', '#name', '#parent'] as const;
const META = '#template:';

export const columnKey = (c: { dataElementId: number; cocId: number }) => `${c.dataElementId}:${c.cocId}`;
const columnId = (c: TemplateColumn) => `#v:${columnKey(c)}`;

/** A spreadsheet column's letters from its 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

type Validation = { type: string; operator?: string; formulae: (string | number)[] };

function validationOf(valueType: ValueType, texts: TemplateTexts): Validation {
  switch (valueType) {
    case 'integer':
      return { type: 'whole', operator: 'between', formulae: [0, MAX_MAGNITUDE] };
    case 'number':
      return { type: 'decimal', operator: 'between', formulae: [-MAX_MAGNITUDE, MAX_MAGNITUDE] };
    case 'percentage':
      return { type: 'decimal', operator: 'between', formulae: [0, 100] };
    case 'yes_no':
      return { type: 'list', formulae: [`"${texts.yes},${texts.no}"`] };
    case 'text':
      return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [MAX_TEXT_LENGTH] };
  }
}

/** exceljs 4.4 writes `worksheet.dataValidations` ranges but does not declare them in its types. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: Record<string, unknown>): void };
}

/** The template as .xlsx bytes: pre-filled values, ids in the hidden row, validation hints, frozen panes. */
export async function buildTemplate(
  meta: { dataSetId: number; period: string },
  texts: TemplateTexts,
  columns: readonly TemplateColumn[],
  rows: readonly TemplateRow[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(texts.sheetName, { views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }] });
  const width = FIXED.length + columns.length;
  sheet.getCell(TITLE_ROW, 1).value = texts.title;
  sheet.getCell(TITLE_ROW, 1).font = { bold: true, size: 14 };
  sheet.getCell(TITLE_ROW + 1, 1).value = texts.info;
  sheet.getCell(TITLE_ROW + 1, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(TITLE_ROW + 1).height = 45;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  sheet.mergeCells(TITLE_ROW + 1, 1, TITLE_ROW + 1, width);

  const ids = sheet.getRow(ID_ROW);
  ids.values = [...FIXED, ...columns.map(columnId), `${META}${meta.dataSetId}:${meta.period}`];
  ids.hidden = true;

  const header = sheet.getRow(HEADER_ROW);
  header.values = [texts.unitId, texts.unitName, texts.parent, ...columns.map((c) => c.header)];
  header.height = 60;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FB' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  rows.forEach((row, i) => {
    const line = sheet.getRow(FIRST_DATA_ROW + i);
    line.values = [row.unitId, row.name, row.parentName ?? '', ...columns.map((c) => row.cells.get(columnKey(c)) ?? null)];
    for (let col = 1; col <= FIXED.length; col++) line.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 32;
  sheet.getColumn(3).width = 24;
  const last = FIRST_DATA_ROW + Math.max(rows.length, 1) - 1;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(FIXED.length + 1 + i);
    column.width = c.valueType === 'text' ? 40 : 16;
    (sheet as unknown as RangeValidations).dataValidations.add(`${column.letter}${FIRST_DATA_ROW}:${column.letter}${last}`, {
      ...validationOf(c.valueType, texts),
      allowBlank: true,
      showInputMessage: true,
      prompt: texts.hints[c.valueType],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: texts.invalidTitle,
      error: texts.hints[c.valueType],
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Where an uploaded table keeps its units and values. */
export interface SheetLayout {
  /** 0-based index of the first data row. */
  firstDataRow: number;
  unitColumn: number;
  /** 0-based column index → the value column it holds. */
  columns: Map<number, TemplateColumn>;
  /** The data set and period the template was made for (null: a sheet without the hidden id row). */
  meta: { dataSetId: number; period: string } | null;
}

export type LayoutProblem = { problem: 'noUnitColumn' } | { problem: 'duplicateColumn'; column: string };

/** How many rows from the top are searched for the id and header rows. */
const SEARCH_ROWS = 10;

/**
 * Finds the columns of an uploaded table: by the hidden id row when it is there (reordered or renamed columns
 * still map), otherwise by header names compared without diacritics or case. Id cells of elements no longer
 * in the set, and unknown headers, are ignored (no value column at all is the caller's error to name).
 */
export function locateLayout(table: readonly (readonly string[])[], columns: readonly TemplateColumn[], unitHeaders: readonly string[]): SheetLayout | LayoutProblem {
  const top = table.slice(0, SEARCH_ROWS);
  const idRow = top.findIndex((cells) => cells.some((cell) => cell.trim() === FIXED[0]));
  const folded = new Set(unitHeaders.map(foldVi));
  const headerRow = top.findIndex((cells) => cells.some((cell) => folded.has(foldVi(cell))));
  if (idRow < 0 && headerRow < 0) return { problem: 'noUnitColumn' };
  const mapped = new Map<number, TemplateColumn>();
  let unitColumn: number;
  let meta: SheetLayout['meta'] = null;
  if (idRow >= 0) {
    const cells = (table[idRow] ?? []).map((cell) => cell.trim());
    unitColumn = cells.indexOf(FIXED[0]);
    const byId = new Map(columns.map((c) => [columnId(c), c]));
    cells.forEach((cell, index) => {
      const column = byId.get(cell);
      if (column) mapped.set(index, column);
      const found = cell.startsWith(META) ? /^(\d+):(\w+)$/.exec(cell.slice(META.length)) : null;
      if (found) meta = { dataSetId: Number(found[1]), period: String(found[2]) };
    });
  } else {
    const cells = (table[headerRow] ?? []).map(foldVi);
    unitColumn = cells.findIndex((cell) => folded.has(cell));
    const byHeader = new Map(columns.map((c) => [foldVi(c.header), c]));
    cells.forEach((cell, index) => {
      const column = byHeader.get(cell);
      if (column) mapped.set(index, column);
    });
  }
  const seen = new Set<string>();
  for (const column of mapped.values()) {
    if (seen.has(columnKey(column))) return { problem: 'duplicateColumn', column: column.header };
    seen.add(columnKey(column));
  }
  // the template's header row follows its id row: when "Mã đơn vị" was renamed, it is still not data
  const firstDataRow = headerRow >= 0 ? Math.max(idRow, headerRow) + 1 : idRow + 2;
  return { firstDataRow, unitColumn, columns: mapped, meta };
}
