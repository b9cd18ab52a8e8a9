import type { TDataElement, TDataSet } from '#contracts/indicators/metadata.api.ts';
import { periodType } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { columnLetter, type TemplateColumn, type TemplateTexts } from './excel-sheet.ts';
import { toDataElement, toDataSet } from './metadata.presenter.ts';
import { findDataSetParts, findDataSetRow, findElementRows, findOptionCombos } from './metadata.repository.ts';

/** A data set read in or above the scope, for a period of its type, with its elements and template columns. */
export interface ExcelContext {
  dataSet: TDataSet;
  elements: TDataElement[];
  period: string;
  /** Entered elements × disaggregations, in the form's order (derived values are computed, never typed). */
  columns: TemplateColumn[];
}

/** Loads the data set (404 outside the scope) and checks the period's type (400 naming `period`). */
export async function loadExcelContext(db: Database, actor: Actor, dataSetId: number, period: string): Promise<ExcelContext> {
  const row = await findDataSetRow(db, actor.scope, dataSetId);
  if (!row) throw notFound('entity.dataSet');
  const dataSet = toDataSet(row, await findDataSetParts(db, [dataSetId]));
  if (periodType(period) !== dataSet.periodType) throw invalidField('period', msg('indicators.report.wrongPeriodType', { dataSet: dataSet.name }));
  const elementRows = await findElementRows(db, dataSet.elements.map((e) => e.dataElementId));
  const combos = await findOptionCombos(db, [...new Set(elementRows.map((e) => e.combo_id))]);
  const order = new Map(dataSet.elements.map((e, i) => [e.dataElementId, i]));
  const elements = elementRows.map((e) => toDataElement(e, combos)).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const columns = elements
    .filter((e) => e.source === 'entered')
    .flatMap((e) =>
      e.optionCombos.map((c) => ({
        dataElementId: e.id,
        cocId: c.id,
        header: e.optionCombos.length === 1 ? e.name : `${e.name} – ${c.name}`,
        valueType: e.valueType,
      })),
    );
  return { dataSet, elements, period, columns };
}

/** The sheet's texts from the server's catalogue. */
export function templateTexts(title: string, info: string): TemplateTexts {
  return {
    sheetName: msg('indicators.excel.sheetName'),
    title,
    info,
    unitId: msg('indicators.excel.unitIdHeader'),
    unitName: msg('indicators.excel.unitNameHeader'),
    parent: msg('indicators.excel.parentHeader'),
    yes: msg('indicators.excel.yes'),
    no: msg('indicators.excel.no'),
    invalidTitle: msg('indicators.excel.invalidTitle'),
    hints: {
      integer: msg('indicators.excel.hint.integer'),
      number: msg('indicators.excel.hint.number'),
      percentage: msg('indicators.excel.hint.percentage'),
      yes_no: msg('indicators.excel.hint.yesNo'),
      text: msg('indicators.excel.hint.text'),
    },
  };
}

/** How a row error names a column: its header and its letter in the uploaded sheet. */
export const columnLabel = (header: string, index: number) => msg('indicators.excel.column', { header, letter: columnLetter(index) });

/** A stored or parsed value as the sheet and the preview show it (yes/no as Có/Không). */
export function displayValue(valueType: TDataElement['valueType'], value: { num: number | null; txt: string | null }): string | null {
  if (valueType === 'text') return value.txt;
  if (value.num === null) return null;
  if (valueType === 'yes_no') return value.num === 1 ? msg('indicators.excel.yes') : msg('indicators.excel.no');
  return String(value.num);
}
