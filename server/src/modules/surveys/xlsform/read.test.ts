import { describe, expect, it } from 'vitest';
import { formQuestions, type TQuestion, ZSurveyForm } from '#contracts/surveys/form.ts';
import { readXlsForm, type XlsFormReading } from './read.ts';
import { asPyxform, comparable, fixture, pyxformReading, pyxformRequired, requiredNames, withoutRows, workbook } from './xlsform.fixtures.ts';

const A1 = 'A1_cascading_select__pyxform';
const A2 = 'A2_needs_survey_de__correlaid';
const B1 = 'B1_tutorial__onadata';
const B3 = 'B3_tutorial_en_ar__onadata';
const C1 = 'C1_or_other__pyxform';
const C2 = 'C2_biomass_plot_sw_en__pyxform';
const C3 = 'C3_project_application_de_en__correlaid';

/** As the import does: the title falls back to the survey's (pyxform falls back to the file's name). */
const read = (form: string) => readXlsForm(fixture(`${form}.xlsx`), { fallbackTitle: form });

function accepted(reading: XlsFormReading) {
  if (!reading.ok) throw new Error(`refused: ${reading.issues.map((issue) => issue.message).join('\n')}`);
  return reading;
}

function refused(reading: XlsFormReading) {
  if (reading.ok) throw new Error('accepted a form that should be refused');
  return reading.issues;
}

describe('readXlsForm: the A forms import as pyxform reads them', () => {
  it.each([A1, A2])('%s: groups, questions, types, lists, relevant, constraint and choice_filter in order', async (name) => {
    const pyxform = pyxformReading(name);
    const { form } = accepted(await read(name));
    expect(ZSurveyForm.parse(form)).toEqual(form);
    expect(form.title).toBe(pyxform.title);
    // pyxform calls the language of a plain `label` column 'default'; the contract calls it ''
    expect(form.defaultLanguage).toBe(pyxform.defaultLanguage === 'default' ? '' : pyxform.defaultLanguage);
    expect(asPyxform(form)).toEqual(comparable(pyxform.elements));
    expect(requiredNames(form)).toEqual(pyxformRequired(pyxform.elements));
    expect(Object.fromEntries(Object.entries(form.choiceLists).map(([list, choices]) => [list, choices.map((choice) => choice.name)]))).toEqual(pyxform.lists);
  });

  it('A1: plain `label` is the default language, repeated county names kept with their `cf` filters (allow_choice_duplicates)', async () => {
    const { form, warnings } = accepted(await read(A1));
    expect(form).toMatchObject({ title: 'cascading selects', formId: 'cascading_selects1', defaultLanguage: '', languages: [''] });
    expect(form.choiceLists.counties).toEqual([
      { name: 'king', label: { '': 'King' }, filters: { cf: 'washington' } },
      { name: 'pierce', label: { '': 'Pierce' }, filters: { cf: 'washington' } },
      { name: 'king', label: { '': 'King' }, filters: { cf: 'texas' } },
      { name: 'cameron', label: { '': 'Cameron' }, filters: { cf: 'texas' } },
    ]);
    expect(Object.values(form.choiceLists).map((choices) => choices.length)).toEqual([2, 4, 8]);
    expect(form.items[1]).toEqual({ kind: 'question', type: 'select_one', name: 'county', label: { '': 'county' }, listName: 'counties', required: false, choiceFilter: '${state}=cf', row: 3 });
    expect(warnings).toEqual([]);
  });

  it('A2: German labels under settings.default_language, hints, 12 select_multiple; the group appearance and style are warned about, not dropped silently', async () => {
    const { form, warnings } = accepted(await read(A2));
    expect(form).toMatchObject({ formId: 'bedarfserhebung_mo_sachsen', defaultLanguage: 'Deutsch (de)', languages: ['Deutsch (de)'] });
    const questions = formQuestions(form).map(({ question }) => question);
    expect(questions.filter((question) => question.type === 'select_multiple')).toHaveLength(12);
    expect(questions.find((question) => question.name === 'kooperation_optin')?.hint).toEqual({ 'Deutsch (de)': 'Freiwillig – keine Auswirkung auf die Vergütung.' });
    expect(questions.find((question) => question.name === 'zusammenarbeit_verbesserung_text')).toMatchObject({ appearance: 'multiline', row: 15 });
    expect(form.choiceLists.landkreise?.[2]).toEqual({ name: 'goerlitz', label: { 'Deutsch (de)': 'Görlitz' } });
    expect(form.items.at(-1)).toMatchObject({ kind: 'group', name: 'abschluss', label: {} });
    expect(warnings).toEqual([
      { sheet: 'survey', row: null, column: 'appearance', message: 'Trang “survey”: cột “appearance” không áp dụng cho nhóm (begin group) nên bị bỏ qua ở các dòng 2, 5, 12, 23, 30, 38, 45, 51, 59' },
      { sheet: 'settings', row: 2, column: 'style', message: 'Trang “settings”, dòng 2: thiết lập “style” = “pages” chưa được hỗ trợ nên bị bỏ qua' },
    ]);
  });
});

describe('readXlsForm: B and C forms are refused, every unsupported row named', () => {
  /** The rows refused for their type: exactly pyxform's out-of-scope rows, each message naming sheet, row and type. */
  async function typeIssues(name: string) {
    const issues = refused(await read(name));
    const byType = issues.filter((issue) => issue.column === 'type');
    const expected = pyxformReading(name).outOfScope;
    expect(byType.map((issue) => issue.row)).toEqual([...expected.keys()]);
    for (const issue of byType) {
      expect(issue.sheet).toBe('survey');
      expect(issue.message).toContain(`Trang “survey”, dòng ${issue.row}: `);
      expect(issue.message).toContain(`“${(expected.get(issue.row as number) ?? '').split(/\s+/).join(' ')}`);
    }
    return { issues, byType };
  }

  it('B1: photo, geopoint and the metadata rows start, end, today, imei, phonenumber; removing them imports the rest', async () => {
    const { issues, byType } = await typeIssues(B1);
    expect(issues).toEqual(byType);
    expect(byType.map((issue) => issue.message)).toEqual([
      'Trang “survey”, dòng 5: câu hỏi ảnh, âm thanh, video hoặc tệp (“photo”) không được hỗ trợ',
      'Trang “survey”, dòng 7: câu hỏi tọa độ, bản đồ (“geopoint”) không được hỗ trợ',
      'Trang “survey”, dòng 14: trường siêu dữ liệu tự động (“start”) không được hỗ trợ',
      'Trang “survey”, dòng 15: trường siêu dữ liệu tự động (“end”) không được hỗ trợ',
      'Trang “survey”, dòng 16: trường siêu dữ liệu tự động (“today”) không được hỗ trợ',
      'Trang “survey”, dòng 17: trường siêu dữ liệu tự động (“imei”) không được hỗ trợ',
      'Trang “survey”, dòng 18: trường siêu dữ liệu tự động (“phonenumber”) không được hỗ trợ',
    ]);
    const rest = accepted(await readXlsForm(await withoutRows(fixture(`${B1}.xlsx`), 'survey', [5, 7, 14, 15, 16, 17, 18]), { fallbackTitle: B1 }));
    const kept = pyxformReading(B1).elements.filter((element) => !['photo', 'geopoint', 'start', 'end', 'today', 'deviceid', 'phonenumber'].includes(element.type));
    expect(asPyxform(rest.form).map(({ path, type }) => ({ path, type }))).toEqual(kept.map(({ path, type }) => ({ path, type })));
    const age = formQuestions(rest.form).find(({ question }) => question.name === 'age')?.question;
    expect(age).toMatchObject({ required: true, constraint: '${age} > 0 and ${age} < 120', constraintMessage: { '': "That's not a valid age!" } });
    expect(rest.form.choiceLists.pizza_toppings).toHaveLength(6);
    // the choices sheet spells `list name`; its empty `image` column keeps nothing; `default` and `calculation` are empty
    expect(rest.warnings).toEqual([]);
  });

  it('B3: the legacy `select one from`/`select all that apply from` spellings, image and geopoint; English and Arabic labels (`label:English`)', async () => {
    const { issues, byType } = await typeIssues(B3);
    expect(issues).toEqual(byType);
    expect(byType.find((issue) => issue.row === 5)?.message).toBe('Trang “survey”, dòng 5: cách viết cũ “select one from yes_no” không được hỗ trợ; hãy viết “select_one yes_no”');
    expect(byType.find((issue) => issue.row === 7)?.message).toBe('Trang “survey”, dòng 7: cách viết cũ “select all that apply from browsers” không được hỗ trợ; hãy viết “select_multiple browsers”');
    const rest = accepted(await readXlsForm(await withoutRows(fixture(`${B3}.xlsx`), 'survey', [4, 5, 6, 7]), { fallbackTitle: B3 }));
    expect(rest.form).toMatchObject({ defaultLanguage: 'English', languages: ['English', 'Arabic'] });
    expect(rest.form.items[0]).toMatchObject({ name: 'name', label: { English: '1. What is your name?', Arabic: '1. ما هو اسمك؟' } });
    expect(rest.form.choiceLists.yes_no).toEqual([
      { name: '0', label: { English: 'no', Arabic: 'لا' } },
      { name: '1', label: { English: 'yes', Arabic: 'نعم' } },
    ]);
  });

  it('C1: or_other is refused naming sheet, row and feature', async () => {
    const { issues } = await typeIssues(C1);
    expect(issues).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message:
          'Trang “survey”, dòng 2: tùy chọn or_other (tự thêm lựa chọn “Khác”) trong “select_one colors or_other” không được hỗ trợ; hãy thêm lựa chọn other vào danh sách và một câu hỏi text có relevant',
      },
    ]);
  });

  it('C2: repeats (begin and end), calculate, select_one_from_file, image, geopoint, start/end/deviceid; rows that refer to them are named too', async () => {
    const { issues, byType } = await typeIssues(C2);
    const repeats = byType.filter((issue) => issue.message.includes('nhóm lặp'));
    expect(repeats.map((issue) => issue.row)).toEqual([32, 43, 51, 53, 56, 69, 72, 78, 80, 86]);
    expect(byType.find((issue) => issue.row === 17)?.message).toBe(
      'Trang “survey”, dòng 17: danh sách lựa chọn lấy từ tệp ngoài (“select_one_from_file UCL_districts.csv”) không được hỗ trợ; hãy đưa các lựa chọn vào trang choices',
    );
    expect(byType.find((issue) => issue.row === 26)?.message).toBe('Trang “survey”, dòng 26: trường tính toán (“calculate”) không được hỗ trợ');
    const others = issues.filter((issue) => issue.column !== 'type');
    expect(others.map((issue) => [issue.row, issue.column])).toEqual([
      [36, 'relevant'],
      [38, 'constraint'],
      [45, 'constraint'],
      [49, 'required'],
      [58, 'relevant'],
      [60, 'constraint'],
      [74, 'relevant'],
      [82, 'relevant'],
    ]);
    expect(others[1]?.message).toBe('Trang “survey”, dòng 38: cột constraint nhắc tới ${slope_radius} là dòng 26 (kiểu “calculate”) không được hỗ trợ');
    expect(others[3]?.message).toContain('required “${health_id}=‘dead’”');
  });

  it('C3: the survey sheet is found last among unrelated sheets; its calculate rows and metadata are named; removing them imports the rest', async () => {
    const { issues, byType } = await typeIssues(C3);
    expect(issues).toEqual(byType);
    expect(byType.map((issue) => issue.message)).toEqual([
      'Trang “survey”, dòng 2: trường siêu dữ liệu tự động (“start”) không được hỗ trợ',
      'Trang “survey”, dòng 3: trường siêu dữ liệu tự động (“end”) không được hỗ trợ',
      'Trang “survey”, dòng 12: trường tính toán (“calculate”) không được hỗ trợ',
      'Trang “survey”, dòng 13: trường tính toán (“calculate”) không được hỗ trợ',
      'Trang “survey”, dòng 14: trường tính toán (“calculate”) không được hỗ trợ',
    ]);
    const rest = accepted(await readXlsForm(await withoutRows(fixture(`${C3}.xlsx`), 'survey', [2, 3, 12, 13, 14]), { fallbackTitle: C3 }));
    const kept = pyxformReading(C3).elements.filter((element) => !['start', 'end', 'calculate'].includes(element.type));
    expect(asPyxform(rest.form)).toEqual(comparable(kept));
    expect(rest.form).toMatchObject({ formVersion: 'vw6VTbhmVCMEtuN7LhcmjP', defaultLanguage: 'Deutsch (de)', languages: ['Deutsch (de)', 'English (en)'] });
    // the plain constraint_message column is in the default language, as pyxform reads it
    const email = formQuestions(rest.form).find(({ question }) => question.name === 'email_address')?.question as TQuestion;
    expect(email.constraintMessage).toEqual({ 'Deutsch (de)': 'Please specify a valid email address.' });
  });
});

describe('readXlsForm: a small Vietnamese form', () => {
  const survey = [
    [' type ', 'name', 'label::Tiếng Việt', 'label::English', 'hint::Tiếng Việt', 'required', 'relevant', 'constraint', 'constraint message::Tiếng Việt', 'choice_filter', 'sensitive', 'default'],
    ['begin_group', 'thong_tin', 'Thông tin chung', 'General', '', '', '', '', '', '', '', ''],
    ['integer', 'tuoi', 'Tuổi của ông/bà', 'Age', 'Tính theo năm dương lịch'.normalize('NFD'), 'TRUE()', '', '. >= 18 and . <= 120', 'Tuổi phải từ 18 đến 120', '', '', '30'],
    ['select_one ton_giao', 'ton_giao', 'Tôn giáo', 'Religion', '', '', '', '', '', '', 'yes', ''],
    ['End Group', '', '', '', '', '', '', '', '', '', '', ''],
    ['select_one xa', 'xa', 'Xã', 'Commune', '', '1', '', '', '', '', '', ''],
    ['select_multiple van_de', 'van_de', 'Những vấn đề bức xúc', 'Issues', '', '', '${tuoi} >= 18', '', '', '', '', ''],
    ['select_one thon', 'thon', 'Thôn', 'Village', '', '', '', '', '', 'xa = ${xa}', '', ''],
  ];
  const choices = [
    ['list name', ' name ', 'label::Tiếng Việt', 'label::English', 'xa'],
    ['ton_giao', 'khong', 'Không theo tôn giáo nào', 'None', ''],
    ['ton_giao', 'phat_giao', 'Phật giáo', 'Buddhism', ''],
    ['xa', 'tan_lap', 'Tân Lập', 'Tan Lap', ''],
    ['van_de', 'dat_dai', 'Đất đai', 'Land', ''],
    ['van_de', 'moi_truong', 'Ô nhiễm môi trường', 'Pollution', ''],
    ['thon', 'thon_1', 'Thôn 1', 'Village 1', 'tan_lap'],
  ];
  const settings = [
    ['form_title', 'form_id', 'version', 'default_language'],
    ['Khảo sát ý kiến nhân dân về công tác dân vận', 'khao_sat_dan_van', '2025.1', 'Tiếng Việt'],
  ];

  it('reads sheets by name (an unrelated first sheet, " Settings "), stray header spaces, `list name`, labels in NFC', async () => {
    const data = await workbook({ 'Hướng dẫn': [['Điền vào trang survey']], Survey: survey, choices, ' Settings ': settings });
    const { form, warnings } = accepted(await readXlsForm(data));
    expect(form).toMatchObject({ title: 'Khảo sát ý kiến nhân dân về công tác dân vận', formId: 'khao_sat_dan_van', formVersion: '2025.1', defaultLanguage: 'Tiếng Việt', languages: ['Tiếng Việt', 'English'] });
    const [group] = form.items;
    expect(group).toMatchObject({ kind: 'group', name: 'thong_tin', label: { 'Tiếng Việt': 'Thông tin chung', English: 'General' }, row: 2 });
    const byName = Object.fromEntries(formQuestions(form).map(({ question }) => [question.name, question]));
    expect(byName.tuoi).toEqual({
      kind: 'question',
      type: 'integer',
      name: 'tuoi',
      label: { 'Tiếng Việt': 'Tuổi của ông/bà', English: 'Age' },
      hint: { 'Tiếng Việt': 'Tính theo năm dương lịch' },
      required: true,
      constraint: '. >= 18 and . <= 120',
      constraintMessage: { 'Tiếng Việt': 'Tuổi phải từ 18 đến 120' },
      row: 3,
    });
    expect(byName.tuoi?.hint?.['Tiếng Việt']).toBe('Tính theo năm dương lịch'.normalize('NFC'));
    expect(byName.ton_giao).toMatchObject({ sensitive: true, listName: 'ton_giao' });
    expect(byName.xa?.required).toBe(true);
    expect(byName.thon?.choiceFilter).toBe('xa = ${xa}');
    expect(form.choiceLists.thon).toEqual([{ name: 'thon_1', label: { 'Tiếng Việt': 'Thôn 1', English: 'Village 1' }, filters: { xa: 'tan_lap' } }]);
    // the sheet is named as the workbook writes it, so that the user finds it
    expect(warnings).toEqual([{ sheet: 'Survey', row: null, column: 'default', message: 'Trang “Survey”: cột “default” chưa được hỗ trợ nên bị bỏ qua ở các dòng 3' }]);
  });

  it('names every problem with its row: duplicate name, missing list, unknown ${name}, unbalanced groups, required by expression', async () => {
    const broken = [
      ['type', 'name', 'label', 'required', 'relevant'],
      ['begin group', 'a', 'Phần A', '', ''],
      ['text', 'ho_ten', 'Họ và tên', '', ''],
      ['integer', 'ho_ten', 'Tuổi', '${ho_ten} != ""', ''],
      ['select_one khong_co', 'q3', 'Câu 3', '', '${ghost} = 1'],
      ['end group', '', '', '', ''],
      ['end group', '', '', '', ''],
      ['begin group', 'b', 'Phần B', '', ''],
      ['note', '', 'Ghi chú', '', ''],
    ];
    const issues = refused(await readXlsForm(await workbook({ survey: broken, settings: [['form_title'], ['Phiếu lỗi']] })));
    expect(issues.map((issue) => issue.message)).toEqual([
      'Trang “survey”, dòng 4: tên “ho_ten” đã dùng ở dòng 3; tên câu hỏi, ghi chú và nhóm phải khác nhau',
      'Trang “survey”, dòng 4: giá trị required “${ho_ten} != ""” không được hỗ trợ (chỉ yes/no, true/false, 1/0); required theo biểu thức không được hỗ trợ',
      'Trang “survey”, dòng 5: danh sách lựa chọn “khong_co” của “q3” không có trong trang choices',
      'Trang “survey”, dòng 5: cột relevant nhắc tới ${ghost} nhưng biểu mẫu không có câu hỏi nào tên như vậy',
      'Trang “survey”, dòng 7: “end group” không có dòng begin group tương ứng',
      'Trang “survey”, dòng 8: nhóm “b” (“begin group”) không có dòng end group tương ứng',
      'Trang “survey”, dòng 9: thiếu tên (cột name) cho “note”',
    ]);
  });

  it('refuses a file that is not an .xlsx, and a workbook without a survey sheet', async () => {
    expect(await readXlsForm(Buffer.from('type,name\ntext,a\n'))).toEqual({ ok: false, issues: [{ sheet: '', row: null, message: 'Không đọc được tệp XLSForm (.xlsx). Hãy lưu lại tệp bằng Excel dưới dạng .xlsx.' }] });
    expect(await readXlsForm(await workbook({ surveys: [['type'], ['text']] }))).toEqual({
      ok: false,
      issues: [{ sheet: 'survey', row: null, message: 'Tệp XLSForm không có trang “survey” (danh sách câu hỏi).' }],
    });
  });

  it('a plain `label` beside `label::X` when X is the default language is a conflict; a missing title without fallback is named', async () => {
    const issues = refused(
      await readXlsForm(await workbook({ survey: [['type', 'name', 'label', 'label::Tiếng Việt'], ['text', 'a', 'A', 'A']], settings: [['default_language'], ['Tiếng Việt']] })),
    );
    expect(issues.map((issue) => issue.message)).toEqual([
      'Trang “survey”, dòng 1: cột “label” và cột “label::Tiếng Việt” cùng là ngôn ngữ “Tiếng Việt” (ngôn ngữ mặc định của biểu mẫu)',
      'Trang “settings”: thiếu tên biểu mẫu (form_title)',
    ]);
  });
});
