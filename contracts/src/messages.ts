import { z } from 'zod';

/** Vietnamese names of the fields our contracts use, for error messages that name the field. */
export const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  name: 'Tên',
  type: 'Loại',
  unitId: 'Đơn vị',
  parentId: 'Đơn vị cấp trên',
  organizationId: 'Tổ chức',
  parentOrganizationId: 'Tổ chức cấp trên',
  roles: 'Vai trò',
  title: 'Chức danh',
  isHead: 'Người đứng đầu',
  termFrom: 'Từ ngày',
  termTo: 'Đến ngày',
  validTo: 'Ngày kết thúc',
  asOf: 'Ngày tra cứu',
  q: 'Từ khóa',
  limit: 'Số dòng',
  offset: 'Vị trí bắt đầu',
  id: 'Mã định danh',
  successorId: 'Đơn vị kế thừa',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  phone: 'Điện thoại',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  workerCount: 'Số lao động',
  hasTradeUnion: 'Có công đoàn',
  religionName: 'Tôn giáo',
  foundedOn: 'Ngày thành lập',
  dissolvedOn: 'Ngày giải thể',
  disabled: 'Khóa tài khoản',
  dryRun: 'Chỉ xem trước',
  subtree: 'Cả cấp dưới',
  action: 'Hành động',
  entity: 'Đối tượng',
  userId: 'Người dùng',
  from: 'Từ ngày',
  to: 'Đến ngày',
  before: 'Trang trước',
  file: 'Tệp',
  reason: 'Lý do',
  value: 'Giá trị',
  period: 'Kỳ báo cáo',
  dataSetId: 'Biểu mẫu',
  dataElementId: 'Chỉ tiêu',
  indicatorId: 'Chỉ số',
  cocId: 'Phân tổ',
  writeId: 'Mã lần ghi',
  seenState: 'Trạng thái đã xem',
  seenVersion: 'Phiên bản đã xem',
  // indicators.metadata
  code: 'Mã',
  dhis2Uid: 'Mã DHIS2',
  comboId: 'Phân tổ',
  ownerUnitId: 'Đơn vị quản lý',
  dueDays: 'Số ngày hạn nộp',
  lockDays: 'Số ngày khóa sổ',
  levels: 'Cấp báo cáo',
  unitIds: 'Đơn vị báo cáo',
  leftSide: 'Vế trái',
  rightSide: 'Vế phải',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  targetDirection: 'Chiều mục tiêu',
  // --- shell-history ---
  backfill: 'Bổ sung lịch sử',
  // --- pet-core --- (kind, receivedOn: see pet-legal's block)
  channel: 'Hình thức tiếp nhận',
  fieldId: 'Lĩnh vực',
  locationUnitId: 'Địa bàn',
  subject: 'Trích yếu',
  content: 'Nội dung',
  persons: 'Người gửi đơn',
  personCount: 'Số người',
  idNumber: 'Số định danh',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  duplicateOfId: 'Vụ việc trùng',
  onDate: 'Ngày thực hiện',
  note: 'Ghi chú',
  fileIds: 'Tài liệu kèm theo',
  competentUnitId: 'Cơ quan có thẩm quyền',
  competentBody: 'Cơ quan có thẩm quyền',
  handlerUserId: 'Người xử lý',
  publicAnswer: 'Nội dung trả lời',
  satisfaction: 'Mức độ hài lòng',
  lat: 'Vĩ độ',
  lon: 'Kinh độ',
  // --- pet-legal ---
  kind: 'Loại vụ việc',
  receivedOn: 'Ngày nhận',
  acceptedOn: 'Ngày thụ lý',
  decidedOn: 'Ngày ra quyết định, kết luận',
  remoteArea: 'Vùng sâu, vùng xa',
  complex: 'Vụ việc phức tạp',
  extensions: 'Số lần gia hạn',
  ruleSetCode: 'Bộ quy tắc thời hạn',
  secondInstance: 'Lần hai / tố cáo tiếp',
  year: 'Năm',
  date: 'Ngày',
  working: 'Ngày làm việc',
  status: 'Trạng thái',
  notes: 'Ghi chú',
  count: 'Số ngày',
  unit: 'Đơn vị tính',
  complexCount: 'Số ngày (phức tạp)',
  remoteCount: 'Số ngày (vùng sâu, vùng xa)',
  remoteComplexCount: 'Số ngày (vùng sâu, vùng xa, phức tạp)',
  extensionCount: 'Số ngày mỗi lần gia hạn',
  article: 'Điều khoản',
  unconfirmed: 'Chưa xác nhận',
  validFrom: 'Áp dụng từ ngày',
  fromPeriod: 'Áp dụng từ kỳ',
  law: 'Văn bản pháp luật',
  copyFrom: 'Sao chép từ bộ',
  // --- pet-recv ---
  leader: 'Lãnh đạo',
  leaders: 'Lãnh đạo',
  personId: 'Người',
  position: 'Chức vụ',
  roleKind: 'Loại lãnh đạo',
  recurrence: 'Hình thức lịch',
  weekday: 'Thứ trong tuần',
  monthDay: 'Ngày trong tháng',
  place: 'Địa điểm',
  month: 'Tháng',
  scheduleId: 'Lịch tiếp công dân',
  heldOn: 'Ngày tổ chức',
  personsReceived: 'Số lượt người được tiếp',
  caseIds: 'Vụ việc đã tiếp nhận',
  participantCount: 'Số người tham dự',
  participantBodies: 'Thành phần tham dự',
  issues: 'Vấn đề được nêu',
  recommendations: 'Kiến nghị',
  addressedUnitId: 'Đơn vị được kiến nghị',
  addressedBody: 'Cơ quan được kiến nghị',
  sentOn: 'Ngày gửi',
  dueOn: 'Hạn trả lời',
  answerText: 'Nội dung trả lời',
  answeredOn: 'Ngày trả lời',
  closedOn: 'Ngày kết thúc',
  dialogueId: 'Cuộc đối thoại, tiếp xúc cử tri',
  activityId: 'Hoạt động giám sát, phản biện',
  body: 'Cơ quan, tổ chức',
  periodFrom: 'Thời kỳ từ',
  periodTo: 'Thời kỳ đến',
  findings: 'Kết quả, phát hiện',
  days: 'Số ngày',
  per: 'Chu kỳ',
  basis: 'Căn cứ',
  state: 'Tình trạng',
  // --- end pet-recv ---
  // --- emu-core ---
  programmeId: 'Chương trình, kế hoạch',
  startsOn: 'Ngày bắt đầu',
  endsOn: 'Ngày kết thúc',
  level: 'Cấp',
  themes: 'Chủ đề',
  purpose: 'Mục đích, yêu cầu',
  commitments: 'Nội dung cam kết',
  appendix: 'Phụ lục hướng dẫn',
  criteria: 'Tiêu chí',
  appliesTo: 'Áp dụng cho',
  scoring: 'Cách chấm',
  weight: 'Trọng số',
  maxScore: 'Điểm tối đa',
  bodyTasks: 'Nhiệm vụ theo khối',
  bodyKind: 'Khối cơ quan',
  heading: 'Tiêu đề khối',
  milestones: 'Mốc thời gian',
  untilDate: 'Đến ngày',
  everyYears: 'Định kỳ (năm)',
  participants: 'Đơn vị, tổ chức tham gia',
  text: 'Nội dung',
  version: 'Phiên bản',
  pack: 'Nội dung gói',
  // --- end emu-core ---
  // --- emu-models ---
  field: 'Lĩnh vực',
  summary: 'Cách làm',
  whatChanged: 'Kết quả, chuyển biến',
  figures: 'Số liệu kết quả',
  villageId: 'Thôn, tổ dân phố',
  lng: 'Kinh độ',
  startedOn: 'Ngày bắt đầu',
  registeredOn: 'Ngày đăng ký',
  ownerType: 'Chủ thể là',
  ownerId: 'Chủ thể',
  originModelId: 'Mô hình gốc',
  campaignId: 'Phong trào thi đua',
  attendees: 'Thành phần tham dự',
  votesFor: 'Số phiếu đồng ý',
  votesAgainst: 'Số phiếu không đồng ý',
  votesAbstain: 'Số không biểu quyết',
  decisionNumber: 'Số quyết định',
  byUnitId: 'Đơn vị công nhận',
  issuer: 'Cơ quan ra quyết định',
  awardForm: 'Hình thức khen thưởng',
  published: 'Công bố',
  step: 'Bước',
  // --- end emu-models ---
  // --- emu-review ---
  passPercent: 'Điểm đạt (%)',
  modelId: 'Mô hình',
  fromUnitId: 'Đơn vị đề nghị',
  toUnitId: 'Đơn vị xét chọn',
  scores: 'Điểm chấm',
  itemId: 'Tiêu chí',
  score: 'Điểm',
  passed: 'Đạt / không đạt',
  meetingOn: 'Ngày họp bình xét',
  // --- end emu-review ---
  // --- emu-public --- (field: emu-models' block; modelId: emu-review's)
  page: 'Trang',
  photoId: 'Ảnh',
  provinceId: 'Tỉnh, thành phố',
  communeId: 'Xã, phường',
  // --- end emu-public ---
  // --- emu-commit ---
  commitmentId: 'Nội dung cam kết',
  registrantKind: 'Đối tượng đăng ký',
  registered: 'Số đăng ký',
  eligible: 'Tổng số thuộc diện',
  expectedVersion: 'Phiên bản đã xem',
  occurredOn: 'Ngày xảy ra',
  reportedOn: 'Ngày nhận phản ánh',
  description: 'Nội dung, mô tả',
  reportedBy: 'Người, cơ quan phản ánh',
  // --- end emu-commit ---
  // --- grassroots ---
  roleId: 'Chức danh (vai trò)',
  startHalf: 'Nửa ngày đầu',
  endHalf: 'Nửa ngày cuối',
  purposeId: 'Mục đích',
  metWith: 'Đã gặp',
  heard: 'Nội dung nắm được',
  topics: 'Chủ đề',
  held: 'Đã tổ chức',
  // --- end grassroots ---
  // --- sentiment ---
  topic: 'Chủ đề',
  severity: 'Mức độ',
  trend: 'Xu hướng',
  peopleCount: 'Số người liên quan',
  minSeverity: 'Mức độ tối thiểu',
  minReports: 'Số báo cáo tối thiểu',
  windowDays: 'Số ngày xét',
  active: 'Đang áp dụng',
  // --- end sentiment ---
};

/** "Tên đăng nhập (username)" for a path like ['username']; the last non-index segment names the field. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((part) => typeof part === 'string');
  const dotted = path.map(String).join('.');
  if (key === undefined) return dotted || 'Dữ liệu';
  const label = FIELD_LABELS[key];
  return label ? `${label} (${dotted})` : dotted;
}

/** " hoặc bằng" unless the bound is strict (a positive id refuses 0: "phải lớn hơn 0"). */
const orEqual = (issue: { inclusive?: boolean }) => (issue.inclusive === false ? '' : ' hoặc bằng');

/** Vietnamese text for one zod issue, without the field name. */
export function issueText(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'bắt buộc phải có' : `sai kiểu dữ liệu (cần ${typeName(issue.expected)})`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'không được để trống'
          : `cần ít nhất ${issue.minimum} ký tự`
        : issue.origin === 'array'
          ? `cần ít nhất ${issue.minimum} mục`
          : `phải lớn hơn${orEqual(issue)} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `tối đa ${issue.maximum} ký tự`
        : issue.origin === 'array'
          ? `tối đa ${issue.maximum} mục`
          : `phải nhỏ hơn${orEqual(issue)} ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'date' ? 'ngày không hợp lệ (cần dạng YYYY-MM-DD)' : 'không đúng định dạng';
    case 'invalid_value':
      return `giá trị không hợp lệ (cho phép: ${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    int: 'số nguyên',
    boolean: 'đúng/sai',
    object: 'đối tượng',
    array: 'danh sách',
    date: 'ngày',
  };
  return names[expected] ?? expected;
}

/** Full message naming the field: "Tên đăng nhập (username): không được để trống". */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return `${fieldLabel(issue.path)}: ${issue.message}`;
}

// Every zod issue message is Vietnamese, computed while the input is known (to tell "missing" from "wrong
// type"); the server and the web both import the contracts, so both get it.
z.config({ customError: (issue) => issueText(issue) });
