import { readFileSync } from 'node:fs';
import { formQuestions, type TFormItem, type TSurveyForm } from '#contracts/surveys/form.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';

/** server/test/fixtures/xlsform/: the reference forms and pyxform's reading of each (README.md there). */
export const FIXTURES = new URL('../../../../test/fixtures/xlsform/', import.meta.url);
export const fixture = (file: string) => readFileSync(new URL(file, FIXTURES));

/** One element of pyxform's tree: `/group/name`, our type name, and the attributes it prints. */
export interface PyxformElement {
  path: string;
  type: string;
  attrs: Record<string, string>;
}

/** What pyxform 4.5.0 read from a form (pyxform-reading/<form>.pyxform-4.5.0.txt). */
export interface PyxformReading {
  title: string;
  defaultLanguage: string;
  elements: PyxformElement[];
  lists: Record<string, string[]>;
  /** Rows outside the supported subset (or using or_other): Excel row → type as written. */
  outOfScope: Map<number, string>;
}

const TYPES: Record<string, string> = { 'select one': 'select_one', 'select all that apply': 'select_multiple' };
const ATTRS = ['list', 'relevant', 'constraint', 'required', 'constraint_message', 'choice_filter', 'calculation'];

/** Parses pyxform's reading; the attribute list is split only before a known attribute name (values hold `;`). */
export function pyxformReading(form: string): PyxformReading {
  const text = readFileSync(new URL(`pyxform-reading/${form}.pyxform-4.5.0.txt`, FIXTURES), 'utf8');
  const result = /PYXFORM RESULT: OK; title='(.*)' id_string='.*' default_language='(.*)'/.exec(text);
  const elements: PyxformElement[] = [];
  for (const match of text.matchAll(/^ {2}(\/\S+)\s+(.+?)\s+(?:labels\[[^\]]*\]|label|no-label) \|(.*)$/gm)) {
    const attrs: Record<string, string> = {};
    const body = (match[3] ?? '').trim();
    for (const part of body === '' ? [] : body.split(new RegExp(`; (?=(?:${ATTRS.join('|')})=)`))) {
      const at = part.indexOf('=');
      attrs[part.slice(0, at)] = part.slice(at + 1);
    }
    const type = (match[2] ?? '').trim();
    elements.push({ path: match[1] as string, type: TYPES[type] ?? type, attrs });
  }
  const lists: Record<string, string[]> = {};
  const listSection = text.split('pyxform choice lists:')[1]?.split('pyxform warnings:')[0] ?? '';
  for (const match of listSection.matchAll(/^ {3}(\S+) \((\d+)\): \[(.*)\]$/gm)) {
    lists[match[1] as string] = [...(match[3] ?? '').matchAll(/'([^']*)'/g)].map((name) => name[1] as string);
  }
  const outOfScope = new Map<number, string>();
  for (const match of text.matchAll(/^ {3}row (\d+): type='([^']*)'/gm)) outOfScope.set(Number(match[1]), match[2] as string);
  for (const match of text.matchAll(/\((\d+), '([^']*or_other)'/g)) outOfScope.set(Number(match[1]), match[2] as string);
  return { title: result?.[1] ?? '', defaultLanguage: result?.[2] ?? '', elements, lists, outOfScope };
}

/** Our form as pyxform prints it: every group, note and question by path, with the same attributes. */
export function asPyxform(form: TSurveyForm): PyxformElement[] {
  const out: PyxformElement[] = [];
  const walk = (items: TFormItem[], prefix: string) => {
    for (const item of items) {
      const path = `${prefix}/${item.name}`;
      const attrs: Record<string, string> = {};
      if (item.kind === 'question' && item.listName) attrs.list = item.listName;
      if (item.relevant) attrs.relevant = item.relevant;
      if (item.kind === 'question') {
        if (item.constraint) attrs.constraint = item.constraint;
        if (item.choiceFilter) attrs.choice_filter = item.choiceFilter;
      }
      out.push({ path, type: item.kind === 'question' ? item.type : item.kind, attrs });
      if (item.kind === 'group') walk(item.items, path);
    }
  };
  walk(form.items, '');
  return out;
}

/** pyxform's elements with only the attributes asPyxform gives (required and messages are checked apart). */
export const comparable = (elements: PyxformElement[]) =>
  elements.map(({ path, type, attrs }) => ({
    path,
    type,
    attrs: Object.fromEntries(Object.entries(attrs).filter(([key]) => ['list', 'relevant', 'constraint', 'choice_filter'].includes(key))),
  }));

/** Names of the questions pyxform marks required=yes/true. */
export const pyxformRequired = (elements: PyxformElement[]) =>
  elements.filter((element) => ['yes', 'true'].includes(element.attrs.required ?? '') && element.type !== 'group' && element.type !== 'note').map((element) => element.path.split('/').pop());

export const requiredNames = (form: TSurveyForm) => formQuestions(form).filter(({ question }) => question.required).map(({ question }) => question.name);

/** An .xlsx from arrays of rows, one sheet per key, in order (a test writes its own small forms). */
export async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The fixture with some rows of a sheet deleted (to show that the rows named were all that stood in the way). */
export async function withoutRows(data: Buffer, sheetName: string, rows: number[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === sheetName);
  for (const row of [...rows].sort((a, b) => b - a)) sheet?.spliceRows(row, 1);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The form without the `row` numbers of its items (a round trip recomputes them). */
export const withoutRowNumbers = (form: TSurveyForm): TSurveyForm => JSON.parse(JSON.stringify(form, (key, value: unknown) => (key === 'row' ? undefined : value))) as TSurveyForm;
