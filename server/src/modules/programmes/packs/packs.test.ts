import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZProgrammePack } from '#contracts/programmes/pack.ts';
import { checkPackReferences } from './pack-check.ts';
import { PACKS_DIR } from './pack-store.ts';

const SEEDS = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const seedFiles = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
/** Markdown emphasis is layout, not text; whitespace (page breaks inside sentences) is collapsed. */
const normalise = (text: string) => text.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim();

/** Fields whose numbers are not the document's: the pack's identity, its note on the source, item codes. */
const NOT_FROM_DOCUMENT = new Set(['format', 'code', 'version', 'source']);

/**
 * Numbers of a pack the document does not write, each with why. Nghị quyết 14-NQ/TU (seed 004) names no end
 * year: the pack runs to the end of the provincial Party congress term (2025) and its coverage window is that term.
 */
const EXCEPTIONS: Record<string, Record<string, string>> = {
  'DB-NQ-14-2021': {
    'programme.toYear': 'no end year written: the term of the XIV provincial congress',
    'targets.4.rule.windowYears': 'within the term',
  },
};

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

/** The number is written in the document, maybe zero-padded ("02", "03 năm") and not inside a longer number. */
const writtenAsIs = (seed: string, n: number) => new RegExp(`(?<![\\d.,])0*${String(n).replace('.', '[.,]')}(?![\\d])`).test(seed);

/** A year inside a period the document writes ("05 năm (2021-2025)": every year's report, every year's budget). */
const inWrittenPeriod = (seed: string, n: number) =>
  [...seed.matchAll(/(?<!\d)((?:19|20)\d\d) ?- ?((?:19|20)\d\d)(?!\d)/g)].some((m) => Number(m[1]) <= n && n <= Number(m[2]));

const written = (seed: string, n: number) => writtenAsIs(seed, n) || (Number.isInteger(n) && n >= 1900 && n <= 2100 && inWrittenPeriod(seed, n));

/** A date is written as d/m/yyyy (zero-padded or not); a year-end due date (a review "hằng năm", "năm 2023") needs its year. */
function dateWritten(seed: string, iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (month === 12 && day === 31) return written(seed, year);
  return (
    new RegExp(`(?<!\\d)0?${day}/0?${month}/${year}(?!\\d)`).test(seed) ||
    new RegExp(`ngày 0?${day} tháng 0?${month} năm ${year}(?!\\d)`).test(seed)
  );
}

const packs = readdirSync(PACKS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, raw: JSON.parse(readFileSync(new URL(file, PACKS_DIR), 'utf8')) as unknown }));

describe('the programme packs of the five seeds', () => {
  it('ships one pack per seed', () => {
    expect(packs.map((p) => p.file.slice(0, 3))).toEqual(seedFiles.map((name) => name.slice(0, 3)).sort());
  });

  for (const { file, raw } of packs) {
    const seedFile = seedFiles.find((name) => name.startsWith(file.slice(0, 3)));
    const seed = normalise(readFileSync(new URL(seedFile ?? 'missing', SEEDS), 'utf8'));
    const pack = ZProgrammePack.parse(raw);

    describe(file, () => {
      it('validates: schema and internal references', () => {
        expect(checkPackReferences(pack)).toEqual([]);
      });

      it('quotes every target, solution group and task verbatim from the seed', () => {
        const texts = [
          ...pack.targets.map((t) => t.text),
          ...pack.solutionGroups.flatMap((g) => [g.title, ...g.tasks.map((t) => t.text)]),
        ];
        const missing = texts.filter((text) => !seed.includes(normalise(text)));
        expect(missing).toEqual([]);
        expect(texts.length).toBeGreaterThan(5);
      });

      it('takes every number (thresholds, years, dates, document numbers, amounts) from the seed', () => {
        const exceptions = EXCEPTIONS[pack.code] ?? {};
        const unwritten: string[] = [];
        for (const { path, value } of leaves(raw)) {
          const key = path.at(-1) ?? '';
          const where = path.join('.');
          if (NOT_FROM_DOCUMENT.has(key) || where in exceptions) continue;
          if (typeof value === 'number' && !written(seed, value)) unwritten.push(`${where} = ${value}`);
          if (typeof value !== 'string') continue;
          if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
            if (!dateWritten(seed, value)) unwritten.push(`${where} = ${value}`);
            continue;
          }
          for (const match of value.matchAll(/\d+(?:[.,]\d+)?/g)) {
            if (!written(seed, Number(match[0].replace(',', '.')))) unwritten.push(`${where}: ${match[0]}`);
          }
        }
        expect(unwritten).toEqual([]);
      });
    });
  }

  it('fails on a number the seed does not write (the check can fail)', () => {
    const seed = normalise(readFileSync(new URL(seedFiles[3] ?? '', SEEDS), 'utf8'));
    expect(written(seed, 85)).toBe(true);
    expect(written(seed, 86)).toBe(false);
    expect(written(seed, 2024)).toBe(true);
    expect(written(seed, 2026)).toBe(false);
    expect(dateWritten(seed, '2021-06-29')).toBe(true);
    expect(dateWritten(seed, '2021-06-28')).toBe(false);
  });
});
