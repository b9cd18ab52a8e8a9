import { type TSurveyForm, ZSurveyForm } from '#contracts/surveys/form.ts';
import { msg } from '#server/shared/messages.ts';
import { MAX_XLSX_UNCOMPRESSED_BYTES } from '#server/shared/spreadsheet.ts';
import { checkZipSize, ZipRefused } from '#server/shared/zip-directory.ts';
import { allowsDuplicates, readChoices, readSettings } from './choices.ts';
import { IssueLog, sortIssues, type XlsFormIssue, type XlsFormReading } from './issues.ts';
import { type Column, columnLetter, loadSheets, type Sheet } from './sheets.ts';
import { LANGUAGE_KEYS, readSurvey, SURVEY_KEYS, type SurveyReading } from './survey.ts';

export type { XlsFormIssue, XlsFormReading } from './issues.ts';

/**
 * Reads an XLSForm .xlsx into the questionnaire contract (issue 13). Sheets `survey`, `choices`, `settings` are
 * found by name, others ignored. Policy for what we do not support (repeats, calculate, or_other, files, GPS,
 * metadata such as start/end, legacy `select one from`): the form is refused and EVERY such row is named (sheet,
 * Excel row, type), never the first alone, and never dropped silently; a supported row whose relevant, constraint
 * or choice_filter refers to one of them is named too. Columns and settings we do not read are warnings.
 * `fallbackTitle` is the title when settings has no form_title (the survey's own title).
 */
export async function readXlsForm(data: Buffer, options: { fallbackTitle?: string } = {}): Promise<XlsFormReading> {
  const file = (message: string): XlsFormReading => ({ ok: false, issues: [{ sheet: '', row: null, message }] });
  try {
    await checkZipSize(data, MAX_XLSX_UNCOMPRESSED_BYTES);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    return file(error.reason === 'notZip' ? msg('surveys.xlsform.unreadable') : msg('surveys.xlsform.tooLarge', { limit: MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024 }));
  }
  let sheets: Map<string, Sheet>;
  try {
    sheets = await loadSheets(data, ['survey', 'choices', 'settings']);
  } catch {
    return file(msg('surveys.xlsform.unreadable'));
  }
  const survey = sheets.get('survey');
  if (!survey) return { ok: false, issues: [{ sheet: 'survey', row: null, message: msg('surveys.xlsform.noSurveySheet') }] };
  const choicesSheet = sheets.get('choices');
  const log = new IssueLog();
  const settings = readSettings(sheets.get('settings'), log);

  const { defaultLanguage, languages, languageOf } = formLanguages(survey, choicesSheet, settings.default_language, sheets.get('settings')?.name ?? 'settings', log);
  checkHeader(survey, SURVEY_KEYS, languageOf, log);
  if (choicesSheet) checkHeader(choicesSheet, ['list_name', 'name', 'label'], languageOf, log);
  const reading = readSurvey(survey, languageOf, log);
  const choiceLists = readChoices(choicesSheet, languageOf, allowsDuplicates(settings), log);
  checkReferences(survey.name, reading, choiceLists, log);
  if (reading.items.length === 0 && log.errors.length === 0) log.error(survey.name, null, undefined, msg('surveys.xlsform.empty'));
  const title = settings.form_title ?? options.fallbackTitle?.trim();
  if (!title) log.error(sheets.get('settings')?.name ?? 'settings', null, 'form_title', msg('surveys.xlsform.title.missing'));
  if (log.errors.length > 0 || !title) return { ok: false, issues: sortIssues(log.errors) };

  const form: TSurveyForm = {
    title,
    ...(settings.form_id ? { formId: settings.form_id } : {}),
    ...(settings.version ? { formVersion: settings.version } : {}),
    defaultLanguage,
    languages,
    items: reading.items,
    choiceLists,
  };
  const parsed = ZSurveyForm.safeParse(form);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => contractIssue(form, survey.name, issue)) };
  return { ok: true, form, warnings: sortIssues(log.warnings) };
}

/**
 * The form's languages as pyxform sees them: a column without a language (`label`) is in settings.default_language
 * when it is set, else in DEFAULT_LANGUAGE ''; without either, the first labelled language is the default.
 */
function formLanguages(survey: Sheet, choices: Sheet | undefined, setting: string | undefined, settingsSheet: string, log: IssueLog) {
  const textColumns = [...survey.columns.filter((column) => LANGUAGE_KEYS.has(column.key)), ...(choices?.columns.filter((column) => column.key === 'label') ?? [])];
  const explicit = textColumns.flatMap((column) => (column.language === null ? [] : [column.language]));
  const hasPlain = textColumns.some((column) => column.language === null);
  const defaultLanguage = setting ?? (hasPlain ? '' : (explicit[0] ?? ''));
  const languageOf = (column: Column) => column.language ?? defaultLanguage;
  const languages = [...new Set([defaultLanguage, ...textColumns.map(languageOf)])];
  if (setting !== undefined && !textColumns.some((column) => column.key === 'label' && languageOf(column) === setting)) {
    log.warn(settingsSheet, null, 'default_language', msg('surveys.xlsform.warn.defaultLanguage', { language: setting, column: `label::${setting}` }));
  }
  return { defaultLanguage, languages, languageOf };
}

/** A column read twice (two `name` columns, or `label` and `label::X` when X is the default language) is an error. */
function checkHeader(sheet: Sheet, keys: readonly string[], languageOf: (column: Column) => string, log: IssueLog): void {
  const seen = new Map<string, Column>();
  for (const column of sheet.columns) {
    if (!keys.includes(column.key)) continue;
    const hasLanguage = LANGUAGE_KEYS.has(column.key);
    if (!hasLanguage && column.language !== null) continue;
    const id = hasLanguage ? `${column.key}\u0000${languageOf(column)}` : column.key;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, column);
      continue;
    }
    const problem =
      first.language === column.language
        ? msg('surveys.xlsform.duplicateColumn', { column: column.header, letter: columnLetter(column.index) })
        : msg('surveys.xlsform.language.conflict', { column: first.header, other: column.header, language: languageOf(column) });
    log.error(sheet.name, 1, column.header, problem);
  }
}

/** Every select names a list of the choices sheet; every `${name}` in relevant/constraint/choice_filter names a supported row. */
function checkReferences(sheet: string, reading: SurveyReading, lists: Record<string, unknown>, log: IssueLog): void {
  for (const select of reading.selects) {
    if (!Object.hasOwn(lists, select.listName)) log.error(sheet, select.row, 'type', msg('surveys.xlsform.list.missing', { list: select.listName, name: select.name }));
  }
  for (const { row, column, text } of reading.expressions) {
    const refs = new Set([...text.matchAll(/\$\{\s*([^}]*?)\s*\}/g)].map((match) => match[1] as string));
    for (const name of refs) {
      const ref = `\${${name}}`;
      const target = reading.named.get(name);
      if (!target) log.error(sheet, row, column, msg('surveys.xlsform.ref.missing', { column, ref }));
      else if (!target.supported) log.error(sheet, row, column, msg('surveys.xlsform.ref.unsupported', { column, ref, first: target.row, type: target.type }));
    }
  }
}

/** A contract violation (a label over 4,000 characters…) as an issue on the row of the item it is in. */
function contractIssue(form: TSurveyForm, sheet: string, issue: { path: PropertyKey[]; code: string; maximum?: unknown }): XlsFormIssue {
  let node: unknown = form;
  let row: number | null = null;
  let from = 0;
  issue.path.forEach((key, at) => {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const itemRow = node && typeof node === 'object' ? (node as { row?: unknown }).row : undefined;
    if (typeof itemRow === 'number') {
      row = itemRow;
      from = at + 1;
    }
  });
  const path = issue.path.slice(from).map(String).join('.');
  const problem = issue.code === 'too_big' ? msg('surveys.xlsform.tooBig', { max: String(issue.maximum) }) : msg('surveys.xlsform.invalidValue');
  const message = msg('surveys.xlsform.invalid', { path, problem });
  return row === null ? { sheet, row, message: msg('surveys.xlsform.atSheet', { sheet, problem: message }) } : { sheet, row, message: msg('surveys.xlsform.atRow', { sheet, row, problem: message }) };
}
