import { ExcelJS } from '#server/shared/exceljs.ts';

/** One column of a sheet's header: `label::Tiếng Việt` is key `label`, language `Tiếng Việt`; `label` has language null. */
export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** The header as written, trimmed (used in messages and as a choice filter's key). */
  header: string;
  /** The header's base lower-cased, spaces as `_` (`list name` → `list_name`). */
  key: string;
  language: string | null;
}

/** A non-empty row: `row` is the Excel row number, cells by column index (trimmed, NFC). */
export interface Row {
  row: number;
  cells: string[];
}

export interface Sheet {
  /** The sheet's name as written in the workbook, trimmed. */
  name: string;
  columns: Column[];
  rows: Row[];
}

/** Reads a header cell: `label::Deutsch (de)`, `label:English` (one colon, older forms), ` name ` (stray spaces). */
export function parseHeader(index: number, raw: string): Column {
  const header = raw.trim();
  const double = header.indexOf('::');
  const single = header.indexOf(':');
  const at = double >= 0 ? double : single;
  const base = at >= 0 ? header.slice(0, at) : header;
  const language = at >= 0 ? header.slice(at + (double >= 0 ? 2 : 1)).trim() : null;
  return { index, header, key: base.trim().toLowerCase().replace(/\s+/g, '_'), language };
}

const cellText = (cell: ExcelJS.Cell): string => {
  const text: unknown = cell.text;
  return (typeof text === 'string' ? text : text == null ? '' : String(text)).normalize('NFC').trim();
};

/** The workbook's sheets by canonical name (`survey`, `choices`, `settings`; case and spaces ignored); others are left out. */
export async function loadSheets(data: Buffer, wanted: readonly string[]): Promise<Map<string, Sheet>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheets = new Map<string, Sheet>();
  for (const worksheet of workbook.worksheets) {
    const canonical = worksheet.name.trim().toLowerCase();
    if (!wanted.includes(canonical) || sheets.has(canonical)) continue;
    const table: Row[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      const filled = Array.from(cells, (cell) => cell ?? '');
      if (filled.some((cell) => cell !== '')) table.push({ row: number, cells: filled });
    });
    const [header, ...rows] = table;
    const columns = (header?.cells ?? []).flatMap((raw, index) => (raw === '' ? [] : [parseHeader(index, raw)]));
    sheets.set(canonical, { name: worksheet.name.trim(), columns, rows });
  }
  return sheets;
}

/** Excel's letter for a 0-based column index (0 → A, 27 → AB), for messages. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
