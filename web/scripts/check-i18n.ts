/**
 * Checks the web app's strings: every catalogue key used in web/src exists in vi.ts and en.ts, both catalogues
 * have the same keys and placeholders, and no .tsx file shows literal text that bypasses t().
 * Run: node --import tsx web/scripts/check-i18n.ts (exit code 1 on problems). The unit test calls checkI18n().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIONS } from '#contracts/permissions.ts';
import { en } from '../src/i18n/en.ts';
import { vi } from '../src/i18n/vi.ts';

type Catalogue = Readonly<Record<string, string>>;

const DEFAULT_ROOT = fileURLToPath(new URL('../src', import.meta.url));
/** Files that define strings rather than use them. */
const SKIP = /(^|\/)i18n\/(vi|en)(-[a-z]+)?\.ts$|\.test\.tsx?$/;
/** Attributes a user reads or hears. */
const TEXT_ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt', 'label', 'aria-description'];
const LETTER = /\p{L}/u;
/** Permission actions ('units.manageVillages') look like catalogue keys but are not shown to anyone. */
const PERMISSION_ACTIONS: ReadonlySet<string> = new Set(ACTIONS);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Removes comments so that prose in them is not mistaken for UI text. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Catalogue keys a source mentions: literal keys ('nav.units') and template prefixes (`org.type.${x}`). */
export function findKeys(source: string, prefixes: ReadonlySet<string>): { keys: string[]; templatePrefixes: string[] } {
  const keys = [...source.matchAll(/(['"])([a-zA-Z]+(?:\.[\w]+)+)\1/g)]
    .map((match) => match[2] ?? '')
    .filter((key) => prefixes.has(key.split('.')[0] ?? '') && !PERMISSION_ACTIONS.has(key));
  const templatePrefixes = [...source.matchAll(/\bt\(\s*`([a-zA-Z]+(?:\.\w+)*\.)\$\{/g)].map((match) => match[1] ?? '');
  return { keys, templatePrefixes };
}

/** Literal text in JSX that does not go through t(): text between tags, text attributes, `{'…'}`. */
export function findLiteralText(source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  // text between a tag's end and the next tag; `=>` and `->` are not tag ends, and code punctuation means it is not text
  for (const match of code.matchAll(/[^=-]>([^<>{}();=]*)</g)) {
    const text = (match[1] ?? '').trim();
    if (LETTER.test(text)) found.push(text);
  }
  for (const attribute of TEXT_ATTRIBUTES) {
    for (const match of code.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))) {
      if (LETTER.test(match[1] ?? '')) found.push(`${attribute}="${match[1]}"`);
    }
  }
  for (const match of code.matchAll(/\{\s*(['"`])([^'"`{}]*)\1\s*\}/g)) {
    if (LETTER.test(match[2] ?? '')) found.push(match[2] ?? '');
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort().join(',');

/** Both catalogues: same keys, no empty text, same placeholders. */
export function compareCatalogues(first: Catalogue, second: Catalogue): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(first)) {
    const a = first[key] ?? '';
    const b = second[key];
    if (b === undefined) problems.push(`en.ts lacks key ${key}`);
    else if (placeholders(a) !== placeholders(b)) problems.push(`placeholders differ for ${key}: "${a}" / "${b}"`);
    if (!a.trim()) problems.push(`vi.ts has empty text for ${key}`);
    if (b !== undefined && !b.trim()) problems.push(`en.ts has empty text for ${key}`);
  }
  for (const key of Object.keys(second)) if (!(key in first)) problems.push(`vi.ts lacks key ${key}`);
  return problems;
}

/** Every problem found under `root` (default web/src), as "file: message" lines; empty when all is well. */
export function checkI18n(root: string = DEFAULT_ROOT): string[] {
  const catalogues: Record<'vi' | 'en', Catalogue> = { vi, en };
  const problems = compareCatalogues(catalogues.vi, catalogues.en);
  const prefixes = new Set(Object.keys(vi).map((key) => key.split('.')[0] ?? ''));
  const allKeys = [...new Set([...Object.keys(vi), ...Object.keys(en)])];
  for (const file of sourceFiles(root)) {
    const name = relative(root, file);
    if (SKIP.test(name)) continue;
    const source = readFileSync(file, 'utf8');
    const { keys, templatePrefixes } = findKeys(stripComments(source), prefixes);
    for (const key of keys) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        if (!(key in catalogue)) problems.push(`${name}: key "${key}" missing from ${language}.ts`);
      }
    }
    for (const prefix of templatePrefixes) {
      if (!allKeys.some((key) => key.startsWith(prefix))) problems.push(`${name}: no key starts with "${prefix}"`);
    }
    if (file.endsWith('.tsx')) {
      for (const text of findLiteralText(source)) problems.push(`${name}: literal text not through t(): ${JSON.stringify(text)}`);
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkI18n();
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'i18n: all strings go through t() and both catalogues are complete' : `i18n: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
