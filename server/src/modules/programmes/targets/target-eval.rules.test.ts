import { describe, expect, it } from 'vitest';
import type { TTargetRule } from '#contracts/programmes/target-rule.ts';
import { evaluateShare, evaluateUnit, heldAt, leastSquares, type Figure, type UnitFigures } from './target-eval.rules.ts';
import { countStatuses, coveredFraction, sortLaggards } from './target-period.rules.ts';

const fig = (value: number | null, nValues = 1, numerator: number | null = value, denominator: number | null = 1): Figure => ({ value, numerator, denominator, nValues });
const NONE = fig(null, 0, null, null);

/** Yearly figures of a count indicator; a window adds the years up. */
function counts(byYear: Record<number, number>): UnitFigures {
  const year = (y: number) => (y in byYear ? fig(byYear[y] as number) : NONE);
  return {
    year,
    window(from, to) {
      let sum = 0;
      let n = 0;
      for (let y = from; y <= to; y++) {
        if (!(y in byYear)) continue;
        sum += byYear[y] as number;
        n++;
      }
      return n === 0 ? NONE : fig(sum, n);
    },
  };
}

const closed = (year: number) => ({ year, open: null });
const count = { additive: true, fromYear: 2021 };
const ratio = { additive: false, fromYear: 2021 };

describe('value rule', () => {
  const rule: TTargetRule = { kind: 'value', indicator: 'X', comparator: '>=', threshold: { province: 90, district: 80, commune: 60 } };

  it('holds each level to its own threshold', () => {
    const figures = counts({ 2024: 70 });
    expect(evaluateUnit(rule, 'commune', figures, closed(2024), ratio)).toMatchObject({ status: 'met', threshold: 60, basis: 'final' });
    expect(evaluateUnit(rule, 'district', figures, closed(2024), ratio)).toMatchObject({ status: 'not_met', threshold: 80 });
    expect(evaluateUnit(rule, 'village', figures, closed(2024), ratio)).toMatchObject({ status: null });
    expect(heldAt(rule, null, 'village')).toBe(false);
    expect(heldAt(rule, ['province'], 'commune')).toBe(false);
  });

  it('reads no values as no data, never as zero', () => {
    const result = evaluateUnit({ ...rule, comparator: '<=' }, 'commune', counts({}), closed(2024), ratio);
    expect(result).toMatchObject({ status: 'no_data', reason: 'no_values' });
  });

  it('projects a count of an open year to the year end: at risk when the projection misses', () => {
    const perYear: TTargetRule = { kind: 'value', indicator: 'X', comparator: '>=', threshold: 85 };
    // a quarter of the year covered: 20 → 80 projected (at risk), 25 → 100 (on track), 90 already met
    expect(evaluateUnit(perYear, 'commune', counts({ 2026: 20 }), { year: 2026, open: 0.25 }, count)).toMatchObject({ status: 'at_risk', basis: 'projected', figure: { value: 20, projected: 80 } });
    expect(evaluateUnit(perYear, 'commune', counts({ 2026: 25 }), { year: 2026, open: 0.25 }, count)).toMatchObject({ status: 'met', basis: 'projected' });
    expect(evaluateUnit(perYear, 'commune', counts({ 2026: 90 }), { year: 2026, open: 0.25 }, count)).toMatchObject({ status: 'met', basis: 'final' });
    // a ratio is not scaled: 80% so far stays 80% projected
    expect(evaluateUnit(perYear, 'commune', counts({ 2026: 80 }), { year: 2026, open: 0.25 }, ratio)).toMatchObject({ status: 'at_risk', figure: { projected: 80 } });
  });

  it('settles an exceeded "at most" count before the year ends', () => {
    const atMost: TTargetRule = { kind: 'value', indicator: 'X', comparator: '<=', threshold: 10 };
    expect(evaluateUnit(atMost, 'commune', counts({ 2026: 12 }), { year: 2026, open: 0.5 }, count)).toMatchObject({ status: 'not_met', basis: 'final' });
    expect(evaluateUnit(atMost, 'commune', counts({ 2026: 6 }), { year: 2026, open: 0.5 }, count)).toMatchObject({ status: 'at_risk', figure: { projected: 12 } });
  });
});

describe('change rule', () => {
  const rule: TTargetRule = { kind: 'change', indicator: 'X', direction: 'decrease', percent: 15 };

  it('holds a year to last year moved by the percent', () => {
    expect(evaluateUnit(rule, 'commune', counts({ 2023: 200, 2024: 170 }), closed(2024), count)).toMatchObject({ status: 'met', threshold: 170, figure: { previousValue: 200 } });
    expect(evaluateUnit(rule, 'commune', counts({ 2023: 200, 2024: 171 }), closed(2024), count)).toMatchObject({ status: 'not_met', threshold: 170 });
    const up: TTargetRule = { kind: 'change', indicator: 'X', direction: 'increase', percent: 10 };
    expect(evaluateUnit(up, 'commune', counts({ 2023: 100, 2024: 110 }), closed(2024), count)).toMatchObject({ status: 'met', threshold: 110, comparator: '>=' });
  });

  it('without last year is no data, naming that year', () => {
    expect(evaluateUnit(rule, 'commune', counts({ 2024: 170 }), closed(2024), count)).toMatchObject({ status: 'no_data', reason: 'no_previous' });
  });
});

describe('coverage rule', () => {
  it('adds up the rolling window of years ending with the year', () => {
    const rule: TTargetRule = { kind: 'coverage', indicator: 'X', windowYears: 2, comparator: '>=', threshold: 100 };
    const figures = counts({ 2022: 90, 2023: 40, 2024: 60 });
    expect(evaluateUnit(rule, 'commune', figures, closed(2024), count)).toMatchObject({ status: 'met', figure: { value: 100 } });
    expect(evaluateUnit(rule, 'commune', figures, closed(2023), count)).toMatchObject({ status: 'met', figure: { value: 130 } });
    expect(evaluateUnit({ ...rule, windowYears: 1 }, 'commune', figures, closed(2024), count)).toMatchObject({ status: 'not_met' });
    // open year: last year's 40 plus this year's 30 over half a year → 40 + 60 = 100 projected
    expect(evaluateUnit(rule, 'commune', counts({ 2025: 40, 2026: 30 }), { year: 2026, open: 0.5 }, count)).toMatchObject({ status: 'met', basis: 'projected', figure: { value: 70, projected: 100 } });
  });
});

describe('milestone rule', () => {
  const rule: TTargetRule = { kind: 'milestone', indicator: 'X', by: '2025-12-31', comparator: '>=', threshold: { province: 90, commune: 60 } };

  it('before the deadline, projects the least-squares line of the yearly figures to the deadline year', () => {
    // 50, 60, 70 over 2021–2023 → 90 in 2025: on track at the province
    expect(evaluateUnit(rule, 'province', counts({ 2021: 50, 2022: 60, 2023: 70 }), closed(2023), ratio)).toMatchObject({ status: 'met', basis: 'projected', figure: { value: 70, projected: 90 } });
    // 50, 55, 60 → 70 in 2025: at risk
    expect(evaluateUnit(rule, 'province', counts({ 2021: 50, 2022: 55, 2023: 60 }), closed(2023), ratio)).toMatchObject({ status: 'at_risk', figure: { projected: 70 } });
    // one year only: judged on the figure so far
    expect(evaluateUnit(rule, 'commune', counts({ 2023: 65 }), closed(2023), ratio)).toMatchObject({ status: 'met', figure: { projected: null } });
  });

  it('at and after the deadline year, the figure decides', () => {
    expect(evaluateUnit(rule, 'province', counts({ 2024: 95, 2025: 89 }), closed(2025), ratio)).toMatchObject({ status: 'not_met', basis: 'final' });
  });

  it('fits a line by least squares', () => {
    expect(leastSquares([{ x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }])).toEqual({ slope: 2, intercept: 0 });
    expect(leastSquares([{ x: 1, y: 2 }])).toBeNull();
  });
});

describe('share_of_units rule', () => {
  const rule: TTargetRule = { kind: 'share_of_units', indicator: 'X', childLevel: 'village', comparator: '>=', threshold: 1, share: 80 };

  it('counts the child units meeting the child threshold; a child without values does not meet it', () => {
    const villages = [fig(1), fig(1), fig(1), fig(0), NONE];
    // 3 of 5 = 60% < 80%
    expect(evaluateShare(rule, 'commune', villages, closed(2024), count)).toMatchObject({ status: 'not_met', figure: { value: 60, numerator: 3, denominator: 5 } });
    expect(evaluateShare(rule, 'commune', [fig(2), fig(1), fig(3), fig(1), fig(0)], closed(2024), count)).toMatchObject({ status: 'met', figure: { value: 80 } });
  });

  it('"every village ≥ 2 models" is a share of 100', () => {
    const every: TTargetRule = { ...rule, threshold: 2, share: 100 };
    expect(evaluateShare(every, 'commune', [fig(2), fig(3)], closed(2024), count)).toMatchObject({ status: 'met' });
    expect(evaluateShare(every, 'commune', [fig(2), fig(1)], closed(2024), count)).toMatchObject({ status: 'not_met', figure: { value: 50 } });
  });

  it('no child with values is no data; a level at or below the child level is not held', () => {
    expect(evaluateShare(rule, 'commune', [NONE, NONE], closed(2024), count)).toMatchObject({ status: 'no_data', reason: 'no_values' });
    expect(evaluateShare(rule, 'commune', [], closed(2024), count)).toMatchObject({ status: 'no_data', reason: 'no_units' });
    expect(evaluateShare(rule, 'village', [fig(1)], closed(2024), count)).toMatchObject({ status: null });
  });
});

describe('around an evaluation', () => {
  it('covers an open year up to the latest period with values', () => {
    expect(coveredFraction(2026, '2026-03-31', '2026-05-10')).toBeCloseTo(90 / 365, 6);
    expect(coveredFraction(2026, '2026-12-31', '2026-05-10')).toBe(1);
    expect(coveredFraction(2026, null, '2026-01-01')).toBeCloseTo(1 / 365, 6);
  });

  it('counts statuses and puts the furthest behind first, units without data last', () => {
    const rule: TTargetRule = { kind: 'value', indicator: 'X', comparator: '>=', threshold: 80 };
    const rows = [
      { name: 'A', result: evaluateUnit(rule, 'commune', counts({ 2024: 79 }), closed(2024), ratio) },
      { name: 'B', result: evaluateUnit(rule, 'commune', counts({}), closed(2024), ratio) },
      { name: 'C', result: evaluateUnit(rule, 'commune', counts({ 2024: 40 }), closed(2024), ratio) },
      { name: 'D', result: evaluateUnit(rule, 'commune', counts({ 2024: 95 }), closed(2024), ratio) },
    ];
    expect(sortLaggards(rows, (a, b) => a.localeCompare(b)).map((r) => r.name)).toEqual(['C', 'A', 'D', 'B']);
    expect(countStatuses(rows.map((r) => r.result))).toEqual({ met: 1, at_risk: 0, not_met: 2, no_data: 1, total: 4 });
  });
});
