import { isAscii } from 'node:buffer';

/**
 * RFC 4180 CSV with `,` or `;` (Excel in the Vietnamese locale writes `;`), quoted fields, CRLF or LF. A quote opens
 * or closes quoting anywhere in a field, and "" inside quotes is one ". Line ends inside quotes belong to the field.
 */

/** Rows of a sheet, read one at a time when asked (row 0 is the first line, usually the header). */
export interface SheetRows {
  readonly length: number;
  row(index: number): string[];
}

const [QUOTE, COMMA, SEMICOLON, LF, CR] = ['"', ',', ';', '\n', '\r'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];

/** The delimiter: `;` when the first line has more of them than of `,`. */
function delimiterOf(text: string): number {
  const end = text.indexOf('\n');
  const firstLine = end >= 0 ? text.slice(0, end) : text;
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? SEMICOLON : COMMA;
}

/**
 * Where each line starts and ends: line ends (LF, CRLF or CR) outside quotes, found by `find` (the text's or the
 * buffer's indexOf, which run natively: a quote, CR and LF are looked for, not every character read in JavaScript).
 * A last line that is empty is not a line; an unterminated quote runs to the end.
 */
function lineBounds(length: number, first: number, find: (code: number, from: number) => number): { starts: number[]; ends: number[] } {
  const next = (code: number, from: number) => {
    const at = find(code, from);
    return at < 0 ? length : at;
  };
  const starts: number[] = [];
  const ends: number[] = [];
  let from = first;
  // where the search for the line's end goes on (past a quoted run), and the next quote, LF and CR from there
  let at = first;
  let quote = next(QUOTE, at);
  let lf = next(LF, at);
  let cr = next(CR, at);
  while (from < length) {
    if (quote < at) quote = next(QUOTE, at);
    if (lf < at) lf = next(LF, at);
    if (cr < at) cr = next(CR, at);
    let end = Math.min(lf, cr);
    if (quote < end) {
      at = next(QUOTE, quote + 1) + 1;
      if (at <= length) continue;
      end = length;
    }
    starts.push(from);
    ends.push(end);
    from = end === cr && lf === cr + 1 ? end + 2 : end + 1;
    at = from;
  }
  return { starts, ends };
}

/**
 * A CSV text's rows: one scan finds where each line starts and ends; a row's fields are made only when it is read,
 * so an import that reads row after row keeps no more than one row's strings alive.
 */
export function csvTable(text: string): SheetRows {
  const delimiter = delimiterOf(text);
  const { starts, ends } = lineBounds(text.length, 0, (code, from) => text.indexOf(String.fromCharCode(code), from));
  return { length: starts.length, row: (index) => (index < 0 || index >= starts.length ? [] : csvFields(text, starts[index] as number, ends[index] as number, delimiter)) };
}

/**
 * csvTable over the bytes of a UTF-8 file, without making the file one string first: the line ends are found in
 * the bytes (a quote, CR and LF are never part of a multi-byte character), and a row is decoded when it is read:
 * as Latin-1 when all its bytes are ASCII (the same text, decoded faster), else as UTF-8 and put in NFC. The caller
 * has checked the bytes are UTF-8; a byte order mark is skipped.
 */
export function csvBytes(data: Buffer): SheetRows {
  const first = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const lineEnd = data.indexOf(LF, first);
  const delimiter = delimiterOf(data.toString('utf8', first, lineEnd >= 0 ? lineEnd : data.length));
  const { starts, ends } = lineBounds(data.length, first, (code, from) => data.indexOf(code, from));
  return {
    length: starts.length,
    row: (index) => {
      if (index < 0 || index >= starts.length) return [];
      const [start, end] = [starts[index] as number, ends[index] as number];
      const text = isAscii(data.subarray(start, end)) ? data.toString('latin1', start, end) : data.toString('utf8', start, end).normalize('NFC');
      return csvFields(text, 0, text.length, delimiter);
    },
  };
}

/**
 * The fields of one line (text[from, to)): runs of text between quotes and delimiters, sliced rather than built a
 * character at a time (a survey export has millions of fields).
 */
function csvFields(text: string, from: number, to: number, delimiter: number): string[] {
  const fields: string[] = [];
  let field = '';
  let run = from;
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      field += text.slice(run, i);
      if (i + 1 < to && text.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i++;
      } else quoted = false;
      run = i + 1;
    } else if (c === QUOTE) {
      field += text.slice(run, i);
      quoted = true;
      run = i + 1;
    } else if (c === delimiter) {
      fields.push(field + text.slice(run, i));
      field = '';
      run = i + 1;
    }
  }
  fields.push(field + text.slice(run, to));
  return fields;
}

/** Every row of a CSV text at once. */
export function parseCsvText(text: string): string[][] {
  const table = csvTable(text);
  return Array.from({ length: table.length }, (_, index) => table.row(index));
}
