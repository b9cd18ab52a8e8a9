import type { TTargetLevel } from '#contracts/programmes/target-rule.ts';
import type { TStatusCounts, TTargetEvaluation, TTargetUnitRow } from '#contracts/programmes/targets.api.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { FigureIndicator } from '../../indicators/index.ts';
import type { EvalContext, EvalTarget } from './target-eval.context.ts';
import type { EvalUnitRow } from './target-eval.repository.ts';
import { deadlineYear, evaluateShare, evaluateUnit, gapOf, heldAt, type EvalYear, type UnitResult } from './target-eval.rules.ts';
import { countStatuses, isOpenYear } from './target-period.rules.ts';

/** A target evaluated from a context: at the unit, at each unit of the level, and the texts that explain it. */

const levelsOf = (target: EvalTarget) => target.row.levels as TTargetLevel[] | null;
const EMPTY_FIGURE = { value: null, numerator: null, denominator: null, nValues: 0, previousValue: null, projected: null };
const noDataResult = (): UnitResult => ({ figure: EMPTY_FIGURE, comparator: null, threshold: null, status: 'no_data', basis: 'final', reason: null });

/** The year as evaluated for an indicator: open years covered up to the latest period with values. */
function evalYear(ctx: EvalContext, code: string, year: number): EvalYear {
  return { year, open: isOpenYear(year, ctx.today) ? ctx.coverage(code).fraction : null };
}

/** The target at one unit for one year (null rule or missing indicator: no data everywhere). */
export function evaluateAt(ctx: EvalContext, target: EvalTarget, unit: EvalUnitRow, year: number): UnitResult {
  const rule = target.rule;
  const indicator = rule ? ctx.figures.indicators.get(rule.indicator) : undefined;
  if (!rule || !indicator) return noDataResult();
  const at = evalYear(ctx, rule.indicator, year);
  const options = { additive: indicator.additive, fromYear: ctx.programme.from_year };
  let result: UnitResult;
  if (rule.kind === 'share_of_units') {
    const children = ctx.childrenOf(rule.childLevel, unit.id).map((child) => ctx.figures.figure(rule.indicator, child.id, String(year)));
    result = evaluateShare(rule, unit.level, children, at, options);
  } else {
    const figures = {
      year: (y: number) => ctx.figures.figure(rule.indicator, unit.id, String(y)),
      window: (from: number, to: number) => ctx.figures.figure(rule.indicator, unit.id, from === to ? String(to) : `${from}-${to}`),
    };
    result = evaluateUnit(rule, unit.level, figures, at, options);
  }
  return heldAt(rule, levelsOf(target), unit.level) ? result : { ...result, status: null, basis: 'final' };
}

/** How "at risk" is decided for the target in the context's year (null where it does not apply). */
function atRiskMethod(ctx: EvalContext, target: EvalTarget, indicator: FigureIndicator | undefined): string | null {
  const rule = target.rule;
  if (!rule || !indicator) return null;
  if (rule.kind === 'milestone' && ctx.year < deadlineYear(rule.by)) {
    return msg('programmes.targets.methodTrend', {
      deadline: vnDate(rule.by),
      from: ctx.programme.from_year - 1,
      year: ctx.year,
      deadlineYear: deadlineYear(rule.by),
    });
  }
  if (!ctx.open) return null;
  const { fraction, latestEnd } = ctx.coverage(rule.indicator);
  return msg('programmes.targets.methodYearToDate', {
    year: ctx.year,
    through: vnDate(latestEnd ?? ctx.today),
    percent: Math.round(fraction * 100),
    how: msg(indicator.additive ? 'programmes.targets.projectCount' : 'programmes.targets.projectRatio'),
  });
}

/** Why a result is "no data", in the user's words. */
function noDataReason(ctx: EvalContext, target: EvalTarget, result: UnitResult, indicator: FigureIndicator | undefined): string | null {
  if (!target.rule) return msg('programmes.targets.waitsFor', { what: target.row.waits_for ?? msg('programmes.targets.noRule') });
  if (!indicator) return msg('programmes.targets.indicatorMissing', { code: target.rule.indicator });
  if (result.status !== 'no_data') return null;
  switch (result.reason) {
    case 'no_previous':
      return msg('programmes.targets.noPrevious', { year: ctx.year - 1, name: indicator.name });
    case 'no_units':
      return msg('programmes.targets.noUnits', { level: msg(`programmes.targets.level.${target.rule.kind === 'share_of_units' ? target.rule.childLevel : ctx.level}`) });
    default:
      return msg('programmes.targets.noValues', { year: ctx.year, name: indicator.name });
  }
}

export interface TargetOutcome {
  evaluation: TTargetEvaluation;
  rows: { unit: EvalUnitRow; result: UnitResult }[];
}

/** The target at the context's unit and at every unit of its level. */
export function evaluateTarget(ctx: EvalContext, target: EvalTarget): TargetOutcome {
  const indicator = target.rule ? ctx.figures.indicators.get(target.rule.indicator) : undefined;
  const result = evaluateAt(ctx, target, ctx.unit, ctx.year);
  const rows = ctx.levelUnits.map((unit) => ({ unit, result: evaluateAt(ctx, target, unit, ctx.year) }));
  const levelHeld = !target.rule || !indicator || heldAt(target.rule, levelsOf(target), ctx.level);
  const counts: TStatusCounts | null = levelHeld ? countStatuses(rows.map((row) => row.result)) : null;
  return {
    evaluation: {
      id: target.row.id,
      code: target.row.code,
      position: target.row.position,
      text: target.row.text,
      rule: target.rule,
      indicator: indicator ? { id: indicator.id, code: indicator.code, name: indicator.name } : null,
      comparator: result.comparator,
      threshold: result.threshold,
      figure: result.figure,
      status: result.status,
      basis: result.basis,
      counts,
      atRiskMethod: atRiskMethod(ctx, target, indicator),
      waitsFor: target.row.waits_for,
      noDataReason: noDataReason(ctx, target, result, indicator),
    },
    rows,
  };
}

/** A drill-down row. */
export function toUnitRow(unit: EvalUnitRow, result: UnitResult): TTargetUnitRow {
  return {
    unitId: unit.id,
    name: unit.name,
    level: unit.level,
    code: unit.code,
    figure: result.figure,
    comparator: result.comparator,
    threshold: result.threshold,
    status: result.status,
    basis: result.basis,
    gap: gapOf(result),
  };
}
