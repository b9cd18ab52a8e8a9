import type { TDataElement, TDataSet } from '#contracts/indicators/metadata.api.ts';
import { lockDate, periodStart } from '#contracts/indicators/period.ts';
import type { TRuleViolation } from '#contracts/indicators/reports.api.ts';
import { evaluateRules } from '#contracts/indicators/validation.ts';
import type { ReportState } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import { reportWorkflow } from './report.workflow.ts';

/**
 * Whether values of a report may change today, and if not why (Vietnamese): never for a future period; a
 * submitted, accepted or approved report is read only (correcting means the level above returns it); a report
 * returned for correction stays open after the lock date, any other closes at period end + lock days.
 */
export function entryBlocker(args: { period: string; lockDays: number; today: string; state: ReportState | null }): string | null {
  if (periodStart(args.period) > args.today) return msg('indicators.report.futurePeriod', { period: args.period });
  const state = args.state ?? 'draft';
  if (state !== 'draft' && state !== 'returned') return msg('indicators.report.notEditableState', { state: reportWorkflow.states[state] });
  const lock = lockDate(args.period, args.lockDays);
  if (state === 'draft' && args.today > lock) return msg('indicators.report.locked', { period: args.period, date: formatDate(lock) });
  return null;
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Whether a unit reports a data set: its level is assigned (a commune reports a village-level set), or it is. */
export function reportsDataSet(dataSet: Pick<TDataSet, 'levels' | 'unitIds'>, unit: { id: number; level: string }): boolean {
  if (dataSet.unitIds.includes(unit.id)) return true;
  return dataSet.levels.some((level) => level === unit.level || (level === 'village' && unit.level === 'commune'));
}

/** A village-level set is entered by its commune, one row per village. */
export const rowsAreVillages = (dataSet: Pick<TDataSet, 'levels'>, unit: { level: string }) =>
  unit.level === 'commune' && dataSet.levels.includes('village');

/** One value as the rules and the form read it. */
export interface CellNumber {
  unitId: number;
  dataElementId: number;
  cocId: number;
  num: number | null;
}

/**
 * The rules violated on each row, evaluated by the same code as the browser (contracts/indicators/validation.ts):
 * `#{CODE}` is the row's sum over the element's disaggregations, `#{CODE.COC}` one of them.
 */
export function violationsOf(
  dataSet: Pick<TDataSet, 'rules'>,
  elements: readonly TDataElement[],
  rowUnitIds: readonly number[],
  values: readonly CellNumber[],
): TRuleViolation[] {
  const byCode = new Map(elements.map((e) => [e.code, e]));
  return rowUnitIds.flatMap((unitId) => {
    const rowValues = values.filter((v) => v.unitId === unitId && v.num !== null);
    const lookup = (op: { element: string; coc: string | null }) => {
      const element = byCode.get(op.element);
      if (!element) return null;
      const cocId = op.coc === null ? null : element.optionCombos.find((c) => c.code === op.coc)?.id;
      const found = rowValues.filter((v) => v.dataElementId === element.id && (cocId === null || v.cocId === cocId));
      return found.length === 0 ? null : found.reduce((sum, v) => sum + (v.num ?? 0), 0);
    };
    return evaluateRules(dataSet.rules, lookup).violations.map((v) => ({ ...v, unitId }));
  });
}

/** Required elements without any value on some row: their names, for the message that stops a submission. */
export function missingRequired(dataSet: Pick<TDataSet, 'elements'>, elements: readonly TDataElement[], rowUnitIds: readonly number[], values: readonly { unitId: number; dataElementId: number }[]): string[] {
  const required = dataSet.elements.filter((e) => e.required).map((e) => e.dataElementId);
  const missing = required.filter((id) => rowUnitIds.some((unitId) => !values.some((v) => v.unitId === unitId && v.dataElementId === id)));
  return missing.map((id) => elements.find((e) => e.id === id)?.name ?? String(id));
}

/** Whether an ltree path lies in the scope (the pure twin of inScope, for a row already read). */
export function pathInScope(path: string, scope: { all: true } | { all: false; roots: string[] }): boolean {
  return scope.all || scope.roots.some((root) => path === root || path.startsWith(`${root}.`));
}

/** Where a report stands for one user: the tree positions that decide which moves are theirs. */
export interface ReportPosition {
  state: ReportState;
  /** The reporting unit is in the user's scope (they may enter and submit for it). */
  unitInScope: boolean;
  /** The unit whose turn it is is in the user's scope (they may act for it). */
  holderInScope: boolean;
  /** The holder is the top of the chain (a province, or a unit without parent): it approves, never accepts. */
  holderIsTop: boolean;
  /** The user's own unit is the reporting unit (no one accepts or approves their own report, the top aside). */
  ownReport: boolean;
}

/**
 * The moves the tree allows from a position (the workflow then checks roles): the unit submits; a level above
 * that is not the top accepts and passes it up; the top approves; whoever holds it returns it; the top withdraws
 * an approval.
 */
export function movesByPosition(p: ReportPosition): ReportState[] {
  if (p.state === 'draft' || p.state === 'returned') return p.unitInScope ? ['submitted'] : [];
  if (!p.holderInScope || (p.ownReport && !p.holderIsTop)) return [];
  if (p.state === 'approved') return p.holderIsTop ? ['submitted'] : [];
  return p.holderIsTop ? ['approved', 'returned'] : ['accepted', 'returned'];
}
