import type { TChoice, TLabel } from '#contracts/surveys/form.ts';
import { msg } from '#server/shared/messages.ts';
import type { IssueLog } from './issues.ts';
import type { Column, Sheet } from './sheets.ts';
import { parseFlag } from './types.ts';

/** Settings we read; any other with a value is warned about (allow_choice_duplicates is honoured, style is cosmetic). */
export const SETTING_KEYS = ['form_title', 'form_id', 'version', 'default_language', 'allow_choice_duplicates'] as const;
export type Settings = Partial<Record<(typeof SETTING_KEYS)[number], string>>;

/** The settings sheet: keys in its header row, values in the first row below (pyxform reads that row). */
export function readSettings(sheet: Sheet | undefined, log: IssueLog): Settings {
  const settings: Settings = {};
  const values = sheet?.rows[0];
  if (!sheet || !values) return settings;
  for (const column of sheet.columns) {
    const value = values.cells[column.index] ?? '';
    if (value === '') continue;
    const key = column.language === null ? column.key : '';
    if ((SETTING_KEYS as readonly string[]).includes(key)) settings[key as keyof Settings] = value;
    else log.warn(sheet.name, values.row, column.header, msg('surveys.xlsform.warn.setting', { key: column.header, value }));
  }
  return settings;
}

/**
 * The choices sheet: list_name (or `list name`), name, label (+ languages); every other column is kept per choice
 * as `filters` for choice_filter (A1's `cf`). Choice names repeat within a list only with allow_choice_duplicates.
 */
export function readChoices(sheet: Sheet | undefined, languageOf: (column: Column) => string, allowDuplicates: boolean, log: IssueLog): Record<string, TChoice[]> {
  const lists: Record<string, TChoice[]> = {};
  if (!sheet) return lists;
  const listColumn = sheet.columns.find((column) => column.key === 'list_name' && column.language === null);
  const nameColumn = sheet.columns.find((column) => column.key === 'name' && column.language === null);
  const labelColumns = sheet.columns.filter((column) => column.key === 'label');
  const filterColumns = sheet.columns.filter((column) => column !== listColumn && column !== nameColumn && !labelColumns.includes(column));
  for (const [column, missing] of [[listColumn, 'list_name'], [nameColumn, 'name']] as const) {
    if (!column && sheet.rows.length > 0) log.error(sheet.name, null, missing, msg('surveys.xlsform.missingColumn', { column: missing }));
  }
  if (!listColumn || !nameColumn) return lists;
  const firstRow = new Map<string, number>();
  for (const row of sheet.rows) {
    const list = row.cells[listColumn.index] ?? '';
    const name = row.cells[nameColumn.index] ?? '';
    if (list === '') {
      log.error(sheet.name, row.row, 'list_name', msg('surveys.xlsform.choice.noList'));
      continue;
    }
    if (name === '') {
      log.error(sheet.name, row.row, 'name', msg('surveys.xlsform.choice.noName', { list }));
      continue;
    }
    const seen = firstRow.get(`${list}\u0000${name}`);
    if (seen !== undefined && !allowDuplicates) log.error(sheet.name, row.row, 'name', msg('surveys.xlsform.choice.duplicate', { name, list, first: seen }));
    if (seen === undefined) firstRow.set(`${list}\u0000${name}`, row.row);
    const label: TLabel = {};
    for (const column of labelColumns) {
      const text = row.cells[column.index] ?? '';
      if (text !== '') label[languageOf(column)] = text;
    }
    const filters: Record<string, string> = {};
    for (const column of filterColumns) {
      const value = row.cells[column.index] ?? '';
      if (value !== '') filters[column.header] = value;
    }
    const choice: TChoice = Object.keys(filters).length > 0 ? { name, label, filters } : { name, label };
    (lists[list] ??= []).push(choice);
  }
  return lists;
}

export const allowsDuplicates = (settings: Settings) => parseFlag(settings.allow_choice_duplicates ?? '') === true;
