import type { TRowError } from '#contracts/common.ts';
import type { TExcelChange, TExcelUploadResult } from '#contracts/indicators/excel.api.ts';
import { periodEnd } from '#contracts/indicators/period.ts';
import { parseCellValue } from '#contracts/indicators/value-type.ts';
import type { Database } from '#server/db/database.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { columnLabel, displayValue, type ExcelContext } from './excel-context.ts';
import { findReportStates, findRowUnits, type RowUnit } from './excel.repository.ts';
import { columnKey, type SheetLayout } from './excel-sheet.ts';
import { listValues } from './report.repository.ts';
import { entryBlocker, reportsDataSet, rowsAreVillages, violationsOf, type CellNumber } from './report.rules.ts';
import type { ReportKey } from './report-write.ts';
import type { ValueWrite } from './value-store.ts';

/** One data row of the upload: its spreadsheet row number, unit id cell and value cells by column index. */
interface DataRow {
  row: number;
  unitText: string;
  cells: Map<number, string>;
}

/** Where a row's unit reports: the report it belongs to (the commune's for a village row). */
interface RowTarget {
  unit: RowUnit;
  report: ReportKey;
  reportName: string;
}

/** What the check found: errors, changes and the writes and reports a commit needs. */
export interface CheckedUpload {
  rows: number;
  errors: TRowError[];
  changes: TExcelChange[];
  writes: ValueWrite[];
  /** Reports with at least one change, ordered by key (a commit locks them in this order). */
  reports: { key: ReportKey; name: string }[];
  closedRows: number;
  violations: TExcelUploadResult['violations'];
}

const inForce = (from: string | null, to: string | null, day: string) => (from === null || from <= day) && (to === null || to >= day);

function dataRows(table: readonly (readonly string[])[], layout: SheetLayout): DataRow[] {
  const rows: DataRow[] = [];
  for (let i = layout.firstDataRow; i < table.length; i++) {
    const line = table[i] ?? [];
    const cells = new Map([...layout.columns.keys()].map((index) => [index, (line[index] ?? '').trim()]));
    const unitText = (line[layout.unitColumn] ?? '').trim();
    if (unitText === '' && [...cells.values()].every((cell) => cell === '')) continue;
    rows.push({ row: i + 1, unitText, cells });
  }
  return rows;
}

/** The report a row's unit belongs to, or why it is not a row of this data set for the period (Vietnamese). */
function targetOf(context: ExcelContext, unit: RowUnit): Omit<RowTarget, 'unit'> | string {
  const { dataSet, period } = context;
  const end = periodEnd(period);
  const notReporting = msg('indicators.report.notReportingUnit', { unit: unit.full_name, dataSet: dataSet.name, period });
  if (!unit.in_territory || !inForce(unit.valid_from, unit.valid_to, end)) return notReporting;
  if (unit.level === 'village' && dataSet.levels.includes('village')) {
    const parentOk = unit.parent_id !== null && unit.parent_level === 'commune' && unit.parent_in_scope === true;
    if (!parentOk || !inForce(unit.parent_valid_from, unit.parent_valid_to, end)) return notReporting;
    const key = { provinceId: unit.province_id, dataSetId: dataSet.id, unitId: unit.parent_id as number, period };
    return { report: key, reportName: unit.parent_name ?? '' };
  }
  if (!reportsDataSet(dataSet, { id: unit.id, level: unit.level })) return notReporting;
  if (rowsAreVillages(dataSet, unit)) return msg('indicators.excel.villageRows', { unit: unit.full_name });
  return { report: { provinceId: unit.province_id, dataSetId: dataSet.id, unitId: unit.id, period }, reportName: unit.full_name };
}

type Stored = { num: number | null; txt: string | null; comment: string | null };

/** Current values of the rows' units, by unit then column key (one read per province, within the scope). */
async function currentValues(db: Database, actor: Actor, context: ExcelContext, targets: readonly RowTarget[]) {
  const result = new Map<number, Map<string, Stored>>(targets.map((t) => [t.unit.id, new Map()]));
  for (const provinceId of new Set(targets.map((t) => t.unit.province_id))) {
    const ids = targets.filter((t) => t.unit.province_id === provinceId).map((t) => t.unit.id);
    const values = await listValues(db, actor.scope, provinceId, ids, context.period, context.elements.map((e) => e.id));
    for (const v of values) {
      result.get(v.unit_id)?.set(columnKey({ dataElementId: v.data_element_id, cocId: v.coc_id }), { num: v.num === null ? null : Number(v.num), txt: v.txt, comment: v.comment });
    }
  }
  return result;
}

async function reportStates(db: Database, actor: Actor, context: ExcelContext, targets: readonly RowTarget[]) {
  const states = new Map<string, ReportState>();
  for (const provinceId of new Set(targets.map((t) => t.report.provinceId))) {
    const ids = [...new Set(targets.filter((t) => t.report.provinceId === provinceId).map((t) => t.report.unitId))];
    const found = await findReportStates(db, actor.scope, { provinceId, dataSetId: context.dataSet.id, period: context.period }, ids);
    for (const [unitId, state] of found) states.set(`${provinceId}|${unitId}`, state);
  }
  return states;
}

/**
 * Checks every row of an uploaded template against the data set, the period and the user's scope, reads each cell
 * with the form's parser, and compares it with the stored value. Errors name the spreadsheet row and column; rows
 * of reports that are not open are an error only when they change something.
 */
export async function checkUpload(db: Database, actor: Actor, context: ExcelContext, table: readonly (readonly string[])[], layout: SheetLayout): Promise<CheckedUpload> {
  const rows = dataRows(table, layout);
  const errors: TRowError[] = [];
  const unitField = columnLabel(msg('indicators.excel.unitIdHeader'), layout.unitColumn);
  const ids = new Map<DataRow, number>();
  for (const row of rows) {
    if (row.unitText === '') errors.push({ row: row.row, field: unitField, message: msg('common.empty') });
    else if (!/^\d{1,15}$/.test(row.unitText)) errors.push({ row: row.row, field: unitField, message: msg('indicators.excel.badUnitId', { value: row.unitText.slice(0, 50) }) });
    else ids.set(row, Number(row.unitText));
  }
  const units = new Map((await findRowUnits(db, actor.scope, [...new Set(ids.values())], context.dataSet.ownerUnitId)).map((u) => [u.id, u]));
  const targets = new Map<DataRow, RowTarget>();
  const seen = new Map<number, number>();
  for (const [row, id] of ids) {
    const unit = units.get(id);
    const target = unit ? targetOf(context, unit) : msg('indicators.excel.unknownUnit', { id });
    if (typeof target === 'string') errors.push({ row: row.row, field: unitField, message: target });
    else if (seen.has(id)) errors.push({ row: row.row, field: unitField, message: msg('import.duplicateOfRow', { row: String(seen.get(id)) }) });
    else targets.set(row, { unit: unit as RowUnit, ...target });
    if (!seen.has(id)) seen.set(id, row.row);
  }
  const current = await currentValues(db, actor, context, [...targets.values()]);
  const states = await reportStates(db, actor, context, [...targets.values()]);
  const today = clock.today();
  const changes: TExcelChange[] = [];
  const writes: ValueWrite[] = [];
  const reports = new Map<string, { key: ReportKey; name: string }>();
  const violations: CheckedUpload['violations'] = [];
  const elements = new Map(context.elements.map((e) => [e.id, e]));
  let closedRows = 0;
  for (const [row, target] of targets) {
    const stored = current.get(target.unit.id) ?? new Map<string, Stored>();
    /** The row's numbers once the upload is stored: what the rules are evaluated on. */
    const after = new Map([...stored].map(([key, value]) => [key, value.num]));
    const rowChanges: TExcelChange[] = [];
    const rowWrites: ValueWrite[] = [];
    for (const [index, column] of layout.columns) {
      const element = elements.get(column.dataElementId);
      if (!element) continue;
      const parsed = parseCellValue(element.valueType, row.cells.get(index) ?? '');
      if (!parsed.ok) {
        errors.push({ row: row.row, field: columnLabel(column.header, index), message: parsed.message });
        continue;
      }
      const before = stored.get(columnKey(column));
      after.set(columnKey(column), parsed.num);
      if ((before?.num ?? null) === parsed.num && (before?.txt ?? null) === parsed.txt) continue;
      rowChanges.push({
        row: row.row,
        unitId: target.unit.id,
        unitName: target.unit.full_name,
        column: column.header,
        dataElementId: column.dataElementId,
        cocId: column.cocId,
        oldValue: before ? displayValue(element.valueType, before) : null,
        newValue: displayValue(element.valueType, parsed),
      });
      const write = { unitId: target.unit.id, period: context.period, dataElementId: column.dataElementId, cocId: column.cocId };
      rowWrites.push({ writeId: uuidv7(), ...write, num: parsed.num, txt: parsed.txt, comment: before?.comment ?? null });
    }
    const state = states.get(`${target.report.provinceId}|${target.report.unitId}`) ?? null;
    const blocker = entryBlocker({ period: context.period, lockDays: context.dataSet.lockDays, today, state });
    if (blocker) {
      if (rowChanges.length === 0) closedRows++;
      else errors.push({ row: row.row, field: unitField, message: msg('indicators.excel.reportClosed', { unit: target.reportName, reason: blocker }) });
      continue;
    }
    changes.push(...rowChanges);
    writes.push(...rowWrites);
    if (rowWrites.length > 0) reports.set(`${target.report.provinceId}|${target.report.unitId}`, { key: target.report, name: target.reportName });
    const numbers: CellNumber[] = [...after].flatMap(([key, num]) => {
      const [dataElementId, cocId] = key.split(':').map(Number) as [number, number];
      return num === null ? [] : [{ unitId: target.unit.id, dataElementId, cocId, num }];
    });
    for (const v of violationsOf(context.dataSet, context.elements, [target.unit.id], numbers)) violations.push({ ...v, row: row.row, unitName: target.unit.full_name });
  }
  errors.sort((a, b) => a.row - b.row);
  const ordered = [...reports.values()].sort((a, b) => a.key.provinceId - b.key.provinceId || a.key.unitId - b.key.unitId);
  return { rows: rows.length, errors, changes, writes, reports: ordered, closedRows, violations };
}
