import { dateToDays, ExpressionError, holds, type TEvalContext } from './expression.ts';
import { labelIn, type TAnswers, type TChoice, type TFormItem, type TLabel, type TQuestion, type TSurveyForm } from './form.ts';

/**
 * Checks and normalises one response against its form (issue 13), the same on the server (submission, paper keying,
 * import) and in the browser (before queueing offline). Pure: today is passed in.
 *
 * In form order: a question in a group whose `relevant` is false, or whose own `relevant` is false (evaluated against
 * the answers so far, normalised), is skipped and any value given for it is dropped (not an error). An answered
 * question is normalised by type, then its `constraint` is checked (`.` is the value; `${itself}` too). Only valid
 * values enter `answers`, so later `relevant`s read only valid answers. Every key of the input that is not a
 * question of the form is an error naming the key.
 */

export type TCellState = 'answered' | 'skipped' | 'unanswered';
export type TAnswerError = { field: string; message: string };
/**
 * `cells` names the questions not answered, 'skipped' (by `relevant`) or 'unanswered': a question is answered exactly
 * when it is in `answers`, so no 'answered' is written (an import checks a million responses; stored rows keep the
 * same record).
 */
export type TCheckedAnswers = { answers: TAnswers; cells: Record<string, TCellState>; errors: TAnswerError[] };

/** Longest text answer (ZAnswerValue). */
const TEXT_MAX = 10_000;
/** Labels in messages are cut to this many characters. */
const LABEL_IN_MESSAGE = 120;

const INTEGER = /^[+-]?\d+$/;
/** A decimal with a point or a Vietnamese decimal comma: 1.5, 1,5, -0,25, .5 */
const DECIMAL = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkAnswers(
  form: TSurveyForm,
  input: Record<string, unknown>,
  opts: { today: string; language?: string },
): TCheckedAnswers {
  const answers: TAnswers = {};
  const state: TCheckState = {
    form,
    input,
    today: opts.today,
    language: opts.language ?? form.defaultLanguage,
    answers,
    cells: {},
    errors: [],
    ctx: new AnswersSoFar(answers, opts.today),
    constraintCtx: new AnswersSoFar(answers, opts.today),
  };
  visit(state, form.items, false);
  const { questions, others } = formNames(form);
  for (const key of Object.keys(input)) {
    if (questions.has(key)) continue;
    state.errors.push({
      field: key,
      message: others.has(key) ? `"${key}" là nhóm hoặc ghi chú, không phải câu hỏi` : `Không có câu hỏi "${key}" trong phiếu`,
    });
  }
  return { answers, cells: state.cells, errors: state.errors };
}

/** The answers so far as expressions read them: a class, so no closure is made per response. */
class AnswersSoFar implements TEvalContext {
  current: unknown = undefined;
  constructor(
    private readonly answers: TAnswers,
    readonly today: string,
  ) {}

  value(name: string): unknown {
    return this.answers[name];
  }
}

/**
 * One check under way. The steps are plain functions over it, not closures made per response (an import checks a
 * million responses: closures made per call cost more than the checks).
 */
interface TCheckState {
  form: TSurveyForm;
  input: Record<string, unknown>;
  today: string;
  language: string;
  answers: TAnswers;
  cells: Record<string, TCellState>;
  errors: TAnswerError[];
  ctx: TEvalContext;
  /** ctx with `current`, the value a constraint checks (set before each constraint). */
  constraintCtx: TEvalContext;
}

/** The names of a form's questions, and of its groups and notes (not answerable), made once per form. */
const namesOf = new WeakMap<TSurveyForm, { questions: Set<string>; others: Set<string> }>();
function formNames(form: TSurveyForm) {
  let names = namesOf.get(form);
  if (!names) {
    const found = { questions: new Set<string>(), others: new Set<string>() };
    const walk = (items: TFormItem[]) => {
      for (const item of items) {
        if (item.kind === 'question') found.questions.add(item.name);
        else {
          found.others.add(item.name);
          if (item.kind === 'group') walk(item.items);
        }
      }
    };
    walk(form.items);
    names = found;
    namesOf.set(form, names);
  }
  return names;
}

/** relevant/constraint: a form whose expression does not parse gets an error on that item, and the item counts as relevant. */
function expression(state: TCheckState, field: string, column: string, src: string, evalCtx: TEvalContext): boolean {
  try {
    return holds(src, evalCtx);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    state.errors.push({ field, message: `Biểu thức ${column} của "${field}" lỗi: ${e.message}` });
    return true;
  }
}

function visit(state: TCheckState, items: TFormItem[], skipped: boolean): void {
  for (const item of items) {
    if (item.kind === 'note') continue;
    const off = skipped || (item.relevant !== undefined && item.relevant.trim() !== '' && !expression(state, item.name, 'relevant', item.relevant, state.ctx));
    if (item.kind === 'group') {
      visit(state, item.items, off);
      continue;
    }
    if (off) {
      state.cells[item.name] = 'skipped';
      continue;
    }
    checkQuestion(state, item);
  }
}

/** The label names the question in a message only: made when one is written (most responses have none). */
function label(state: TCheckState, q: TQuestion): string {
  return clip(textIn(q.label, state.language, state.form.defaultLanguage) ?? q.name);
}

function checkQuestion(state: TCheckState, q: TQuestion): void {
  const { form, language, cells, errors } = state;
  const given = Object.hasOwn(state.input, q.name) ? state.input[q.name] : undefined;
  const value = normalise(form, q, given, state.answers, state.today);
  if (value instanceof Problem) {
    cells[q.name] = 'unanswered';
    errors.push({ field: q.name, message: `${label(state, q)}: ${value.message}` });
    return;
  }
  if (value === undefined) {
    cells[q.name] = 'unanswered';
    if (q.required) errors.push({ field: q.name, message: textIn(q.requiredMessage, language, form.defaultLanguage) ?? `Câu hỏi bắt buộc: ${label(state, q)}` });
    return;
  }
  state.answers[q.name] = value;
  if (q.constraint !== undefined && q.constraint.trim() !== '') {
    state.constraintCtx.current = value;
    const ok = expression(state, q.name, 'constraint', q.constraint, state.constraintCtx);
    if (!ok) {
      delete state.answers[q.name];
      cells[q.name] = 'unanswered';
      errors.push({ field: q.name, message: textIn(q.constraintMessage, language, form.defaultLanguage) ?? `Câu trả lời không thỏa điều kiện của câu hỏi: ${label(state, q)}` });
      return;
    }
  }
}

/** The choices of a select question that pass its choice_filter, given the answers so far. */
export function visibleChoices(form: TSurveyForm, question: TQuestion, answers: TAnswers, today: string): TChoice[] {
  const list = question.listName === undefined ? undefined : form.choiceLists[question.listName];
  if (!list) return [];
  const filter = question.choiceFilter;
  if (filter === undefined || filter.trim() === '') return list;
  const value = (name: string) => answers[name];
  return list.filter((c) => holds(filter, { value, today, choice: choiceColumns(c) }));
}

/** What is wrong with a value (the caller names the question before it): made only for a wrong one. */
class Problem {
  constructor(readonly message: string) {}
}

/** The normalised value, undefined when none was given, or the Problem with it. */
type TNormalised = number | string | string[] | undefined | Problem;

function normalise(form: TSurveyForm, q: TQuestion, given: unknown, answers: TAnswers, today: string): TNormalised {
  if (given === undefined || given === null) return undefined;
  switch (q.type) {
    case 'integer': {
      if (typeof given === 'number') {
        return Number.isSafeInteger(given) ? given : new Problem('cần một số nguyên');
      }
      if (typeof given !== 'string') return new Problem('cần một số nguyên');
      const s = given.trim();
      if (s === '') return undefined;
      const n = Number(s);
      return INTEGER.test(s) && Number.isSafeInteger(n) ? n : new Problem(`cần một số nguyên, nhận được "${clip(s)}"`);
    }
    case 'decimal': {
      if (typeof given === 'number') return Number.isFinite(given) ? given : new Problem('cần một số');
      if (typeof given !== 'string') return new Problem('cần một số');
      const s = given.trim();
      if (s === '') return undefined;
      if (!DECIMAL.test(s)) return new Problem(`cần một số (ví dụ 1,5), nhận được "${clip(s)}"`);
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : new Problem('cần một số');
    }
    case 'text': {
      if (typeof given !== 'string' && typeof given !== 'number') return new Problem('cần một đoạn chữ');
      const s = String(given).trim().normalize('NFC');
      if (s === '') return undefined;
      return s.length > TEXT_MAX ? new Problem(`dài quá ${TEXT_MAX} ký tự`) : s;
    }
    case 'date': {
      if (typeof given !== 'string') return new Problem('cần một ngày dạng năm-tháng-ngày (ví dụ 2026-12-03)');
      const s = given.trim();
      if (s === '') return undefined;
      if (!DATE.test(s) || Number.isNaN(dateToDays(s))) {
        return new Problem(`ngày không hợp lệ "${clip(s)}", cần dạng năm-tháng-ngày (ví dụ 2026-12-03)`);
      }
      return s;
    }
    case 'select_one': {
      if (typeof given !== 'string' && typeof given !== 'number') return new Problem('cần một lựa chọn');
      const s = String(given).trim();
      if (s === '') return undefined;
      const why = choiceProblem(form, q, s, answers, today);
      return why ? new Problem(why) : s;
    }
    case 'select_multiple': {
      let names: string[];
      if (typeof given === 'string') {
        const text = given.trim();
        names = text === '' ? [] : text.split(/\s+/);
      } else if (Array.isArray(given)) {
        names = [];
        for (const v of given as unknown[]) {
          if (typeof v !== 'string' && typeof v !== 'number') return new Problem('cần danh sách lựa chọn');
          const text = String(v).trim();
          if (text !== '') names.push(text);
        }
      } else return new Problem('cần danh sách lựa chọn');
      if (names.length === 0) return undefined;
      const repeated = repeatedName(names);
      if (repeated !== undefined) return new Problem(`lựa chọn "${clip(repeated)}" bị lặp`);
      for (const n of names) {
        const why = choiceProblem(form, q, n, answers, today);
        if (why) return new Problem(why);
      }
      // In the order of the choice list, so that two keyings of one paper form compare equal.
      if (names.length === 1) return names;
      const order = listIndex(q.listName === undefined ? [] : (form.choiceLists[q.listName] ?? []));
      return inOrder(names, order) ? names : names.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
  }
}

/** A name given twice (a short list is searched, a long one put in a set), or undefined. */
function repeatedName(names: readonly string[]): string | undefined {
  if (names.length > 16) {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) return n;
      seen.add(n);
    }
    return undefined;
  }
  for (let i = 1; i < names.length; i++) if (names.lastIndexOf(names[i] as string, i - 1) >= 0) return names[i];
  return undefined;
}

/** Whether the names are already in the choice list's order (as forms and exports give them). */
function inOrder(names: readonly string[], order: ReadonlyMap<string, number>): boolean {
  for (let i = 1; i < names.length; i++) if ((order.get(names[i - 1] as string) ?? 0) > (order.get(names[i] as string) ?? 0)) return false;
  return true;
}

/** Why a choice name is not acceptable, or null. */
function choiceProblem(form: TSurveyForm, q: TQuestion, n: string, answers: TAnswers, today: string): string | null {
  const list = q.listName === undefined ? undefined : form.choiceLists[q.listName];
  if (!list) return `danh sách lựa chọn "${q.listName ?? ''}" không có trong phiếu`;
  if (!listIndex(list).has(n)) return `"${clip(n)}" không phải là một lựa chọn của câu hỏi`;
  const filter = q.choiceFilter;
  if (filter !== undefined && filter.trim() !== '') {
    // only the chosen choices are put to the filter (visibleChoices would put every choice of the list)
    let visible = false;
    try {
      for (const c of list) {
        if (c.name === n && holds(filter, new ChoiceInFilter(answers, today, choiceColumns(c)))) {
          visible = true;
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      return `biểu thức choice_filter lỗi: ${e.message}`;
    }
    if (!visible) return `"${clip(n)}" không hợp với các câu trả lời trước`;
  }
  return null;
}

/** What a choice_filter reads: the answers so far and one choice's columns (a class: no closure per check). */
class ChoiceInFilter implements TEvalContext {
  constructor(
    private readonly answers: TAnswers,
    readonly today: string,
    readonly choice: Record<string, string>,
  ) {}

  value(name: string): unknown {
    return this.answers[name];
  }
}

/** A choice's columns as a choice_filter reads them (its extra columns and its name), made once per choice. */
const columnsOf = new WeakMap<TChoice, Record<string, string>>();
function choiceColumns(c: TChoice): Record<string, string> {
  let columns = columnsOf.get(c);
  if (!columns) {
    columns = { ...c.filters, name: c.name };
    columnsOf.set(c, columns);
  }
  return columns;
}

/**
 * A choice list's names → their first position, made once per list (an import checks a million responses against
 * one form): for checking a name and ordering the ticked choices. Forms are not changed after they are read.
 */
const listIndexes = new WeakMap<readonly TChoice[], Map<string, number>>();
function listIndex(list: readonly TChoice[]): Map<string, number> {
  let index = listIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const [i, c] of list.entries()) if (!index.has(c.name)) index.set(c.name, i);
    listIndexes.set(list, index);
  }
  return index;
}

/** A label or message in the language, else the form's default language, else as labelIn; undefined when blank. */
function textIn(label: TLabel | undefined, language: string, defaultLanguage: string): string | undefined {
  if (!label) return undefined;
  const text = (label[language] ?? label[defaultLanguage] ?? labelIn(label, language, '')).trim();
  return text === '' ? undefined : text.normalize('NFC');
}

function clip(s: string): string {
  return s.length > LABEL_IN_MESSAGE ? `${s.slice(0, LABEL_IN_MESSAGE - 1)}…` : s;
}
