import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_DIR, parseCsv, readHistoryFiles } from './history-csv.ts';
import { lineage, unitsInForce } from './in-force.ts';
import { replayHistory } from './replay.ts';

const files = readHistoryFiles();
const history = replayHistory(files.units, files.changes);
/** succession-2025.csv as old code → new codes (the 1/7/2025 reform). */
const reform = new Map<string, string[]>();
for (const [oldCode, , newCode] of parseCsv(readFileSync(join(HISTORY_DIR, '../succession-2025.csv'), 'utf8')).slice(1)) {
  reform.set(oldCode as string, [...(reform.get(oldCode as string) ?? []), newCode as string]);
}

const unit = (date: string, code: string) => unitsInForce(history, date).find((u) => u.code === code);
const communesOf = (date: string, province: string) => {
  const units = unitsInForce(history, date);
  const districts = new Set(units.filter((u) => u.parentCode === province).map((u) => u.code));
  return units.filter((u) => u.level === 'commune' && districts.has(u.parentCode as string)).length;
};

describe('the facts of issue 9', () => {
  it('Quảng Trị had 141 communes on 2019-01-01 (and on 14/12/2018, seed 001), 125 on 2020-06-01, 119 on 2025-03-01', () => {
    expect(['2018-12-14', '2019-01-01', '2020-06-01', '2025-03-01'].map((date) => communesOf(date, '45'))).toEqual([141, 141, 125, 119]);
  });

  it('the nation had 713 districts and 11,162 communes on 2019-01-01', () => {
    const units = unitsInForce(history, '2019-01-01');
    expect(['province', 'district', 'commune'].map((level) => units.filter((u) => u.level === level).length)).toEqual([63, 713, 11_162]);
  });

  it('Thủ Đức city did not exist on 2019-01-01: 769 was Quận 2 until 1111/NQ-UBTVQH14 merged Quận 2, 9 and Thủ Đức on 1/1/2021', () => {
    expect(unitsInForce(history, '2019-01-01').filter((u) => u.fullName === 'Thành phố Thủ Đức')).toEqual([]);
    expect(unit('2019-01-01', '769')).toMatchObject({ fullName: 'Quận 2', type: 'quận' });
    expect(unit('2020-12-31', '762')).toMatchObject({ fullName: 'Quận Thủ Đức' });
    expect(unit('2021-01-01', '762')).toBeUndefined();
    expect(unit('2021-01-01', '769')).toMatchObject({ fullName: 'Thành phố Thủ Đức', type: 'thành phố', parentCode: '79' });
    expect(history.units.get('769')?.versions.map((v) => [v.validFrom, v.validTo, v.fullName, v.act])).toEqual([
      [null, '2020-12-31', 'Quận 2', null],
      ['2021-01-01', '2025-06-30', 'Thành phố Thủ Đức', '1111/NQ-UBTVQH14'],
    ]);
    expect(history.successions.filter((link) => link.newCode === '769')).toEqual([
      { oldCode: '762', newCode: '769', kind: 'merged', effectiveDate: '2021-01-01', instrument: '1111/NQ-UBTVQH14', certainty: 'certain' },
      { oldCode: '763', newCode: '769', kind: 'merged', effectiveDate: '2021-01-01', instrument: '1111/NQ-UBTVQH14', certainty: 'certain' },
    ]);
    // a phường of the old Quận Thủ Đức moves to the city: its parent is dated history
    expect(history.units.get('26794')?.versions.map((v) => [v.validFrom, v.validTo, v.parentCode])).toEqual([
      [null, '2020-12-31', '762'],
      ['2021-01-01', '2025-06-30', '769'],
    ]);
  });

  it('Huế was a province (tỉnh Thừa Thiên Huế) until it became a centrally-run city on 1/1/2025', () => {
    expect(unit('2019-01-01', '46')).toMatchObject({ fullName: 'Tỉnh Thừa Thiên Huế', type: 'tỉnh' });
    expect(unit('2025-01-01', '46')).toMatchObject({ fullName: 'Thành phố Huế', type: 'thành phố trung ương' });
    expect(history.units.get('46')?.events).toEqual([
      { effectiveDate: '2025-01-01', instrument: '175/2024/QH15', dateSource: 'instrument_index', kinds: ['type_changed', 'renamed'] },
    ]);
  });

  it('a commune merged in 2020 reads under the commune its successor merged into in 2025 (transitive lineage)', () => {
    // Vĩnh Kim → Kim Thạch (832/NQ-UBTVQH14, 1/1/2020) → Xã Cửa Tùng (1/7/2025)
    const vinhKim = history.units.get('19381');
    expect(vinhKim).toMatchObject({ validFrom: null, validTo: '2019-12-31' });
    expect(vinhKim?.end).toEqual({ effectiveDate: '2020-01-01', instrument: '832/NQ-UBTVQH14', kind: 'merged', certainty: 'certain', successorCodes: ['19384'] });
    expect(lineage(history, '19381')).toEqual({ ends: [{ structure: '2019', code: '19384', certainty: 'certain', chain: ['19381', '19384'] }], complete: true });
    expect(lineage(history, '19381', reform)).toEqual({ ends: [{ structure: '2025', code: '19414', certainty: 'certain', chain: ['19381', '19384'] }], complete: true });
    // Hải Thọ → thị trấn Diên Sanh (2020) → Xã Diên Sanh (2025, same code, a different unit)
    expect(lineage(history, '19732', reform).ends).toEqual([{ structure: '2025', code: '19681', certainty: 'certain', chain: ['19732', '19681'] }]);
  });

  it('a divided commune reads under each part; parts that meet again in 2025 give one end', () => {
    expect(history.units.get('19528')?.end).toMatchObject({ kind: 'split', certainty: 'certain', successorCodes: ['19519', '19543'] });
    expect(lineage(history, '19528').ends.map((end) => end.code)).toEqual(['19519', '19543']);
    expect(lineage(history, '19528', reform).ends).toEqual([{ structure: '2025', code: '19496', certainty: 'certain', chain: ['19528', '19519'] }]);
  });

  it("Lý Sơn's three communes went to their district (no commune left), which became Đặc khu Lý Sơn in 2025", () => {
    for (const code of ['21541', '21544', '21547']) {
      expect(lineage(history, code, reform).ends).toEqual([{ structure: '2025', code: '21548', certainty: 'certain', chain: [code, '536'] }]);
    }
  });

  it('an unknown successor ends the lineage (incomplete); a likely one marks every end after it likely', () => {
    expect(lineage(history, '10597', reform)).toEqual({ ends: [], complete: false });
    expect(lineage(history, '22135')).toEqual({ ends: [{ structure: '2019', code: '22147', certainty: 'likely', chain: ['22135', '22147'] }], complete: true });
    expect(lineage(history, '01', reform).ends).toEqual([{ structure: '2025', code: '01', certainty: 'certain', chain: ['01'] }]);
  });
});

describe('successors of ceased units (data README, "Successors")', () => {
  const ended = [...history.units.values()].filter((life) => life.end);
  const communes = ended.filter((life) => life.level === 'commune');
  const byCertainty = (lives: typeof ended) => ['certain', 'likely', 'unknown'].map((c) => lives.filter((life) => life.end?.certainty === c).length);

  it('1,133 communes ceased: 36 certain, 480 likely, 617 without a known successor; all 19 ceased districts certain', () => {
    expect(communes).toHaveLength(1_133);
    expect(byCertainty(communes)).toEqual([36, 480, 617]);
    expect(byCertainty(ended.filter((life) => life.level === 'district'))).toEqual([19, 0, 0]);
    expect(ended.filter((life) => life.level === 'province')).toEqual([]);
  });

  it.each([
    ['2019', [1, 51, 55]],
    ['2020', [21, 177, 246]],
    ['2021', [0, 2, 13]],
    ['2022', [0, 0, 0]],
    ['2023', [0, 1, 0]],
    ['2024', [5, 131, 140]],
    ['2025', [9, 118, 163]],
  ])('communes ceased in %s: certain / likely / unknown = %j', (year, expected) => {
    expect(byCertainty(communes.filter((life) => life.end?.effectiveDate.startsWith(year)))).toEqual(expected);
  });

  it('gives 539 succession links: 531 whole mergers and 4 divided communes with 2 parts each', () => {
    expect(history.successions).toHaveLength(539);
    expect(history.successions.filter((link) => link.kind === 'split').map((link) => `${link.oldCode}→${link.newCode} ${link.certainty}`)).toEqual([
      '04810→04828 certain',
      '04810→04819 certain',
      '06052→06031 certain',
      '06052→06046 certain',
      '19528→19519 certain',
      '19528→19543 certain',
      '19525→19495 likely',
      '19525→19552 likely',
    ]);
  });

  it('ends every ceased unit on the day before the effective date, with its last version', () => {
    for (const life of ended) {
      const last = life.versions.at(-1);
      expect([life.validTo, last?.validTo]).toEqual([dayBefore(life.end?.effectiveDate as string), life.validTo]);
    }
  });
});

/** Day before an ISO date, computed here independently of the module. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
