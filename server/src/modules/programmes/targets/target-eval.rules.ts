import { meets, TARGET_LEVELS, thresholdFor, type TComparator, type TTargetLevel, type TTargetRule, type TTargetStatus } from '#contracts/programmes/target-rule.ts';
import type { TTargetFigure } from '#contracts/programmes/targets.api.ts';

/**
 * Pure rules of target evaluation (issue 11 item 2): each rule kind for one unit and one year from indicator
 * figures (ratios of summed operands, computed by the indicators module). A unit without values is "no data",
 * never a zero. A year not over yet is judged on its figure projected to the year end; a milestone before its
 * deadline on the least-squares line of its yearly figures, projected to the deadline year.
 */

/** The indicator's figure at a unit over some years, as the indicators module computes it. */
export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Values added up; 0 = no data. */
  nValues: number;
}

/** A unit's figures: one year, or several added up (operands summed, the ratio computed last). */
export interface UnitFigures {
  year(year: number): Figure;
  window(fromYear: number, toYear: number): Figure;
}

/** The year evaluated. `open`: the year is not over, the fraction of it the data covers (0 < open ≤ 1), else null. */
export interface EvalYear {
  year: number;
  open: number | null;
}

export interface EvalOptions {
  /** The indicator is a count: a part of the year scales to the whole year. */
  additive: boolean;
  /** The programme's first year: a milestone's trend starts the year before it (the baseline). */
  fromYear: number;
}

export type NoDataReason = 'no_values' | 'no_previous' | 'no_units';

export interface UnitResult {
  figure: TTargetFigure;
  comparator: TComparator | null;
  threshold: number | null;
  /** null: the unit's level is not held to the target. */
  status: TTargetStatus | null;
  basis: 'final' | 'projected';
  reason: NoDataReason | null;
}

const depth = (level: TTargetLevel) => TARGET_LEVELS.indexOf(level);
export const round = (value: number, decimals = 1) => {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
};

/** Whether units of `level` are held to the target (the levels it names, its thresholds, a share's child level). */
export function heldAt(rule: TTargetRule, levels: readonly TTargetLevel[] | null, level: TTargetLevel): boolean {
  if (levels && !levels.includes(level)) return false;
  switch (rule.kind) {
    case 'change':
      return true;
    case 'share_of_units':
      return depth(level) < depth(rule.childLevel) && thresholdFor(rule.share, level) !== null;
    default:
      return thresholdFor(rule.threshold, level) !== null;
  }
}

/** The year's figure projected to the year end: a count scaled by the part of the year covered, a ratio as it is. */
export function projectYear(figure: Figure, open: number | null, additive: boolean): number | null {
  if (open === null || figure.value === null) return null;
  return additive ? round(figure.value / open) : figure.value;
}

/**
 * The status from the figure and its projection. A year over: met or not met. A year not over: a count that already
 * meets a "≥" (or already exceeds a "≤") is settled; otherwise the projection decides: met (on track) or at risk.
 */
export function judge(actual: number | null, projected: number | null, comparator: TComparator, threshold: number, open: boolean, additive: boolean) {
  if (actual === null) return { status: 'no_data' as const, basis: 'final' as const };
  if (!open) return { status: meets(actual, comparator, threshold) ? ('met' as const) : ('not_met' as const), basis: 'final' as const };
  if (additive && comparator === '>=' && meets(actual, comparator, threshold)) return { status: 'met' as const, basis: 'final' as const };
  if (additive && comparator === '<=' && !meets(actual, comparator, threshold)) return { status: 'not_met' as const, basis: 'final' as const };
  return { status: meets(projected ?? actual, comparator, threshold) ? ('met' as const) : ('at_risk' as const), basis: 'projected' as const };
}

const toFigure = (f: Figure, extra: Partial<TTargetFigure> = {}): TTargetFigure => ({
  value: f.value,
  numerator: f.numerator,
  denominator: f.denominator,
  nValues: f.nValues,
  previousValue: null,
  projected: null,
  ...extra,
});

const notHeld = (figure: TTargetFigure): UnitResult => ({ figure, comparator: null, threshold: null, status: null, basis: 'final', reason: null });
const noData = (figure: TTargetFigure, comparator: TComparator | null, threshold: number | null, reason: NoDataReason): UnitResult => ({
  figure,
  comparator,
  threshold,
  status: 'no_data',
  basis: 'final',
  reason,
});

/** A least-squares line through (year, value) points; null with fewer than two distinct years. */
export function leastSquares(points: readonly { x: number; y: number }[]): { slope: number; intercept: number } | null {
  if (new Set(points.map((p) => p.x)).size < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The deadline year of a milestone ('2025-12-31' → 2025). */
export const deadlineYear = (by: string) => Number(by.slice(0, 4));

/** A threshold-and-figure rule (value, coverage, milestone on or after its deadline year) on one figure. */
function onFigure(f: Figure, current: Figure, comparator: TComparator, threshold: number, at: EvalYear, options: EvalOptions): UnitResult {
  if (f.nValues === 0 || f.value === null) return noData(toFigure(f), comparator, threshold, 'no_values');
  // the part still to come of the open year: the current year's count scaled to the year end (a ratio stays as it is)
  const rest = at.open !== null && options.additive && current.value !== null ? current.value * (1 / at.open - 1) : 0;
  const projected = at.open === null ? null : round(f.value + rest);
  const { status, basis } = judge(f.value, projected, comparator, threshold, at.open !== null, options.additive);
  return { figure: toFigure(f, { projected }), comparator, threshold, status, basis, reason: null };
}

/** A rule other than share_of_units at one unit for one year. */
export function evaluateUnit(rule: TTargetRule, level: TTargetLevel, figures: UnitFigures, at: EvalYear, options: EvalOptions): UnitResult {
  const current = figures.year(at.year);
  switch (rule.kind) {
    case 'value': {
      const threshold = thresholdFor(rule.threshold, level);
      if (threshold === null) return notHeld(toFigure(current));
      return onFigure(current, current, rule.comparator, threshold, at, options);
    }
    case 'coverage': {
      const threshold = thresholdFor(rule.threshold, level);
      const window = figures.window(at.year - rule.windowYears + 1, at.year);
      if (threshold === null) return notHeld(toFigure(window));
      return onFigure(window, current, rule.comparator, threshold, at, options);
    }
    case 'change': {
      const previous = figures.year(at.year - 1);
      const comparator: TComparator = rule.direction === 'decrease' ? '<=' : '>=';
      const factor = rule.direction === 'decrease' ? 1 - rule.percent / 100 : 1 + rule.percent / 100;
      const previousValue = previous.nValues > 0 ? previous.value : null;
      const threshold = previousValue === null ? null : round(previousValue * factor, 4);
      if (current.nValues === 0 || current.value === null) return noData(toFigure(current, { previousValue }), comparator, threshold, 'no_values');
      if (threshold === null) return noData(toFigure(current), comparator, null, 'no_previous');
      const result = onFigure(current, current, comparator, threshold, at, options);
      return { ...result, figure: { ...result.figure, previousValue } };
    }
    case 'milestone':
      return evaluateMilestone(rule, level, figures, at, options);
    case 'share_of_units':
      throw new Error('share_of_units is evaluated over child units (evaluateShare)');
  }
}

function evaluateMilestone(rule: Extract<TTargetRule, { kind: 'milestone' }>, level: TTargetLevel, figures: UnitFigures, at: EvalYear, options: EvalOptions): UnitResult {
  const threshold = thresholdFor(rule.threshold, level);
  const current = figures.year(at.year);
  if (threshold === null) return notHeld(toFigure(current));
  const deadline = deadlineYear(rule.by);
  if (at.year >= deadline) return onFigure(current, current, rule.comparator, threshold, at, options);
  if (current.nValues === 0 || current.value === null) return noData(toFigure(current), rule.comparator, threshold, 'no_values');
  // before the deadline: the yearly figures (the open year projected to its end) on a least-squares line
  const points: { x: number; y: number }[] = [];
  for (let year = options.fromYear - 1; year <= at.year; year++) {
    const f = year === at.year ? current : figures.year(year);
    const y = year === at.year ? (projectYear(f, at.open, options.additive) ?? f.value) : f.value;
    if (f.nValues > 0 && y !== null) points.push({ x: year, y });
  }
  const line = leastSquares(points);
  const projected = line ? round(line.intercept + line.slope * deadline) : null;
  const reaches = meets(projected ?? current.value, rule.comparator, threshold);
  return {
    figure: toFigure(current, { projected }),
    comparator: rule.comparator,
    threshold,
    status: reaches ? 'met' : 'at_risk',
    basis: 'projected',
    reason: null,
  };
}

/**
 * share_of_units at one unit: the percent of its units at the child level (in force, in scope) whose figure meets
 * the child threshold; a child without values does not meet it, and no child with values is "no data". An open
 * year counts the children whose projection meets.
 */
export function evaluateShare(rule: Extract<TTargetRule, { kind: 'share_of_units' }>, level: TTargetLevel, children: readonly Figure[], at: EvalYear, options: EvalOptions): UnitResult {
  const share = thresholdFor(rule.share, level);
  const withData = children.filter((f) => f.nValues > 0 && f.value !== null);
  const nValues = children.reduce((sum, f) => sum + f.nValues, 0);
  const meeting = withData.filter((f) => meets(f.value as number, rule.comparator, rule.threshold)).length;
  const onTrack = withData.filter((f) => meets(projectYear(f, at.open, options.additive) ?? (f.value as number), rule.comparator, rule.threshold)).length;
  const value = children.length === 0 ? null : round((100 * meeting) / children.length);
  const figure: TTargetFigure = {
    value: withData.length === 0 ? null : value,
    numerator: meeting,
    denominator: children.length,
    nValues,
    previousValue: null,
    projected: at.open === null || children.length === 0 ? null : round((100 * onTrack) / children.length),
  };
  if (share === null || depth(level) >= depth(rule.childLevel)) return notHeld(figure);
  if (children.length === 0) return noData(figure, '>=', share, 'no_units');
  if (withData.length === 0) return noData(figure, '>=', share, 'no_values');
  const { status, basis } = judge(figure.value, figure.projected, '>=', share, at.open !== null, false);
  return { figure, comparator: '>=', threshold: share, status, basis, reason: null };
}

/** Distance to the threshold, positive = short of it, on the figure the status was judged on. */
export function gapOf(result: UnitResult): number | null {
  const value = result.basis === 'projected' ? (result.figure.projected ?? result.figure.value) : result.figure.value;
  if (value === null || result.threshold === null || result.comparator === null) return null;
  return round(result.comparator === '>=' ? result.threshold - value : value - result.threshold);
}
