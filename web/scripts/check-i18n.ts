/**
 * Checks the web app's strings: every catalogue pair (the shell's `app/messages.{vi,en}.ts` and each feature's
 * `features/<feature>/messages.{vi,en}.ts`, found through the registry `CATALOGUES`) has the same keys and
 * placeholders; no key is defined by two catalogues; every `messages.vi.ts` is registered and spread into
 * i18n/vi.ts; every catalogue key used in web/src exists in both languages; and no .tsx file shows literal text
 * that bypasses t().
 * Run: node --import tsx web/scripts/check-i18n.ts (exit code 1 on problems). The unit test calls checkI18n().
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIONS } from '#contracts/permissions.ts';
import type { Catalogue } from '../src/app/feature.ts';
import { CATALOGUES } from '../src/app/features.ts';
import { vi } from '../src/i18n/vi.ts';

const DEFAULT_ROOT = fileURLToPath(new URL('../src', import.meta.url));
/** Files that define strings rather than use them. */
const SKIP = /(^|\/)messages\.(vi|en)\.ts$|(^|\/)i18n\/(vi|en)\.ts$|\.test\.tsx?$/;
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

/** A catalogue pair: same keys, no empty text, same placeholders. `names` label the two files in problems. */
export function compareCatalogues(
  first: Catalogue,
  second: Catalogue,
  names: readonly [string, string] = ['vi.ts', 'en.ts'],
): string[] {
  const [viName, enName] = names;
  const problems: string[] = [];
  for (const key of Object.keys(first)) {
    const a = first[key] ?? '';
    const b = second[key];
    if (b === undefined) problems.push(`${enName} lacks key ${key}`);
    else if (placeholders(a) !== placeholders(b)) problems.push(`placeholders differ for ${key}: "${a}" / "${b}"`);
    if (!a.trim()) problems.push(`${viName} has empty text for ${key}`);
    if (b !== undefined && !b.trim()) problems.push(`${enName} has empty text for ${key}`);
  }
  for (const key of Object.keys(second)) if (!(key in first)) problems.push(`${viName} lacks key ${key}`);
  return problems;
}

/** Where a registered catalogue lives, relative to web/src: the shell's in app/, a feature's in its folder. */
export const catalogueFolder = (name: string): string => (name === 'app' ? 'app' : `features/${name}`);

/**
 * Every registered catalogue pair with English fetched, as the app fetches it (i18n/en.ts), and the Vietnamese
 * catalogues fetched with their pages too (`lazy`: not in the first load, typed in i18n/vi.ts only).
 */
export async function loadCatalogues(): Promise<{ folder: string; vi: Catalogue; en: Catalogue; lazy: boolean }[]> {
  return Promise.all(
    CATALOGUES.map(async ({ name, messages }) => ({
      folder: catalogueFolder(name),
      vi: typeof messages.vi === 'function' ? await messages.vi() : messages.vi,
      en: await messages.en(),
      lazy: typeof messages.vi === 'function',
    })),
  );
}

/** The registry's catalogues against the files and against i18n/vi.ts. */
function checkCatalogues(pairs: Awaited<ReturnType<typeof loadCatalogues>>, root: string): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const { folder, vi: first, en: second, lazy } of pairs) {
    const names = [`${folder}/messages.vi.ts`, `${folder}/messages.en.ts`] as const;
    for (const name of names) if (!existsSync(join(root, name))) problems.push(`${name}: not found for registered catalogue`);
    problems.push(...compareCatalogues(first, second, names));
    for (const key of Object.keys(first)) {
      const other = owner.get(key);
      if (other) problems.push(`${names[0]}: key ${key} is also defined in ${other}/messages.vi.ts`);
      else owner.set(key, folder);
      if (!lazy && !Object.hasOwn(vi, key)) problems.push(`i18n/vi.ts lacks key ${key} of ${names[0]}: spread the catalogue there`);
      if (lazy && Object.hasOwn(vi, key)) problems.push(`i18n/vi.ts spreads key ${key} of ${names[0]}, a catalogue fetched with its pages: import its type only`);
    }
  }
  for (const key of Object.keys(vi)) if (!owner.has(key)) problems.push(`i18n/vi.ts: key ${key} is in no registered catalogue`);
  const registered = new Set(pairs.map(({ folder }) => `${folder}/messages.vi.ts`));
  for (const file of sourceFiles(root)) {
    const name = relative(root, file);
    if (name.endsWith('messages.vi.ts') && !registered.has(name)) problems.push(`${name}: not registered in app/features.ts`);
  }
  return problems;
}

/** Every problem found under `root` (default web/src), as "file: message" lines; empty when all is well. */
export async function checkI18n(root: string = DEFAULT_ROOT): Promise<string[]> {
  const pairs = await loadCatalogues();
  const catalogues: Record<'vi' | 'en', Catalogue> = {
    vi: Object.assign({}, ...pairs.map((pair) => pair.vi)) as Catalogue,
    en: Object.assign({}, ...pairs.map((pair) => pair.en)) as Catalogue,
  };
  const problems = checkCatalogues(pairs, root);
  const prefixes = new Set(Object.keys(catalogues.vi).map((key) => key.split('.')[0] ?? ''));
  const allKeys = [...new Set([...Object.keys(catalogues.vi), ...Object.keys(catalogues.en)])];
  for (const file of sourceFiles(root)) {
    const name = relative(root, file);
    if (SKIP.test(name)) continue;
    const source = readFileSync(file, 'utf8');
    const { keys, templatePrefixes } = findKeys(stripComments(source), prefixes);
    for (const key of keys) {
      for (const [language, catalogue] of Object.entries(catalogues)) {
        if (!(key in catalogue)) problems.push(`${name}: key "${key}" missing from the ${language} catalogues`);
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
  const problems = await checkI18n();
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'i18n: all strings go through t() and both catalogues are complete' : `i18n: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
