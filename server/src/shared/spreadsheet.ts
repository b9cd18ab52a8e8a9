import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { AppError, fieldMessage, invalidField } from './errors.ts';
import type { Upload } from './http/endpoint-route.ts';
import { msg } from './messages.ts';
import { foldVi } from './vn-text.ts';
import { checkZipSize, ZipRefused } from './zip-directory.ts';
import { csvBytes, parseCsvText, type SheetRows } from './csv.ts';

/** One data row of an uploaded sheet: `row` is the spreadsheet row number (the header is row 1). */
export interface SheetRow {
  row: number;
  /** Cell text by column key (see readSheet's `columns`). Missing cells are ''. */
  cells: Record<string, string>;
}

/** Largest number of data rows one import accepts. */
export const MAX_IMPORT_ROWS = 20_000;
/** Largest number of columns a sheet row may have. */
export const MAX_IMPORT_COLUMNS = 50;
/** Largest total uncompressed size of an .xlsx (all its XML parts): 20,000 rows of text need far less. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;

const fileError = (problem: string) => invalidField('file', problem);

/**
 * Reads the first sheet of an .xlsx or a .csv upload into rows keyed by column. `columns` maps a key to the
 * header names accepted for it (compared without diacritics or case: "Ho va ten" matches "Họ và tên").
 * Required columns missing from the header give a 400 naming them.
 */
export async function readSheet(
  upload: Upload,
  columns: Record<string, { headers: readonly string[]; required: boolean }>,
): Promise<SheetRow[]> {
  const table = isCsv(upload) ? parseCsvText(decodeUtf8(upload.data)) : await readXlsx(upload.data);
  if (table.some((cells) => cells.length > MAX_IMPORT_COLUMNS)) throw tooManyColumns();
  const [header, ...body] = table;
  if (!header || header.every((cell) => cell.trim() === '')) throw fileError(msg('sheet.noHeader'));
  const folded = header.map((cell) => foldVi(cell));
  const positions: Record<string, number> = {};
  for (const [key, spec] of Object.entries(columns)) {
    const index = folded.findIndex((cell) => spec.headers.some((name) => foldVi(name) === cell));
    if (index >= 0) positions[key] = index;
    else if (spec.required) throw fileError(msg('sheet.missingColumn', { column: spec.headers[0] ?? key }));
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
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  return rows;
}

/**
 * Reads the first sheet of an .xlsx or .csv upload as a table of cell texts from row 1, for imports that find
 * their own header (a template with a title and a hidden id row). The caps of readSheet apply, with
 * `headerRows` rows allowed above the 20,000 data rows (or `maxRows`, for an import made for large files) and the
 * column cap raised to `maxColumns` for a template whose columns the server itself laid out. Cells are in NFC.
 */
export async function readSheetTable(upload: Upload, options: TableOptions = {}): Promise<string[][]> {
  const caps = tableCaps(options);
  // NFC of a CSV's whole text is that of each field (its delimiters, quotes and line ends never compose)
  const table = isCsv(upload) ? parseCsvText(decodeUtf8(upload.data).normalize('NFC')) : await readXlsx(upload.data, caps);
  if (table.some((cells) => cells.length > caps.maxColumns)) throw tooManyColumns(caps.maxColumns);
  if (table.length > caps.maxRows) throw tooManyRows(caps.dataRows);
  return isCsv(upload) ? table : table.map((cells) => cells.map((cell) => cell.normalize('NFC')));
}

/**
 * readSheetTable for a large import: a CSV's rows are read one at a time when asked (none held as strings meanwhile:
 * an export of 100,000 forms), an .xlsx's as readSheetTable reads them. The same caps, the same cells (NFC).
 */
export async function readSheetRows(upload: Upload, options: TableOptions = {}): Promise<SheetRows> {
  if (!isCsv(upload)) {
    const table = await readSheetTable(upload, options);
    return { length: table.length, row: (index) => table[index] ?? [] };
  }
  const caps = tableCaps(options);
  if (!isUtf8(upload.data)) throw fileError(msg('sheet.notUtf8'));
  const table = csvBytes(upload.data);
  if (table.length > caps.maxRows) throw tooManyRows(caps.dataRows);
  return {
    length: table.length,
    row: (index) => {
      const cells = table.row(index);
      if (cells.length > caps.maxColumns) throw tooManyColumns(caps.maxColumns);
      return cells;
    },
  };
}

/** How readSheetTable and readSheetRows may go past readSheet's caps (see readSheetTable). */
interface TableOptions {
  maxColumns?: number;
  headerRows?: number;
  maxRows?: number;
}

/** The caps of a table read: columns, rows in all (the header rows with the data rows), and data rows. */
function tableCaps(options: TableOptions): Caps {
  const dataRows = Math.max(options.maxRows ?? MAX_IMPORT_ROWS, MAX_IMPORT_ROWS);
  return { maxColumns: Math.max(options.maxColumns ?? MAX_IMPORT_COLUMNS, MAX_IMPORT_COLUMNS), maxRows: dataRows + (options.headerRows ?? 1), dataRows };
}

function decodeUtf8(data: Buffer): string {
  if (!isUtf8(data)) throw fileError(msg('sheet.notUtf8'));
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const isCsv = (upload: Upload) => upload.filename.toLowerCase().endsWith('.csv');
const tooManyColumns = (max = MAX_IMPORT_COLUMNS) => fileError(msg('sheet.tooManyColumns', { max }));
const tooManyRows = (max = MAX_IMPORT_ROWS) => fileError(msg('sheet.tooManyRows', { max }));
const unreadableXlsx = () => fileError(msg('sheet.unreadableXlsx'));

/**
 * Checks an upload before any parsing: an .xlsx is a zip, and its central directory says how large it becomes
 * once inflated. Over the limit (a zip bomb, or simply too much) is a 413; a declaration that lies is caught by
 * a counting pass that keeps nothing. CSV needs no check (the upload itself is capped at 5 MB).
 */
export async function checkSheetUpload(upload: Upload): Promise<void> {
  if (isCsv(upload)) return;
  try {
    await checkZipSize(upload.data, MAX_XLSX_UNCOMPRESSED_BYTES);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === 'notZip') throw unreadableXlsx();
    const limit = MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024;
    throw new AppError(413, 'too_large', fieldMessage('file', msg('sheet.xlsxTooLarge', { limit })), [
      { field: 'file', message: msg('sheet.xlsxTooLargeField', { limit }) },
    ]);
  }
}

/**
 * Streams the first worksheet row by row (exceljs' streaming reader: the workbook is never held whole), with the
 * row and column caps enforced as rows arrive, after the size check above. The streaming reader parks a sheet
 * that precedes the shared strings in a temporary file and follows the zip stream's timing; a file it fails on
 * is read once more in memory (bounded by the size check) before being called unreadable, and the streaming
 * failure is logged by the error handler as the refusal's cause.
 */
async function readXlsx(data: Buffer, caps: Caps = tableCaps({})): Promise<string[][]> {
  await checkSheetUpload({ filename: 'x.xlsx', data });
  let streamed: unknown;
  try {
    return await streamFirstSheet(data, caps);
  } catch (error) {
    if (error instanceof AppError) throw error;
    streamed = error;
  }
  try {
    return await loadFirstSheet(data, caps);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw Object.assign(unreadableXlsx(), { cause: streamed });
  }
}

/** Columns, rows from row 1, and the data rows a refusal names. */
type Caps = { maxColumns: number; maxRows: number; dataRows: number };

/** One row's cell texts, after the caps. */
function rowTexts(row: ExcelJS.Row, caps: Caps): string[] {
  if (row.number > caps.maxRows) throw tooManyRows(caps.dataRows);
  if (row.cellCount > caps.maxColumns) throw tooManyColumns(caps.maxColumns);
  const cells: string[] = [];
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cells[col - 1] = cell.text ?? '';
  });
  return Array.from(cells, (cell) => cell ?? '');
}

async function streamFirstSheet(data: Buffer, caps: Caps): Promise<string[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let table: string[][] | undefined;
  // Read to the end: exceljs removes a parked sheet's temporary file only when asked for the next sheet, so
  // stopping after the first one left a file in the temporary directory per upload. Later sheets are skimmed.
  for await (const worksheet of reader) {
    const rows = worksheet as AsyncIterable<ExcelJS.Row>;
    if (table) for await (const _ of rows);
    else {
      table = [];
      for await (const row of rows) table[row.number - 1] = rowTexts(row, caps);
    }
  }
  if (!table) throw fileError(msg('sheet.noSheet'));
  return Array.from(table, (row) => row ?? []);
}

async function loadFirstSheet(data: Buffer, caps: Caps): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw fileError(msg('sheet.noSheet'));
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    table[row.number - 1] = rowTexts(row, caps);
  });
  return Array.from(table, (row) => row ?? []);
}

