import type { TEvaluationFilter, TProgrammeEvaluation, TTargetUnits } from '#contracts/programmes/targets.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { compareVi } from '#server/shared/vn-text.ts';
import { programmePolicy } from '../programme.policy.ts';
import { findTarget, listTargets } from './programme-target.repository.ts';
import { readContext, type EvalContext } from './target-eval.context.ts';
import { evaluateAt, evaluateTarget, toUnitRow } from './target-eval.evaluate.ts';
import { sortLaggards } from './target-period.rules.ts';

/** Target statuses of a programme per unit and year, and the drill-down to the units behind a target (issue 11 item 2). */

function head(ctx: EvalContext) {
  const { programme } = ctx;
  const years: number[] = [];
  for (let y = programme.from_year; y <= programme.to_year; y++) years.push(y);
  return {
    programme: { id: programme.id, number: programme.number, title: programme.title, fromYear: programme.from_year, toYear: programme.to_year },
    year: ctx.year,
    years,
    currentYear: ctx.open,
    level: ctx.level,
    levels: ctx.levels,
    unit: { id: ctx.unit.id, name: ctx.unit.name, level: ctx.unit.level, code: ctx.unit.code },
    asOf: ctx.asOf,
    view: ctx.view,
  };
}

/** Every target of the programme at the unit for the year, with the units of the level counted by status. */
export async function programmeEvaluation(db: Database, actor: Actor, programmeId: number, query: TEvaluationFilter): Promise<TProgrammeEvaluation> {
  authorize(programmePolicy.read(actor));
  const ctx = await readContext(db, actor, programmeId, query, (programme) => listTargets(db, programme));
  return { ...head(ctx), targets: ctx.targets.map((target) => evaluateTarget(ctx, target).evaluation) };
}

/** One target: the units of the level under the unit, laggards first, and its trend at the unit over the programme's years. */
export async function targetUnits(db: Database, actor: Actor, programmeId: number, targetId: number, query: TEvaluationFilter): Promise<TTargetUnits> {
  authorize(programmePolicy.read(actor));
  const ctx = await readContext(
    db,
    actor,
    programmeId,
    query,
    async (programme) => {
      const row = await findTarget(db, programme, targetId);
      if (!row) throw notFound('entity.programmeTarget');
      return [row];
    },
    true,
  );
  const target = ctx.targets[0];
  if (!target) throw notFound('entity.programmeTarget');
  const outcome = evaluateTarget(ctx, target);
  const rows = sortLaggards(
    outcome.rows.map((row) => ({ ...row, name: row.unit.name })),
    compareVi,
  ).map((row) => toUnitRow(row.unit, row.result));
  const trend = ctx.trend.map((year) => {
    const result = evaluateAt(ctx, target, ctx.unit, year);
    return { year, figure: result.figure, threshold: result.threshold, status: result.status, basis: result.basis };
  });
  return { ...head(ctx), target: outcome.evaluation, rows, trend };
}
