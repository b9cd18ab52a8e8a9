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
 * A CSV text's rows: one scan finds where each line starts and ends (line ends outside quotes); a row's fields are
 * made only when it is read, so an import that reads row after row keeps no more than one row's strings alive.
 * A last line that is empty is not a row.
 */
export function csvTable(text: string): SheetRows {
  const delimiter = delimiterOf(text);
  const starts: number[] = [];
  const ends: number[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      starts.push(from);
      ends.push(i);
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      from = i + 1;
    }
  }
  if (from < text.length) {
    starts.push(from);
    ends.push(text.length);
  }
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
  const starts: number[] = [];
  const ends: number[] = [];
  const ascii: boolean[] = [];
  let from = first;
  let plain = true;
  let quoted = false;
  for (let i = first; i < data.length; i++) {
    const c = data[i] as number;
    if (c >= 0x80) plain = false;
    else if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      starts.push(from);
      ends.push(i);
      ascii.push(plain);
      if (c === CR && data[i + 1] === LF) i++;
      from = i + 1;
      plain = true;
    }
  }
  if (from < data.length) {
    starts.push(from);
    ends.push(data.length);
    ascii.push(plain);
  }
  return {
    length: starts.length,
    row: (index) => {
      if (index < 0 || index >= starts.length) return [];
      const text = ascii[index] ? data.toString('latin1', starts[index], ends[index]) : data.toString('utf8', starts[index], ends[index]).normalize('NFC');
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
