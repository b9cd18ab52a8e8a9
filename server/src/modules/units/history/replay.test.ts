import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_DIR, parseUnitList, readHistoryFiles } from './history-csv.ts';
import type { ChangeRow } from './history-types.ts';
import { unitsInForce } from './in-force.ts';
import { HISTORY_LAST_DAY, replayHistory } from './replay.ts';
import { README_COUNTS, README_PROVINCES } from './readme-counts.ts';

const files = readHistoryFiles();
const history = replayHistory(files.units, files.changes);
/** The list in force on 30/6/2025 that the product loads today (despite its name). */
const target = parseUnitList(readFileSync(join(HISTORY_DIR, '../units-2019.csv'), 'utf8'), 'units-2019.csv');

const count = (date: string, level: string) => unitsInForce(history, date).filter((u) => u.level === level).length;

describe('replayHistory', () => {
  it('reads the two files whole', () => {
    expect(files.units).toHaveLength(11_938);
    expect(files.changes).toHaveLength(2_400);
  });

  it('finds no inconsistency: old values, kinds, parents and successors agree with the replayed state on every date', () => {
    expect(history.problems).toEqual([]);
  });

  it('builds every full name as unit word + name: the one 2019 full name that disagrees with its type is replaced', () => {
    // 26371 became a phường on 1/7/2019 (694/NQ-UBTVQH14); the 2019 list took its 2025 full name with the 2025 spelling
    expect(history.fullNameFixes).toEqual([{ code: '26371', given: 'Phường An Hòa', used: 'Xã An Hòa' }]);
    expect(unitsInForce(history, '2019-06-30').find((u) => u.code === '26371')?.fullName).toBe('Xã An Hòa');
    expect(unitsInForce(history, '2019-07-01').find((u) => u.code === '26371')?.fullName).toBe('Phường An Hòa');
  });

  it('gives exactly units-2019.csv on 30/6/2025: code, name, full name, level, type and parent of all 10,794 units', () => {
    const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
    expect(target).toHaveLength(10_794);
    expect(unitsInForce(history, HISTORY_LAST_DAY).sort(byCode)).toEqual([...target].sort(byCode));
  });

  it('gives every unit contiguous versions: each starts the day after the previous one ends, none is empty', () => {
    const broken = [...history.units.values()].filter((life) =>
      life.versions.some((v, i) => {
        const previous = life.versions[i - 1];
        const starts = i === 0 ? v.validFrom === life.validFrom : previous !== undefined && v.validFrom === dayAfter(previous.validTo);
        return !starts || (v.validFrom !== null && v.validFrom > v.validTo);
      }) || life.versions.at(-1)?.validTo !== life.validTo,
    );
    expect(broken.map((life) => life.code)).toEqual([]);
    expect(history.units.size).toBe(11_938 + 8);
  });

  it('ends the 4-level structure on 30/6/2025: nothing is in force on 1/7/2025', () => {
    expect(unitsInForce(history, '2025-07-01')).toEqual([]);
    expect([...history.units.values()].filter((life) => !life.end).every((life) => life.validTo === HISTORY_LAST_DAY)).toBe(true);
  });

  it('reports a row whose old values differ from the replayed state, and a missing row as a different end state', () => {
    const altered = files.changes.map((row): ChangeRow => (row.code === '19732' ? { ...row, oldName: 'Hải Thọ Cũ' } : row));
    expect(replayHistory(files.units, altered).problems).toEqual([
      "line 681 (2020-01-01 19732 merged_into): old values differ from the state (Hải Thọ|xã|470)",
    ]);
    const missing = files.changes.filter((row) => !(row.code === '19384' && row.kinds.includes('renamed')));
    const result = replayHistory(files.units, missing);
    expect(result.problems).toEqual([]);
    expect(unitsInForce(result, HISTORY_LAST_DAY)).not.toEqual(unitsInForce(history, HISTORY_LAST_DAY));
  });

  it('reports a successor that is not in force and a parent that ceased', () => {
    const bad = files.changes.map((row): ChangeRow => (row.code === '19381' ? { ...row, successorCodes: ['19732'] } : row));
    expect(replayHistory(files.units, bad).problems).toEqual(['line 656: successor 19732 not in force at the same level on 2020-01-01']);
    const orphan = files.changes.filter((row) => !(row.effectiveDate === '2021-01-01' && row.code === '26794'));
    expect(replayHistory(files.units, orphan).problems).toContain('2021-01-01 26794: parent 762 not in force at the level above');
  });
});

describe('unitsInForce: the counts table of the data README', () => {
  const table = README_COUNTS;
  it.each(table)('%s: %i provinces, %i districts, %i communes, and the four seed provinces', (date, provinces, districts, communes, seeds) => {
    const units = unitsInForce(history, date);
    const parent = new Map(units.map((u) => [u.code, u.parentCode]));
    const perProvince = (province: string): [number, number] => [
      units.filter((u) => u.level === 'commune' && parent.get(u.parentCode as string) === province).length,
      units.filter((u) => u.level === 'district' && u.parentCode === province).length,
    ];
    expect([count(date, 'province'), count(date, 'district'), count(date, 'commune')]).toEqual([provinces, districts, communes]);
    expect(README_PROVINCES.map(perProvince)).toEqual(seeds);
  });

  it('the 31/12/2020 state has 10,614 communes (README)', () => {
    expect(count('2020-12-31', 'commune')).toBe(10_614);
  });
});

/** Day after an ISO date, computed here independently of the module. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
