import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZCampaignPack, type TCampaignPack } from '#contracts/emulation/pack.ts';
import { checkPackReferences } from './pack-check.ts';
import { PACKS_DIR } from './pack-store.ts';

const SEEDS = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const seedFiles = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
/** Markdown emphasis is layout, not text; whitespace (page breaks inside sentences) is collapsed. */
const normalise = (text: string) => text.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim();

/** Fields whose values are not the document's: the pack's identity and its note on the source, item codes. */
const NOT_FROM_DOCUMENT = new Set(['format', 'code', 'version', 'source', 'programmePack']);

/** Every text of a pack that must be the document's, with its path; multi-paragraph texts paragraph by paragraph. */
function documentTexts(pack: TCampaignPack): { where: string; text: string }[] {
  const paragraphs = (where: string, text: string | null) =>
    text === null ? [] : text.split(/\n\s*\n/).map((paragraph, i) => ({ where: `${where}[${i}]`, text: paragraph }));
  return [
    { where: 'campaign.title', text: pack.campaign.title },
    ...pack.campaign.themes.map((text, i) => ({ where: `campaign.themes.${i}`, text })),
    ...paragraphs('campaign.purpose', pack.campaign.purpose),
    ...pack.commitments.flatMap((c, i) => [{ where: `commitments.${i}.title`, text: c.title }, ...paragraphs(`commitments.${i}.appendix`, c.appendix)]),
    ...pack.criteria.map((c, i) => ({ where: `criteria.${i}.text`, text: c.text })),
    ...pack.bodyTasks.flatMap((t, i) => [{ where: `bodyTasks.${i}.text`, text: t.text }, ...(t.heading ? [{ where: `bodyTasks.${i}.heading`, text: t.heading }] : [])]),
    ...pack.milestones.map((m, i) => ({ where: `milestones.${i}.title`, text: m.title })),
  ];
}

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{ path, value }];
}

/** The number is written in the document, maybe zero-padded ("04 không") and not inside a longer number. */
const written = (seed: string, n: number) => new RegExp(`(?<![\\d.,])0*${String(n).replace('.', '[.,]')}(?![\\d])`).test(seed);

/** A date is written as d/m/yyyy; a year-end date (a campaign "năm 2020") needs its year only. */
function dateWritten(seed: string, iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (month === 12 && day === 31) return written(seed, year);
  return new RegExp(`(?<!\\d)0?${day}/0?${month}/${year}(?!\\d)`).test(seed);
}

const packs = readdirSync(PACKS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, raw: JSON.parse(readFileSync(new URL(file, PACKS_DIR), 'utf8')) as unknown }));

describe('the campaign packs', () => {
  it('ships the seed 002 campaign ("Năm Dân vận khéo" 2020)', () => {
    expect(packs.map((p) => p.file)).toEqual(['002-nam-dan-van-kheo-2020.json']);
  });

  for (const { file, raw } of packs) {
    const seedFile = seedFiles.find((name) => name.startsWith(file.slice(0, 3)));
    const seed = normalise(readFileSync(new URL(seedFile ?? 'missing', SEEDS), 'utf8'));
    const pack = ZCampaignPack.parse(raw);

    describe(file, () => {
      it('validates: schema and internal references', () => {
        expect(checkPackReferences(pack)).toEqual([]);
      });

      it('holds the whole campaign: the "04 không" with the appendix, criteria for collectives and individuals, tasks of every kind of body, the timeline', () => {
        expect(pack.commitments.map((c) => c.title)).toEqual([
          'Không gây phiền hà cho nhân dân và doanh nghiệp',
          'Không xả rác nhựa và rác thải sinh hoạt bừa bãi',
          'Không vi phạm Luật Giao thông đường bộ',
          'Không tụ tập gây rối, ảnh hưởng an ninh chính trị, trật tự, an toàn xã hội',
        ]);
        expect(pack.commitments.every((c) => (c.appendix ?? '').length > 500)).toBe(true);
        expect(pack.commitments[2]?.appendix).toContain('100% cán bộ, đảng viên, công chức, viên chức, người lao động cơ quan, đơn vị đăng ký');
        expect(pack.criteria.map((c) => c.appliesTo).sort()).toEqual([...Array(5).fill('general'), 'collective', ...Array(3).fill('individual')].sort());
        const byKind = Object.fromEntries(['party', 'people_council', 'people_committee', 'judicial', 'armed_forces', 'front_mass', 'other'].map((kind) => [kind, pack.bodyTasks.filter((t) => t.bodyKind === kind).length]));
        expect(byKind).toEqual({ party: 4, people_council: 2, people_committee: 7, judicial: 2, armed_forces: 2, front_mass: 2, other: 1 });
        expect(pack.milestones.map((m) => [m.kind, m.onDate])).toEqual([
          ['launch', '2020-03-30'],
          ['recognition', '2020-10-15'],
        ]);
      });

      it('quotes every text (title, themes, purpose, commitments and appendix, criteria, tasks, headings, milestones) verbatim from the seed', () => {
        const texts = documentTexts(pack);
        const missing = texts.filter(({ text }) => !seed.includes(normalise(text))).map(({ where }) => where);
        expect(missing).toEqual([]);
        expect(texts.length).toBeGreaterThan(60);
      });

      it('takes every number and date from the seed', () => {
        const unwritten: string[] = [];
        for (const { path, value } of leaves(raw)) {
          const key = path.at(-1) ?? '';
          if (NOT_FROM_DOCUMENT.has(key)) continue;
          const where = path.join('.');
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

  it('fails on a text, a number or a date the seed does not write (the checks can fail)', () => {
    const seed = normalise(readFileSync(new URL(seedFiles.find((name) => name.startsWith('002')) ?? '', SEEDS), 'utf8'));
    const pack = ZCampaignPack.parse(packs[0]?.raw);
    const altered = { ...pack, criteria: [{ ...pack.criteria[0], text: 'được bình xét công khai, minh bạch' } as TCampaignPack['criteria'][number]] };
    expect(documentTexts(altered).filter(({ text }) => !seed.includes(normalise(text))).map(({ where }) => where)).toEqual(['criteria.0.text']);
    expect(written(seed, 90)).toBe(true);
    expect(written(seed, 4)).toBe(true);
    expect(written(seed, 91)).toBe(false);
    expect(dateWritten(seed, '2020-10-15')).toBe(true);
    expect(dateWritten(seed, '2020-10-14')).toBe(false);
    expect(checkPackReferences({ ...pack, criteria: [...pack.criteria, pack.criteria[0] as TCampaignPack['criteria'][number]] })).toHaveLength(1);
  });
});
