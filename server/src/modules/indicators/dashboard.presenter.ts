import type { TDashboardChildren, TDashboardFigures, TDashboardRow } from '#contracts/indicators/dashboard.api.ts';
import type { TIndicator } from '#contracts/indicators/metadata.api.ts';
import { msg } from '#server/shared/messages.ts';
import type { DashboardUnitRow, IndicatorRow, findAncestors, findChildUnits } from './dashboard.repository.ts';
import { rangeLabel, viewOn } from './dashboard.rules.ts';

/** The header of a table or a trend: everything but the figures. */
export type DashboardHead = Omit<TDashboardChildren, 'total' | 'rows'>;

type AncestorRow = Awaited<ReturnType<typeof findAncestors>>[number];
type ChildRow = Awaited<ReturnType<typeof findChildUnits>>[number];

export function toIndicator(row: IndicatorRow): TIndicator {
  return {
    id: row.id,
    code: row.code,
    dhis2Uid: row.dhis2_uid,
    name: row.name,
    description: row.description,
    numerator: row.numerator,
    denominator: row.denominator,
    factor: Number(row.factor),
    decimals: row.decimals,
    unitOfMeasure: row.unit_of_measure,
    target: row.target === null ? null : Number(row.target),
    targetDirection: row.target_direction,
  };
}

/** `unit` null = the nation. Ancestors come root first, following the unit's path. */
export function toDashboardHead(
  indicator: IndicatorRow,
  unit: DashboardUnitRow | null,
  ancestors: readonly AncestorRow[],
  nationReachable: boolean,
  range: { from: string; to: string },
  asOf: string,
): DashboardHead {
  const order = unit ? unit.path.split('.').map(Number) : [];
  return {
    indicator: toIndicator(indicator),
    unit: unit
      ? { id: unit.id, name: unit.full_name, level: unit.level, code: unit.code }
      : { id: null, name: msg('indicators.dashboard.nation'), level: 'nation', code: null },
    ancestors: [...ancestors]
      .sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
      .map((a) => ({ id: a.id, name: a.full_name, level: a.level, reachable: a.reachable })),
    nationReachable,
    from: range.from,
    to: range.to,
    periodLabel: rangeLabel(range.from, range.to),
    asOf,
    view: viewOn(asOf),
  };
}

export function toDashboardRow(child: ChildRow, figures: TDashboardFigures): TDashboardRow {
  return { unitId: child.id, name: child.full_name, level: child.level, code: child.code, childCount: child.child_count, ...figures };
}
