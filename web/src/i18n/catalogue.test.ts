import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '#contracts/audit.ts';
import { ROLES } from '#contracts/auth.ts';
import { ORGANIZATION_TYPES } from '#contracts/organizations.ts';
import { checkI18n, compareCatalogues, findKeys, findLiteralText, loadCatalogues } from '../../scripts/check-i18n.ts';
import { WEB_FEATURES } from '../app/features.ts';
import { loadEnglish } from './en.ts';
import { interpolate } from './i18n.ts';
import { vi } from './vi.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));
const en = await loadEnglish();

describe('i18n catalogues', () => {
  it('web/src uses only keys both catalogues have, and shows no literal text', async () => {
    expect(await checkI18n()).toEqual([]);
  });

  it('names every code the server can send: audit actions and entities, roles, organisation types', () => {
    const keys = [
      ...AUDIT_ACTIONS.map((code) => `audit.action.${code}`),
      ...AUDIT_ENTITIES.map((code) => `audit.entity.${code}`),
      ...ROLES.map((code) => `role.${code}`),
      ...ORGANIZATION_TYPES.map((code) => `org.type.${code}`),
    ];
    expect(keys.filter((key) => !(key in vi) || !(key in en))).toEqual([]);
  });

  it('Vietnamese labels keep their exact diacritics', () => {
    expect(vi['auth.login']).toBe('Đăng nhập');
    expect(vi['units.search']).toBe('Tìm đơn vị');
    expect(vi['units.before2025']).toBe('Trước 01/07/2025: tỉnh – huyện – xã');
    expect(vi['org.type.community_investment_board']).toBe('Ban giám sát đầu tư của cộng đồng');
    expect(vi['role.focal_point']).toBe('Đầu mối tổ chức');
    expect(Object.values(vi).every((text) => text === text.normalize('NFC'))).toBe(true);
  });

  it('finds missing keys and differing placeholders', async () => {
    expect(compareCatalogues({ a: 'x {n}', b: 'y' }, { a: 'x {m}' })).toEqual([
      'placeholders differ for a: "x {n}" / "x {m}"',
      'en.ts lacks key b',
    ]);
    const every = Object.assign({}, ...(await loadCatalogues()).map((pair) => pair.vi)) as Record<string, string>;
    expect(compareCatalogues(every, en)).toEqual([]);
  });

  it('flags JSX text and text attributes that bypass t()', () => {
    const source = `
      const A = () => <p title="Xem">Chưa có dữ liệu</p>;
      const B = () => <input placeholder={t('units.search')} aria-label="Search" />;
      const C = () => <span>{'Đơn vị'}{' '}{t('nav.home')}</span>;
      const D = (x: Array<number>) => x.map((n) => n > 1);
    `;
    expect(findLiteralText(source)).toEqual(['Chưa có dữ liệu', 'aria-label="Search"', 'title="Xem"', 'Đơn vị']);
  });

  it('collects literal keys and template prefixes', () => {
    const found = findKeys("t('nav.home'); t(`org.type.${type}`); import x from './styles.css';", new Set(['nav', 'org']));
    expect(found).toEqual({ keys: ['nav.home'], templatePrefixes: ['org.type.'] });
  });

  it('fills placeholders', () => {
    expect(interpolate('Xin chào, {name}', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(interpolate('{count} thành viên', { count: 3 })).toBe('3 thành viên');
  });
});

describe('B9 web catalogues split per feature', () => {
  it('every feature keeps its strings beside it: a messages.vi.ts / messages.en.ts pair per registered feature', async () => {
    const pairs = await loadCatalogues();
    expect(pairs.map((pair) => pair.folder)).toEqual(['app', ...WEB_FEATURES.map((feature) => `features/${feature.name}`)]);
    for (const { folder, vi: first, en: second } of pairs) {
      expect(Object.keys(first).length, folder).toBeGreaterThan(0);
      expect(Object.keys(second).sort(), folder).toEqual(Object.keys(first).sort());
    }
    // the first load's Vietnamese is exactly the union of the catalogues not fetched with their pages; English has every key
    const firstLoad = pairs.filter((pair) => !pair.lazy);
    expect(firstLoad.reduce((sum, pair) => sum + Object.keys(pair.vi).length, 0)).toBe(Object.keys(vi).length);
    const every = Object.assign({}, ...pairs.map((pair) => pair.vi)) as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(every).sort());
    // the large catalogues of pages no first screen shows are fetched with them
    expect(pairs.filter((pair) => pair.lazy).map((pair) => pair.folder)).toEqual([
      'features/organizations/forms', 'features/indicator-config', 'features/programmes', 'features/emulation', 'features/emulation/models', 'features/emulation/review', 'features/surveys', 'features/surveys-public', 'features/grassroots', 'features/training', 'features/sentiment',
    ]);
  });
});

/** Relative modules a file imports statically (`import type` and `import()` are not followed). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/^import\s+(?!type\s)(?:[\s\S]*?\bfrom\s*)?['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^export\s+(?!type\s)[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
  ].map((match) => match[1] ?? '');
  return specifiers
    .filter((specifier) => specifier.startsWith('.') && /\.tsx?$/.test(specifier))
    .map((specifier) => resolve(dirname(file), specifier));
}

/** Every module of web/src reachable from `entry` through static imports: what the first load contains. */
function firstLoad(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file).filter((next) => next.startsWith(SRC)));
  }
  return new Set([...seen].map((file) => relative(SRC, file)));
}

const newestSource = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
/** A build of the current sources (a build older than web/src says nothing about them). */
const freshBuild = existsSync(join(DIST, 'index.html')) && statSync(join(DIST, 'index.html')).mtimeMs >= newestSource(SRC);

describe('B9 web catalogues: the English catalogue is not in the first load', () => {
  it('no module reachable from main.tsx imports i18n/en.ts or a messages.en.ts statically; the Vietnamese of the first load is', () => {
    const reached = firstLoad(join(SRC, 'main.tsx'));
    expect(reached.has('app/App.tsx') && reached.has('i18n/i18n.ts')).toBe(true);
    expect([...reached].filter((file) => /(^|\/)(messages\.en|i18n\/en)\.ts$/.test(file))).toEqual([]);
    const vietnamese = [...reached].filter((file) => /(^|\/)messages\.vi\.ts$/.test(file)).sort();
    // every feature's but those fetched with their pages (a loader instead of the catalogue)
    const folders = ['app', ...WEB_FEATURES.filter((feature) => typeof feature.messages.vi !== 'function').map((feature) => `features/${feature.name}`)];
    expect(vietnamese).toEqual(folders.map((folder) => `${folder}/messages.vi.ts`).sort());
    expect(vietnamese).not.toContain('features/programmes/messages.vi.ts');
    expect(reached.has('i18n/vi.ts')).toBe(true);
  });

  it.skipIf(!freshBuild)('the built entry and the chunks it preloads hold no English string; another chunk does', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const first = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
    const chunks = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.js'));
    expect(first.length).toBeGreaterThan(1);
    for (const english of [en['error.network'], en['auth.requiredMessage'], en['home.wholeCountry']]) {
      const holders = chunks.filter((name) => readFileSync(join(DIST, 'assets', name), 'utf8').includes(english));
      expect(holders.length, english).toBe(1);
      expect(first, english).not.toContain(holders[0]);
    }
  });

  it.skipIf(!freshBuild)('the built entry and the chunks it preloads hold none of the catalogues fetched with their pages', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const first = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => readFileSync(join(DIST, 'assets', match[1] ?? ''), 'utf8'));
    const lazy = WEB_FEATURES.flatMap((feature) => (typeof feature.messages.vi === 'function' ? [feature] : []));
    expect(lazy.length).toBeGreaterThan(5);
    for (const feature of lazy) {
      const catalogue = (await (feature.messages.vi as () => Promise<Record<string, string>>)()) as Record<string, string>;
      // its longest string, as the bundler writes it (JSON escapes aside, Vietnamese text is kept as is)
      const longest = Object.values(catalogue).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(first.filter((chunk) => chunk.includes(longest)).length, `${feature.name}: ${longest}`).toBe(0);
    }
  });
});
