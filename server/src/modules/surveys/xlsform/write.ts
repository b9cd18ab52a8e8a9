import { DEFAULT_LANGUAGE, type TFormItem, type TLabel, type TSurveyForm } from '#contracts/surveys/form.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';

type Cells = Record<string, string>;

/** `label` for the default language '' (a plain column), `label::Tiếng Việt` for the others. */
const header = (key: string, language: string) => (language === DEFAULT_LANGUAGE ? key : `${key}::${language}`);

/**
 * Writes a questionnaire back to XLSForm (sheets survey, choices, settings), so that readXlsForm gives the same form
 * (item `row` numbers aside): one label column per language, a language-bearing column (hint, messages) only for the
 * languages it is used in, `allow_choice_duplicates` when a list repeats a name, groups as `begin group`/`end group`.
 */
export async function writeXlsForm(form: TSurveyForm): Promise<Buffer> {
  const rows: Cells[] = [];
  const walk = (items: TFormItem[]) => {
    for (const item of items) {
      const cells: Cells = { name: item.name, relevant: item.relevant ?? '' };
      putLabel(cells, 'label', item.label);
      putLabel(cells, 'hint', item.hint);
      if (item.kind === 'group') {
        rows.push({ ...cells, type: 'begin group' });
        walk(item.items);
        rows.push({ type: 'end group' });
        continue;
      }
      if (item.kind === 'note') {
        rows.push({ ...cells, type: 'note' });
        continue;
      }
      putLabel(cells, 'required_message', item.requiredMessage);
      putLabel(cells, 'constraint_message', item.constraintMessage);
      rows.push({
        ...cells,
        type: item.listName ? `${item.type} ${item.listName}` : item.type,
        required: item.required ? 'yes' : '',
        constraint: item.constraint ?? '',
        choice_filter: item.choiceFilter ?? '',
        appearance: item.appearance ?? '',
        sensitive: item.sensitive ? 'yes' : '',
      });
    }
  };
  walk(form.items);

  const languages = [...new Set([form.defaultLanguage, ...form.languages])];
  const labels = (key: string) => languages.map((language) => header(key, language));
  const used = (key: string) => labels(key).filter((column) => rows.some((row) => row[column]));
  const surveyColumns = [
    'type',
    'name',
    ...labels('label'),
    ...used('hint'),
    'required',
    ...used('required_message'),
    'relevant',
    'constraint',
    ...used('constraint_message'),
    'choice_filter',
    'appearance',
    'sensitive',
  ].filter((column) => ['type', 'name', 'label'].includes(column) || column.startsWith('label::') || rows.some((row) => row[column]));

  const choiceRows: Cells[] = [];
  const filterKeys: string[] = [];
  let duplicates = false;
  for (const [list, choices] of Object.entries(form.choiceLists)) {
    const names = new Set<string>();
    for (const choice of choices) {
      duplicates ||= names.has(choice.name);
      names.add(choice.name);
      const cells: Cells = { list_name: list, name: choice.name };
      putLabel(cells, 'label', choice.label);
      for (const [key, value] of Object.entries(choice.filters ?? {})) {
        if (!filterKeys.includes(key)) filterKeys.push(key);
        cells[`filter:${key}`] = value;
      }
      choiceRows.push(cells);
    }
  }

  const settings: Cells = { form_title: form.title };
  if (form.formId) settings.form_id = form.formId;
  if (form.formVersion) settings.version = form.formVersion;
  if (form.defaultLanguage !== DEFAULT_LANGUAGE) settings.default_language = form.defaultLanguage;
  if (duplicates) settings.allow_choice_duplicates = 'yes';

  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, 'survey', surveyColumns, surveyColumns, rows);
  addSheet(workbook, 'choices', ['list_name', 'name', ...labels('label'), ...filterKeys], ['list_name', 'name', ...labels('label'), ...filterKeys.map((key) => `filter:${key}`)], choiceRows);
  addSheet(workbook, 'settings', Object.keys(settings), Object.keys(settings), [settings]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function putLabel(cells: Cells, key: string, label: TLabel | undefined): void {
  for (const [language, text] of Object.entries(label ?? {})) cells[header(key, language)] = text;
}

/** One sheet: `headers` in row 1, then each row's cells by `keys`; every cell is text (a choice named "1" stays "1"). */
function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], keys: string[], rows: Cells[]): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(keys.map((key) => row[key] ?? ''));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((_, index) => {
    sheet.getColumn(index + 1).width = index < 2 ? 24 : 40;
  });
}
