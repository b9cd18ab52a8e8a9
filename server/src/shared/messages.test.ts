import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fill, MESSAGES, msg, SHEET_HEADERS, vnDate } from './messages.ts';

const SERVER_SRC = new URL('..', import.meta.url).pathname;

/** A Vietnamese letter: a vowel with a diacritic, đ/Đ, or a combining mark (text saved decomposed, NFD). */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]|\p{M}/iu;

/**
 * The server's own source: not tests, not the demo data (server/src/demo and a module's own demo/ folder), not
 * fixtures, not the catalogue itself.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'demo' ? [] : sourceFiles(path);
    const skip = !entry.name.endsWith('.ts') || /\.(test|fixtures)\.ts$/.test(entry.name) || relative(SERVER_SRC, path) === 'shared/messages.ts';
    return skip ? [] : [path];
  });
}

const parse = (name: string, text: string) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

/** `line: text` of every string or template literal (each template part alike) with a Vietnamese letter. */
function vietnameseLiterals(source: ts.SourceFile): string[] {
  const found: string[] = [];
  visit(source, (node) => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node);
    if (literal && VIETNAMESE.test(node.text)) {
      found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source)}`);
    }
  });
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

/** Property names of an object literal, or null when one cannot be read statically (spread, computed key). */
function literalKeys(node: ts.ObjectLiteralExpression): string[] | null {
  const keys: string[] = [];
  for (const property of node.properties) {
    if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && !ts.isComputedPropertyName(property.name)) {
      keys.push(property.name.text);
    } else return null;
  }
  return keys.sort();
}

/** The object literal an argument is, or the one a `const` of the same file was initialised with. */
function objectArgument(source: ts.SourceFile, argument: ts.Expression): ts.ObjectLiteralExpression | null {
  if (ts.isObjectLiteralExpression(argument)) return argument;
  if (!ts.isIdentifier(argument)) return null;
  let found: ts.ObjectLiteralExpression | null = null;
  visit(source, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === argument.text && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      found = node.initializer;
    }
  });
  return found;
}

/** Problems of each `msg('key', params)` call: unknown key, placeholder left unfilled, parameter the text lacks. */
function placeholderProblems(source: ts.SourceFile): { calls: number; problems: string[] } {
  const problems: string[] = [];
  let calls = 0;
  visit(source, (node) => {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'msg') return;
    const [keyNode, paramsNode] = node.arguments;
    if (!keyNode || !ts.isStringLiteralLike(keyNode)) return; // a key chosen at run time: the types check it
    calls++;
    const where = `${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${keyNode.text}`;
    const text = (MESSAGES as Record<string, string>)[keyNode.text];
    if (text === undefined) return void problems.push(`${where}: no such key`);
    const wanted = placeholders(text);
    const object = paramsNode ? objectArgument(source, paramsNode) : null;
    const given = paramsNode ? (object ? literalKeys(object) : null) : [];
    if (given === null) problems.push(`${where}: parameters not an object literal, cannot check`);
    else if (wanted.join() !== given.join()) problems.push(`${where}: text has {${wanted.join('}, {')}}, call gives ${given.join(', ') || 'none'}`);
  });
  return { calls, problems };
}

describe('server messages (B9)', () => {
  it('B9 messages: no Vietnamese text outside the catalogue', () => {
    const sample = parse(
      'sample.ts',
      ["// Tệp: a comment may be Vietnamese", "const a = 'Tệp';", 'const b = "Đơn vị";', 'const c = `x ${a} được`;', "const d = /đ/g, e = 'Tep', f = 'Te\u0323\u0302p';"].join('\n'),
    );
    expect(vietnameseLiterals(sample)).toEqual(["2: 'Tệp'", '3: "Đơn vị"', '4: } được`', "5: 'Te\u0323\u0302p'"]);

    const files = sourceFiles(SERVER_SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      vietnameseLiterals(parse(file, readFileSync(file, 'utf8'))).map((hit) => `server/src/${relative(SERVER_SRC, file)}:${hit}`),
    );
    // move each into MESSAGES (server/src/shared/messages.ts) and call msg('area.name', { … })
    expect(found).toEqual([]);
  });

  it('B9 messages: every placeholder of a message is filled where it is used', () => {
    const results = sourceFiles(SERVER_SRC).map((file) => ({ file, ...placeholderProblems(parse(file, readFileSync(file, 'utf8'))) }));
    expect(results.reduce((sum, r) => sum + r.calls, 0)).toBeGreaterThan(100);
    expect(results.flatMap((r) => r.problems.map((problem) => `server/src/${relative(SERVER_SRC, r.file)}:${problem}`))).toEqual([]);
  });

  it('B9 messages: every catalogue text is NFC, under an area.name key', () => {
    const texts = [...Object.values(MESSAGES), ...Object.values(SHEET_HEADERS).flatMap((columns) => Object.values(columns).flat())];
    expect(texts.filter((text) => text !== text.normalize('NFC'))).toEqual([]);
    expect(Object.keys(MESSAGES).filter((key) => !/^[a-z]+(\.[a-zA-Z0-9]+)+$/.test(key))).toEqual([]);
  });

  it('msg fills placeholders; one without a value stays visible', () => {
    expect(msg('common.notFound', { what: msg('entity.unit') })).toBe('Đơn vị không tồn tại hoặc bạn không có quyền xem.');
    expect(msg('common.maxLength', { max: 200 })).toBe('tối đa 200 ký tự');
    expect(fill('{a} và {b}', { a: '{b}' })).toBe('{b} và {b}');
  });

  // --- shell-dates ---
  it('vnDate writes a date in a message as the web app does: two-digit day and month', () => {
    expect(vnDate('2025-07-01')).toBe('01/07/2025');
    expect(msg('units.closeBefore', { date: vnDate('2026-12-02') })).toBe('phải trước 02/12/2026');
  });
});
