import { z } from 'zod';
import { ZDate, ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUnitLevel } from '../units.ts';
import { ZIndicator } from './metadata.api.ts';
import { parsePeriod, periodsBetween } from './period.ts';
import { ZPeriod } from './reports.api.ts';

/** Longest range a dashboard reads: 20 years of months. */
export const MAX_DASHBOARD_PERIODS = 240;

/**
 * An indicator over a period range at a unit. `from`/`to` are period ids of one type ('202401'..'202412',
 * '2024'..'2025'); every value whose period lies inside the range counts. No `unitId`: the nation for a system
 * administrator, the user's own unit otherwise. `asOf` (default today) picks the structure: from 2025-07-01 the
 * 2025 units with history added under their successors, before it the units of the day with values as entered.
 */
export const ZDashboardQuery = z
  // asOf first: a bad date is the first fault reported even when the periods are bad too
  .object({ asOf: ZDate.optional(), indicatorId: ZId, unitId: ZId.optional(), from: ZPeriod, to: ZPeriod })
  .superRefine((query, ctx) => {
    const from = parsePeriod(query.from);
    const to = parsePeriod(query.to);
    if (!from || !to) return;
    if (from.type !== to.type) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'phải cùng loại kỳ với kỳ bắt đầu (tháng, quý, 6 tháng hoặc năm)' });
      return;
    }
    const count = periodsBetween(from.id, to.id).length;
    if (count === 0) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'không được trước kỳ bắt đầu' });
    } else if (count > MAX_DASHBOARD_PERIODS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `khoảng thời gian tối đa ${MAX_DASHBOARD_PERIODS} kỳ` });
    }
  });
export type TDashboardQuery = z.input<typeof ZDashboardQuery>;

/** An indicator's figures at one unit over the range: operands summed first, the ratio computed last. */
export const ZDashboardFigures = z.object({
  /** Numerator over summed operands; null without data. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** factor × N / D rounded to the indicator's decimals; null when D = 0 or without data ("—"). */
  value: z.number().nullable(),
  /** Distance to the target, positive = short of it (for either direction); null without target or value. */
  gap: z.number().nullable(),
  /** Part of an operand comes from a split unit's share: the figure is an estimate ("≈"). */
  apportioned: z.boolean(),
  /** At least one value of an operand was entered. */
  hasData: z.boolean(),
});
export type TDashboardFigures = z.infer<typeof ZDashboardFigures>;

/** The unit a dashboard is about; `id` null = the nation. */
export const ZDashboardUnit = z.object({
  id: ZId.nullable(),
  name: z.string(),
  level: z.union([ZUnitLevel, z.literal('nation')]),
  /** Statistics-office code (joins a province with the map's outlines); null for villages and the nation. */
  code: z.string().nullable(),
});

export const ZDashboardRow = ZDashboardFigures.extend({
  unitId: ZId,
  name: z.string(),
  level: ZUnitLevel,
  code: z.string().nullable(),
  /** Units under this child on asOf: 0 = nothing to drill into. */
  childCount: z.number().int(),
});
export type TDashboardRow = z.infer<typeof ZDashboardRow>;

/** The header shared by the table and the trend. */
const ZDashboardHead = z.object({
  indicator: ZIndicator,
  unit: ZDashboardUnit,
  /** Units above, root first; `reachable` = in the user's scope (a link), otherwise shown as text. */
  ancestors: z.array(z.object({ id: ZId, name: z.string(), level: ZUnitLevel, reachable: z.boolean() })),
  /** The user may open the nation (system administrators). */
  nationReachable: z.boolean(),
  from: z.string(),
  to: z.string(),
  /** "Tháng 1/2024 – Tháng 12/2024", or one period's label. */
  periodLabel: z.string(),
  asOf: ZDate,
  /** 'current': 2025 units with history under successors; 'entered': units of asOf with their own values. */
  view: z.enum(['current', 'entered']),
});

export const ZDashboardChildren = ZDashboardHead.extend({
  /** The unit's own figures (the nation: summed over provinces). */
  total: ZDashboardFigures,
  /** One row per child valid on asOf, furthest from the target first, rows without a value last. */
  rows: z.array(ZDashboardRow),
});
export type TDashboardChildren = z.infer<typeof ZDashboardChildren>;

export const ZDashboardTrend = ZDashboardHead.extend({
  points: z.array(ZDashboardFigures.extend({ period: z.string(), label: z.string() })),
});
export type TDashboardTrend = z.infer<typeof ZDashboardTrend>;

/** Province outlines projected for an SVG: one path per province of 2025, keyed by its code. */
export const ZProvinceOutlines = z.object({
  /** "minX minY width height" of the projected map. */
  viewBox: z.string(),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), path: z.string() })),
});
export type TProvinceOutlines = z.infer<typeof ZProvinceOutlines>;

export const dashboardEndpoints = {
  dashboardChildren: endpoint({
    method: 'GET',
    path: '/api/indicators/dashboard/children',
    summary: "An indicator over a period range for a unit's children, furthest from the target first",
    query: ZDashboardQuery,
    response: ZDashboardChildren,
  }),
  dashboardTrend: endpoint({
    method: 'GET',
    path: '/api/indicators/dashboard/trend',
    summary: 'An indicator per period of the range at one unit',
    query: ZDashboardQuery,
    response: ZDashboardTrend,
  }),
  dashboardChildrenXlsx: endpoint({
    method: 'GET',
    path: '/api/indicators/dashboard/children.xlsx',
    summary: 'The children table as an Excel file (Vietnamese headers)',
    query: ZDashboardQuery,
    response: z.unknown().describe('xlsx bytes'),
  }),
  provinceOutlines: endpoint({
    method: 'GET',
    path: '/api/indicators/dashboard/outlines',
    summary: 'Outlines of the 34 provinces (2025) projected for an SVG choropleth',
    response: ZProvinceOutlines,
  }),
};
