import type { Database } from '#server/db/database.ts';
import type { RollupView } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { sumTotals, type TotalRow } from './dashboard.repository.ts';
import { computeFigures, mergeCells, parseIndicator, type ParsedIndicator, type ResolvedOperand, type TotalCell } from './dashboard.rules.ts';
import { findIndicatorsByCodeWithOperandIds } from './metadata-write.repository.ts';
import { parseExpression } from '#contracts/indicators/expression.ts';

/**
 * Indicator figures for other modules (programme targets): per indicator, unit and group of periods, the figures
 * the dashboards compute (a ratio of summed numerators and denominators, never an average of ratios), read from
 * data_total (SCALE.md rule 5). `nValues` counts the values of the numerator's elements: 0 = no data, never a
 * zero, even where the denominator has values (villages counted for a year whose reports are not in yet). A
 * numerator made only of derived values is the exception: they keep no zeros (derived.ts), so where the denominator
 * has values, no numerator value is a 0 (no cadre with 3 field days in a commune that has cadres), counted as such.
 */

/** An indicator found in reach by its code. */
export interface FigureIndicator {
  id: number;
  code: string;
  name: string;
  /** A count (its denominator names no data element): a part of a year scales to the whole year; a ratio does not. */
  additive: boolean;
}

export interface IndicatorFigure {
  numerator: number | null;
  denominator: number | null;
  /** factor × N / D rounded to the indicator's decimals; null without data or when D = 0. */
  value: number | null;
  nValues: number;
}

export interface FiguresRequest {
  indicatorCodes: readonly string[];
  /** Units whose own totals (their subtree on `view`) are read; rows outside the scope are never read. */
  unitIds: readonly number[];
  /** A unit of the province all the listed units lie in (its province is computed once), if they share one. */
  provinceOf?: number;
  view: RollupView;
  /**
   * Named groups of data_total periods, each added up into one figure: { '2024': ['Y2024'], '2023-2024':
   * ['Y2023', 'Y2024'], '202603': ['202603'] } (year rollups are 'Y' + year: totals.rules.ts yearRollup).
   */
  groups: Readonly<Record<string, readonly string[]>>;
}

export interface IndicatorFigures {
  /** Indicators found in reach, by code (a code missing here does not exist in the actor's province). */
  indicators: ReadonlyMap<string, FigureIndicator>;
  figure(indicatorCode: string, unitId: number, group: string): IndicatorFigure;
}

const NO_FIGURE: IndicatorFigure = { numerator: null, denominator: null, value: null, nValues: 0 };

interface Resolved {
  info: FigureIndicator;
  parsed: ParsedIndicator;
  operands: ResolvedOperand[];
  elementIds: number[];
  /** Elements of the numerator: the figure exists when one of them has values. */
  numeratorElementIds: ReadonlySet<number>;
  /** Every element of the numerator is a derived value (an absent value is a 0): the figure exists when any element has values. */
  derivedNumerator: boolean;
}

/** The indicators of `codes` in reach of the scope, parsed, with their operand ids. */
async function resolveIndicators(db: Database, scope: Scope, codes: readonly string[]): Promise<Resolved[]> {
  const rows = await findIndicatorsByCodeWithOperandIds(db, scope, [...new Set(codes)]);
  return rows.map((row) => {
    const parsed = parseIndicator({
      numerator: row.numerator,
      denominator: row.denominator,
      factor: Number(row.factor),
      decimals: row.decimals,
      target: null,
      targetDirection: null,
    });
    const elementIds = new Map(Object.entries(row.element_ids ?? {}).map(([code, id]) => [code, Number(id)]));
    const cocIds = new Map(Object.entries(row.coc_ids ?? {}).map(([code, id]) => [code, Number(id)]));
    const operands = parsed.operands.map((operand) => ({
      operand,
      elementId: elementIds.get(operand.element),
      cocId: operand.coc === null ? null : cocIds.get(operand.coc),
    }));
    const denominatorText = row.denominator.trim();
    const numerator = parseExpression(row.numerator);
    const numeratorElements = new Set(numerator.ok ? numerator.operands.map((operand) => operand.element) : []);
    const derived = new Set(row.derived_codes ?? []);
    return {
      info: { id: row.id, code: row.code, name: row.name, additive: !denominatorText.includes('#{') },
      parsed,
      operands,
      elementIds: [...new Set(operands.flatMap((op) => (op.elementId === undefined ? [] : [op.elementId])))],
      numeratorElementIds: new Set(operands.flatMap((op) => (op.elementId !== undefined && numeratorElements.has(op.operand.element) ? [op.elementId] : []))),
      derivedNumerator: numeratorElements.size > 0 && [...numeratorElements].every((code) => derived.has(code)),
    };
  });
}

const toCell = (row: TotalRow): TotalCell => ({ elementId: row.data_element_id, cocId: row.coc_id, sum: row.sum, apportioned: row.apportioned, nValues: row.n_values });

/**
 * Figures of indicators (by code) at units for groups of periods, in two statements: the indicators with their
 * operand ids, then the totals of every unit, element and period at once.
 */
export async function indicatorFigures(db: Database, scope: Scope, request: FiguresRequest): Promise<IndicatorFigures> {
  const resolved = await resolveIndicators(db, scope, request.indicatorCodes);
  const periods = [...new Set(Object.values(request.groups).flat())];
  const elementIds = [...new Set(resolved.flatMap((r) => r.elementIds))];
  const units = request.provinceOf === undefined ? { ids: request.unitIds } : { ids: request.unitIds, provinceOf: request.provinceOf };
  const totals = await sumTotals(db, scope, { units, view: request.view, elementIds, periods }, true);
  // unit → element → rows, so each figure reads only its own cells
  const byUnit = new Map<number, Map<number, TotalRow[]>>();
  for (const row of totals) {
    const elements = byUnit.get(row.unit_id) ?? new Map<number, TotalRow[]>();
    byUnit.set(row.unit_id, elements);
    const list = elements.get(row.data_element_id) ?? [];
    elements.set(row.data_element_id, list);
    list.push(row);
  }
  const byCode = new Map(resolved.map((r) => [r.info.code, r]));
  const groups = new Map(Object.entries(request.groups).map(([name, list]) => [name, new Set(list)]));
  const cache = new Map<string, IndicatorFigure>();
  return {
    indicators: new Map(resolved.map((r) => [r.info.code, r.info])),
    figure(code, unitId, group) {
      const key = `${code}|${unitId}|${group}`;
      const known = cache.get(key);
      if (known) return known;
      const indicator = byCode.get(code);
      const within = groups.get(group);
      let result = NO_FIGURE;
      if (indicator && within) {
        const elements = byUnit.get(unitId);
        const cells = indicator.elementIds.flatMap((id) => elements?.get(id) ?? []).filter((row) => row.period !== null && within.has(row.period));
        const merged = mergeCells(cells.map(toCell));
        const counted = (cell: TotalCell) => indicator.derivedNumerator || indicator.numeratorElementIds.has(cell.elementId);
        const nValues = merged.reduce((sum, cell) => sum + (counted(cell) ? cell.nValues : 0), 0);
        const figures = computeFigures(indicator.parsed, indicator.operands, merged);
        result = nValues === 0 ? NO_FIGURE : { numerator: figures.numerator, denominator: figures.denominator, value: figures.value, nValues };
      }
      cache.set(key, result);
      return result;
    },
  };
}
