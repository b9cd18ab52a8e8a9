import { formQuestions, labelIn, type TAnswers, type TChoice, type TFormItem, type TGroup, type TQuestion, type TSurveyForm } from '#contracts/surveys/form.ts';

/**
 * The questionnaire's logic as the browser needs it while a form is filled in (the respondent's phone, the paper
 * keying screen): which questions are asked (relevant, with the groups around them), which choices a cascade shows
 * (choice_filter), and the answers checked (required, type, constraint). The server checks again on receipt.
 * Expressions are the XLSForm subset of form.ts: `${name}`, `.`, literals, and/or/not, = != < <= > >=, + - * div
 * mod, selected(), count-selected(), string-length(), today(), true(), false(), number(), if().
 */

type Value = string | number | boolean;

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'ref'; name: string } | { kind: 'dot' } | { kind: 'op'; value: string } | { kind: 'name'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '$' && text[i + 1] === '{') {
      const end = text.indexOf('}', i);
      if (end < 0) throw new Error(`biểu thức thiếu "}": ${text}`);
      tokens.push({ kind: 'ref', name: text.slice(i + 2, end).trim() });
      i = end + 1;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error(`biểu thức thiếu dấu nháy: ${text}`);
      tokens.push({ kind: 'str', value: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^[0-9]*\.?[0-9]+|^[0-9]+/.exec(text.slice(i));
      const raw = match?.[0] ?? c;
      tokens.push({ kind: 'num', value: Number(raw) });
      i += raw.length;
    } else if (c === '.') {
      tokens.push({ kind: 'dot' });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const raw = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i))?.[0] ?? c;
      tokens.push({ kind: 'name', value: raw });
      i += raw.length;
    } else {
      const two = text.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else if ('=<>+-*(),'.includes(c)) {
        tokens.push({ kind: 'op', value: c });
        i++;
      } else {
        throw new Error(`ký tự không hiểu "${c}" trong biểu thức: ${text}`);
      }
    }
  }
  return tokens;
}

/** What an expression reads: `${name}` → the answer, `.` → the value being checked, today(). */
export interface EvalContext {
  value: (name: string) => Value;
  self: Value;
  today: string;
  /** In a choice_filter: a bare name reads the choice's column (`name`, or a filter column such as `cf`). */
  column?: (name: string) => Value;
}

const toNumber = (v: Value): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v.trim() === '' ? Number.NaN : Number(v));
const toBool = (v: Value): boolean => (typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : v !== '');
const toText = (v: Value): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v ? 'true' : 'false');

function compare(op: string, a: Value, b: Value): boolean {
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBool(a) === toBool(b);
    else if (typeof a === 'number' || typeof b === 'number') equal = toNumber(a) === toNumber(b);
    else equal = a === b;
    return op === '=' ? equal : !equal;
  }
  // dates and other text compare as text when neither side is a number
  const numeric = !(typeof a === 'string' && typeof b === 'string' && (Number.isNaN(toNumber(a)) || Number.isNaN(toNumber(b))));
  const x = numeric ? toNumber(a) : toText(a);
  const y = numeric ? toNumber(b) : toText(b);
  if (numeric && (Number.isNaN(x as number) || Number.isNaN(y as number))) return false;
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

/** Evaluates an expression; a malformed one throws with a Vietnamese message. */
export function evaluate(expression: string, context: EvalContext): Value {
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === 'op' && token.value === value;
  };
  const isWord = (value: string) => {
    const token = peek();
    const next = tokens[pos + 1];
    return token?.kind === 'name' && token.value === value && !(next?.kind === 'op' && next.value === '(');
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new Error(`biểu thức thiếu "${value}": ${expression}`);
    pos++;
  };
  const or = (): Value => {
    let left = and();
    while (isWord('or')) {
      pos++;
      const right = and();
      left = toBool(left) || toBool(right);
    }
    return left;
  };
  const and = (): Value => {
    let left = equality();
    while (isWord('and')) {
      pos++;
      const right = equality();
      left = toBool(left) && toBool(right);
    }
    return left;
  };
  const equality = (): Value => {
    let left = relational();
    while (isOp('=') || isOp('!=')) {
      const op = (tokens[pos++] as { value: string }).value;
      left = compare(op, left, relational());
    }
    return left;
  };
  const relational = (): Value => {
    let left = additive();
    while (isOp('<') || isOp('<=') || isOp('>') || isOp('>=')) {
      const op = (tokens[pos++] as { value: string }).value;
      left = compare(op, left, additive());
    }
    return left;
  };
  const additive = (): Value => {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos++] as { value: string }).value;
      const right = multiplicative();
      left = op === '+' ? toNumber(left) + toNumber(right) : toNumber(left) - toNumber(right);
    }
    return left;
  };
  const multiplicative = (): Value => {
    let left = unary();
    while (isOp('*') || isWord('div') || isWord('mod')) {
      const token = tokens[pos++] as { value: string };
      const right = unary();
      const a = toNumber(left);
      const b = toNumber(right);
      left = token.value === '*' ? a * b : token.value === 'div' ? a / b : a % b;
    }
    return left;
  };
  const unary = (): Value => {
    if (isOp('-')) {
      pos++;
      return -toNumber(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const token = tokens[pos++];
    if (!token) throw new Error(`biểu thức không trọn: ${expression}`);
    if (token.kind === 'num' || token.kind === 'str') return token.value;
    if (token.kind === 'ref') return context.value(token.name);
    if (token.kind === 'dot') return context.self;
    if (token.kind === 'op' && token.value === '(') {
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind === 'name' && isOp('(')) {
      pos++;
      const args: Value[] = [];
      if (!isOp(')')) {
        args.push(or());
        while (isOp(',')) {
          pos++;
          args.push(or());
        }
      }
      expect(')');
      return call(token.value, args);
    }
    if (token.kind === 'name' && context.column) return context.column(token.value);
    throw new Error(`biểu thức không hiểu được: ${expression}`);
  };
  const call = (name: string, args: Value[]): Value => {
    const [a = '', b = '', c = ''] = args;
    switch (name) {
      case 'selected':
        return toText(a).split(/\s+/).filter(Boolean).includes(toText(b));
      case 'count-selected':
        return toText(a).split(/\s+/).filter(Boolean).length;
      case 'string-length':
        return toText(a).length;
      case 'today':
        return context.today;
      case 'not':
        return !toBool(a);
      case 'true':
        return true;
      case 'false':
        return false;
      case 'number':
        return toNumber(a);
      case 'string':
        return toText(a);
      case 'if':
        return toBool(a) ? b : c;
      case 'boolean':
        return toBool(a);
      default:
        throw new Error(`hàm không hỗ trợ: ${name}()`);
    }
  };
  const result = or();
  if (pos < tokens.length) throw new Error(`biểu thức thừa phần cuối: ${expression}`);
  return result;
}

/** An answer as expressions see it: select_multiple as space-separated names, nothing as ''. */
function asValue(answer: TAnswers[string] | undefined): Value {
  if (answer === undefined) return '';
  if (Array.isArray(answer)) return answer.join(' ');
  return answer;
}

function truthy(expression: string | undefined, context: EvalContext): boolean {
  if (!expression?.trim()) return true;
  try {
    return toBool(evaluate(expression, context));
  } catch {
    // a malformed expression never hides a question: the server names it when the form is imported
    return true;
  }
}

/** The names of the items asked given these answers: relevant true for the item and every group around it. */
export function relevantNames(form: Pick<TSurveyForm, 'items'>, answers: TAnswers, today: string): Set<string> {
  const asked = new Set<string>();
  // answers of questions not asked count as empty for later expressions
  const value = (name: string) => (asked.has(name) ? asValue(answers[name]) : '');
  const walk = (items: TFormItem[]) => {
    for (const item of items) {
      if (!truthy(item.relevant, { value, self: '', today })) continue;
      asked.add(item.name);
      if (item.kind === 'group') walk(item.items);
    }
  };
  walk(form.items);
  return asked;
}

/** The choices a question shows: its list, filtered by choice_filter (where `name` and filter columns are the choice's). */
export function choicesShown(form: TSurveyForm, question: TQuestion, answers: TAnswers, today: string): TChoice[] {
  const list = question.listName ? (form.choiceLists[question.listName] ?? []) : [];
  const filter = question.choiceFilter?.trim();
  if (!filter) return list;
  return list.filter((choice) => {
    const columns: Record<string, string> = { ...(choice.filters ?? {}), name: choice.name };
    return truthy(filter, { value: (name) => asValue(answers[name]), self: '', today, column: (name) => columns[name] ?? '' });
  });
}

export interface AnswerError {
  question: string;
  message: string;
}

export interface CheckedAnswers {
  /** The answers of the questions asked, typed (values of questions not asked are dropped). */
  answers: TAnswers;
  errors: AnswerError[];
  asked: Set<string>;
}

/** Messages the check needs, in the interface language (the feature's catalogue gives them). */
export interface CheckMessages {
  required: string;
  integer: string;
  decimal: string;
  date: string;
  choice: string;
  constraint: string;
}

const isEmpty = (value: TAnswers[string] | undefined) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Checks answers against the form: only questions asked keep their answer; each asked question is required,
 * typed and constrained as the XLSForm says. `language` picks the constraint and required messages.
 */
export function checkAnswers(form: TSurveyForm, input: TAnswers, options: { today: string; language: string; messages: CheckMessages }): CheckedAnswers {
  const asked = relevantNames(form, input, options.today);
  const answers: TAnswers = {};
  const errors: AnswerError[] = [];
  for (const { question } of formQuestions(form)) {
    if (!asked.has(question.name)) continue;
    const value = input[question.name];
    if (isEmpty(value)) {
      if (question.required) errors.push({ question: question.name, message: question.requiredMessage ? labelIn(question.requiredMessage, options.language, options.messages.required) : options.messages.required });
      continue;
    }
    let problem: string | null = null;
    if (question.type === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) problem = options.messages.integer;
    if (question.type === 'decimal' && !(typeof value === 'number' && Number.isFinite(value))) problem = options.messages.decimal;
    if (question.type === 'date' && !(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) problem = options.messages.date;
    if (question.type === 'select_one' || question.type === 'select_multiple') {
      const shown = new Set(choicesShown(form, question, input, options.today).map((choice) => choice.name));
      const picked = Array.isArray(value) ? value : [String(value)];
      if (question.type === 'select_one' && Array.isArray(value)) problem = options.messages.choice;
      else if (picked.some((name) => !shown.has(name))) problem = options.messages.choice;
    }
    if (!problem && question.constraint?.trim()) {
      const ok = truthy(question.constraint, { value: (name) => (asked.has(name) ? asValue(input[name]) : ''), self: asValue(value), today: options.today });
      if (!ok) problem = question.constraintMessage ? labelIn(question.constraintMessage, options.language, options.messages.constraint) : options.messages.constraint;
    }
    if (problem) errors.push({ question: question.name, message: problem });
    else if (value !== undefined) answers[question.name] = value;
  }
  return { answers, errors, asked };
}

/** The groups around each question (for section headings). */
export function groupsOf(form: Pick<TSurveyForm, 'items'>): Map<string, TGroup[]> {
  return new Map(formQuestions(form).map(({ question, groups }) => [question.name, groups]));
}
