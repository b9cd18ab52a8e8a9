import ExcelJS from 'exceljs';
import { AppError } from './errors.ts';
import type { Upload } from './http/endpoint-route.ts';
import { foldVi } from './vn-text.ts';

/** One data row of an uploaded sheet: `row` is the spreadsheet row number (the header is row 1). */
export interface SheetRow {
  row: number;
  /** Cell text by column key (see readSheet's `columns`). Missing cells are ''. */
  cells: Record<string, string>;
}

/** Largest number of data rows one import accepts. */
export const MAX_IMPORT_ROWS = 20_000;

const fileError = (problem: string) =>
  new AppError(400, 'validation', `Tệp (file): ${problem}`, [{ field: 'file', message: problem }]);

/**
 * Reads the first sheet of an .xlsx or a .csv upload into rows keyed by column. `columns` maps a key to the
 * header names accepted for it (compared without diacritics or case: "Ho va ten" matches "Họ và tên").
 * Required columns missing from the header give a 400 naming them.
 */
export async function readSheet(
  upload: Upload,
  columns: Record<string, { headers: string[]; required: boolean }>,
): Promise<SheetRow[]> {
  const table = upload.filename.toLowerCase().endsWith('.csv') ? parseCsvText(decodeUtf8(upload.data)) : await readXlsx(upload.data);
  const [header, ...body] = table;
  if (!header || header.every((cell) => cell.trim() === '')) throw fileError('không có dòng tiêu đề.');
  const folded = header.map((cell) => foldVi(cell));
  const positions: Record<string, number> = {};
  for (const [key, spec] of Object.entries(columns)) {
    const index = folded.findIndex((cell) => spec.headers.some((name) => foldVi(name) === cell));
    if (index >= 0) positions[key] = index;
    else if (spec.required) throw fileError(`thiếu cột "${spec.headers[0]}" ở dòng tiêu đề.`);
  }
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const record: Record<string, string> = {};
    for (const key of Object.keys(columns)) {
      const at = positions[key];
      record[key] = at === undefined ? '' : (cells[at] ?? '').normalize('NFC').trim();
    }
    rows.push({ row: i + 2, cells: record });
  });
  if (rows.length > MAX_IMPORT_ROWS) throw fileError(`quá nhiều dòng (tối đa ${MAX_IMPORT_ROWS}).`);
  return rows;
}

function decodeUtf8(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    throw fileError('tệp CSV phải được lưu với mã hóa UTF-8.');
  }
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError('không đọc được tệp Excel (.xlsx). Hãy lưu lại tệp bằng Excel hoặc xuất ra CSV UTF-8.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('tệp Excel không có trang tính nào.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(table, (row) => row ?? []);
}

/** RFC 4180 CSV with `,` or `;` (Excel in Vietnamese locale writes `;`), quoted fields, CRLF or LF. */
export function parseCsvText(text: string): string[][] {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
