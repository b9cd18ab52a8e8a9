import type { TDashboardChildren, TDashboardFigures, TDashboardRow } from '#contracts/indicators/dashboard.api.ts';
import { msg } from '#server/shared/messages.ts';
import type { DashboardChildRow, DashboardPlace, DashboardUnitRow } from './dashboard.repository.ts';
import { toIndicator } from './metadata.presenter.ts';
import type { IndicatorRow } from './metadata-write.repository.ts';
import { rangeLabel, viewOn } from './dashboard.rules.ts';

/** The header of a table or a trend: everything but the figures. */
export type DashboardHead = Omit<TDashboardChildren, 'total' | 'rows'>;

type AncestorRow = DashboardPlace['ancestors'][number];

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

export function toDashboardRow(child: DashboardChildRow, figures: TDashboardFigures): TDashboardRow {
  return { unitId: child.id, name: child.full_name, level: child.level, code: child.code, childCount: child.child_count, ...figures };
}
