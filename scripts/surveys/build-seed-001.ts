import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TChoice, TFormItem, TGroup, TQuestion, TSurveyForm } from '#contracts/surveys/form.ts';
import { uuidv7 } from '#contracts/uuidv7.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';

/**
 * Seed 001 (report 235-BC/BDVTU, Quảng Trị, 14/12/2018): its questionnaire rebuilt as an XLSForm and 131 sample
 * responses whose counts give the report's percentages wherever a count out of 131 can (docs/design/survey-seed-001.md
 * lists every figure, the count chosen and the figures no count out of 131 gives).
 *
 *   node --import tsx scripts/surveys/build-seed-001.ts
 *
 * rewrites resources/surveys/seed-001/{phieu-khao-sat-2018.xlsx, responses.json, responses-kobo.csv}. Everything is
 * deterministic (a seeded generator, fixed ids and times): a rebuild gives the same JSON and CSV byte for byte and the
 * same cells in the .xlsx (rewritten only when they change: its zip carries the time of writing), which
 * scripts/surveys/seed-001.test.ts checks.
 */

export const OUT_DIR = new URL('../../resources/surveys/seed-001/', import.meta.url);
export const XLSX_FILE = new URL('phieu-khao-sat-2018.xlsx', OUT_DIR);
export const RESPONSES_FILE = new URL('responses.json', OUT_DIR);
export const KOBO_CSV_FILE = new URL('responses-kobo.csv', OUT_DIR);

/** The report's base: "131 phiếu". */
export const SEED_001_FORMS = 131;

// ---------------------------------------------------------------------------------------------------------------
// The questionnaire (XLSForm rows). Plain `label` column, default_language empty.

export type SurveyRow = {
  type: string;
  name: string;
  label: string;
  hint?: string;
  required?: 'yes';
  relevant?: string;
  constraint?: string;
  constraint_message?: string;
  choice_filter?: string;
  appearance?: string;
};
export type ChoiceRow = { list_name: string; name: string; label: string; cap?: string };

const MANY = 'Có thể chọn nhiều phương án.';

export const SURVEY_ROWS: SurveyRow[] = [
  {
    type: 'note',
    name: 'gioi_thieu',
    label:
      'Phiếu điều tra xã hội học về việc xây dựng và hoạt động của các mô hình dân vận ở cơ sở (Ban Dân vận Tỉnh ủy Quảng Trị, năm 2018). Phiếu không ghi tên người trả lời; xin anh/chị đánh dấu vào phương án phù hợp.',
  },
  { type: 'begin_group', name: 'thong_tin', label: 'I. Thông tin về người trả lời' },
  { type: 'select_one dia_phuong', name: 'dia_phuong', label: 'Anh/chị công tác tại địa phương nào?', required: 'yes' },
  { type: 'select_one cap', name: 'cap_cong_tac', label: 'Anh/chị công tác ở cấp nào?', required: 'yes' },
  {
    type: 'select_one doi_tuong',
    name: 'doi_tuong',
    label: 'Anh/chị thuộc đối tượng nào?',
    required: 'yes',
    choice_filter: 'cap = ${cap_cong_tac}',
  },
  { type: 'select_one co_khong', name: 'dang_vien', label: 'Anh/chị có phải là đảng viên không?', required: 'yes' },
  { type: 'select_one gioi_tinh', name: 'gioi_tinh', label: 'Giới tính' },
  {
    type: 'integer',
    name: 'tuoi',
    label: 'Tuổi',
    required: 'yes',
    constraint: '. >= 18 and . <= 70',
    constraint_message: 'Tuổi phải từ 18 đến 70.',
  },
  {
    type: 'integer',
    name: 'so_nam_cong_tac',
    label: 'Số năm công tác ở cơ sở',
    constraint: '. >= 0 and . <= ${tuoi} - 16',
    constraint_message: 'Số năm công tác phải từ 0 và không quá tuổi trừ 16.',
  },
  { type: 'date', name: 'ngay_tra_loi', label: 'Ngày trả lời phiếu', constraint: '. <= today()', constraint_message: 'Ngày trả lời phiếu không thể ở tương lai.' },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'quan_triet', label: 'II. Việc quán triệt, triển khai các chủ trương về công tác dân vận' },
  {
    type: 'select_one muc_do_quan_triet',
    name: 'quan_triet_nghi_quyet',
    label:
      'Các nghị quyết, chỉ thị của Trung ương, của tỉnh và của địa phương về công tác dân vận đã được quán triệt, triển khai đến cán bộ, đảng viên, công chức, viên chức, đoàn viên, hội viên và người lao động ở mức nào?',
    required: 'yes',
  },
  { type: 'select_one trach_nhiem', name: 'trach_nhiem_dan_van', label: 'Theo anh/chị, công tác dân vận là trách nhiệm của ai?', required: 'yes' },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'chinh_quyen', label: 'III. Công tác dân vận chính quyền' },
  {
    type: 'select_multiple kenh_lay_y_kien',
    name: 'lay_y_kien',
    label:
      'Trước khi ban hành các chủ trương, chính sách, chương trình phát triển kinh tế - xã hội, chính quyền địa phương lấy ý kiến nhân dân bằng hình thức nào?',
    hint: MANY,
    required: 'yes',
    constraint: "not(selected(., 'khong_lay_y_kien') and count-selected(.) > 1)",
    constraint_message: 'Đã chọn «Không lấy ý kiến nhân dân» thì không chọn thêm hình thức khác.',
  },
  {
    type: 'select_one danh_gia_chinh_sach',
    name: 'chinh_sach_phu_hop',
    label:
      'Anh/chị đánh giá thế nào về sự phù hợp và hiệu quả của các chủ trương, chính sách ở địa phương đối với đời sống nhân dân và sự phát triển kinh tế - xã hội của địa phương?',
    required: 'yes',
  },
  {
    type: 'text',
    name: 'ly_do_chua_dong_tinh',
    label: 'Vì sao anh/chị cho là chưa phù hợp, chưa được nhân dân đồng tình?',
    required: 'yes',
    relevant: "${chinh_sach_phu_hop} = 'chua_dong_tinh'",
  },
  {
    type: 'select_one ung_ho',
    name: 'tham_ho_gia_dinh',
    label:
      'Anh/chị có ủng hộ việc Bí thư Đảng ủy, Chủ tịch UBND hoặc cán bộ chủ chốt của xã, phường, thị trấn thường xuyên đến thăm hỏi, động viên tận hộ gia đình, cơ sở sản xuất, kinh doanh nhỏ, lẻ của người dân ở khu dân cư không?',
    required: 'yes',
  },
  {
    type: 'select_one dong_tinh',
    name: 'bi_thu_kiem_truong_thon',
    label: 'Anh/chị có đồng tình với việc bố trí Bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố không?',
  },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'to_dan_van', label: 'IV. Tổ dân vận thôn, bản, khu phố' },
  {
    type: 'select_one hieu_qua',
    name: 'hieu_qua_to_dan_van',
    label: 'Anh/chị đánh giá hoạt động của Tổ dân vận thôn, bản, khu phố ở địa phương như thế nào?',
    required: 'yes',
  },
  {
    type: 'select_one duy_tri',
    name: 'duy_tri_to_dan_van',
    label: 'Theo anh/chị, có nên tiếp tục duy trì Tổ dân vận thôn, bản, khu phố không?',
    required: 'yes',
  },
  {
    type: 'text',
    name: 'de_xuat_to_dan_van',
    label: 'Đề xuất của anh/chị về mô hình tổ chức ở thôn, bản, khu phố',
    relevant: "${duy_tri_to_dan_van} != 'nen_duy_tri'",
  },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'buc_xuc', label: 'V. Những vấn đề gây bức xúc trong nhân dân' },
  {
    type: 'select_multiple van_de',
    name: 'van_de_buc_xuc',
    label: 'Những vấn đề nào đang gây bức xúc trong nhân dân, cần chính quyền chỉ đạo và tập trung giải quyết?',
    hint: MANY,
    required: 'yes',
    constraint: "not(selected(., 'khong_co') and count-selected(.) > 1)",
    constraint_message: 'Đã chọn «Không có vấn đề gây bức xúc» thì không chọn thêm vấn đề khác.',
  },
  { type: 'text', name: 'van_de_khac', label: 'Vấn đề khác (ghi rõ)', required: 'yes', relevant: "selected(${van_de_buc_xuc}, 'khac')" },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'hop_dan', label: 'VI. Họp dân, tiếp xúc cử tri' },
  {
    type: 'select_multiple tham_gia',
    name: 'tham_gia_hop_dan',
    label: 'Người dân ở địa phương tham gia họp dân, tiếp xúc cử tri như thế nào?',
    hint: MANY,
    required: 'yes',
    constraint: "not(selected(., 'dong_du') and count-selected(.) > 1)",
    constraint_message: 'Đã chọn «Đông đủ» thì không chọn thêm phương án khác.',
  },
  {
    type: 'select_multiple nguyen_nhan',
    name: 'nguyen_nhan_it_tham_gia',
    label: 'Theo anh/chị, vì sao người dân ít tham gia họp dân, tiếp xúc cử tri?',
    hint: MANY,
    relevant: "not(selected(${tham_gia_hop_dan}, 'dong_du'))",
  },
  { type: 'end_group', name: '', label: '' },

  { type: 'begin_group', name: 'de_xuat', label: 'VII. Kiến nghị, đề xuất' },
  { type: 'text', name: 'kien_nghi', label: 'Kiến nghị, đề xuất của anh/chị (nếu có)', appearance: 'multiline' },
  { type: 'end_group', name: '', label: '' },
];

export const CHOICE_ROWS: ChoiceRow[] = [
  { list_name: 'dia_phuong', name: 'hai_lang', label: 'Huyện Hải Lăng' },
  { list_name: 'dia_phuong', name: 'dakrong', label: 'Huyện Đakrông' },
  { list_name: 'dia_phuong', name: 'dong_ha', label: 'Thành phố Đông Hà' },

  { list_name: 'cap', name: 'xa', label: 'Xã, phường, thị trấn' },
  { list_name: 'cap', name: 'thon', label: 'Thôn, bản, khu phố' },

  { list_name: 'doi_tuong', name: 'cbcc', label: 'Cán bộ, công chức cấp xã', cap: 'xa' },
  { list_name: 'doi_tuong', name: 'khong_chuyen_trach', label: 'Người hoạt động không chuyên trách cấp xã', cap: 'xa' },
  { list_name: 'doi_tuong', name: 'can_bo_thon', label: 'Cán bộ thôn, bản, khu phố', cap: 'thon' },
  { list_name: 'doi_tuong', name: 'hoi_vien', label: 'Đoàn viên, hội viên các đoàn thể', cap: 'thon' },
  { list_name: 'doi_tuong', name: 'nguoi_dan', label: 'Người dân', cap: 'thon' },

  { list_name: 'co_khong', name: 'co', label: 'Có' },
  { list_name: 'co_khong', name: 'khong', label: 'Không' },

  { list_name: 'gioi_tinh', name: 'nam', label: 'Nam' },
  { list_name: 'gioi_tinh', name: 'nu', label: 'Nữ' },

  { list_name: 'muc_do_quan_triet', name: 'day_du', label: 'Đầy đủ' },
  { list_name: 'muc_do_quan_triet', name: 'mot_phan', label: 'Một phần' },
  { list_name: 'muc_do_quan_triet', name: 'chua', label: 'Chưa được quán triệt' },

  { list_name: 'trach_nhiem', name: 'he_thong_chinh_tri', label: 'Trách nhiệm chung của cả hệ thống chính trị' },
  { list_name: 'trach_nhiem', name: 'rieng_dan_van', label: 'Riêng của Ban Dân vận, Mặt trận và các đoàn thể' },

  { list_name: 'kenh_lay_y_kien', name: 'ho_dan', label: 'Đến từng hộ dân' },
  { list_name: 'kenh_lay_y_kien', name: 'thon_ban', label: 'Đến thôn, bản, khu phố' },
  { list_name: 'kenh_lay_y_kien', name: 'hdnd_ubnd', label: 'Thông qua HĐND, UBND hoặc cán bộ chủ chốt của khu phố, thôn, bản' },
  { list_name: 'kenh_lay_y_kien', name: 'khong_lay_y_kien', label: 'Không lấy ý kiến nhân dân' },

  { list_name: 'danh_gia_chinh_sach', name: 'phu_hop', label: 'Phù hợp, hiệu quả cao, được nhân dân đồng tình' },
  { list_name: 'danh_gia_chinh_sach', name: 'chua_dong_tinh', label: 'Chưa phù hợp, chưa được nhân dân đồng tình' },

  { list_name: 'ung_ho', name: 'ung_ho', label: 'Ủng hộ' },
  { list_name: 'ung_ho', name: 'khong_ung_ho', label: 'Không ủng hộ' },
  { list_name: 'ung_ho', name: 'khong_y_kien', label: 'Không có ý kiến' },

  { list_name: 'dong_tinh', name: 'dong_tinh', label: 'Đồng tình' },
  { list_name: 'dong_tinh', name: 'khong_dong_tinh', label: 'Không đồng tình' },
  { list_name: 'dong_tinh', name: 'khong_y_kien', label: 'Không có ý kiến' },

  { list_name: 'hieu_qua', name: 'hieu_qua', label: 'Hoạt động có hiệu quả, sát với cơ sở' },
  { list_name: 'hieu_qua', name: 'binh_thuong', label: 'Bình thường' },
  { list_name: 'hieu_qua', name: 'chua_hieu_qua', label: 'Chưa hiệu quả, còn hình thức' },

  { list_name: 'duy_tri', name: 'nen_duy_tri', label: 'Nên tồn tại và phát huy hoạt động' },
  { list_name: 'duy_tri', name: 'sap_nhap', label: 'Nên sáp nhập với Ban công tác Mặt trận và các ban ở khu dân cư thành Tổ tự quản' },
  { list_name: 'duy_tri', name: 'khong_can', label: 'Không cần thiết' },

  { list_name: 'van_de', name: 'thu_tuc_hanh_chinh', label: 'Thủ tục hành chính' },
  { list_name: 'van_de', name: 'dat_dai', label: 'Các vấn đề liên quan đến đất đai' },
  { list_name: 'van_de', name: 'tiep_cong_dan', label: 'Việc tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo' },
  { list_name: 'van_de', name: 'chuong_trinh_du_an', label: 'Hiệu quả của các chương trình, dự án' },
  { list_name: 'van_de', name: 'khac', label: 'Vấn đề khác' },
  { list_name: 'van_de', name: 'khong_co', label: 'Không có vấn đề gây bức xúc' },

  { list_name: 'tham_gia', name: 'dong_du', label: 'Đông đủ (trên 70%)' },
  { list_name: 'tham_gia', name: 'trung_binh', label: 'Ở mức trung bình (đạt trên dưới 50%)' },
  {
    list_name: 'tham_gia',
    name: 'khi_co_quyen_loi',
    label: 'Chủ yếu tham gia khi có quyền lợi liên quan hoặc có bức xúc, kiến nghị, khiếu nại cần được giải quyết',
  },
  { list_name: 'tham_gia', name: 'chu_yeu_can_bo', label: 'Chủ yếu là cán bộ ở thôn, bản, khu phố tham gia' },

  { list_name: 'nguyen_nhan', name: 'noi_dung_it_lien_quan', label: 'Nội dung họp ít liên quan đến quyền và lợi ích của người dân' },
  { list_name: 'nguyen_nhan', name: 'cham_giai_quyet', label: 'Ý kiến, kiến nghị của người dân ít được giải quyết hoặc chậm giải quyết' },
  { list_name: 'nguyen_nhan', name: 'tho_o', label: 'Một bộ phận người dân thờ ơ, không quan tâm' },
  { list_name: 'nguyen_nhan', name: 'thong_tin_nhanh', label: 'Người dân tiếp cận thông tin nhanh, sớm hơn các cuộc họp định kỳ' },
  {
    list_name: 'nguyen_nhan',
    name: 'khong_co_nguoi_dung_dau',
    label: 'Người đứng đầu cấp ủy, chính quyền không trực tiếp trả lời, đối thoại',
  },
];

export const SETTINGS = {
  form_title: 'Phiếu khảo sát xây dựng mô hình dân vận ở cơ sở năm 2018',
  form_id: 'qt_dan_van_2018',
  version: '2018121401',
  default_language: '',
};

/**
 * The same questionnaire in the contract's shape (contracts/src/surveys/form.ts), as the XLSForm reader should read
 * the .xlsx: for the demo and for checking the reader against a form built without it.
 */
export function toSurveyForm(): TSurveyForm {
  const label = (text: string) => ({ '': text });
  const root: TFormItem[] = [];
  const stack: TFormItem[][] = [root];
  SURVEY_ROWS.forEach((row, index) => {
    const items = stack[stack.length - 1] as TFormItem[];
    const excelRow = index + 2;
    const [type = '', listName] = row.type.split(' ');
    if (type === 'begin_group') {
      const group: TGroup = { kind: 'group', name: row.name, label: label(row.label), row: excelRow, items: [] };
      if (row.relevant) group.relevant = row.relevant;
      items.push(group);
      stack.push(group.items);
    } else if (type === 'end_group') stack.pop();
    else if (type === 'note') items.push({ kind: 'note', name: row.name, label: label(row.label), row: excelRow });
    else {
      const question: TQuestion = {
        kind: 'question',
        name: row.name,
        label: label(row.label),
        row: excelRow,
        type: type as TQuestion['type'],
        required: row.required === 'yes',
      };
      if (listName) question.listName = listName;
      if (row.hint) question.hint = label(row.hint);
      if (row.relevant) question.relevant = row.relevant;
      if (row.constraint) question.constraint = row.constraint;
      if (row.constraint_message) question.constraintMessage = label(row.constraint_message);
      if (row.choice_filter) question.choiceFilter = row.choice_filter;
      if (row.appearance) question.appearance = row.appearance;
      items.push(question);
    }
  });
  const choiceLists: Record<string, TChoice[]> = {};
  for (const row of CHOICE_ROWS) {
    const choice: TChoice = { name: row.name, label: label(row.label) };
    if (row.cap) choice.filters = { cap: row.cap };
    (choiceLists[row.list_name] ??= []).push(choice);
  }
  return {
    title: SETTINGS.form_title,
    formId: SETTINGS.form_id,
    formVersion: SETTINGS.version,
    defaultLanguage: '',
    languages: [''],
    items: root,
    choiceLists,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The counts chosen for the report's figures (out of 131), and plausible counts for what the report does not give.

/**
 * The exact number of forms per choice. Single-choice questions sum to 131. For select_multiple the counts are
 * ticks (their sum exceeds 131); `exclusive` is the choice that stands alone (its constraint), given to the forms
 * that tick none of the others.
 */
export const COUNTS = {
  quan_triet_nghi_quyet: { day_du: 107, mot_phan: 22, chua: 2 }, // "trên 80%" → 107 = 81.7%
  trach_nhiem_dan_van: { he_thong_chinh_tri: 131, rieng_dan_van: 0 }, // "100% số phiếu"
  lay_y_kien: { ho_dan: 65, thon_ban: 37, hdnd_ubnd: 45, khong_lay_y_kien: 2 }, // 49.6 / 28.2 / 34.3 (→ 34.4)
  chinh_sach_phu_hop: { phu_hop: 129, chua_dong_tinh: 2 }, // 98.5 / 1.5
  tham_ho_gia_dinh: { ung_ho: 126, khong_ung_ho: 2, khong_y_kien: 3 }, // 96.2
  bi_thu_kiem_truong_thon: { dong_tinh: 112, khong_dong_tinh: 8, khong_y_kien: 11 }, // "tỉ lệ cao" (not quantified)
  hieu_qua_to_dan_van: { hieu_qua: 98, binh_thuong: 29, chua_hieu_qua: 4 }, // not reported
  duy_tri_to_dan_van: { nen_duy_tri: 103, sap_nhap: 22, khong_can: 6 }, // 78.7 (→ 78.6)
  van_de_buc_xuc: { thu_tuc_hanh_chinh: 25, dat_dai: 81, tiep_cong_dan: 30, chuong_trinh_du_an: 34, khac: 9, khong_co: 4 }, // 19.1 / 61.8 / 22.9 / 25.9 (→ 26.0)
  tham_gia_hop_dan: { dong_du: 11, trung_binh: 53, khi_co_quyen_loi: 43, chu_yeu_can_bo: 42 }, // 40.4 (→ 40.5) / 32.8 / 32.0 (→ 32.1)
} as const;

const EXCLUSIVE = { lay_y_kien: 'khong_lay_y_kien', van_de_buc_xuc: 'khong_co', tham_gia_hop_dan: 'dong_du' } as const;

/** Where the 131 forms came from (the report gives three localities, 6 communes and 6 villages, not the split). */
const SPLIT: { locality: string; date: string; groups: Record<string, number> }[] = [
  { locality: 'hai_lang', date: '2018-10-23', groups: { cbcc: 18, khong_chuyen_trach: 12, can_bo_thon: 16 } },
  { locality: 'dakrong', date: '2018-10-30', groups: { cbcc: 16, khong_chuyen_trach: 10, can_bo_thon: 13 } },
  { locality: 'dong_ha', date: '2018-11-06', groups: { cbcc: 18, khong_chuyen_trach: 11, can_bo_thon: 17 } },
];

const TEXTS = {
  ly_do_chua_dong_tinh: [
    'Một số chính sách hỗ trợ chưa sát với điều kiện của vùng đồng bào dân tộc thiểu số.',
    'Việc bồi thường, hỗ trợ giải phóng mặt bằng chưa thỏa đáng.',
  ],
  de_xuat_to_dan_van: [
    'Sáp nhập Tổ dân vận, Ban công tác Mặt trận và các ban ở khu dân cư thành Tổ tự quản.',
    'Giao Ban công tác Mặt trận thôn đảm nhận nhiệm vụ của Tổ dân vận.',
    'Tránh chồng chéo giữa Tổ dân vận và Ban công tác Mặt trận.',
  ],
  van_de_khac: ['Ô nhiễm môi trường ở khu dân cư', 'Giá cả nông sản bấp bênh', 'Vệ sinh an toàn thực phẩm', 'Tệ nạn xã hội trong thanh thiếu niên'],
  kien_nghi: [
    'Bố trí kinh phí hoạt động hằng năm cho Tổ dân vận thôn.',
    'Có phụ cấp kiêm nhiệm cho cán bộ trong khối dân vận.',
    'Người đứng đầu cấp ủy, chính quyền trực tiếp dự và trả lời tại các buổi tiếp xúc cử tri.',
    'Tổ chức tập huấn nghiệp vụ ngay tại cơ sở.',
    'Bố trí Bí thư chi bộ đồng thời là trưởng thôn.',
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// Deterministic generation.

/** mulberry32: a small seeded generator, enough for sample data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** Each index 0..n-1 gets one choice; choice c exactly counts[c] times. */
function allocateOne(n: number, counts: Record<string, number>, random: () => number): string[] {
  const tokens = Object.entries(counts).flatMap(([choice, count]) => Array<string>(count).fill(choice));
  if (tokens.length !== n) throw new Error(`counts sum to ${tokens.length}, not ${n}`);
  return shuffled(tokens, random);
}

/**
 * Each index gets a set of choices; choice c is ticked exactly counts[c] times. The `exclusive` choice goes alone to
 * counts[exclusive] indexes; every other index ticks at least one of the rest (as few overlaps as the counts allow
 * first, the remaining ticks on random other indexes).
 */
function allocateMany(n: number, counts: Record<string, number>, exclusive: string, random: () => number): string[][] {
  const order = Object.keys(counts);
  const alone = counts[exclusive] ?? 0;
  const covered = shuffled(
    Array.from({ length: n }, (_, i) => i),
    random,
  );
  const exclusiveIndexes = covered.splice(0, alone);
  const sets = Array.from({ length: n }, () => new Set<string>());
  for (const i of exclusiveIndexes) sets[i]?.add(exclusive);
  const tokens = shuffled(
    order.filter((choice) => choice !== exclusive).flatMap((choice) => Array<string>(counts[choice] ?? 0).fill(choice)),
    random,
  );
  if (tokens.length < covered.length) throw new Error(`${tokens.length} ticks cannot cover ${covered.length} forms`);
  // one tick each first
  covered.forEach((index, k) => sets[index]?.add(tokens[k] as string));
  // then the rest, each on a form that does not have it yet
  for (const choice of tokens.slice(covered.length)) {
    const free = covered.filter((index) => !sets[index]?.has(choice));
    if (free.length === 0) throw new Error(`no form left for ${choice}`);
    sets[pick(free, random)]?.add(choice);
  }
  return sets.map((set) => order.filter((choice) => set.has(choice)));
}

export type Seed001Response = {
  id: string;
  locality: string;
  group: string;
  answers: Record<string, string | number | string[]>;
};

/** The 131 responses, in the order the forms were filled in. */
export function buildResponses(): Seed001Response[] {
  const random = generator(0x001_235);
  const n = SEED_001_FORMS;

  // who answered, where and when
  const people = SPLIT.flatMap(({ locality, date, groups }) =>
    shuffled(
      Object.entries(groups).flatMap(([group, count]) => Array.from({ length: count }, () => ({ locality, group, date }))),
      random,
    ),
  );
  if (people.length !== n) throw new Error(`the split has ${people.length} forms, not ${n}`);

  const one = (question: keyof typeof COUNTS) => allocateOne(n, COUNTS[question], random);
  const many = (question: keyof typeof EXCLUSIVE) => allocateMany(n, COUNTS[question], EXCLUSIVE[question], random);
  const quanTriet = one('quan_triet_nghi_quyet');
  const trachNhiem = one('trach_nhiem_dan_van');
  const layYKien = many('lay_y_kien');
  const chinhSach = one('chinh_sach_phu_hop');
  const thamHo = one('tham_ho_gia_dinh');
  const biThu = one('bi_thu_kiem_truong_thon');
  const hieuQua = one('hieu_qua_to_dan_van');
  const duyTri = one('duy_tri_to_dan_van');
  const vanDe = many('van_de_buc_xuc');
  const thamGia = many('tham_gia_hop_dan');
  const reasons = ['noi_dung_it_lien_quan', 'cham_giai_quyet', 'tho_o', 'thong_tin_nhanh', 'khong_co_nguoi_dung_dau'];
  const reasonWeights = [0.62, 0.48, 0.35, 0.22, 0.18];

  let lyDo = 0;
  const baseMs = Date.UTC(2018, 9, 23, 1, 0, 0); // 08:00 in Quảng Trị on the first day of the survey
  const idRandom = generator(0x7_2018);
  const dayIndex = new Map<string, number>();

  const responses = people.map(({ locality, group, date }, i): Seed001Response => {
    // two days per locality: the commune's forms on the first, the village's on the second
    const day = group === 'can_bo_thon' ? 1 : 0;
    const answeredOn = addDays(date, day);
    const k = (dayIndex.get(answeredOn) ?? 0) + 1;
    dayIndex.set(answeredOn, k);
    const ms = baseMs + (daysBetween('2018-10-23', answeredOn) * 24 * 60 + k * 7) * 60_000;
    const id = uuidv7(ms, (bytes) => {
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(idRandom() * 256);
    });

    const age = 24 + Math.floor(random() * 35);
    const partyShare = group === 'cbcc' ? 0.9 : group === 'khong_chuyen_trach' ? 0.7 : 0.8;
    const answers: Seed001Response['answers'] = {
      dia_phuong: locality,
      cap_cong_tac: group === 'can_bo_thon' ? 'thon' : 'xa',
      doi_tuong: group,
      dang_vien: random() < partyShare ? 'co' : 'khong',
    };
    if (random() > 0.04) answers.gioi_tinh = random() < 0.64 ? 'nam' : 'nu';
    answers.tuoi = age;
    if (random() > 0.05) answers.so_nam_cong_tac = 1 + Math.floor(random() * Math.min(30, age - 22));
    answers.ngay_tra_loi = answeredOn;

    answers.quan_triet_nghi_quyet = quanTriet[i] as string;
    answers.trach_nhiem_dan_van = trachNhiem[i] as string;

    answers.lay_y_kien = layYKien[i] as string[];
    answers.chinh_sach_phu_hop = chinhSach[i] as string;
    if (answers.chinh_sach_phu_hop === 'chua_dong_tinh') answers.ly_do_chua_dong_tinh = TEXTS.ly_do_chua_dong_tinh[lyDo++ % 2] as string;
    answers.tham_ho_gia_dinh = thamHo[i] as string;
    answers.bi_thu_kiem_truong_thon = biThu[i] as string;

    answers.hieu_qua_to_dan_van = hieuQua[i] as string;
    answers.duy_tri_to_dan_van = duyTri[i] as string;
    if (answers.duy_tri_to_dan_van !== 'nen_duy_tri' && random() < 0.6) answers.de_xuat_to_dan_van = pick(TEXTS.de_xuat_to_dan_van, random);

    answers.van_de_buc_xuc = vanDe[i] as string[];
    if (answers.van_de_buc_xuc.includes('khac')) answers.van_de_khac = pick(TEXTS.van_de_khac, random);

    answers.tham_gia_hop_dan = thamGia[i] as string[];
    if (!answers.tham_gia_hop_dan.includes('dong_du')) {
      const chosen = reasons.filter((_, r) => random() < (reasonWeights[r] as number));
      if (chosen.length > 0) answers.nguyen_nhan_it_tham_gia = chosen;
    }

    if (random() < 0.3) answers.kien_nghi = pick(TEXTS.kien_nghi, random);
    return { id, locality, group, answers };
  });
  // in the order they were filled in (ids sort by time)
  return responses.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------------------------
// The KoboToolbox export layout: one row per submission; one column per question named by its group path
// (`grp/q`); select_multiple as space-separated choice names followed by one 1/0 column per choice (`grp/q/choice`);
// then Kobo's metadata columns. Separated by semicolons with every field quoted, as KoboToolbox's CSV export does.

/** The questions in form order with their group paths. */
export function questionPaths(): { name: string; path: string; type: string; listName?: string }[] {
  const out: { name: string; path: string; type: string; listName?: string }[] = [];
  const groups: string[] = [];
  for (const row of SURVEY_ROWS) {
    const [type = '', listName] = row.type.split(' ');
    if (type === 'begin_group') groups.push(row.name);
    else if (type === 'end_group') groups.pop();
    else if (type !== 'note') out.push({ name: row.name, path: [...groups, row.name].join('/'), type, listName });
  }
  return out;
}

export function toKoboCsv(responses: Seed001Response[]): string {
  const questions = questionPaths();
  const columns: { header: string; value: (r: Seed001Response, index: number) => string }[] = [];
  for (const q of questions) {
    columns.push({
      header: q.path,
      value: (r) => {
        const v = r.answers[q.name];
        return v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
      },
    });
    if (q.type === 'select_multiple') {
      for (const choice of CHOICE_ROWS.filter((c) => c.list_name === q.listName)) {
        columns.push({
          header: `${q.path}/${choice.name}`,
          value: (r) => {
            const v = r.answers[q.name];
            return Array.isArray(v) ? (v.includes(choice.name) ? '1' : '0') : '';
          },
        });
      }
    }
  }
  columns.push({ header: '_id', value: (_, index) => String(1001 + index) });
  columns.push({ header: '_uuid', value: (r) => r.id });
  columns.push({ header: '_submission_time', value: (r) => submissionTime(r.id) });
  columns.push({ header: '_index', value: (_, index) => String(index + 1) });
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const lines = [columns.map((c) => quote(c.header)).join(';')];
  responses.forEach((r, index) => lines.push(columns.map((c) => quote(c.value(r, index))).join(';')));
  return `${lines.join('\r\n')}\r\n`;
}

/** The UUIDv7's milliseconds as Kobo writes a submission time (UTC, no zone). */
function submissionTime(id: string): string {
  const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
  return new Date(ms).toISOString().slice(0, 19);
}

// ---------------------------------------------------------------------------------------------------------------
// The .xlsx.

const SURVEY_COLUMNS = ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'constraint_message', 'choice_filter', 'appearance'] as const;
const CHOICE_COLUMNS = ['list_name', 'name', 'label', 'cap'] as const;

export function buildWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2018, 11, 14));
  workbook.creator = 'Dân vận số';
  workbook.created = fixed;
  workbook.modified = fixed;
  const sheet = (name: string, columns: readonly string[], rows: Record<string, string | undefined>[]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow([...columns]);
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(columns.map((column) => row[column] || null));
    ws.columns.forEach((column, i) => {
      column.width = columns[i] === 'label' ? 80 : columns[i] === 'type' ? 34 : 24;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet(
    'survey',
    SURVEY_COLUMNS,
    SURVEY_ROWS.map((row) => ({ ...row, name: row.name || undefined, label: row.label || undefined })),
  );
  sheet('choices', CHOICE_COLUMNS, CHOICE_ROWS);
  sheet('settings', Object.keys(SETTINGS), [SETTINGS]);
  return workbook;
}

/** Every sheet's cell values as text, row by row: what an .xlsx holds once its zip timestamps are set aside. */
export async function sheetValues(workbook: ExcelJS.Workbook | Buffer): Promise<Record<string, string[][]>> {
  let book: ExcelJS.Workbook;
  if (Buffer.isBuffer(workbook)) {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook as unknown as ArrayBuffer);
  } else book = workbook;
  const out: Record<string, string[][]> = {};
  book.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const value = row.getCell(c).value;
        cells.push(value == null ? '' : String(value));
      }
      rows.push(cells);
    });
    out[sheet.name] = rows;
  });
  return out;
}

export async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const responses = buildResponses();
  writeFileSync(RESPONSES_FILE, `${JSON.stringify(responses, null, 2)}\n`);
  writeFileSync(KOBO_CSV_FILE, toKoboCsv(responses));
  // exceljs stamps the zip entries with the time of writing: rewrite the .xlsx only when its cells change
  const workbook = buildWorkbook();
  const same =
    existsSync(XLSX_FILE) &&
    JSON.stringify(await sheetValues(readFileSync(XLSX_FILE))) === JSON.stringify(await sheetValues(workbook));
  if (!same) await workbook.xlsx.writeFile(XLSX_FILE.pathname);
  console.log(`wrote ${responses.length} responses, the CSV and the XLSForm to ${OUT_DIR.pathname}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
