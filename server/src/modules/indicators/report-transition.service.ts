import type { z } from 'zod';
import { dueDate } from '#contracts/indicators/period.ts';
import type { TReport, ZTransitionInput } from '#contracts/indicators/reports.api.ts';
import type { Database } from '#server/db/database.ts';
import type { ReportState } from '#server/db/schema.ts';
import { applyTransition } from '#server/platform/workflow/apply-transition.ts';
import { availableTransitions, checkTransition } from '#server/platform/workflow/workflow.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, forbidden, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { loadReportContext } from './report-context.ts';
import { toCellValue, toReport } from './report.presenter.ts';
import { findReportById, findUnit, listReportHistory, listValues, scopeProvinceIds, updateReportAfterTransition, type ReportRow } from './report.repository.ts';
import { missingRequired, movesByPosition, pathInScope, violationsOf, type ReportPosition } from './report.rules.ts';
import { reportWorkflow } from './report.workflow.ts';

/** Where the report stands for this user (tree positions; the roles are the workflow's). */
async function positionOf(db: Database, actor: Actor, report: ReportRow): Promise<ReportPosition> {
  const [unit, holder] = await Promise.all([findUnit(db, report.unit_id), findUnit(db, report.holder_unit_id)]);
  return {
    state: report.state,
    unitInScope: unit !== undefined && pathInScope(unit.path, actor.scope),
    holderInScope: holder !== undefined && pathInScope(holder.path, actor.scope),
    holderIsTop: holder !== undefined && (holder.level === 'province' || holder.parent_id === null),
    ownReport: actor.unitId === report.unit_id,
  };
}

/** The moves this user may make now: allowed by the tree and by their roles. */
function movesFor(actor: Actor, position: ReportPosition): ReportState[] {
  const byRole = new Set(availableTransitions(reportWorkflow, position.state, actor.roles).map((t) => t.to));
  const enter = indicatorPolicy.enter(actor);
  const review = indicatorPolicy.review(actor);
  return movesByPosition(position).filter((to) => byRole.has(to) && (position.state === 'draft' || position.state === 'returned' ? enter : review));
}

export async function presentReport(db: Database, actor: Actor, report: ReportRow): Promise<TReport> {
  const [history, position] = await Promise.all([listReportHistory(db, report.province_id, report.id), positionOf(db, actor, report)]);
  return toReport(report, history, movesFor(actor, position));
}

export async function getReport(db: Database, actor: Actor, id: string): Promise<TReport> {
  authorize(indicatorPolicy.read(actor));
  const report = await findReportById(db, actor.scope, await scopeProvinceIds(db, actor.scope), id);
  if (!report) throw notFound('entity.report');
  return presentReport(db, actor, report);
}

/** Checks made only on submission: error rules hold on every row, required elements are filled, something was entered. */
async function checkSubmission(trx: Database, actor: Actor, report: ReportRow): Promise<void> {
  const context = await loadReportContext(trx, actor, report.data_set_id, report.unit_id, report.period);
  const rowIds = context.rows.map((r) => r.unitId);
  const values = (await listValues(trx, actor.scope, report.province_id, rowIds, report.period, context.elements.map((e) => e.id))).map(toCellValue);
  if (values.length === 0) throw new AppError(400, 'validation', msg('indicators.report.nothingToSubmit'));
  const missing = missingRequired(context.dataSet, context.elements, rowIds, values);
  if (missing.length > 0) throw new AppError(400, 'validation', msg('indicators.report.requiredMissing', { elements: missing.join(', ') }));
  const errors = violationsOf(context.dataSet, context.elements, rowIds, values).filter((v) => v.severity === 'error');
  if (errors.length > 0) {
    const rows = new Map(context.rows.map((r) => [r.unitId, r.name]));
    const lines = errors.map((e) => (rowIds.length > 1 ? `${rows.get(e.unitId)}: ${e.message}` : e.message));
    throw new AppError(400, 'validation', msg('indicators.report.blockingRules', { messages: [...new Set(lines)].join('; ') }));
  }
}

/** The holder after a move: the parent when submitted or accepted, the unit itself when returned. */
async function nextHolder(db: Database, report: ReportRow, to: ReportState, position: ReportPosition): Promise<number> {
  if (to === 'returned') return report.unit_id;
  if (to === 'approved' || (report.state === 'approved' && to === 'submitted')) return report.holder_unit_id;
  const from = to === 'submitted' ? report.unit_id : report.holder_unit_id;
  const unit = await findUnit(db, from);
  if (to === 'submitted' && position.state !== 'approved' && (unit?.level === 'province' || unit?.parent_id == null)) return from;
  return unit?.parent_id ?? from;
}

/**
 * Submit, accept, approve, return or unapprove, in one transaction: the report row is locked, the move must be
 * one the tree and the roles allow from the state the user saw (409 if it moved meanwhile), a submission passes
 * the blocking rules, every move is recorded with who, when and why (workflow_transition) and audited.
 */
export async function transitionReport(db: Database, actor: Actor, id: string, input: z.output<typeof ZTransitionInput>): Promise<TReport> {
  authorize(indicatorPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const report = await findReportById(trx, actor.scope, await scopeProvinceIds(trx, actor.scope), id, { lock: true });
    if (!report) throw notFound('entity.report');
    const request = { seenState: input.seenState, seenVersion: input.seenVersion, to: input.to, reason: input.reason ?? null };
    checkTransition(reportWorkflow, request, actor.roles);
    const submitting = input.to === 'submitted' && (input.seenState === 'draft' || input.seenState === 'returned');
    authorize(submitting ? indicatorPolicy.enter(actor) : indicatorPolicy.review(actor));
    if (report.state !== input.seenState || report.version !== input.seenVersion) throw conflict(msg('workflow.stale', { record: reportWorkflow.label }));
    const position = await positionOf(trx, actor, report);
    if (!movesByPosition(position).includes(input.to)) throw positionError(position, input.to, report);
    if (submitting) await checkSubmission(trx, actor, report);
    const holderUnitId = await nextHolder(trx, report, input.to, position);
    await applyTransition(trx, reportWorkflow, actor, { id: report.id, provinceId: report.province_id }, request);
    const now = clock.now();
    const first = submitting && report.first_submitted_at === null;
    const ds = first ? await loadReportContext(trx, actor, report.data_set_id, report.unit_id, report.period) : null;
    await updateReportAfterTransition(trx, report.province_id, report.id, {
      holderUnitId,
      ...(first && ds ? { firstSubmittedAt: now, onTime: clock.today() <= dueDate(report.period, ds.dataSet.dueDays) } : {}),
      ...(input.to === 'approved' ? { approvedAt: now } : report.state === 'approved' ? { approvedAt: null } : {}),
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'indicator_report',
      entityId: report.id,
      unitId: report.unit_id,
      before: { state: report.state },
      after: { state: input.to, reason: request.reason },
    });
    const updated = await findReportById(trx, { all: true }, [report.province_id], report.id);
    return presentReport(trx, actor, updated ?? report);
  });
}

function positionError(position: ReportPosition, to: ReportState, report: ReportRow): AppError {
  if (position.ownReport && !position.holderIsTop && to !== 'submitted') return forbidden(msg('indicators.report.notOwnReport'));
  if (!position.holderInScope && position.state !== 'draft' && position.state !== 'returned') {
    return forbidden(msg('indicators.report.notYourTurn', { holder: report.holder_name }));
  }
  if (to === 'approved') return conflict(msg('indicators.report.approveAtTop'));
  if (to === 'accepted') return conflict(msg('indicators.report.acceptBelowTop'));
  return forbidden(msg('indicators.report.notYourTurn', { holder: report.holder_name }));
}
