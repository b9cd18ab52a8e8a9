import { createRequire, Module } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type * as Saxes from 'saxes';

/**
 * exceljs, with its XML reader fixed to decode UTF-8 across chunk boundaries. exceljs 4.4 decodes every chunk of
 * a zip entry on its own (lib/utils/parse-sax.js: `textDecoder.decode(chunk)`, upstream issue #2316), so the
 * streaming reader turns a Vietnamese character that straddles two chunks into "��": about 1 row in 700 of a
 * 20,000-row list of names came back corrupted, silently. The replacement below is exceljs' own parser loop with
 * a streaming TextDecoder; it is put in the CommonJS cache before exceljs loads, so every exceljs reader uses it.
 * Every import of exceljs goes through this file (eslint), and loading it after exceljs is an error.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const exceljsRequire = createRequire(parseSaxPath);
const { SaxesParser } = exceljsRequire('saxes') as typeof Saxes;

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: Error | undefined;
  let events: SaxEvent[] = [];
  parser.on('error', (err) => {
    error = err;
  });
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  const feed = (text: string) => {
    parser.write(text);
    if (error) throw error;
    const batch = events;
    events = [];
    return batch;
  };
  for await (const chunk of iterable) {
    yield feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  const rest = decoder.decode();
  if (rest) yield feed(rest);
}

const cached = require.cache[parseSaxPath];
if (cached && cached.exports !== parseSax) {
  throw new Error('exceljs was loaded before server/src/shared/exceljs.ts: import exceljs only through it');
}
const fixed = new Module(parseSaxPath);
fixed.filename = parseSaxPath;
fixed.loaded = true;
fixed.exports = parseSax;
require.cache[parseSaxPath] = fixed;

export const ExcelJS = require('exceljs') as typeof ExcelJSModule;

/** exceljs' types under the same name, for `ExcelJS.Row` and the like (types only: nothing loads). */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ExcelJS {
  export type Row = ExcelJSModule.Row;
  export type Worksheet = ExcelJSModule.Worksheet;
  export type Workbook = ExcelJSModule.Workbook;
  export type Cell = ExcelJSModule.Cell;
}
