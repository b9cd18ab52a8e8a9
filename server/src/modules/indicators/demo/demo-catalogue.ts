import type { PeriodTypeColumn, ValueType } from '#server/db/schema.ts';
import type { NationalIndicator } from '../metadata-write.repository.ts';

/**
 * The demo's report forms, as a Ban Dân vận would set them up (docs/design/indicators.md §9): catalogue rows,
 * Vietnamese as users read them. Codes are the ones formulas, DHIS2 files and tests use.
 */

/** Field of a petition: the disaggregation of the petition elements (DHIS2 category combo). */
export const FIELD_COMBO = {
  code: 'LINH_VUC',
  name: 'Lĩnh vực',
  options: [
    { code: 'DAT_DAI', name: 'Đất đai' },
    { code: 'CHINH_SACH_XA_HOI', name: 'Chính sách xã hội' },
    { code: 'KHAC', name: 'Khác' },
  ],
} as const;

/** Option combo code of a field, as the metadata service names them (combo code + option code). */
export const fieldCoc = (option: (typeof FIELD_COMBO.options)[number]['code']) => `${FIELD_COMBO.code}_${option}`;

export interface DemoElement {
  code: string;
  name: string;
  shortName: string;
  valueType: ValueType;
  unit: string;
  section: string;
  /** Disaggregated by field (Lĩnh vực). */
  byField?: true;
}

export interface DemoRule {
  code: string;
  left: string;
  operator: '<=' | '>=';
  right: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface DemoDataSet {
  code: string;
  name: string;
  periodType: PeriodTypeColumn;
  dueDays: number;
  lockDays: number;
  level: 'commune' | 'village';
  elements: DemoElement[];
  rules: DemoRule[];
}

/**
 * Monthly, by every commune. Administrative dossiers are here too: they are counted at the commune's one-stop
 * desk ("bộ phận tiếp nhận và trả kết quả cấp xã", seed 000 i3), not per village, and provinces ask for them monthly.
 */
export const MONTHLY: DemoDataSet = {
  code: 'BCDV-THANG',
  name: 'Báo cáo công tác dân vận',
  periodType: 'monthly',
  dueDays: 5,
  lockDays: 15,
  level: 'commune',
  elements: [
    { code: 'DV_NGAY_CO_SO', name: 'Số ngày cán bộ đi cơ sở', shortName: 'Ngày đi cơ sở', valueType: 'integer', unit: 'ngày', section: 'Cán bộ đi cơ sở' },
    { code: 'DV_CAN_BO', name: 'Số cán bộ dân vận', shortName: 'Cán bộ dân vận', valueType: 'integer', unit: 'người', section: 'Cán bộ đi cơ sở' },
    { code: 'DV_TIEP_CONG_DAN', name: 'Số buổi tiếp công dân', shortName: 'Buổi tiếp công dân', valueType: 'integer', unit: 'buổi', section: 'Tiếp công dân, đơn thư' },
    { code: 'DV_DON_TIEP_NHAN', name: 'Số đơn thư tiếp nhận', shortName: 'Đơn thư tiếp nhận', valueType: 'integer', unit: 'đơn', section: 'Tiếp công dân, đơn thư', byField: true },
    { code: 'DV_DON_GIAI_QUYET', name: 'Số đơn thư đã giải quyết', shortName: 'Đơn thư đã giải quyết', valueType: 'integer', unit: 'đơn', section: 'Tiếp công dân, đơn thư', byField: true },
    { code: 'DV_DOI_THOAI', name: 'Số cuộc đối thoại với nhân dân', shortName: 'Cuộc đối thoại', valueType: 'integer', unit: 'cuộc', section: 'Đối thoại, mô hình' },
    { code: 'DV_DAN_VAN_KHEO', name: 'Số mô hình “Dân vận khéo” xây dựng mới', shortName: 'Mô hình Dân vận khéo mới', valueType: 'integer', unit: 'mô hình', section: 'Đối thoại, mô hình' },
    { code: 'DV_HO_SO_TIEP_NHAN', name: 'Số hồ sơ hành chính tiếp nhận', shortName: 'Hồ sơ tiếp nhận', valueType: 'integer', unit: 'hồ sơ', section: 'Thủ tục hành chính (một cửa)' },
    { code: 'DV_HO_SO_DUNG_HAN', name: 'Số hồ sơ trả trước và đúng hạn', shortName: 'Hồ sơ trả đúng hạn', valueType: 'integer', unit: 'hồ sơ', section: 'Thủ tục hành chính (một cửa)' },
  ],
  rules: [
    {
      code: 'DV_R_DON_GIAI_QUYET',
      left: '#{DV_DON_GIAI_QUYET}',
      operator: '<=',
      right: '#{DV_DON_TIEP_NHAN}',
      severity: 'error',
      message: 'Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận',
    },
    {
      code: 'DV_R_HO_SO_DUNG_HAN',
      left: '#{DV_HO_SO_DUNG_HAN}',
      operator: '<=',
      right: '#{DV_HO_SO_TIEP_NHAN}',
      severity: 'error',
      message: 'Số hồ sơ trả trước và đúng hạn không được lớn hơn số hồ sơ tiếp nhận',
    },
    {
      code: 'DV_R_NGAY_CO_SO',
      left: '#{DV_NGAY_CO_SO}',
      operator: '>=',
      right: '3 * #{DV_CAN_BO}',
      severity: 'warning',
      message: 'Bình quân mỗi cán bộ đi cơ sở chưa đủ 3 ngày trong tháng',
    },
  ],
};

/** Yearly, one row per village, entered by its commune (villages have no accounts). */
export const YEARLY: DemoDataSet = {
  code: 'BCDV-NAM',
  name: 'Báo cáo năm về dân vận ở cơ sở',
  periodType: 'yearly',
  dueDays: 15,
  lockDays: 45,
  level: 'village',
  elements: [
    { code: 'DV_THON_HOA_GIAI', name: 'Thôn có tổ hòa giải hoạt động hiệu quả', shortName: 'Tổ hòa giải hiệu quả', valueType: 'yes_no', unit: 'thôn', section: 'Thôn, tổ dân phố' },
    { code: 'DV_MO_HINH_TU_QUAN', name: 'Số mô hình tự quản hoạt động hiệu quả', shortName: 'Mô hình tự quản', valueType: 'integer', unit: 'mô hình', section: 'Thôn, tổ dân phố' },
  ],
  rules: [
    {
      code: 'DV_R_MO_HINH_TU_QUAN',
      left: '#{DV_MO_HINH_TU_QUAN}',
      operator: '>=',
      right: '2',
      severity: 'warning',
      message: 'Thôn chưa có đủ 02 mô hình tự quản hoạt động hiệu quả',
    },
  ],
};

export const DATA_SETS = [MONTHLY, YEARLY] as const;

/**
 * Number of villages of a unit: the derived value of the units module (`units.villages`, 1 per village valid
 * at the period's end), so a village whose commune did not report counts against the target.
 */
export const VILLAGES_ELEMENT = 'UNITS_VILLAGES';

/** An indicator of the demo's catalogue (the shape the modules' demo indicators share). */
export type DemoIndicator = NationalIndicator;

const QUANG_NINH = 'Đề án “Nâng cao chất lượng, hiệu quả công tác dân vận trong tình hình mới” (Ban Thường vụ Tỉnh ủy Quảng Ninh, 2019)';
const NINH_BINH = 'Đề án “Nâng cao chất lượng và hiệu quả công tác dân vận trên địa bàn tỉnh Ninh Bình, giai đoạn 2021-2025” (Quyết định 334-QĐ/TU ngày 29/6/2021)';

/**
 * The seeds' targets (000 i3, i6, i7; 003 (7)), every one "higher is better", and the report form's rate of letters
 * resolved (a figure of the monthly report, not a target's source: seed 000 i2 reads the petitions module's
 * PET_TL_GIAI_QUYET_KNTC, counted from the cases themselves, so the rate is not counted twice).
 */
export const INDICATORS: readonly DemoIndicator[] = [
  {
    code: 'DV_TL_DON_GIAI_QUYET',
    name: 'Tỷ lệ đơn thư được giải quyết',
    description:
      'Số đơn thư đã giải quyết / số đơn thư tiếp nhận, theo số liệu các đơn vị nhập trong báo cáo công tác dân vận hằng tháng (để đối chiếu báo cáo). ' +
      'Mục tiêu (i2) của Đề án Quảng Ninh 2019 được đo bằng chỉ số PET_TL_GIAI_QUYET_KNTC (Tỷ lệ giải quyết khiếu nại, tố cáo), tính từ chính các vụ việc đã ghi nhận, không tính từ báo cáo này.',
    numerator: '#{DV_DON_GIAI_QUYET}',
    denominator: '#{DV_DON_TIEP_NHAN}',
    factor: 100,
    decimals: 1,
    unit: '%',
    target: 85,
  },
  {
    code: 'DV_TL_HO_SO_DUNG_HAN',
    name: 'Tỷ lệ hồ sơ trả trước và đúng hạn',
    description: `Số hồ sơ trả trước và đúng hạn / số hồ sơ tiếp nhận tại bộ phận một cửa cấp xã. Mục tiêu 100%: “… bộ phận tiếp nhận và trả kết quả hiện đại cấp xã, 100% hồ sơ của người dân được trả trước và đúng hạn” (${QUANG_NINH}, mục tiêu (i3)).`,
    numerator: '#{DV_HO_SO_DUNG_HAN}',
    denominator: '#{DV_HO_SO_TIEP_NHAN}',
    factor: 100,
    decimals: 1,
    unit: '%',
    target: 100,
  },
  {
    code: 'DV_BQ_MO_HINH_TU_QUAN',
    name: 'Số mô hình tự quản bình quân mỗi thôn',
    description: `Số mô hình tự quản hoạt động hiệu quả / số thôn, tổ dân phố (theo danh mục đơn vị). Mục tiêu từ 2 trở lên: “Mỗi thôn, bản, khu phố có ít nhất 02 mô hình tự quản hoạt động hiệu quả” (${QUANG_NINH}, mục tiêu (i6)).`,
    numerator: '#{DV_MO_HINH_TU_QUAN}',
    denominator: `#{${VILLAGES_ELEMENT}}`,
    factor: 1,
    decimals: 2,
    unit: 'mô hình/thôn',
    target: 2,
  },
  {
    code: 'DV_TL_THON_HOA_GIAI',
    name: 'Tỷ lệ thôn có tổ hòa giải hoạt động hiệu quả',
    description: `Số thôn có tổ hòa giải hoạt động hiệu quả / số thôn, tổ dân phố (theo danh mục đơn vị). Mục tiêu từ 80% trở lên: “80% các thôn, xóm, phố có tổ hòa giải hoạt động hiệu quả” (${NINH_BINH}, mục tiêu (7)).`,
    numerator: '#{DV_THON_HOA_GIAI}',
    denominator: `#{${VILLAGES_ELEMENT}}`,
    factor: 100,
    decimals: 1,
    unit: '%',
    target: 80,
  },
  {
    code: 'DV_BQ_NGAY_CO_SO',
    name: 'Số ngày đi cơ sở bình quân mỗi cán bộ',
    description: `Số ngày cán bộ đi cơ sở / số cán bộ dân vận, bình quân mỗi tháng. Mục tiêu từ 3 ngày/tháng trở lên: “Cán bộ ban dân vận, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp dành ít nhất 03 ngày/tháng đi cơ sở” (${QUANG_NINH}, mục tiêu (i7)).`,
    numerator: '#{DV_NGAY_CO_SO}',
    denominator: '#{DV_CAN_BO}',
    factor: 1,
    decimals: 1,
    unit: 'ngày/tháng',
    target: 3,
  },
];

/** Why the province (or district) sends a report back: a field's resolved count above its received count. */
export const RETURN_REASON = 'Số đơn thư đã giải quyết lớn hơn số tiếp nhận, đề nghị kiểm tra lại';
