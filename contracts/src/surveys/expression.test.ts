import { describe, expect, it } from 'vitest';
import {
  evaluate,
  ExpressionError,
  expressionColumns,
  expressionNames,
  expressionUsesCurrent,
  holds,
  parseExpression,
  toStr,
  truthy,
  unsafeRegex,
  type TEvalContext,
} from './expression.ts';

const TODAY = '2026-12-03';

function ctx(values: Record<string, unknown>, extra: Partial<TEvalContext> = {}): TEvalContext {
  return { value: (name) => values[name], today: TODAY, ...extra };
}

function run(src: string, values: Record<string, unknown> = {}, extra: Partial<TEvalContext> = {}): unknown {
  return evaluate(parseExpression(src), ctx(values, extra));
}

function parseError(src: string): ExpressionError {
  try {
    parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`parsed: ${src}`);
}

describe('expression: values and operators', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['10 - 2 - 3', 5],
    ['- 2 + 5', 3],
    ['5 - -3', 8],
    ['.5 + 1', 1.5],
    ['1 div 0', Infinity],
    ["'abc'", 'abc'],
    ['"say \'hi\'"', "say 'hi'"],
    ['1 < 2 and 2 < 3', true],
    ['1 > 2 or 2 > 3', false],
    ['1 = 1 or 1 div 0', true],
    ['not(1 = 2)', true],
    ['true() and not(false())', true],
    ['2 >= 2 and 2 <= 2 and 1 != 2', true],
    ["'10' > 9", true],
    ["'10' = 10.0", true],
    ["'abc' = 0", false],
    ["'abc' != 0", true],
    ["'a' = 'a'", true],
    ["'b' > 'a'", false], // XPath 1.0: relational operators compare numbers; 'b' and 'a' are NaN
    ['1 = true()', true],
    ["'' = false()", true],
    ['number("1.50")', 1.5],
    ['number("1,5")', NaN],
    ['number("")', NaN],
    ['string(3)', '3'],
    ['string(1.5)', '1.5'],
    ['string(1 = 1)', 'true'],
    ['string-length("Việt Nam")', 8],
    ['string-length("")', 0],
    ["if(1 < 2, 'yes', 'no')", 'yes'],
    ["if('', 'yes', 'no')", 'no'],
    ['today()', TODAY],
    ["today() > '2026-12-02'", true],
    ["'2026-12-31' - today()", 28],
    ["today() - '2024-12-03'", 730],
    ["'2026-02-30' < today()", false], // not a date: NaN
    ["regex('abc@example.vn', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')", true],
    ["regex('abc@', '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')", false],
    ["regex('0912345678', '^0[0-9]{9}$')", true],
    ["regex('x0912345678', '0[0-9]{9}')", true], // a match anywhere, as ODK
    ["contains('Hà Nội', 'Nội')", true],
    ["starts-with('Hà Nội', 'Hà')", true],
    ["concat('a', 1, true())", 'a1true'],
    ["coalesce('', 'b')", 'b'],
  ])('%s → %s', (src, expected) => {
    expect(run(src)).toStrictEqual(expected);
  });

  it('reads answers: numbers, strings, select_multiple as space-separated names, absent as empty', () => {
    const values = { age: 20, name: 'Lan', issues: ['land', 'roads'], one: '1', empty: undefined };
    expect(run('${age} > 18', values)).toBe(true);
    expect(run("${age} = '20'", values)).toBe(true);
    expect(run('${age} + 1', values)).toBe(21);
    expect(run("${name} = 'Lan'", values)).toBe(true);
    expect(run('${issues}', values)).toBe('land roads');
    expect(run("${issues} = 'land roads'", values)).toBe(true);
    expect(run('${one} = 1', values)).toBe(true);
    expect(run("${one} = '01'", values)).toBe(false);
    expect(run('${one} = 1.0', values)).toBe(true);
    // unanswered: '' — comparisons with numbers are false, equality with '' is true
    expect(run('${missing} > 18', values)).toBe(false);
    expect(run('${missing} < 18', values)).toBe(false);
    expect(run('${missing} = 0', values)).toBe(false);
    expect(run('${missing} != 0', values)).toBe(true);
    expect(run("${missing} = ''", values)).toBe(true);
    expect(run("${empty} = ''", values)).toBe(true);
    expect(run("${age} = ''", values)).toBe(false);
    expect(run("${age} != ''", values)).toBe(true);
    expect(run('${missing}', values)).toBe('');
    expect(run('string-length(${missing})', values)).toBe(0);
  });

  it('selected() and count-selected() read select_multiple arrays and space-separated strings', () => {
    const values = { issues: ['land', 'roads'], typed: ' land  roads ', one: 'yes', none: [] };
    expect(run("selected(${issues}, 'land')", values)).toBe(true);
    expect(run("selected(${issues}, 'roads')", values)).toBe(true);
    expect(run("selected(${issues}, 'lan')", values)).toBe(false);
    expect(run("selected(${typed}, 'roads')", values)).toBe(true);
    expect(run("selected(${one}, 'yes')", values)).toBe(true);
    expect(run("selected(${missing}, 'yes')", values)).toBe(false);
    expect(run("selected(${issues}, ' land ')", values)).toBe(true);
    expect(run("selected(${issues}, '')", values)).toBe(false);
    expect(run("selected(${typed}, 'land roads')", values)).toBe(false);
    expect(run("selected('xland land', 'land')")).toBe(true);
    expect(run("selected('xland landx', 'land')")).toBe(false);
    expect(run('count-selected(${issues})', values)).toBe(2);
    expect(run('count-selected(${typed})', values)).toBe(2);
    expect(run('count-selected(${none})', values)).toBe(0);
    expect(run('count-selected(${missing})', values)).toBe(0);
    expect(run("not(selected(${issues}, 'other')) and count-selected(${issues}) <= 2", values)).toBe(true);
    expect(truthy(run('${issues}', values))).toBe(true);
    expect(truthy(run('${none}', values))).toBe(false);
  });

  it('`.` is the value being checked; string-length() without argument reads it', () => {
    expect(run('. > 0 and . < 120', {}, { current: 35 })).toBe(true);
    expect(run('. > 0 and . < 120', {}, { current: 120 })).toBe(false);
    expect(run('. <= today()', {}, { current: '2026-12-03' })).toBe(true);
    expect(run('. <= today()', {}, { current: '2026-12-04' })).toBe(false);
    expect(run('string-length() = 10', {}, { current: '0912345678' })).toBe(true);
    expect(run('string-length(.) <= 3', {}, { current: 'Tỉnh' })).toBe(false);
    expect(run('count-selected(.) <= 2', {}, { current: ['a', 'b', 'c'] })).toBe(false);
    expect(run(". = ''")).toBe(true);
  });

  it('a bare name reads the choices-sheet column (choice_filter)', () => {
    const choice = { name: 'king', cf: 'washington' };
    expect(run('${state}=cf', { state: 'washington' }, { choice })).toBe(true);
    expect(run('${state}=cf', { state: 'texas' }, { choice })).toBe(false);
    expect(run("name != 'king'", {}, { choice })).toBe(false);
    expect(run('unknown_column = ""', {}, { choice })).toBe(true);
    expect(run('cf', {})).toBe('');
  });

  it('truthy follows XPath boolean()', () => {
    expect([truthy(''), truthy('0'), truthy('false'), truthy(0), truthy(NaN), truthy(-1), truthy([]), truthy(['a']), truthy(false)]).toStrictEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect([toStr(3), toStr(-0), toStr(1e21), toStr(0.1 + 0.2), toStr(NaN), toStr(['a', 'b'])]).toStrictEqual([
      '3',
      '0',
      '1e+21',
      '0.30000000000000004',
      'NaN',
      'a b',
    ]);
  });

  it('relevants of the real forms (A2, B1)', () => {
    const a2 = "${wissen_gesetz} = 'ja' and (${veraenderung_gesetz_art} = 'ja_haben' or ${veraenderung_gesetz_art} = 'ja_zusammenarbeit')";
    expect(holds(a2, ctx({ wissen_gesetz: 'ja', veraenderung_gesetz_art: 'ja_zusammenarbeit' }))).toBe(true);
    expect(holds(a2, ctx({ wissen_gesetz: 'nein', veraenderung_gesetz_art: 'ja_haben' }))).toBe(false);
    expect(holds(a2, ctx({ wissen_gesetz: 'ja' }))).toBe(false);
    expect(holds("selected(${themenfelder}, 'other')", ctx({ themenfelder: ['bildung', 'other'] }))).toBe(true);
    expect(holds('${age} > 0 and ${age} < 120', ctx({ age: 119 }))).toBe(true);
    expect(holds("${pizza_fan} = 'no'", ctx({}))).toBe(false);
  });
});

describe('expression: names, columns, cache', () => {
  it('lists the ${name}s referenced, in order, without repeats', () => {
    expect(expressionNames("${a} = 'x' and (${b} > ${a} or selected(${c_1.x}, 'y'))")).toStrictEqual(['a', 'b', 'c_1.x']);
    expect(expressionNames('. > 0')).toStrictEqual([]);
    expect(expressionColumns('${state}=cf and name != ${x}')).toStrictEqual(['cf', 'name']);
    expect(expressionUsesCurrent('. > 0')).toBe(true);
    expect(expressionUsesCurrent('${a} > 0')).toBe(false);
  });

  it('keywords are operators after a value and names elsewhere; hyphenated names are one name', () => {
    expect(run('6 div 3 mod 2')).toBe(0);
    expect(run('${a}-1', { a: 5 })).toBe(4);
    expect(expressionColumns('cf-1 = ${a}')).toStrictEqual(['cf-1']);
  });

  it('caches a parse by source (one object for one source)', () => {
    const src = "${x} = 'cached' and ${y} > 1";
    expect(parseExpression(src)).toBe(parseExpression(src));
  });

  it('evaluates a relevant a million times quickly', () => {
    const expr = parseExpression("${q1} = 'yes' and (selected(${q2}, 'b') or ${q3} > 40)");
    const values: Record<string, unknown> = { q1: 'yes', q2: ['a', 'c'], q3: 0 };
    const c = ctx(values);
    let n = 0;
    const start = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      values.q3 = i % 100;
      if (truthy(evaluate(expr, c))) n++;
    }
    expect(n).toBe(590_000);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('expression: parse errors', () => {
  it.each([
    ['', 1, 'một biểu thức', 'hết biểu thức'],
    ['${age} >', 9, 'một giá trị', 'hết biểu thức'],
    ['(${a} = 1', 10, '")"', 'hết biểu thức'],
    ["${a} = 'x", 10, "dấu ' đóng chuỗi mở ở vị trí 8", 'hết biểu thức'],
    ['${a} = 1 2', 10, 'một toán tử hoặc hết biểu thức', '"2"'],
    ['${ a} = 1', 3, 'tên câu hỏi sau "${"', '" "'],
    ['${a = 1', 4, '"}" đóng ${tên}', '" "'],
    ['$a = 1', 2, '"{" sau "$" (dạng ${tên})', '"a"'],
    ['${a} == 1', 7, 'một giá trị', '"="'],
    ['${a} = 1 and', 13, 'một giá trị', 'hết biểu thức'],
    ['${a} and or ${b}', 10, 'một giá trị', '"or"'],
    ['selected(${a} 1)', 15, '"," hoặc ")"', '"1"'],
    ["selected(${a})", 14, '2 đối số cho selected()', '1 đối số'],
    ['today(1)', 8, '0 đối số cho today()', '1 đối số'],
    ['string-length(1, 2)', 19, '0 đến 1 đối số cho string-length()', '2 đối số'],
    ['${a} = ../b', 8, 'một giá trị (đường dẫn ".." không được hỗ trợ)', '".."'],
    ['${a} | ${b}', 6, 'một giá trị hoặc toán tử', '"|"'],
    ['${a} = @x', 8, 'một giá trị hoặc toán tử', '"@"'],
  ])('%j → position %i', (src, position, expected, found) => {
    const e = parseError(src);
    expect(e.position).toBe(position);
    expect(e.expected).toBe(expected);
    expect(e.message).toBe(`Biểu thức không hợp lệ ở vị trí ${position}: cần ${expected}, nhưng gặp ${found}`);
  });

  it('names the unsupported function and lists the supported ones', () => {
    const e = parseError("${a} = 1 or jr:choice-name(${a}, '${a}')");
    expect(e.position).toBe(13);
    expect(e.message).toContain('cần một hàm được hỗ trợ (selected, count-selected, string-length, today,');
    const f = parseError('pulldata("x")');
    expect(f.message).toMatch(/nhưng gặp "pulldata\(\)"$/);
  });

  it('refuses unsafe or invalid regex patterns when they are literal; refuses them at run time otherwise', () => {
    expect(parseError("regex(., '(a+)+$')").message).toBe(
      'Biểu thức không hợp lệ ở vị trí 1: cần một mẫu regex an toàn (không lồng lượng từ như (a+)+), nhưng gặp "(a+)+$"',
    );
    expect(parseError("regex(., '((ab)*c)*')").expected).toContain('không lồng lượng từ');
    expect(parseError("regex(., '([0-9]{2,})+')").expected).toContain('không lồng lượng từ');
    expect(parseError("regex(., '(a)\\1')").expected).toBe('một mẫu regex an toàn (không dùng tham chiếu ngược)');
    expect(parseError("regex(., '[a-')").expected).toBe('một mẫu regex an toàn (mẫu không hợp lệ)');
    expect(parseError(`regex(., '${'a'.repeat(301)}')`).expected).toBe('một mẫu regex an toàn (dài quá 300 ký tự)');
    expect(unsafeRegex('^(\\+84|0)[0-9]{9}$')).toBeNull();
    expect(unsafeRegex('^([a-z]+ )?[a-z]+$')).toBeNull();
    expect(unsafeRegex('[(a+)]+')).toBeNull();
    expect(run('regex(., ${p})', { p: '(a+)+$' }, { current: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' })).toBe(false);
    expect(run('regex(., ${p})', { p: '^a+$' }, { current: 'aaa' })).toBe(true);
  });

  it('caches errors too, throwing the same error again', () => {
    expect(parseError('${a} >')).toBe(parseError('${a} >'));
  });
});
