import type { TDataElement, TDataSet } from '#contracts/indicators/metadata.api.ts';
import { periodEnd, periodType } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { toDataElement, toDataSet } from './metadata.presenter.ts';
import { findDataSetParts, findDataSetRow, findElementRows, findOptionCombos } from './metadata.repository.ts';
import { findUnitInScope, isInTerritory, listVillages, type UnitRow } from './report.repository.ts';
import { reportsDataSet, rowsAreVillages } from './report.rules.ts';
import { findProvinceIds } from './totals.repository.ts';

/** Everything a form, a write or a submission of one report needs, checked against the actor's scope. */
export interface ReportContext {
  dataSet: TDataSet;
  elements: TDataElement[];
  unit: UnitRow;
  provinceId: number;
  period: string;
  rows: { unitId: number; name: string }[];
}

/**
 * Loads the data set (in or above the scope), the reporting unit (in the scope) and the form's rows for a period,
 * or answers 404 / 400 naming the field: the period must be of the set's type, and the unit one that reports it
 * on the period's last day, inside the owner's territory (its subtree, and its predecessors' for history).
 */
export async function loadReportContext(db: Database, actor: Actor, dataSetId: number, unitId: number, period: string): Promise<ReportContext> {
  const row = await findDataSetRow(db, actor.scope, dataSetId);
  if (!row) throw notFound('entity.dataSet');
  const dataSet = toDataSet(row, await findDataSetParts(db, [dataSetId]));
  const unit = await findUnitInScope(db, actor.scope, unitId);
  if (!unit) throw notFound('entity.unit');
  if (periodType(period) !== dataSet.periodType) throw invalidField('period', msg('indicators.report.wrongPeriodType', { dataSet: dataSet.name }));
  const end = periodEnd(period);
  const valid = (unit.valid_from === null || unit.valid_from <= end) && (unit.valid_to === null || unit.valid_to >= end);
  if (!valid || !reportsDataSet(dataSet, unit) || !(await isInTerritory(db, dataSet.ownerUnitId, unit.id))) {
    throw invalidField('unitId', msg('indicators.report.notReportingUnit', { unit: unit.full_name, dataSet: dataSet.name, period }));
  }
  const elementRows = await findElementRows(db, dataSet.elements.map((e) => e.dataElementId));
  const combos = await findOptionCombos(db, [...new Set(elementRows.map((e) => e.combo_id))]);
  const order = new Map(dataSet.elements.map((e, i) => [e.dataElementId, i]));
  const elements = elementRows.map((e) => toDataElement(e, combos)).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const rows = rowsAreVillages(dataSet, unit)
    ? (await listVillages(db, unit.id, end)).map((v) => ({ unitId: v.id, name: v.full_name }))
    : [{ unitId: unit.id, name: unit.full_name }];
  const provinceId = (await findProvinceIds(db, [unit.id])).get(unit.id) as number;
  return { dataSet, elements, unit, provinceId, period, rows };
}
