import { describe, expect, it } from 'vitest';
import { reportCounts, roundPoint, rulesInForce, windowReach, windowReached, type WarningRule } from './sentiment.rules.ts';

const DEFAULT: WarningRule = { id: 1, topic: null, minSeverity: 'high', minReports: 3, windowDays: 14 };

describe('early-warning rules', () => {
  it('severity threshold: "cao" and "rất cao" count for a rule at "cao", "trung bình" does not', () => {
    expect(reportCounts(DEFAULT, { topic: 'land', severity: 'high' })).toBe(true);
    expect(reportCounts(DEFAULT, { topic: 'land', severity: 'very_high' })).toBe(true);
    expect(reportCounts(DEFAULT, { topic: 'land', severity: 'medium' })).toBe(false);
    expect(reportCounts({ ...DEFAULT, minSeverity: 'very_high' }, { topic: 'land', severity: 'high' })).toBe(false);
  });

  it('a rule naming a topic counts only that topic', () => {
    const rule = { ...DEFAULT, topic: 'religion' };
    expect(reportCounts(rule, { topic: 'religion', severity: 'high' })).toBe(true);
    expect(reportCounts(rule, { topic: 'land', severity: 'high' })).toBe(false);
  });

  it('window edges: 14 days count both ends (1 → 14 March fires, 1 → 15 March does not)', () => {
    expect(windowReached(DEFAULT, ['2026-03-01', '2026-03-07', '2026-03-14'], '2026-03-14')).toEqual({ count: 3, first: '2026-03-01', last: '2026-03-14' });
    expect(windowReached(DEFAULT, ['2026-03-01', '2026-03-07', '2026-03-15'], '2026-03-15')).toBeNull();
  });

  it('a late report (dated before the others) completes a window that follows it', () => {
    expect(windowReached(DEFAULT, ['2026-03-10', '2026-03-20', '2026-03-08'], '2026-03-08')).toEqual({ count: 3, first: '2026-03-08', last: '2026-03-20' });
  });

  it('a window must hold the new report: three old reports far from it raise nothing now', () => {
    expect(windowReached(DEFAULT, ['2026-01-01', '2026-01-02', '2026-01-03', '2026-03-01'], '2026-03-01')).toBeNull();
  });

  it('two reports are not three; three on one day are', () => {
    expect(windowReached(DEFAULT, ['2026-03-01', '2026-03-02'], '2026-03-02')).toBeNull();
    expect(windowReached(DEFAULT, ['2026-03-02', '2026-03-02', '2026-03-02'], '2026-03-02')?.count).toBe(3);
  });

  it('the reach of a report: 13 days either side, across a month end', () => {
    expect(windowReach(DEFAULT, '2026-03-05')).toEqual({ from: '2026-02-20', to: '2026-03-18' });
  });

  it("a province's own rules replace the national default; inactive rules do not count", () => {
    const rules = [
      { id: 1, provinceId: null, active: true },
      { id: 2, provinceId: 44, active: true },
      { id: 3, provinceId: 44, active: false },
      { id: 4, provinceId: 12, active: false },
    ];
    expect(rulesInForce(rules, 44).map((r) => r.id)).toEqual([2]);
    expect(rulesInForce(rules, 12).map((r) => r.id)).toEqual([1]);
  });

  it('points are rounded to 0.01°', () => {
    expect(roundPoint(16.74567)).toBe(16.75);
    expect(roundPoint(null)).toBeNull();
  });
});
