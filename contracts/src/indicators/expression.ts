/**
 * DHIS2-like expressions over data elements: `#{CODE}` (all disaggregations), `#{CODE.COC_CODE}` (one),
 * decimal numbers, `+ - * /`, unary minus and parentheses. A small recursive-descent parser (never eval), shared
 * by the server (indicators, validation rules) and the browser (checking a formula as it is typed).
 */

/** One value an expression reads: an element summed over its disaggregations (coc null), or one of them. */
export interface Operand {
  element: string;
  coc: string | null;
}

export type BinaryOperator = '+' | '-' | '*' | '/';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'operand'; operand: Operand }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr };

/**
 * `operands` lists each distinct operand once, in order of appearance (what to fetch before evaluating).
 * On failure `position` is the 0-based offset of the fault (for highlighting) and `error` a Vietnamese message
 * that counts from 1, as a person does.
 */
export type ParseResult =
  | { ok: true; ast: Expr; operands: Operand[] }
  | { ok: false; error: string; position: number };

/** 'CODE' or 'CODE.COC': a map key for an operand's value. */
export function operandKey(op: Operand): string {
  return op.coc === null ? op.element : `${op.element}.${op.coc}`;
}

type Punctuation = BinaryOperator | '(' | ')';
type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'operand'; operand: Operand; pos: number }
  | { kind: Punctuation | 'end'; pos: number };

class ExpressionError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/** "Thiếu dấu «}» ở vị trí 5": positions in messages count from 1. */
const faultAt = (what: string, pos: number) => new ExpressionError(`${what} ở vị trí ${pos + 1}`, pos);

/** Nesting deeper than this is refused rather than risking the stack on hostile input. */
const MAX_DEPTH = 100;

const NUMBER = /\d+(?:\.\d+)?|\.\d+/y;
const CODE = /[A-Za-z0-9_-]+/y;

function readCode(text: string, pos: number, what: string): [string, number] {
  CODE.lastIndex = pos;
  const match = CODE.exec(text);
  if (!match) throw faultAt(`Thiếu ${what}`, pos);
  return [match[0], pos + match[0].length];
}

/** `#{CODE}` or `#{CODE.COC}` starting at `start` (the '#'). */
function readOperand(text: string, start: number): [Operand, number] {
  if (text[start + 1] !== '{') throw faultAt('Thiếu «{» sau «#»', start + 1);
  const [element, afterElement] = readCode(text, start + 2, 'mã chỉ tiêu');
  let pos = afterElement;
  let coc: string | null = null;
  if (text[pos] === '.') [coc, pos] = readCode(text, pos + 1, 'mã phân tổ');
  const next = text[pos];
  if (next === undefined || /\s/.test(next)) throw faultAt('Thiếu dấu «}»', pos);
  if (next !== '}') throw faultAt(`Ký tự không hợp lệ «${next}» trong mã`, pos);
  return [{ element, coc }, pos + 1];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos] as string;
    if (/\s/.test(ch)) {
      pos++;
    } else if ('+-*/()'.includes(ch)) {
      tokens.push({ kind: ch as Punctuation, pos });
      pos++;
    } else if (ch === '#') {
      const [operand, next] = readOperand(text, pos);
      tokens.push({ kind: 'operand', operand, pos });
      pos = next;
    } else {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (!match) throw faultAt(`Ký tự không hợp lệ «${ch}»`, pos);
      tokens.push({ kind: 'number', value: Number(match[0]), pos });
      pos += match[0].length;
    }
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

/** expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ; unary := '-' unary | primary. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.i] as Token;
  }

  parseAll(): Expr {
    const expr = this.expr();
    if (this.token.kind === ')') throw faultAt('Thừa dấu ngoặc đóng', this.token.pos);
    if (this.token.kind !== 'end') throw faultAt('Thiếu phép tính (+ - * /)', this.token.pos);
    return expr;
  }

  private expr(): Expr {
    let left = this.term();
    while (this.token.kind === '+' || this.token.kind === '-') {
      const op = this.token.kind;
      this.i++;
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.token.kind === '*' || this.token.kind === '/') {
      const op = this.token.kind;
      this.i++;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (++this.depth > MAX_DEPTH) throw faultAt('Biểu thức lồng quá sâu', this.token.pos);
    try {
      if (this.token.kind !== '-') return this.primary();
      this.i++;
      return { kind: 'negate', arg: this.unary() };
    } finally {
      this.depth--;
    }
  }

  private primary(): Expr {
    const token = this.token;
    this.i++;
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: token.value };
      case 'operand':
        return { kind: 'operand', operand: token.operand };
      case '(': {
        const inner = this.expr();
        if (this.token.kind !== ')') throw faultAt('Thiếu dấu ngoặc đóng', this.token.pos);
        this.i++;
        return inner;
      }
      default:
        throw faultAt('Thiếu số hoặc chỉ tiêu', token.pos);
    }
  }
}

/** Parses an expression; never throws, so a form can show the message as the formula is typed. */
export function parseExpression(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, error: 'Biểu thức trống', position: 0 };
  try {
    const tokens = tokenize(text);
    const ast = new Parser(tokens).parseAll();
    const operands = new Map<string, Operand>();
    for (const token of tokens) {
      if (token.kind === 'operand' && !operands.has(operandKey(token.operand))) {
        operands.set(operandKey(token.operand), token.operand);
      }
    }
    return { ok: true, ast, operands: [...operands.values()] };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}

/**
 * The value of a parsed expression. `missing`: 'zero' counts an operand without a value as 0 (DHIS2's
 * default), 'null' makes the whole result null. Division by zero, or a result too large to be finite, is null:
 * "no value" rather than a wrong number.
 */
export function evaluateExpression(
  ast: Expr,
  lookup: (op: Operand) => number | null,
  missing: 'zero' | 'null' = 'zero',
): number | null {
  const value = evaluate(ast, lookup, missing);
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value; // never -0
}

function evaluate(ast: Expr, lookup: (op: Operand) => number | null, missing: 'zero' | 'null'): number | null {
  switch (ast.kind) {
    case 'number':
      return ast.value;
    case 'operand': {
      const value = lookup(ast.operand);
      return value ?? (missing === 'zero' ? 0 : null);
    }
    case 'negate': {
      const value = evaluate(ast.arg, lookup, missing);
      return value === null ? null : -value;
    }
    case 'binary': {
      const left = evaluate(ast.left, lookup, missing);
      const right = evaluate(ast.right, lookup, missing);
      if (left === null || right === null) return null;
      if (ast.op === '+') return left + right;
      if (ast.op === '-') return left - right;
      if (ast.op === '*') return left * right;
      return right === 0 ? null : left / right;
    }
  }
}

/** An indicator's definition: value = factor × numerator / denominator (factor 100 for a percentage). */
export interface IndicatorFormula {
  numerator: string;
  denominator: string;
  factor: number;
}

/**
 * factor × N / D over operands already aggregated at one unit, so a ratio comes from summed parts and is never
 * an average of ratios. Missing operands count as 0 on both sides; D = 0, or an expression that does not parse
 * (refused when the indicator is saved), gives null ("—").
 */
export function indicatorValue(formula: IndicatorFormula, lookup: (op: Operand) => number | null): number | null {
  const numerator = parseExpression(formula.numerator);
  const denominator = parseExpression(formula.denominator);
  if (!numerator.ok || !denominator.ok) return null;
  const n = evaluateExpression(numerator.ast, lookup, 'zero');
  const d = evaluateExpression(denominator.ast, lookup, 'zero');
  if (n === null || d === null || d === 0) return null;
  const value = (formula.factor * n) / d;
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
