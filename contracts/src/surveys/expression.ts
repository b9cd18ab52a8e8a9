/**
 * The XLSForm expression subset of `relevant`, `constraint` and `choice_filter` (issue 13), parsed and evaluated the
 * same way on the server (answer checks, tabulation) and in the browser (skip logic while filling a form). Pure: no
 * clock (today() is what the caller passes), no Node-only API.
 *
 * Grammar (XPath 1.0 precedence, lowest first): `or` < `and` < `=` `!=` < `<` `<=` `>` `>=` < `+` `-` <
 * `*` `div` `mod` < unary `-` < primary. Primaries: `${name}` (an answer), `.` (the value being checked, in a
 * constraint), 'text' and "text" (no escapes, as in XPath 1.0), numbers (12, 1.5, .5), `( … )`, function calls, and a
 * bare name: a column of the choices sheet in a choice_filter (`${state}=cf`; `name` is the choice's own name).
 *
 * Values follow XPath: an unanswered question is '' (so `${age} > 18` is false and `${q} = ''` true when empty), a
 * select_multiple is its choice names joined by spaces. `=`/`!=`: booleans if either side is boolean, else numbers if
 * either side is a number (a non-numeric string is NaN: `=` false, `!=` true), else strings. `<` `<=` `>` `>=` compare
 * numbers; a date 'YYYY-MM-DD' counts as days since 1970-01-01 (as in ODK), so `. <= today()` and
 * `today() - ${dob}` work.
 *
 * Parses are cached by source: tabulation may evaluate one `relevant` for every one of a million responses.
 */

export type TExpr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** `${name}` */
  | { k: 'ref'; name: string }
  /** `.` */
  | { k: 'cur' }
  /** a bare name: a choices-sheet column (choice_filter) */
  | { k: 'col'; name: string }
  | { k: 'neg'; a: TExpr }
  | { k: 'bin'; op: TBinaryOp; a: TExpr; b: TExpr }
  | { k: 'call'; fn: string; args: TExpr[] };

export type TBinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type TEvalContext = {
  /** The answer to a question (normalised: number, string, string[]; undefined when absent). */
  value(name: string): unknown;
  /** `.`: the value a constraint checks. */
  current?: unknown;
  /** choice_filter: the choice's columns (its `name` and the extra columns of the choices sheet). */
  choice?: Record<string, string>;
  /** 'YYYY-MM-DD', what today() returns. */
  today: string;
};

/** A parse error: `position` is 1-based (characters), `expected` says what was expected there. */
export class ExpressionError extends Error {
  readonly position: number;
  readonly expected: string;
  readonly source: string;
  constructor(source: string, index: number, expected: string, found: string) {
    super(`Biểu thức không hợp lệ ở vị trí ${index + 1}: cần ${expected}, nhưng gặp ${found}`);
    this.name = 'ExpressionError';
    this.position = index + 1;
    this.expected = expected;
    this.source = source;
  }
}

/** Functions, with their arity [min, max]. */
const FUNCTIONS: Record<string, [number, number]> = {
  selected: [2, 2],
  'count-selected': [1, 1],
  'string-length': [0, 1],
  today: [0, 0],
  number: [1, 1],
  string: [1, 1],
  boolean: [1, 1],
  true: [0, 0],
  false: [0, 0],
  not: [1, 1],
  if: [3, 3],
  regex: [2, 2],
  contains: [2, 2],
  'starts-with': [2, 2],
  concat: [1, 50],
  coalesce: [2, 2],
};

/** The functions the evaluator knows (for messages listing them). */
export const EXPRESSION_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/** Longest regex() pattern accepted. */
export const REGEX_MAX_PATTERN = 300;
/** regex() looks at no more than this many characters of the value. */
const REGEX_MAX_INPUT = 10_000;

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: 'num'; v: number; at: number; text: string }
  | { t: 'str'; v: string; at: number; text: string }
  | { t: 'ref'; v: string; at: number; text: string }
  | { t: 'name'; v: string; at: number; text: string }
  | { t: 'op'; v: string; at: number; text: string }
  | { t: 'end'; v: ''; at: number; text: '' };

const NAME_START = /[A-Za-z_]/;
const NAME_REST = /[A-Za-z0-9_.-]/;
const DIGIT = /[0-9]/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
      continue;
    }
    const at = i;
    if (c === '$') {
      if (src.charAt(i + 1) !== '{') throw new ExpressionError(src, i + 1, '"{" sau "$" (dạng ${tên})', describeChar(src, i + 1));
      let j = i + 2;
      if (j >= n || !NAME_START.test(src.charAt(j))) throw new ExpressionError(src, j, 'tên câu hỏi sau "${"', describeChar(src, j));
      while (j < n && NAME_REST.test(src.charAt(j))) j++;
      if (src.charAt(j) !== '}') throw new ExpressionError(src, j, '"}" đóng ${tên}', describeChar(src, j));
      out.push({ t: 'ref', v: src.slice(i + 2, j), at, text: src.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionError(src, n, `dấu ${c} đóng chuỗi mở ở vị trí ${i + 1}`, 'hết biểu thức');
      out.push({ t: 'str', v: src.slice(i + 1, close), at, text: src.slice(i, close + 1) });
      i = close + 1;
      continue;
    }
    if (DIGIT.test(c) || (c === '.' && i + 1 < n && DIGIT.test(src.charAt(i + 1)))) {
      let j = i;
      while (j < n && DIGIT.test(src.charAt(j))) j++;
      if (src.charAt(j) === '.') {
        j++;
        while (j < n && DIGIT.test(src.charAt(j))) j++;
      }
      const text = src.slice(i, j);
      out.push({ t: 'num', v: Number(text), at, text });
      i = j;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < n && NAME_REST.test(src.charAt(j))) j++;
      // a prefixed name (jr:choice-name), so that an unsupported function is named whole
      if (src.charAt(j) === ':' && NAME_START.test(src.charAt(j + 1))) {
        j += 2;
        while (j < n && NAME_REST.test(src.charAt(j))) j++;
      }
      const text = src.slice(i, j);
      out.push({ t: 'name', v: text, at, text });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, at, text: two });
      i += 2;
      continue;
    }
    if (two === '..') throw new ExpressionError(src, i, 'một giá trị (đường dẫn ".." không được hỗ trợ)', '".."');
    if ('()=<>+-*,.'.includes(c)) {
      out.push({ t: 'op', v: c, at, text: c });
      i++;
      continue;
    }
    throw new ExpressionError(src, i, 'một giá trị hoặc toán tử', describeChar(src, i));
  }
  out.push({ t: 'end', v: '', at: n, text: '' });
  return out;
}

function describeChar(src: string, i: number): string {
  return i >= src.length ? 'hết biểu thức' : `"${src.charAt(i)}"`;
}

function describe(tok: Token): string {
  return tok.t === 'end' ? 'hết biểu thức' : `"${tok.text}"`;
}

// ---------------------------------------------------------------------------------------------------------------
// Parser

const KEYWORD_OPS = new Set(['and', 'or', 'div', 'mod']);

function parse(src: string): TExpr {
  const toks = tokenize(src);
  let p = 0;
  const end = toks[toks.length - 1] as Token;
  const at = (i: number): Token => toks[i] ?? end;
  const peek = () => at(p);
  const isOp = (v: string) => {
    const t = peek();
    return (t.t === 'op' || t.t === 'name') && t.v === v;
  };
  const fail = (expected: string): never => {
    throw new ExpressionError(src, peek().at, expected, describe(peek()));
  };

  const binaryLevel = (ops: string[], next: () => TExpr) => (): TExpr => {
    let a = next();
    for (;;) {
      const op = ops.find(isOp);
      if (!op) return a;
      p++;
      const b = next();
      a = { k: 'bin', op: op as TBinaryOp, a, b };
    }
  };

  const primary = (): TExpr => {
    const t = peek();
    switch (t.t) {
      case 'num':
        p++;
        return { k: 'num', v: t.v };
      case 'str':
        p++;
        return { k: 'str', v: t.v };
      case 'ref':
        p++;
        return { k: 'ref', name: t.v };
      case 'op':
        if (t.v === '.') {
          p++;
          return { k: 'cur' };
        }
        if (t.v === '(') {
          p++;
          const e = orExpr();
          if (!isOp(')')) fail('")"');
          p++;
          return e;
        }
        return fail('một giá trị');
      case 'name': {
        const next = at(p + 1);
        if (next.t === 'op' && next.v === '(') {
          const arity = Object.hasOwn(FUNCTIONS, t.v) ? FUNCTIONS[t.v] : undefined;
          if (!arity) throw new ExpressionError(src, t.at, `một hàm được hỗ trợ (${EXPRESSION_FUNCTIONS.join(', ')})`, `"${t.v}()"`);
          p += 2;
          const args: TExpr[] = [];
          if (!isOp(')')) {
            for (;;) {
              args.push(orExpr());
              if (isOp(',')) {
                p++;
                continue;
              }
              if (!isOp(')')) fail('"," hoặc ")"');
              break;
            }
          }
          const close = peek();
          if (args.length < arity[0] || args.length > arity[1]) {
            const want = arity[0] === arity[1] ? `${arity[0]}` : arity[1] >= 50 ? `ít nhất ${arity[0]}` : `${arity[0]} đến ${arity[1]}`;
            throw new ExpressionError(src, close.at, `${want} đối số cho ${t.v}()`, `${args.length} đối số`);
          }
          p++;
          const pattern = args[1];
          if (t.v === 'regex' && pattern?.k === 'str') {
            const why = unsafeRegex(pattern.v);
            if (why) throw new ExpressionError(src, t.at, `một mẫu regex an toàn (${why})`, `"${pattern.v.slice(0, 40)}"`);
          }
          return { k: 'call', fn: t.v, args };
        }
        if (KEYWORD_OPS.has(t.v)) return fail('một giá trị');
        p++;
        return { k: 'col', name: t.v };
      }
      case 'end':
        return fail('một giá trị');
    }
  };

  const unary = (): TExpr => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', a: unary() };
    }
    return primary();
  };
  const mulExpr = binaryLevel(['*', 'div', 'mod'], unary);
  const addExpr = binaryLevel(['+', '-'], mulExpr);
  const relExpr = binaryLevel(['<=', '>=', '<', '>'], addExpr);
  const eqExpr = binaryLevel(['=', '!='], relExpr);
  const andExpr = binaryLevel(['and'], eqExpr);
  const orExpr: () => TExpr = binaryLevel(['or'], andExpr);

  if (peek().t === 'end') fail('một biểu thức');
  const e = orExpr();
  if (peek().t !== 'end') fail('một toán tử hoặc hết biểu thức');
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// Cache

const CACHE_LIMIT = 10_000;
const parsed = new Map<string, TExpr | ExpressionError>();

/** Parses an expression (cached by source). Throws ExpressionError with the position and what was expected. */
export function parseExpression(src: string): TExpr {
  let hit = parsed.get(src);
  if (hit === undefined) {
    try {
      hit = parse(src);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      hit = e;
    }
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(src, hit);
  }
  if (hit instanceof ExpressionError) throw hit;
  return hit;
}

function walk(e: TExpr, visit: (e: TExpr) => void): void {
  visit(e);
  switch (e.k) {
    case 'neg':
      walk(e.a, visit);
      break;
    case 'bin':
      walk(e.a, visit);
      walk(e.b, visit);
      break;
    case 'call':
      for (const a of e.args) walk(a, visit);
      break;
    default:
  }
}

function collect(src: string, kind: 'ref' | 'col'): string[] {
  const seen = new Set<string>();
  walk(parseExpression(src), (e) => {
    if (e.k === kind) seen.add(e.name);
  });
  return [...seen];
}

/** The question names an expression references (`${name}`), first appearance order, no repeats. Throws ExpressionError. */
export function expressionNames(src: string): string[] {
  return collect(src, 'ref');
}

/** The bare names (choices-sheet columns) an expression reads; outside choice_filter they are mistakes. */
export function expressionColumns(src: string): string[] {
  return collect(src, 'col');
}

/** Whether the expression uses `.` (the value being checked). */
export function expressionUsesCurrent(src: string): boolean {
  let uses = false;
  walk(parseExpression(src), (e) => {
    if (e.k === 'cur') uses = true;
  });
  return uses;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** An answer as XPath sees it: absent → '', select_multiple → its names joined by spaces. */
function fromAnswer(v: unknown): unknown {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.join(' ');
  return v;
}

/** XPath boolean(): empty string, NaN and 0 are false; a non-empty select_multiple is true. */
export function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null;
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD', else NaN. */
export function dateToDays(s: string): number {
  // the last date read is read again most of the time (today(), a survey's answer date): kept
  if (s === lastDate.text) return lastDate.days;
  const days = readDays(s);
  lastDate = { text: s, days };
  return days;
}

let lastDate = { text: '', days: NaN };

function readDays(s: string): number {
  const m = DATE.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** XPath number(); a date 'YYYY-MM-DD' is its day number. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = typeof v === 'string' ? v : toStr(v);
  if (NUMERIC.test(s)) return Number(s);
  return s.length === 10 ? dateToDays(s) : NaN;
}

/** XPath string(). */
export function toStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return v === 0 ? '0' : v.toFixed(0);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(toStr).join(' ');
  return String(v);
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return truthy(a) === truthy(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  return toStr(a) === toStr(b);
}

function tokens(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(toStr).filter((s) => s.length > 0);
  const s = toStr(v).trim();
  return s === '' ? [] : s.split(/\s+/);
}

// ---------------------------------------------------------------------------------------------------------------
// regex()

/** Why a pattern is refused (too long, invalid, or open to catastrophic backtracking), or null when it is accepted. */
export function unsafeRegex(pattern: string): string | null {
  if (pattern.length > REGEX_MAX_PATTERN) return `dài quá ${REGEX_MAX_PATTERN} ký tự`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'không dùng tham chiếu ngược';
  // A quantified group that itself contains a quantifier ((a+)+, (\w*)*, (x{2,})+): exponential backtracking.
  const hasQuant: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') hasQuant.push(false);
    else if (c === ')') {
      const inner = hasQuant.pop() ?? false;
      const next = pattern.charAt(i + 1);
      const quantified = next === '+' || next === '*' || next === '{';
      if (inner && quantified) return 'không lồng lượng từ như (a+)+';
      if (hasQuant.length > 0 && (inner || quantified)) hasQuant[hasQuant.length - 1] = true;
    } else if ((c === '+' || c === '*' || c === '{') && hasQuant.length > 0) hasQuant[hasQuant.length - 1] = true;
  }
  try {
    new RegExp(pattern);
  } catch {
    return 'mẫu không hợp lệ';
  }
  return null;
}

const regexes = new Map<string, RegExp | null>();

function regexTest(value: string, pattern: string): boolean {
  let re = regexes.get(pattern);
  if (re === undefined) {
    re = unsafeRegex(pattern) ? null : new RegExp(pattern);
    if (regexes.size >= 1000) regexes.clear();
    regexes.set(pattern, re);
  }
  if (!re) return false;
  return re.test(value.length > REGEX_MAX_INPUT ? value.slice(0, REGEX_MAX_INPUT) : value);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

type TCompiled = (ctx: TEvalContext) => unknown;

/** Parsed expressions compiled to closures (once per parse, which is cached by source). */
const compiled = new WeakMap<TExpr, TCompiled>();

/** Evaluates a parsed expression: a string, number or boolean (XPath types). */
export function evaluate(expr: TExpr, ctx: TEvalContext): unknown {
  let f = compiled.get(expr);
  if (!f) {
    f = compile(expr);
    compiled.set(expr, f);
  }
  return f(ctx);
}

function compile(expr: TExpr): TCompiled {
  switch (expr.k) {
    case 'num':
    case 'str': {
      const v = expr.v;
      return () => v;
    }
    case 'ref': {
      const name = expr.name;
      return (ctx) => fromAnswer(ctx.value(name));
    }
    case 'cur':
      return (ctx) => fromAnswer(ctx.current);
    case 'col': {
      const name = expr.name;
      return (ctx) => (ctx.choice && Object.hasOwn(ctx.choice, name) ? ctx.choice[name] : '');
    }
    case 'neg': {
      const a = compile(expr.a);
      return (ctx) => -toNumber(a(ctx));
    }
    case 'bin':
      return compileBinary(expr.op, compile(expr.a), compile(expr.b));
    case 'call':
      return compileCall(expr.fn, expr.args);
  }
}

function compileBinary(op: TBinaryOp, a: TCompiled, b: TCompiled): TCompiled {
  switch (op) {
    case 'and':
      return (ctx) => truthy(a(ctx)) && truthy(b(ctx));
    case 'or':
      return (ctx) => truthy(a(ctx)) || truthy(b(ctx));
    case '=':
      return (ctx) => equal(a(ctx), b(ctx));
    case '!=':
      return (ctx) => !equal(a(ctx), b(ctx));
    case '<':
      return (ctx) => toNumber(a(ctx)) < toNumber(b(ctx));
    case '<=':
      return (ctx) => toNumber(a(ctx)) <= toNumber(b(ctx));
    case '>':
      return (ctx) => toNumber(a(ctx)) > toNumber(b(ctx));
    case '>=':
      return (ctx) => toNumber(a(ctx)) >= toNumber(b(ctx));
    case '+':
      return (ctx) => toNumber(a(ctx)) + toNumber(b(ctx));
    case '-':
      return (ctx) => toNumber(a(ctx)) - toNumber(b(ctx));
    case '*':
      return (ctx) => toNumber(a(ctx)) * toNumber(b(ctx));
    case 'div':
      return (ctx) => toNumber(a(ctx)) / toNumber(b(ctx));
    case 'mod':
      return (ctx) => toNumber(a(ctx)) % toNumber(b(ctx));
  }
}

const EMPTY: TCompiled = () => '';

function compileCall(fn: string, args: TExpr[]): TCompiled {
  const f = args.map(compile);
  const a0 = f[0] ?? EMPTY;
  const a1 = f[1] ?? EMPTY;
  const a2 = f[2] ?? EMPTY;
  /** A select_multiple answer read as its list of names, without the join and split. */
  const first = args[0];
  const list: TCompiled = first?.k === 'ref' ? ((name) => (ctx: TEvalContext) => ctx.value(name))(first.name) : a0;
  switch (fn) {
    case 'selected':
      return (ctx) => isSelected(list(ctx), toStr(a1(ctx)).trim());
    case 'count-selected':
      return (ctx) => tokens(list(ctx)).length;
    case 'string-length': {
      const of: TCompiled = args.length === 0 ? (ctx) => fromAnswer(ctx.current) : a0;
      return (ctx) => {
        let n = 0;
        for (const _ of toStr(of(ctx))) n++;
        return n;
      };
    }
    case 'today':
      return (ctx) => ctx.today;
    case 'number':
      return (ctx) => toNumber(a0(ctx));
    case 'string':
      return (ctx) => toStr(a0(ctx));
    case 'boolean':
      return (ctx) => truthy(a0(ctx));
    case 'true':
      return () => true;
    case 'false':
      return () => false;
    case 'not':
      return (ctx) => !truthy(a0(ctx));
    case 'if':
      return (ctx) => (truthy(a0(ctx)) ? a1(ctx) : a2(ctx));
    case 'regex':
      return (ctx) => regexTest(toStr(a0(ctx)), toStr(a1(ctx)));
    case 'contains':
      return (ctx) => toStr(a0(ctx)).includes(toStr(a1(ctx)));
    case 'starts-with':
      return (ctx) => toStr(a0(ctx)).startsWith(toStr(a1(ctx)));
    case 'concat':
      return (ctx) => f.map((g) => toStr(g(ctx))).join('');
    case 'coalesce':
      return (ctx) => {
        const v = a0(ctx);
        return toStr(v) !== '' ? v : a1(ctx);
      };
    default:
      throw new Error(`unknown function ${fn}`);
  }
}

/** selected(): whether a choice name is among the answer's (array, or names separated by spaces). */
function isSelected(v: unknown, want: string): boolean {
  if (Array.isArray(v)) return v.some((x) => toStr(x) === want);
  const s = toStr(v);
  if (want === '' || /\s/.test(want)) return false;
  let from = 0;
  for (;;) {
    const i = s.indexOf(want, from);
    if (i < 0) return false;
    const end = i + want.length;
    if ((i === 0 || /\s/.test(s.charAt(i - 1))) && (end === s.length || /\s/.test(s.charAt(end)))) return true;
    from = i + 1;
  }
}

/** Parses (cached) and evaluates to a boolean: for relevant, constraint and choice_filter. */
export function holds(src: string, ctx: TEvalContext): boolean {
  return truthy(evaluate(parseExpression(src), ctx));
}
