import { type TFormItem, type TGroup, type TLabel, type TQuestion, ZFormName } from '#contracts/surveys/form.ts';
import { msg } from '#server/shared/messages.ts';
import { type IssueLog, rowList } from './issues.ts';
import type { Column, Row, Sheet } from './sheets.ts';
import { parseFlag, parseType, type RowType } from './types.ts';

/** Survey columns we read; those in LANGUAGE_KEYS may carry a language (`label::Tiếng Việt`). */
export const SURVEY_KEYS = ['type', 'name', 'label', 'hint', 'required', 'required_message', 'relevant', 'constraint', 'constraint_message', 'choice_filter', 'appearance', 'sensitive'] as const;
export const LANGUAGE_KEYS = new Set(['label', 'hint', 'required_message', 'constraint_message']);
/** Columns whose `${name}` references must name a row of the form. */
export const EXPRESSION_KEYS = ['relevant', 'constraint', 'choice_filter'] as const;

const COMMON = ['type', 'name', 'label', 'hint', 'relevant'];
const APPLIES: Record<'question' | 'select' | 'note' | 'group' | 'endGroup', Set<string>> = {
  question: new Set([...COMMON, 'required', 'required_message', 'constraint', 'constraint_message', 'appearance', 'sensitive']),
  select: new Set([...COMMON, 'required', 'required_message', 'constraint', 'constraint_message', 'appearance', 'sensitive', 'choice_filter']),
  note: new Set(COMMON),
  group: new Set(COMMON),
  endGroup: new Set(['type', 'name']),
};

/** A named row of the survey sheet, supported or not: for unique names and for `${name}` references. */
export interface NamedRow {
  row: number;
  type: string;
  supported: boolean;
}

export interface SurveyReading {
  items: TFormItem[];
  named: Map<string, NamedRow>;
  /** Expressions of supported rows, for the reference check. */
  expressions: { row: number; column: string; text: string }[];
  selects: { row: number; name: string; listName: string }[];
}

type Frame = { kind: 'root' | 'group' | 'repeat'; items: TFormItem[]; row: number; name: string; type: string };

/**
 * Reads the survey sheet into items (groups nested), recording every problem in `log`. `languageOf` maps a
 * column to its label language (a plain `label` is the form's default language).
 */
export function readSurvey(sheet: Sheet, languageOf: (column: Column) => string, log: IssueLog): SurveyReading {
  const reading: SurveyReading = { items: [], named: new Map(), expressions: [], selects: [] };
  const byKey = new Map<string, Column[]>();
  for (const column of sheet.columns) {
    const known = (SURVEY_KEYS as readonly string[]).includes(column.key) && (column.language === null || LANGUAGE_KEYS.has(column.key));
    const key = known ? column.key : `?${column.header}`;
    byKey.set(key, [...(byKey.get(key) ?? []), column]);
  }
  if (!byKey.has('type')) log.error(sheet.name, null, 'type', msg('surveys.xlsform.missingColumn', { column: 'type' }));
  const cell = (row: Row, key: string) => {
    const column = byKey.get(key)?.[0];
    return column ? (row.cells[column.index] ?? '') : '';
  };
  const label = (row: Row, key: string): TLabel | undefined => {
    const out: TLabel = {};
    for (const column of byKey.get(key) ?? []) {
      const text = row.cells[column.index] ?? '';
      if (text !== '') out[languageOf(column)] = text;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const ignored = new Map<string, { column: string; kind: string | null; rows: number[] }>();
  const ignore = (column: string, kind: string | null, row: number) => {
    const key = `${column}\u0000${kind ?? ''}`;
    const entry = ignored.get(key) ?? { column, kind, rows: [] };
    entry.rows.push(row);
    ignored.set(key, entry);
  };

  const stack: Frame[] = [{ kind: 'root', items: reading.items, row: 0, name: '', type: '' }];
  const top = () => stack[stack.length - 1] as Frame;

  for (const row of sheet.rows) {
    const typeText = cell(row, 'type');
    if (typeText === '') {
      const content = ['name', 'label', 'hint', 'relevant', 'constraint'].some((key) => cell(row, key) !== '' || label(row, key));
      if (content) log.error(sheet.name, row.row, 'type', msg('surveys.xlsform.type.missing'));
      continue;
    }
    const parsed = parseType(typeText);
    const type = typeText.split(/\s+/).join(' ');
    const name = cell(row, 'name');

    if (parsed.kind === 'unsupported') {
      log.error(sheet.name, row.row, 'type', parsed.problem);
      if (name !== '' && parsed.structure !== 'endRepeat') remember(reading, log, sheet.name, name, { row: row.row, type, supported: false });
      if (parsed.structure === 'beginRepeat') stack.push({ kind: 'repeat', items: [], row: row.row, name, type });
      if (parsed.structure === 'endRepeat') closeFrame(stack, 'repeat', sheet.name, row.row, type, log);
      continue;
    }

    checkColumns(parsed, row, byKey, ignore);
    if (parsed.kind === 'endGroup') {
      closeFrame(stack, 'group', sheet.name, row.row, type, log);
      continue;
    }
    if (name === '') {
      log.error(sheet.name, row.row, 'name', msg('surveys.xlsform.name.missing', { type }));
    } else if (!ZFormName.safeParse(name).success) {
      log.error(sheet.name, row.row, 'name', msg('surveys.xlsform.name.invalid', { name }));
    } else {
      remember(reading, log, sheet.name, name, { row: row.row, type, supported: true });
    }
    const base = { name, label: label(row, 'label') ?? {}, ...optional({ hint: label(row, 'hint'), relevant: cell(row, 'relevant') || undefined }), row: row.row };
    if (base.relevant) reading.expressions.push({ row: row.row, column: 'relevant', text: base.relevant });

    if (parsed.kind === 'beginGroup') {
      const group: TGroup = { kind: 'group', ...base, items: [] };
      top().items.push(group);
      stack.push({ kind: 'group', items: group.items, row: row.row, name, type });
      continue;
    }
    if (Object.keys(base.label).length === 0 && !base.hint && name !== '') {
      log.error(sheet.name, row.row, 'label', msg('surveys.xlsform.label.missing', { name, type }));
    }
    if (parsed.kind === 'note') {
      top().items.push({ kind: 'note', ...base });
      continue;
    }
    top().items.push(readQuestion(parsed, row, base, cell, label, reading, sheet.name, log));
  }

  for (const frame of stack.slice(1).reverse()) {
    log.error(sheet.name, frame.row, 'type', msg('surveys.xlsform.group.unclosed', { name: frame.name, type: frame.type }));
  }
  for (const { column, kind, rows } of ignored.values()) {
    const problem = kind === null ? msg('surveys.xlsform.warn.column', { column, rows: rowList(rows) }) : msg('surveys.xlsform.warn.notApplicable', { column, kind, rows: rowList(rows) });
    log.warn(sheet.name, null, column, problem);
  }
  return reading;
}

function readQuestion(
  parsed: Extract<RowType, { kind: 'question' }>,
  row: Row,
  base: Omit<TQuestion, 'kind' | 'type' | 'required'>,
  cell: (row: Row, key: string) => string,
  label: (row: Row, key: string) => TLabel | undefined,
  reading: SurveyReading,
  sheetName: string,
  log: IssueLog,
): TQuestion {
  const flag = (key: 'required' | 'sensitive') => {
    const value = cell(row, key);
    const parsedFlag = parseFlag(value);
    if (parsedFlag === null) log.error(sheetName, row.row, key, msg(key === 'required' ? 'surveys.xlsform.required.invalid' : 'surveys.xlsform.sensitive.invalid', { value }));
    return parsedFlag === true;
  };
  const isSelect = parsed.listName !== undefined;
  const question: TQuestion = {
    kind: 'question',
    ...base,
    type: parsed.type,
    ...optional({ listName: parsed.listName }),
    required: flag('required'),
    ...optional({
      requiredMessage: label(row, 'required_message'),
      constraint: cell(row, 'constraint') || undefined,
      constraintMessage: label(row, 'constraint_message'),
      choiceFilter: (isSelect && cell(row, 'choice_filter')) || undefined,
      appearance: cell(row, 'appearance') || undefined,
      sensitive: flag('sensitive') || undefined,
    }),
  };
  if (question.constraint) reading.expressions.push({ row: row.row, column: 'constraint', text: question.constraint });
  if (question.choiceFilter) reading.expressions.push({ row: row.row, column: 'choice_filter', text: question.choiceFilter });
  if (parsed.listName) reading.selects.push({ row: row.row, name: base.name, listName: parsed.listName });
  return question;
}

/** Cells the row's kind cannot hold (a group's appearance) or columns we do not read (`default`) are warned about. */
function checkColumns(
  parsed: Exclude<RowType, { kind: 'unsupported' }>,
  row: Row,
  byKey: Map<string, Column[]>,
  ignore: (column: string, kind: string | null, row: number) => void,
): void {
  const applies =
    parsed.kind === 'question' ? APPLIES[parsed.listName ? 'select' : 'question'] : parsed.kind === 'note' ? APPLIES.note : parsed.kind === 'beginGroup' ? APPLIES.group : APPLIES.endGroup;
  const kind =
    parsed.kind === 'question'
      ? msg('surveys.xlsform.kind.question', { type: parsed.type })
      : parsed.kind === 'note'
        ? msg('surveys.xlsform.kind.note')
        : msg('surveys.xlsform.kind.group');
  for (const [key, columns] of byKey) {
    for (const column of columns) {
      const value = row.cells[column.index] ?? '';
      if (value === '') continue;
      if (key.startsWith('?')) ignore(column.header, null, row.row);
      else if (!applies.has(key) && !(key === 'required' && parseFlag(value) === false)) ignore(column.header, kind, row.row);
    }
  }
}

function closeFrame(stack: Frame[], kind: 'group' | 'repeat', sheet: string, row: number, type: string, log: IssueLog): void {
  const open = stack[stack.length - 1] as Frame;
  if (open.kind === kind) {
    stack.pop();
    return;
  }
  if (open.kind === 'root') log.error(sheet, row, 'type', msg('surveys.xlsform.group.unopened', { type }));
  else {
    log.error(sheet, row, 'type', msg('surveys.xlsform.group.mismatch', { type, open: open.type, first: open.row }));
    stack.pop();
  }
}

function remember(reading: SurveyReading, log: IssueLog, sheet: string, name: string, entry: NamedRow): void {
  const first = reading.named.get(name);
  if (first) log.error(sheet, entry.row, 'name', msg('surveys.xlsform.name.duplicate', { name, first: first.row }));
  else reading.named.set(name, entry);
}

/** The object without its undefined fields (the contract's optional fields are absent, not undefined). */
export function optional<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
