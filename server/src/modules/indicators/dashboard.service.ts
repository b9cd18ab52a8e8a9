import type { TDashboardChildren, TDashboardTrend, TProvinceOutlines } from '#contracts/indicators/dashboard.api.ts';
import { periodLabel, periodsBetween } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { compareVi } from '#server/shared/vn-text.ts';
import { dashboardFileName, dashboardWorkbook } from './dashboard-sheet.ts';
import { toDashboardHead, toDashboardRow, type DashboardHead } from './dashboard.presenter.ts';
import {
  findAncestors,
  findChildUnits,
  findOperandIds,
  findUnitInScope,
  sumTotals,
  type TotalRow,
} from './dashboard.repository.ts';
import {
  computeFigures,
  mergeCells,
  parseIndicator,
  periodsWithin,
  sortByGap,
  type ParsedIndicator,
  type ResolvedOperand,
  type TotalCell,
} from './dashboard.rules.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { findIndicatorRow } from './metadata-write.repository.ts';
import { provinceOutlines } from './province-outlines.ts';

/** A dashboard query after validation (contracts ZDashboardQuery). */
export interface DashboardQuery {
  indicatorId: number;
  unitId?: number | undefined;
  from: string;
  to: string;
  asOf?: string | undefined;
}

/** What both the table and the trend need: the indicator, the unit, and where its totals are. */
interface Resolved {
  head: DashboardHead;
  indicator: ParsedIndicator;
  operands: ResolvedOperand[];
  elementIds: number[];
  /** The unit (null = nation) and the province holding its totals. */
  unitId: number | null;
  provinceId: number | null;
}

async function resolve(db: Database, actor: Actor, query: DashboardQuery): Promise<Resolved> {
  authorize(indicatorPolicy.read(actor));
  const asOf = query.asOf ?? clock.today();
  const row = await findIndicatorRow(db, actor.scope, query.indicatorId);
  if (!row) throw notFound('entity.indicator');
  const indicator = parseIndicator({
    numerator: row.numerator,
    denominator: row.denominator,
    factor: Number(row.factor),
    decimals: row.decimals,
    target: row.target === null ? null : Number(row.target),
    targetDirection: row.target_direction,
  });
  const ids = await findOperandIds(
    db,
    [...new Set(indicator.operands.map((op) => op.element))],
    [...new Set(indicator.operands.flatMap((op) => (op.coc === null ? [] : [op.coc])))],
  );
  const operands = indicator.operands.map((operand) => ({
    operand,
    elementId: ids.elements.get(operand.element),
    cocId: operand.coc === null ? null : ids.cocs.get(operand.coc),
  }));
  const elementIds = [...new Set(operands.flatMap((op) => (op.elementId === undefined ? [] : [op.elementId])))];
  const unitId = query.unitId ?? (actor.scope.all ? null : actor.unitId);
  if (unitId === null) {
    if (!actor.scope.all) throw forbidden();
    return { head: toDashboardHead(row, null, [], true, query, asOf), indicator, operands, elementIds, unitId: null, provinceId: null };
  }
  const unit = await findUnitInScope(db, actor.scope, unitId, asOf);
  if (!unit) throw notFound('entity.unit');
  if ((unit.valid_from !== null && unit.valid_from > asOf) || (unit.valid_to !== null && unit.valid_to < asOf)) {
    throw invalidField('unitId', msg('indicators.dashboard.unitNotInForce', { date: asOf.split('-').reverse().join('/') }));
  }
  const ancestors = await findAncestors(db, actor.scope, unit.path.split('.').slice(0, -1).map(Number), asOf);
  const head = toDashboardHead(row, unit, ancestors, actor.scope.all, query, asOf);
  return { head, indicator, operands, elementIds, unitId: unit.id, provinceId: Number(unit.province_id) };
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
  const r = await resolve(db, actor, query);
  const { asOf, view } = r.head;
  const children = await findChildUnits(db, actor.scope, r.unitId, asOf);
  const provinceIds =
    r.provinceId === null ? [...new Set(children.map((c) => Number(c.province_id)))] : [r.provinceId];
  const unitIds = [...children.map((c) => c.id), ...(r.unitId === null ? [] : [r.unitId])];
  const totals = await sumTotals(db, actor.scope, { provinceIds, view, unitIds, elementIds: r.elementIds, periods: periodsWithin(query.from, query.to) }, false);
  const cellsOf = (unitId: number) => totals.filter((t) => t.unit_id === unitId).map(toCell);
  const rows = children.map((child) => toDashboardRow(child, computeFigures(r.indicator, r.operands, cellsOf(child.id))));
  const ownCells = r.unitId === null ? mergeCells(totals.map(toCell)) : cellsOf(r.unitId);
  return { ...r.head, total: computeFigures(r.indicator, r.operands, ownCells), rows: sortByGap(rows, compareVi) };
}

/** The indicator at the unit for each period of the range (each point: the values inside that period). */
export async function dashboardTrend(db: Database, actor: Actor, query: DashboardQuery): Promise<TDashboardTrend> {
  const r = await resolve(db, actor, query);
  const { asOf, view } = r.head;
  let provinceIds: number[];
  let unitIds: number[];
  if (r.unitId === null) {
    const provinces = await findChildUnits(db, actor.scope, null, asOf);
    provinceIds = [...new Set(provinces.map((c) => Number(c.province_id)))];
    unitIds = provinces.map((c) => c.id);
  } else {
    provinceIds = [r.provinceId as number];
    unitIds = [r.unitId];
  }
  const points = periodsBetween(query.from, query.to).map((period) => ({ period, within: new Set(periodsWithin(period, period)) }));
  const totals = await sumTotals(db, actor.scope, { provinceIds, view, unitIds, elementIds: r.elementIds, periods: [...new Set(points.flatMap((p) => [...p.within]))] }, true);
  return {
    ...r.head,
    points: points.map(({ period, within }) => ({
      period,
      label: periodLabel(period),
      ...computeFigures(r.indicator, r.operands, mergeCells(totals.filter((t) => t.period !== null && within.has(t.period)).map(toCell))),
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
