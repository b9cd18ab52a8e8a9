import type { z } from 'zod';
import type { ZTemplateQuery } from '#contracts/indicators/excel.api.ts';
import { dueDate, periodEnd, periodLabel } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { MAX_IMPORT_ROWS } from '#server/shared/spreadsheet.ts';
import { displayValue, loadExcelContext, templateTexts, type ExcelContext } from './excel-context.ts';
import { findUnitLevels, listVillagesOf } from './excel.repository.ts';
import { buildTemplate, columnKey, type TemplateRow } from './excel-sheet.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { loadReportContext } from './report-context.ts';
import { findUnitInScope, listReportingUnits, listValues } from './report.repository.ts';
import { rowsAreVillages } from './report.rules.ts';
import { findProvinceIds } from './totals.repository.ts';

type RowUnit = Omit<TemplateRow, 'cells'>;

/** The rows of one report: the unit itself, or its villages for a village-level set (checked as the form is). */
async function unitRows(db: Database, actor: Actor, context: ExcelContext, unitId: number): Promise<{ title: string; rows: RowUnit[] }> {
  const report = await loadReportContext(db, actor, context.dataSet.id, unitId, context.period);
  const parentName = report.rows.length === 1 && report.rows[0]?.unitId === report.unit.id ? null : report.unit.full_name;
  return { title: report.unit.full_name, rows: report.rows.map((r) => ({ unitId: r.unitId, name: r.name, parentName })) };
}

/** Every reporting row under a unit in the scope: the reporting units, a commune's villages for a village-level set. */
async function subtreeRows(db: Database, actor: Actor, context: ExcelContext, unitId: number): Promise<{ title: string; rows: RowUnit[] }> {
  const { dataSet, period } = context;
  const unit = await findUnitInScope(db, actor.scope, unitId);
  if (!unit) throw notFound('entity.unit');
  const end = periodEnd(period);
  const units = await listReportingUnits(db, actor.scope, {
    dataSetId: dataSet.id,
    ownerId: dataSet.ownerUnitId,
    unitId: unit.id,
    period,
    periodEnd: end,
    levels: dataSet.levels,
    unitIds: dataSet.unitIds,
  });
  const levels = await findUnitLevels(db, actor.scope, units.map((u) => Number(u.unit_id)));
  const byVillages = units.filter((u) => rowsAreVillages(dataSet, { level: levels.get(Number(u.unit_id))?.level ?? '' }));
  const villages = await listVillagesOf(db, byVillages.map((u) => Number(u.unit_id)), end);
  const rows = units.flatMap((u): RowUnit[] => {
    const id = Number(u.unit_id);
    if (!byVillages.includes(u)) return [{ unitId: id, name: u.name, parentName: u.parent_name }];
    return villages.filter((v) => v.parent_id === id).map((v) => ({ unitId: v.id, name: v.full_name, parentName: u.name }));
  });
  return { title: unit.full_name, rows };
}

/** Current values of the rows, by unit then column key (one read per province, within the scope). */
async function currentCells(db: Database, actor: Actor, context: ExcelContext, unitIds: readonly number[]) {
  const provinces = await findProvinceIds(db, unitIds);
  const cells = new Map<number, Map<string, number | string>>(unitIds.map((id) => [id, new Map()]));
  const types = new Map(context.elements.map((e) => [e.id, e.valueType]));
  for (const provinceId of new Set(provinces.values())) {
    const ids = unitIds.filter((id) => provinces.get(id) === provinceId);
    const values = await listValues(db, actor.scope, provinceId, ids, context.period, context.elements.map((e) => e.id));
    for (const v of values) {
      const valueType = types.get(v.data_element_id) ?? 'text';
      const num = v.num === null ? null : Number(v.num);
      const shown = valueType === 'yes_no' ? displayValue(valueType, { num, txt: v.txt }) : valueType === 'text' ? v.txt : num;
      if (shown !== null) cells.get(v.unit_id)?.set(columnKey({ dataElementId: v.data_element_id, cocId: v.coc_id }), shown);
    }
  }
  return cells;
}

/**
 * The Excel template of a data set for a period, pre-filled with the current values: the rows of one report
 * (`scope=unit`) or of every reporting unit under the unit in the user's scope (`scope=subtree`).
 */
export async function buildExcelTemplate(db: Database, actor: Actor, dataSetId: number, query: z.output<typeof ZTemplateQuery>) {
  authorize(indicatorPolicy.read(actor));
  const context = await loadExcelContext(db, actor, dataSetId, query.period);
  const { title, rows } = query.scope === 'subtree' ? await subtreeRows(db, actor, context, query.unitId) : await unitRows(db, actor, context, query.unitId);
  if (rows.length > MAX_IMPORT_ROWS) throw invalidField('unitId', msg('indicators.excel.tooManyRows', { count: rows.length, max: MAX_IMPORT_ROWS }));
  const cells = await currentCells(db, actor, context, rows.map((r) => r.unitId));
  const { dataSet, period } = context;
  const texts = templateTexts(
    msg('indicators.excel.title', { dataSet: dataSet.name, period: periodLabel(period) }),
    msg('indicators.excel.info', { unit: title, due: formatDate(dueDate(period, dataSet.dueDays)) }),
  );
  const data = await buildTemplate(
    { dataSetId: dataSet.id, period },
    texts,
    context.columns,
    rows.map((r) => ({ ...r, cells: cells.get(r.unitId) ?? new Map() })),
  );
  return { filename: `${dataSet.code}_${period}_${query.unitId}${query.scope === 'subtree' ? '_all' : ''}.xlsx`, data };
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
