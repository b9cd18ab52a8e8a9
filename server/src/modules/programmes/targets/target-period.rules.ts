import { TARGET_LEVELS, type TTargetLevel } from '#contracts/programmes/target-rule.ts';
import type { TStatusCounts } from '#contracts/programmes/targets.api.ts';
import { gapOf, type UnitResult } from './target-eval.rules.ts';

/** Pure rules around an evaluation: which day and view a year reads, how much of an open year is covered, order and counts. */

/** The day whose units a year is evaluated on: its last day, or today while it runs (and for a later year). */
export function asOfYear(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

/** The year is not over yet on `today`. */
export const isOpenYear = (year: number, today: string) => `${year}-12-31` >= today;

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/**
 * The part of an open year the data covers: from 1 January to the end of the latest period with values (a yearly
 * value covers the whole year), or to today when none has any. Never 0 (one day at least), never above 1.
 */
export function coveredFraction(year: number, latestEnd: string | null, today: string): number {
  const start = dayNumber(`${year}-01-01`);
  const days = dayNumber(`${year + 1}-01-01`) - start;
  const end = latestEnd ?? today;
  const covered = Math.min(days, Math.max(1, dayNumber(end) - start + 1));
  return covered / days;
}

/** Levels from `level` down, for a unit of that level (districts only before the 2025 structure). */
export function levelsBelow(level: TTargetLevel, structure2025: boolean): TTargetLevel[] {
  return TARGET_LEVELS.slice(TARGET_LEVELS.indexOf(level)).filter((l) => !(structure2025 && l === 'district'));
}

/** The default level counted and listed: communes under a province or district, the unit's own level otherwise. */
export function defaultLevel(unitLevel: TTargetLevel): TTargetLevel {
  return unitLevel === 'province' || unitLevel === 'district' ? 'commune' : unitLevel;
}

/** Units by status (units not held to the target are not counted). */
export function countStatuses(results: readonly UnitResult[]): TStatusCounts {
  const counts: TStatusCounts = { met: 0, at_risk: 0, not_met: 0, no_data: 0, total: 0 };
  for (const result of results) {
    if (result.status === null) continue;
    counts[result.status] += 1;
    counts.total += 1;
  }
  return counts;
}

/**
 * Laggards first: units with a figure before those without (no data, not held), then the furthest from the
 * threshold relative to it (a change target holds each unit to its own last year), then by name.
 */
export function sortLaggards<R extends { result: UnitResult; name: string }>(rows: readonly R[], compareName: (a: string, b: string) => number): R[] {
  const key = (row: R) => {
    const gap = gapOf(row.result);
    if (gap === null || row.result.status === null || row.result.status === 'no_data') return null;
    const threshold = row.result.threshold ?? 0;
    return threshold === 0 ? gap : gap / Math.abs(threshold);
  };
  return [...rows]
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
      if (a.key !== null && b.key !== null && a.key !== b.key) return b.key - a.key;
      return compareName(a.row.name, b.row.name);
    })
    .map(({ row }) => row);
}
