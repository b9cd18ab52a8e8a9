import { describe, expect, it } from 'vitest';
import { type TSurveyForm, ZSurveyForm } from '#contracts/surveys/form.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { readXlsForm } from './read.ts';
import { writeXlsForm } from './write.ts';
import { fixture, withoutRowNumbers } from './xlsform.fixtures.ts';

async function roundTrip(form: TSurveyForm) {
  const reading = await readXlsForm(await writeXlsForm(form));
  if (!reading.ok) throw new Error(reading.issues.map((issue) => issue.message).join('\n'));
  expect(reading.warnings).toEqual([]);
  return reading.form;
}

async function imported(file: string) {
  const reading = await readXlsForm(fixture(file));
  if (!reading.ok) throw new Error('refused');
  return reading.form;
}

/** Header row and body of each sheet of a written workbook. */
async function sheetsOf(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: string[][] = [];
      sheet.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')));
      });
      return [sheet.name, rows];
    }),
  );
}

/** A questionnaire in Vietnamese and English, built as the UI would (no row numbers), labels NFC. */
const VIETNAMESE: TSurveyForm = {
  title: 'Phiếu khảo sát ý kiến nhân dân về công tác dân vận năm 2025',
  formId: 'khao_sat_dan_van_2025',
  formVersion: '1',
  defaultLanguage: 'Tiếng Việt (vi)',
  languages: ['Tiếng Việt (vi)', 'English (en)'],
  items: [
    {
      kind: 'group',
      name: 'nguoi_tra_loi',
      label: { 'Tiếng Việt (vi)': 'Thông tin người trả lời', 'English (en)': 'Respondent' },
      hint: { 'Tiếng Việt (vi)': 'Không ghi họ tên' },
      items: [
        { kind: 'note', name: 'gioi_thieu', label: { 'Tiếng Việt (vi)': 'Phiếu này không ghi tên người trả lời.', 'English (en)': 'This form is anonymous.' } },
        {
          kind: 'question',
          type: 'integer',
          name: 'tuoi',
          label: { 'Tiếng Việt (vi)': 'Ông/bà bao nhiêu tuổi?', 'English (en)': 'How old are you?' },
          required: true,
          requiredMessage: { 'Tiếng Việt (vi)': 'Xin cho biết tuổi' },
          constraint: '. >= 18 and . <= 120',
          constraintMessage: { 'Tiếng Việt (vi)': 'Tuổi phải từ 18 đến 120', 'English (en)': 'Age must be 18 to 120' },
        },
        {
          kind: 'question',
          type: 'select_one',
          name: 'ton_giao',
          listName: 'ton_giao',
          label: { 'Tiếng Việt (vi)': 'Tôn giáo của ông/bà', 'English (en)': 'Religion' },
          required: false,
          sensitive: true,
        },
      ],
    },
    {
      kind: 'question',
      type: 'select_multiple',
      name: 'kenh_tiep_xuc',
      listName: 'kenh',
      label: { 'Tiếng Việt (vi)': 'Ông/bà thường phản ánh ý kiến qua những kênh nào?' },
      hint: { 'Tiếng Việt (vi)': 'Có thể chọn nhiều ý', 'English (en)': 'Several answers possible' },
      required: true,
      appearance: 'minimal',
    },
    {
      kind: 'question',
      type: 'text',
      name: 'kenh_khac',
      label: { 'Tiếng Việt (vi)': 'Kênh khác (ghi rõ)' },
      required: false,
      relevant: "selected(${kenh_tiep_xuc}, 'khac')",
    },
    { kind: 'question', type: 'select_one', name: 'xa', listName: 'xa', label: { 'Tiếng Việt (vi)': 'Xã' }, required: true },
    { kind: 'question', type: 'select_one', name: 'thon', listName: 'thon', label: { 'Tiếng Việt (vi)': 'Thôn, tổ dân phố' }, required: true, choiceFilter: 'xa = ${xa}' },
    { kind: 'question', type: 'date', name: 'ngay', label: { 'Tiếng Việt (vi)': 'Ngày trả lời' }, required: false },
    { kind: 'question', type: 'decimal', name: 'thu_nhap', label: { 'Tiếng Việt (vi)': 'Thu nhập bình quân (triệu đồng/tháng)' }, required: false },
  ],
  choiceLists: {
    ton_giao: [
      { name: 'khong', label: { 'Tiếng Việt (vi)': 'Không theo tôn giáo nào', 'English (en)': 'None' } },
      { name: 'phat_giao', label: { 'Tiếng Việt (vi)': 'Phật giáo', 'English (en)': 'Buddhism' } },
      { name: 'cong_giao', label: { 'Tiếng Việt (vi)': 'Công giáo', 'English (en)': 'Catholicism' } },
    ],
    kenh: [
      { name: 'hop_thon', label: { 'Tiếng Việt (vi)': 'Họp thôn, tổ dân phố' } },
      { name: 'tiep_dan', label: { 'Tiếng Việt (vi)': 'Tiếp công dân' } },
      { name: 'khac', label: { 'Tiếng Việt (vi)': 'Khác' } },
    ],
    xa: [
      { name: 'tan_lap', label: { 'Tiếng Việt (vi)': 'Xã Tân Lập' } },
      { name: 'dong_tam', label: { 'Tiếng Việt (vi)': 'Xã Đồng Tâm' } },
    ],
    thon: [
      { name: 'thon_1', label: { 'Tiếng Việt (vi)': 'Thôn 1' }, filters: { xa: 'tan_lap' } },
      { name: 'thon_1', label: { 'Tiếng Việt (vi)': 'Thôn 1' }, filters: { xa: 'dong_tam' } },
      { name: '2', label: { 'Tiếng Việt (vi)': 'Thôn Đông' }, filters: { xa: 'dong_tam', vung: 'nui' } },
    ],
    chua_dung: [{ name: 'x', label: {} }],
  },
};

describe('writeXlsForm: readXlsForm(writeXlsForm(form)) gives the form back (row numbers aside)', () => {
  it.each(['A1_cascading_select__pyxform.xlsx', 'A2_needs_survey_de__correlaid.xlsx'])('%s', async (file) => {
    const form = await imported(file);
    expect(withoutRowNumbers(await roundTrip(form))).toEqual(withoutRowNumbers(form));
  });

  it('a Vietnamese form built in the UI: two languages, groups with hints, messages, sensitive, a cascade with repeated names and a second filter', async () => {
    expect(ZSurveyForm.parse(VIETNAMESE)).toEqual(VIETNAMESE);
    for (const text of JSON.stringify(VIETNAMESE).match(/[^ -~\s]+/g) ?? []) expect(text).toBe(text.normalize('NFC'));
    expect(withoutRowNumbers(await roundTrip(VIETNAMESE))).toEqual(VIETNAMESE);
  });

  it('writes label::Language columns (plain `label` for the default language ""), settings and allow_choice_duplicates when a list repeats a name', async () => {
    const sheets = await sheetsOf(await writeXlsForm(VIETNAMESE));
    expect(Object.keys(sheets)).toEqual(['survey', 'choices', 'settings']);
    expect(sheets.survey?.[0]).toEqual([
      'type',
      'name',
      'label::Tiếng Việt (vi)',
      'label::English (en)',
      'hint::Tiếng Việt (vi)',
      'hint::English (en)',
      'required',
      'required_message::Tiếng Việt (vi)',
      'relevant',
      'constraint',
      'constraint_message::Tiếng Việt (vi)',
      'constraint_message::English (en)',
      'choice_filter',
      'appearance',
      'sensitive',
    ]);
    expect(sheets.survey?.map((row) => row[0])).toEqual(['type', 'begin group', 'note', 'integer', 'select_one ton_giao', 'end group', 'select_multiple kenh', 'text', 'select_one xa', 'select_one thon', 'date', 'decimal']);
    expect(sheets.choices?.[0]).toEqual(['list_name', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)', 'xa', 'vung']);
    expect(sheets.settings).toEqual([
      ['form_title', 'form_id', 'version', 'default_language', 'allow_choice_duplicates'],
      ['Phiếu khảo sát ý kiến nhân dân về công tác dân vận năm 2025', 'khao_sat_dan_van_2025', '1', 'Tiếng Việt (vi)', 'yes'],
    ]);

    const plain: TSurveyForm = { title: 'Phiếu ngắn', defaultLanguage: '', languages: ['', 'English'], items: [{ kind: 'question', type: 'text', name: 'y_kien', label: { '': 'Ý kiến khác', English: 'Other' }, required: false }], choiceLists: {} };
    const written = await sheetsOf(await writeXlsForm(plain));
    expect(written.survey?.[0]).toEqual(['type', 'name', 'label', 'label::English']);
    expect(written.settings).toEqual([['form_title'], ['Phiếu ngắn']]);
    expect(withoutRowNumbers(await roundTrip(plain))).toEqual(plain);
  });
});
