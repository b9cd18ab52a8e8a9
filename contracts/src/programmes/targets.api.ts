import { z } from 'zod';
import { ZDate, ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZTargetParams } from './programmes.api.ts';
import { ZComparator, ZTargetLevel, ZTargetRule, ZTargetStatus } from './target-rule.ts';

/**
 * Target statuses per unit and period, and the drill-down to the units that pull a figure down (issue 11 items 2
 * and 7). Every figure is read from the indicators' totals: ratios from summed numerators and denominators, never
 * averages of percentages. Each year is evaluated on the units in force in it.
 */

/**
 * year: default the current year, kept within the programme's years. unitId: default the programme's owner unit, or
 * the actor's own unit when the owner lies above the actor's scope. level: the level whose units are counted (and
 * listed in the drill-down); default 'commune' (the unit's own level when it is a commune or a village).
 */
export const ZEvaluationQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  level: ZTargetLevel.optional(),
  unitId: ZId.optional(),
});
export type TEvaluationQuery = z.input<typeof ZEvaluationQuery>;
export type TEvaluationFilter = z.output<typeof ZEvaluationQuery>;

/**
 * A target's figure for one unit and year. `value` is what the rule compares with the threshold:
 * value / milestone: the indicator (factor × N / D, or the summed count); coverage: the indicator summed over the
 * window of years; change: the indicator in the year (its threshold is last year's value moved by the percent);
 * share_of_units: the percent of the unit's units at the rule's child level that meet the child threshold
 * (numerator = units meeting, denominator = units counted).
 */
export const ZTargetFigure = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Values entered that the figure sums; 0 = no data (never read as a zero). */
  nValues: z.number().int(),
  /** change: the indicator in the year before (null without data). */
  previousValue: z.number().nullable(),
  /** at risk / on track: the figure projected to the year end (current year) or to the deadline (milestone). */
  projected: z.number().nullable(),
});
export type TTargetFigure = z.infer<typeof ZTargetFigure>;

/**
 * How a status was reached: 'final' = the year (or the deadline) is over, or the figure already settles it;
 * 'projected' = the year or the milestone is not over and the status follows the projection (met = on track).
 */
export const ZStatusBasis = z.enum(['final', 'projected']);

export const ZStatusCounts = z.object({
  met: z.number().int(),
  at_risk: z.number().int(),
  not_met: z.number().int(),
  no_data: z.number().int(),
  total: z.number().int(),
});
export type TStatusCounts = z.infer<typeof ZStatusCounts>;

export const ZEvalUnit = z.object({ id: ZId, name: z.string(), level: ZTargetLevel, code: z.string().nullable() });

/** A target as evaluated at the chosen unit for the chosen year. */
export const ZTargetEvaluation = z.object({
  id: ZId,
  code: z.string(),
  position: z.number().int(),
  /** The target as the document words it. */
  text: z.string(),
  rule: ZTargetRule.nullable(),
  /** The indicator the rule reads, when it exists in the province (null: missing, see noDataReason). */
  indicator: z.object({ id: ZId, code: z.string(), name: z.string() }).nullable(),
  /** Comparator and threshold the unit is held to (change: last year's value moved by the percent). */
  comparator: ZComparator.nullable(),
  threshold: z.number().nullable(),
  figure: ZTargetFigure,
  /** null: the document sets no threshold for the unit's level (not held to the target there). */
  status: ZTargetStatus.nullable(),
  basis: ZStatusBasis,
  /** Units at the chosen level under the unit, by status (null: the level is not held to the target). */
  counts: ZStatusCounts.nullable(),
  /** How "có nguy cơ không đạt" is decided for this target and year, in Vietnamese (null: not applicable). */
  atRiskMethod: z.string().nullable(),
  /** What a target without a rule waits for (a module, an indicator), as the document's pack says. */
  waitsFor: z.string().nullable(),
  /** With status no_data: why, in Vietnamese ("Chỉ số … chưa có trong tỉnh", "Chưa có số liệu năm 2025"). */
  noDataReason: z.string().nullable(),
});
export type TTargetEvaluation = z.infer<typeof ZTargetEvaluation>;

const ZEvaluationHead = z.object({
  programme: z.object({ id: ZId, number: z.string(), title: z.string(), fromYear: z.number().int(), toYear: z.number().int() }),
  year: z.number().int(),
  /** The programme's years, to choose from. */
  years: z.array(z.number().int()),
  /** The year is not over yet (statuses may be projections). */
  currentYear: z.boolean(),
  level: ZTargetLevel,
  /** Levels under (or at) the unit that exist in the year's structure, to choose from. */
  levels: z.array(ZTargetLevel),
  unit: ZEvalUnit,
  /** The day whose units were evaluated: the year's last day, or today for the current year. */
  asOf: ZDate,
  /** 'entered': the units of asOf with their own values (before 2025-07-01); 'current': 2025 units with history. */
  view: z.enum(['current', 'entered']),
});

export const ZProgrammeEvaluation = ZEvaluationHead.extend({ targets: z.array(ZTargetEvaluation) });
export type TProgrammeEvaluation = z.infer<typeof ZProgrammeEvaluation>;

export const ZTargetUnitRow = z.object({
  unitId: ZId,
  name: z.string(),
  level: ZTargetLevel,
  code: z.string().nullable(),
  figure: ZTargetFigure,
  comparator: ZComparator.nullable(),
  threshold: z.number().nullable(),
  status: ZTargetStatus.nullable(),
  basis: ZStatusBasis,
  /** Distance to the threshold, positive = short of it (either direction); null without value or threshold. */
  gap: z.number().nullable(),
});
export type TTargetUnitRow = z.infer<typeof ZTargetUnitRow>;

/** The aggregate at the unit in one of the programme's years (up to the chosen year). */
export const ZTargetTrendPoint = z.object({
  year: z.number().int(),
  figure: ZTargetFigure,
  threshold: z.number().nullable(),
  status: ZTargetStatus.nullable(),
  basis: ZStatusBasis,
});

export const ZTargetUnits = ZEvaluationHead.extend({
  target: ZTargetEvaluation,
  /** The units at the level under the unit: not met and at risk first, furthest from the threshold first; no data last. */
  rows: z.array(ZTargetUnitRow),
  trend: z.array(ZTargetTrendPoint),
});
export type TTargetUnits = z.infer<typeof ZTargetUnits>;

export const targetEndpoints = {
  programmeEvaluation: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/evaluation',
    summary: "Every target of a programme with its figure and status at a unit for a year, and units' statuses at a level",
    params: z.object({ id: ZId }),
    query: ZEvaluationQuery,
    response: ZProgrammeEvaluation,
  }),
  targetUnits: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/targets/:targetId/units',
    summary: 'Drill-down: the units at a level under a unit with their figures and statuses, laggards first, and the trend',
    params: ZTargetParams,
    query: ZEvaluationQuery,
    response: ZTargetUnits,
  }),
};
