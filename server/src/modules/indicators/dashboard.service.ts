import type { TDashboardChildren, TDashboardTrend, TProvinceOutlines } from '#contracts/indicators/dashboard.api.ts';
import { periodLabel, periodsBetween } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { compareVi } from '#server/shared/vn-text.ts';
import { dashboardFileName, dashboardWorkbook } from './dashboard-sheet.ts';
import { toDashboardHead, toDashboardRow, type DashboardHead } from './dashboard.presenter.ts';
import { findProvinces, readUnitDashboard, sumTotals, type DashboardChildRow, type DashboardPlace, type DashboardUnitRow, type IndicatorOperandsRow, type TotalRow, type TotalsUnits } from './dashboard.repository.ts';
import {
  computeFigures,
  mergeCells,
  parseIndicator,
  totalsPeriodsWithin,
  viewOn,
  sortByGap,
  type ParsedIndicator,
  type ResolvedOperand,
  type TotalCell,
} from './dashboard.rules.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { findIndicatorWithOperandIds } from './metadata-write.repository.ts';
import { provinceOutlines } from './province-outlines.ts';

/** A dashboard query after validation (contracts ZDashboardQuery). */
export interface DashboardQuery {
  indicatorId: number;
  unitId?: number | undefined;
  from: string;
  to: string;
  asOf?: string | undefined;
}

/** What both the table and the trend need: the indicator, the unit, its children and their totals. */
interface Resolved {
  head: DashboardHead;
  indicator: ParsedIndicator;
  operands: ResolvedOperand[];
  /** The unit (null = nation). */
  unitId: number | null;
  /** Children on asOf (empty unless asked for). */
  children: DashboardChildRow[];
  totals: TotalRow[];
}

/** An indicator row with its operand ids → the parsed indicator and its resolved operands. */
function resolveIndicator(row: IndicatorOperandsRow | undefined) {
  if (!row) throw notFound('entity.indicator');
  const indicator = parseIndicator({
    numerator: row.numerator,
    denominator: row.denominator,
    factor: Number(row.factor),
    decimals: row.decimals,
    target: row.target === null ? null : Number(row.target),
    targetDirection: row.target_direction,
  });
  const elementIds = new Map(Object.entries(row.element_ids ?? {}).map(([code, id]) => [code, Number(id)]));
  const cocIds = new Map(Object.entries(row.coc_ids ?? {}).map(([code, id]) => [code, Number(id)]));
  const operands = indicator.operands.map((operand) => ({
    operand,
    elementId: elementIds.get(operand.element),
    cocId: operand.coc === null ? null : cocIds.get(operand.coc),
  }));
  return { row, indicator, operands };
}

/** The unit as read, or the error a reader gets: unknown or out of scope, or not in force on asOf. */
function unitInForce(place: DashboardPlace, asOf: string): DashboardUnitRow {
  const unit = place.unit;
  if (!unit) throw notFound('entity.unit');
  if ((unit.valid_from !== null && unit.valid_from > asOf) || (unit.valid_to !== null && unit.valid_to < asOf)) {
    throw invalidField('unitId', msg('indicators.dashboard.unitNotInForce', { date: vnDate(asOf) }));
  }
  return unit;
}

/**
 * Reads the indicator, the place and the totals. Under a unit, one statement (readUnitDashboard: the totals find
 * the indicator's elements and the unit's children themselves). For the nation, the provinces first, then their
 * totals, each in its own 2025 province. Errors keep their order: an unknown indicator first, then the unit
 * (totals read for an indicator out of reach are never returned).
 */
async function read(db: Database, actor: Actor, query: DashboardQuery, options: { children: boolean; periods: readonly string[]; byPeriod: boolean }): Promise<Resolved> {
  authorize(indicatorPolicy.read(actor));
  const asOf = query.asOf ?? clock.today();
  const view = viewOn(asOf);
  const unitId = query.unitId ?? (actor.scope.all ? null : actor.unitId);
  if (unitId === null && !actor.scope.all) throw forbidden();
  const filter = (units: TotalsUnits) => ({ units, view, elementIds: { ofIndicator: query.indicatorId }, periods: options.periods });
  if (unitId === null) {
    const [found, provinces] = await Promise.all([findIndicatorWithOperandIds(db, actor.scope, query.indicatorId), findProvinces(db, actor.scope, asOf)]);
    const { row, indicator, operands } = resolveIndicator(found);
    const totals = await sumTotals(db, actor.scope, filter({ ids: provinces.map((c) => c.id) }), options.byPeriod);
    const head = toDashboardHead(row, null, [], actor.scope.all, query, asOf);
    return { head, indicator, operands, unitId: null, children: provinces, totals };
  }
  const units: TotalsUnits = options.children ? { unitWithChildren: unitId, asOf } : { ids: [unitId] };
  const read = await readUnitDashboard(db, actor.scope, { indicatorId: query.indicatorId, unitId, asOf, withChildren: options.children, totals: filter(units), byPeriod: options.byPeriod });
  const { row, indicator, operands } = resolveIndicator(read.indicator);
  const unit = unitInForce(read.place, asOf);
  const head = toDashboardHead(row, unit, read.place.ancestors, actor.scope.all, query, asOf);
  return { head, indicator, operands, unitId: unit.id, children: read.place.children, totals: read.totals };
}

const toCell = (row: TotalRow): TotalCell => ({
  elementId: row.data_element_id,
  cocId: row.coc_id,
  sum: row.sum,
  apportioned: row.apportioned,
  nValues: row.n_values,
});

/** The unit's children with the indicator over the range, furthest from the target first, and the unit's total. */
export async function dashboardChildren(db: Database, actor: Actor, query: DashboardQuery): Promise<TDashboardChildren> {
  const r = await read(db, actor, query, { children: true, periods: totalsPeriodsWithin(query.from, query.to), byPeriod: false });
  // the totals by unit, grouped once (a province has ~130 children × a few cells each)
  const byUnit = new Map<number, TotalCell[]>();
  for (const total of r.totals) {
    const cells = byUnit.get(total.unit_id);
    if (cells) cells.push(toCell(total));
    else byUnit.set(total.unit_id, [toCell(total)]);
  }
  const cellsOf = (unitId: number) => byUnit.get(unitId) ?? [];
  const rows = r.children.map((child) => toDashboardRow(child, computeFigures(r.indicator, r.operands, cellsOf(child.id))));
  const ownCells = r.unitId === null ? mergeCells(r.totals.map(toCell)) : cellsOf(r.unitId);
  return { ...r.head, total: computeFigures(r.indicator, r.operands, ownCells), rows: sortByGap(rows, compareVi) };
}

/** The indicator at the unit for each period of the range (each point: the values inside that period). */
export async function dashboardTrend(db: Database, actor: Actor, query: DashboardQuery): Promise<TDashboardTrend> {
  const points = periodsBetween(query.from, query.to).map((period) => ({ period, within: new Set(totalsPeriodsWithin(period, period)) }));
  const r = await read(db, actor, query, { children: false, periods: [...new Set(points.flatMap((p) => [...p.within]))], byPeriod: true });
  return {
    ...r.head,
    points: points.map(({ period, within }) => ({
      period,
      label: periodLabel(period),
      ...computeFigures(r.indicator, r.operands, mergeCells(r.totals.filter((t) => t.period !== null && within.has(t.period)).map(toCell))),
    })),
  };
}

/** The table as an .xlsx file with its name. */
export async function dashboardSheet(db: Database, actor: Actor, query: DashboardQuery): Promise<{ filename: string; data: Buffer }> {
  const table = await dashboardChildren(db, actor, query);
  return { filename: dashboardFileName(table), data: await dashboardWorkbook(table) };
}

/** Province outlines for the choropleth (any user who may read indicators). */
export async function dashboardOutlines(actor: Actor): Promise<TProvinceOutlines> {
  authorize(indicatorPolicy.read(actor));
  return provinceOutlines();
}
