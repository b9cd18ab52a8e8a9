import { ExpressionError, expressionNames, parseExpression } from '#contracts/surveys/expression.ts';
import {
  ZFormName,
  ZSurveyForm,
  type TChoice,
  type TFormItem,
  type TLabel,
  type TQuestion,
  type TQuestionType,
  type TSurveyForm,
} from '#contracts/surveys/form.ts';

/**
 * The questionnaire builder's model (issue 13, must-have 1: "built in the UI"): the form as the rows of an XLSForm
 * `survey` sheet (questions, notes, begin/end group) and its choice lists, edited in the default language (labels in
 * other languages and columns the builder does not show are kept as they were). `toForm` turns it into the shared
 * contract's form, checking it the way the server and the respondent's phone will: names, lists, group nesting and
 * every expression parsed (a problem names the row's name). Pure: no React, no messages (keys and parameters).
 */

export type RowType = TQuestionType | 'note' | 'begin_group' | 'end_group';
export const ROW_TYPES: readonly RowType[] = ['integer', 'decimal', 'text', 'select_one', 'select_multiple', 'date', 'note', 'begin_group', 'end_group'];

export interface BuilderRow {
  /** A key for React only (never stored). */
  key: string;
  type: RowType;
  name: string;
  label: string;
  hint: string;
  required: boolean;
  relevant: string;
  constraint: string;
  constraintMessage: string;
  listName: string;
  choiceFilter: string;
  sensitive: boolean;
  /** What the builder does not edit, kept from the stored form: labels in other languages, appearance… */
  kept?: { label?: TLabel; hint?: TLabel; constraintMessage?: TLabel; requiredMessage?: TLabel; appearance?: string };
}

export interface BuilderChoice {
  key: string;
  name: string;
  label: string;
  /** Filter columns of the choices sheet (choice_filter of a cascade): column → value. */
  filters: Record<string, string>;
  keptLabel?: TLabel;
}

export interface BuilderList {
  key: string;
  name: string;
  /** The filter columns its choices carry (e.g. `tinh` for a list of districts filtered by the province). */
  columns: string[];
  choices: BuilderChoice[];
}

export interface BuilderState {
  title: string;
  formId?: string | undefined;
  formVersion?: string | undefined;
  defaultLanguage: string;
  languages: string[];
  rows: BuilderRow[];
  lists: BuilderList[];
}

/** A problem found by `toForm`: `name` is the row's (or list's) name, `field` the column, `message` a message key. */
export interface BuilderProblem {
  /** Index of the row in `rows` (null: a list, or the form). */
  row: number | null;
  /** The list's key when the problem is in a choice list. */
  list?: string;
  name: string;
  field: 'name' | 'label' | 'relevant' | 'constraint' | 'choiceFilter' | 'listName' | 'group' | 'choices' | 'title';
  message: string;
  params?: Record<string, string | number>;
}

let counter = 0;
export const newKey = (prefix = 'k') => `${prefix}${++counter}`;

export const isQuestionType = (type: RowType): type is TQuestionType => type !== 'note' && type !== 'begin_group' && type !== 'end_group';
export const isSelect = (type: RowType) => type === 'select_one' || type === 'select_multiple';

const text = (label: TLabel | undefined, language: string) => (label ? (label[language] ?? label[''] ?? Object.values(label)[0] ?? '') : '');

export function emptyRow(type: RowType, name: string): BuilderRow {
  return { key: newKey('r'), type, name, label: '', hint: '', required: false, relevant: '', constraint: '', constraintMessage: '', listName: '', choiceFilter: '', sensitive: false };
}

/** A new questionnaire: no rows yet, plain `label` column. */
export function emptyState(title: string): BuilderState {
  return { title, defaultLanguage: '', languages: [''], rows: [], lists: [] };
}

/** The builder's rows and lists of a stored form (a new version starts from the current one). */
export function fromForm(form: TSurveyForm): BuilderState {
  const language = form.defaultLanguage;
  const rows: BuilderRow[] = [];
  const walk = (items: TFormItem[]) => {
    for (const item of items) {
      const base = { ...emptyRow('note', item.name), label: text(item.label, language), hint: text(item.hint, language), relevant: item.relevant ?? '' };
      const kept: BuilderRow['kept'] = { label: item.label, ...(item.hint ? { hint: item.hint } : {}) };
      if (item.kind === 'group') {
        rows.push({ ...base, type: 'begin_group', kept });
        walk(item.items);
        rows.push({ ...emptyRow('end_group', '') });
      } else if (item.kind === 'note') {
        rows.push({ ...base, type: 'note', kept });
      } else {
        rows.push({
          ...base,
          type: item.type,
          required: item.required,
          constraint: item.constraint ?? '',
          constraintMessage: text(item.constraintMessage, language),
          listName: item.listName ?? '',
          choiceFilter: item.choiceFilter ?? '',
          sensitive: item.sensitive === true,
          kept: {
            ...kept,
            ...(item.constraintMessage ? { constraintMessage: item.constraintMessage } : {}),
            ...(item.requiredMessage ? { requiredMessage: item.requiredMessage } : {}),
            ...(item.appearance ? { appearance: item.appearance } : {}),
          },
        });
      }
    }
  };
  walk(form.items);
  const lists = Object.entries(form.choiceLists).map(([name, choices]) => ({
    key: newKey('l'),
    name,
    columns: [...new Set(choices.flatMap((choice) => Object.keys(choice.filters ?? {})))],
    choices: choices.map((choice) => ({ key: newKey('c'), name: choice.name, label: text(choice.label, language), filters: { ...(choice.filters ?? {}) }, keptLabel: choice.label })),
  }));
  return { title: form.title, formId: form.formId, formVersion: form.formVersion, defaultLanguage: language, languages: form.languages, rows, lists };
}

/** A name not used yet by a row: `q1`, `q2`… (or `prefix` numbered). */
export function freeName(rows: readonly BuilderRow[], prefix: string): string {
  const used = new Set(rows.map((row) => row.name));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Moves a row up (-1) or down (+1); nothing at the ends. */
export function moveRow<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** A label with the default language's text replaced (in the plain `label` column when that is where it was read). */
const withLanguage = (kept: TLabel | undefined, language: string, value: string): TLabel => {
  const out: TLabel = { ...(kept ?? {}) };
  const key = !(language in out) && '' in out ? '' : language;
  if (value.trim() === '') delete out[key];
  else out[key] = value.trim();
  return out;
};

/** Parses an expression; the problem (message key and parameters) when it does not parse or names an unknown question. */
function expressionProblem(source: string, names: ReadonlySet<string>): { message: string; params?: Record<string, string | number> } | null {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return { message: 'survey.builder.problem.expression', params: { detail: error.message } };
    throw error;
  }
  const unknown = expressionNames(source).find((name) => !names.has(name));
  return unknown ? { message: 'survey.builder.problem.unknownRef', params: { ref: unknown } } : null;
}

/**
 * The form of the builder's state, or the problems that keep it from being one (each naming the row): names
 * (format, unique), labels of questions and notes, lists of selects, group nesting, expressions (relevant,
 * constraint, choice_filter) parsed and their `${…}` known, then the contract's own shape.
 */
export function toForm(state: BuilderState): { form: TSurveyForm | null; problems: BuilderProblem[] } {
  const problems: BuilderProblem[] = [];
  const language = state.defaultLanguage;
  if (state.title.trim() === '') problems.push({ row: null, name: '', field: 'title', message: 'survey.builder.problem.title' });
  const names = new Set(state.rows.filter((row) => row.type !== 'end_group').map((row) => row.name));
  const seen = new Set<string>();
  const lists = new Map(state.lists.map((list) => [list.name, list]));
  // the tree, groups nested by begin/end
  const root: TFormItem[] = [];
  const stack: { items: TFormItem[]; name: string; row: number }[] = [{ items: root, name: '', row: -1 }];
  state.rows.forEach((row, index) => {
    const here = stack[stack.length - 1] as (typeof stack)[number];
    if (row.type === 'end_group') {
      if (stack.length === 1) problems.push({ row: index, name: row.name, field: 'group', message: 'survey.builder.problem.endWithoutBegin', params: { number: index + 1 } });
      else stack.pop();
      return;
    }
    const problem = (field: BuilderProblem['field'], message: string, params?: Record<string, string | number>) =>
      problems.push({ row: index, name: row.name, field, message, ...(params ? { params } : {}) });
    if (!ZFormName.safeParse(row.name).success) problem('name', row.name === '' ? 'survey.builder.problem.nameMissing' : 'survey.builder.problem.nameFormat', { number: index + 1 });
    else if (seen.has(row.name)) problem('name', 'survey.builder.problem.nameTwice');
    seen.add(row.name);
    if (row.type !== 'begin_group' && row.label.trim() === '') problem('label', 'survey.builder.problem.label');
    const expressions: ['relevant' | 'constraint' | 'choiceFilter', string][] = [['relevant', row.relevant]];
    if (isQuestionType(row.type)) expressions.push(['constraint', row.constraint]);
    if (isSelect(row.type)) expressions.push(['choiceFilter', row.choiceFilter]);
    for (const [field, source] of expressions) {
      if (source.trim() === '') continue;
      const found = expressionProblem(source, names);
      if (found) problem(field, found.message, found.params);
    }
    if (isSelect(row.type)) {
      const list = lists.get(row.listName);
      if (row.listName === '' || !list) problem('listName', 'survey.builder.problem.list');
      else if (list.choices.length === 0) problem('listName', 'survey.builder.problem.listEmpty', { list: row.listName });
    }
    const label = withLanguage(row.kept?.label, language, row.label);
    const hint = withLanguage(row.kept?.hint, language, row.hint);
    const common = { name: row.name, label, ...(Object.keys(hint).length ? { hint } : {}), ...(row.relevant.trim() ? { relevant: row.relevant.trim() } : {}) };
    if (row.type === 'begin_group') {
      const group: TFormItem = { kind: 'group', ...common, items: [] };
      here.items.push(group);
      stack.push({ items: group.items, name: row.name, row: index });
      return;
    }
    if (row.type === 'note') {
      here.items.push({ kind: 'note', ...common });
      return;
    }
    const constraintMessage = withLanguage(row.kept?.constraintMessage, language, row.constraintMessage);
    const question: TQuestion = {
      kind: 'question',
      ...common,
      type: row.type,
      required: row.required,
      ...(isSelect(row.type) && row.listName ? { listName: row.listName } : {}),
      ...(row.kept?.requiredMessage ? { requiredMessage: row.kept.requiredMessage } : {}),
      ...(row.constraint.trim() ? { constraint: row.constraint.trim() } : {}),
      ...(row.constraint.trim() && Object.keys(constraintMessage).length ? { constraintMessage } : {}),
      ...(isSelect(row.type) && row.choiceFilter.trim() ? { choiceFilter: row.choiceFilter.trim() } : {}),
      ...(row.kept?.appearance ? { appearance: row.kept.appearance } : {}),
      ...(row.sensitive ? { sensitive: true } : {}),
    };
    here.items.push(question);
  });
  for (const open of stack.slice(1)) problems.push({ row: open.row, name: open.name, field: 'group', message: 'survey.builder.problem.beginWithoutEnd' });
  if (root.length === 0) problems.push({ row: null, name: '', field: 'title', message: 'survey.builder.problem.empty' });
  // choice lists
  const choiceLists: Record<string, TChoice[]> = {};
  const listNames = new Set<string>();
  for (const list of state.lists) {
    const problem = (message: string, params?: Record<string, string | number>) => problems.push({ row: null, list: list.key, name: list.name, field: 'choices', message, ...(params ? { params } : {}) });
    if (!ZFormName.safeParse(list.name).success) problem('survey.builder.problem.listName');
    else if (listNames.has(list.name)) problem('survey.builder.problem.listTwice');
    listNames.add(list.name);
    const choiceNames = new Set<string>();
    choiceLists[list.name] = list.choices.map((choice, i) => {
      if (choice.name.trim() === '') problem('survey.builder.problem.choiceName', { number: i + 1 });
      else if (choiceNames.has(choice.name.trim())) problem('survey.builder.problem.choiceTwice', { choice: choice.name.trim() });
      choiceNames.add(choice.name.trim());
      if (choice.label.trim() === '') problem('survey.builder.problem.choiceLabel', { number: i + 1 });
      const filters = Object.fromEntries(list.columns.filter((column) => (choice.filters[column] ?? '').trim() !== '').map((column) => [column, (choice.filters[column] ?? '').trim()]));
      return { name: choice.name.trim(), label: withLanguage(choice.keptLabel, language, choice.label), ...(Object.keys(filters).length ? { filters } : {}) };
    });
  }
  if (problems.length > 0) return { form: null, problems };
  const form = {
    title: state.title.trim(),
    ...(state.formId ? { formId: state.formId } : {}),
    ...(state.formVersion ? { formVersion: state.formVersion } : {}),
    defaultLanguage: language,
    languages: state.languages.length ? state.languages : [language],
    items: root,
    choiceLists,
  };
  const parsed = ZSurveyForm.safeParse(form);
  if (!parsed.success) {
    return { form: null, problems: parsed.error.issues.map((issue) => ({ row: null, name: issue.path.join('.'), field: 'title' as const, message: 'survey.builder.problem.shape', params: { detail: issue.message } })) };
  }
  return { form: parsed.data, problems: [] };
}
