import type { TDashboardFigures } from '#contracts/indicators/dashboard.api.ts';
import { evaluateExpression, operandKey, parseExpression, type Expr, type Operand } from '#contracts/indicators/expression.ts';
import { PERIOD_TYPES, periodEnd, periodLabel, periodsOverlapping, periodStart } from '#contracts/indicators/period.ts';
import { yearRollup } from './totals.rules.ts';

/** Pure rules of the dashboards: which periods a range holds, an indicator's figures from totals, the order. */

/**
 * Ids of every period, of any type, lying inside [start of `from`, end of `to`]: a monthly range Jan–Dec holds
 * the twelve months, the four quarters, both halves and the year, so a yearly element counts in it too. Types
 * nest (all start in January), so no value is counted twice.
 */
export function periodsWithin(from: string, to: string): string[] {
  const start = periodStart(from);
  const end = periodEnd(to);
  return PERIOD_TYPES.flatMap((type) => periodsOverlapping(start, end, type).filter((id) => periodStart(id) >= start && periodEnd(id) <= end));
}

/**
 * The data_total periods to add up for a range: the years' rollups ('Y2024', totals.rules.ts) when the range is
 * made of whole calendar years, else every period inside it (periodsWithin).
 */
export function totalsPeriodsWithin(from: string, to: string): string[] {
  const start = periodStart(from);
  const end = periodEnd(to);
  if (!start.endsWith('-01-01') || !end.endsWith('-12-31')) return periodsWithin(from, to);
  const years: string[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) years.push(yearRollup(String(year)));
  return years;
}

/** "Tháng 1/2024 – Tháng 12/2024", or the one period's label. */
export function rangeLabel(from: string, to: string): string {
  return from === to ? periodLabel(from) : `${periodLabel(from)} – ${periodLabel(to)}`;
}

/** The view of data_total a date reads: today's units with history under successors, or the units of that day. */
export const viewOn = (asOf: string): 'current' | 'entered' => (asOf >= '2025-07-01' ? 'current' : 'entered');

/** An indicator's definition as the figures need it. */
export interface IndicatorDefinition {
  numerator: string;
  denominator: string;
  factor: number;
  decimals: number;
  target: number | null;
  targetDirection: 'higher' | 'lower' | null;
}

/** One operand of the formula with the ids it reads: undefined = a code the catalogue does not know (reads 0). */
export interface ResolvedOperand {
  operand: Operand;
  elementId: number | undefined;
  /** null = every option combo of the element. */
  cocId: number | null | undefined;
}

/** One total of data_total, already summed over the periods that count. */
export interface TotalCell {
  elementId: number;
  cocId: number;
  sum: number;
  apportioned: boolean;
  nValues: number;
}

/** A parsed indicator: its two expressions and their operands. */
export interface ParsedIndicator {
  definition: IndicatorDefinition;
  numerator: Expr | null;
  denominator: Expr | null;
  operands: Operand[];
}

export function parseIndicator(definition: IndicatorDefinition): ParsedIndicator {
  const numerator = parseExpression(definition.numerator);
  const denominator = parseExpression(definition.denominator);
  const operands = new Map<string, Operand>();
  for (const parsed of [numerator, denominator]) if (parsed.ok) for (const op of parsed.operands) operands.set(operandKey(op), op);
  return {
    definition,
    numerator: numerator.ok ? numerator.ast : null,
    denominator: denominator.ok ? denominator.ast : null,
    operands: [...operands.values()],
  };
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
};

/**
 * factor × N / D at one unit over a range, N and D evaluated on operands already summed (a ratio of sums, never
 * an average of ratios). No data for any operand: every figure null. D = 0: value null. `gap` > 0 = short of the
 * target whichever its direction.
 */
export function computeFigures(indicator: ParsedIndicator, operands: readonly ResolvedOperand[], cells: readonly TotalCell[]): TDashboardFigures {
  const values = new Map<string, number>();
  let hasData = false;
  let apportioned = false;
  // one pass over the cells per operand, no array made (a province's dashboard computes this for each child)
  for (const { operand, elementId, cocId } of operands) {
    let sum = 0;
    if (cocId !== undefined) {
      for (const c of cells) {
        if (c.elementId !== elementId || (cocId !== null && c.cocId !== cocId)) continue;
        sum += c.sum;
        if (c.nValues > 0) hasData = true;
        if (c.apportioned) apportioned = true;
      }
    }
    values.set(operandKey(operand), sum);
  }
  const none: TDashboardFigures = { numerator: null, denominator: null, value: null, gap: null, apportioned, hasData };
  const { definition, numerator, denominator } = indicator;
  if (!hasData || !numerator || !denominator) return none;
  const lookup = (op: Operand) => values.get(operandKey(op)) ?? null;
  const n = evaluateExpression(numerator, lookup, 'zero');
  const d = evaluateExpression(denominator, lookup, 'zero');
  const raw = n === null || d === null || d === 0 ? null : (definition.factor * n) / d;
  const value = raw === null || !Number.isFinite(raw) ? null : round(raw, definition.decimals);
  const gap =
    value === null || definition.target === null || definition.targetDirection === null
      ? null
      : round(definition.targetDirection === 'higher' ? definition.target - value : value - definition.target, definition.decimals);
  return { numerator: n === null ? null : round(n, 4), denominator: d === null ? null : round(d, 4), value, gap, apportioned, hasData };
}

/**
 * Furthest from the target first (largest gap), rows without a value last, then by name; without a target, by
 * name. Returns a new array.
 */
export function sortByGap<R extends { value: number | null; gap: number | null; name: string }>(rows: readonly R[], compareName: (a: string, b: string) => number): R[] {
  return [...rows].sort((a, b) => {
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    if (a.gap !== null && b.gap !== null && a.gap !== b.gap) return b.gap - a.gap;
    return compareName(a.name, b.name);
  });
}

/** Adds cells up per (element, option combo): the nation from its provinces, a trend point from its periods. */
export function mergeCells(cells: readonly TotalCell[]): TotalCell[] {
  const merged = new Map<string, TotalCell>();
  for (const cell of cells) {
    const key = `${cell.elementId}|${cell.cocId}`;
    const into = merged.get(key);
    if (into) {
      into.sum += cell.sum;
      into.apportioned ||= cell.apportioned;
      into.nValues += cell.nValues;
    } else merged.set(key, { ...cell });
  }
  return [...merged.values()];
}
