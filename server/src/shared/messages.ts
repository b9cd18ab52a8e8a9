/**
 * Every Vietnamese text the server sends or writes, in one place (field labels live in contracts/src/messages.ts,
 * shared with the web). Keys are `area.name`; `{name}` is a placeholder `msg()` fills. A test fails on Vietnamese
 * text in a string literal anywhere else under server/src (demo data, tests and fixtures aside).
 */
export const MESSAGES = {
  // common: error factories (shared/errors.ts) and short texts several areas use
  'common.notFound': '{what} không tồn tại hoặc bạn không có quyền xem.',
  'common.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'common.unauthorized': 'Bạn cần đăng nhập.',
  'common.passwordChangeRequired': 'Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống.',
  'common.fieldProblem': '{label} ({field}): {problem}',
  'common.required': 'bắt buộc phải có',
  'common.empty': 'không được để trống',
  'common.maxLength': 'tối đa {max} ký tự',
  'common.mustBeFrom': 'phải từ ngày {date} trở đi',

  // entity: what a 404 names (`notFound('entity.unit')`)
  'entity.record': 'Bản ghi',
  'entity.account': 'Tài khoản',
  'entity.unit': 'Đơn vị',
  'entity.organization': 'Tổ chức',
  'entity.parentOrganization': 'Tổ chức cấp trên',
  'entity.person': 'Người',
  'entity.role': 'Chức danh',
  'entity.job': 'Tác vụ',
  'entity.file': 'Tệp',
  'entity.fileOwner': 'Bản ghi sở hữu tệp',
  'entity.dataSet': 'Biểu mẫu báo cáo',
  'entity.dataElement': 'Chỉ tiêu dữ liệu',
  'entity.indicator': 'Chỉ số',
  'entity.report': 'Báo cáo',
  'entity.reportingUnit': 'Đơn vị báo cáo',

  // app: the product's name (OpenAPI title, startup line)
  'app.name': 'Dân vận số',
  'app.apiTitle': 'Dân vận số API',

  // http: the error handler and routing (shared/http/)
  'http.routeNotFound': 'Không tìm thấy địa chỉ này.',
  'http.invalidValue': 'không hợp lệ',
  'http.invalidField': 'Dữ liệu không hợp lệ: {field}: {problem}.',
  'http.invalidPart': 'Dữ liệu không hợp lệ ({part}).',
  'http.part.body': 'nội dung',
  'http.part.querystring': 'tham số',
  'http.part.params': 'đường dẫn',
  'http.part.other': 'dữ liệu',
  'http.internal': 'Lỗi hệ thống. Vui lòng thử lại sau.',
  'http.refusedByDatabase': 'Dữ liệu gửi lên không hợp lệ (có ký tự hoặc giá trị không được chấp nhận).',
  'http.rateLimited': 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  'http.tooLarge': 'Dữ liệu gửi lên quá lớn (tối đa 5 MB với tệp, 1 MB với biểu mẫu).',
  'http.unsupportedMediaType': 'Kiểu dữ liệu gửi lên không được hỗ trợ (cần application/json).',
  'http.badUrl': 'Địa chỉ không hợp lệ (mã hóa URL sai).',
  'http.uriTooLong': 'Địa chỉ quá dài.',
  'http.unreadableJson': 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ hoặc thiếu nội dung).',
  'http.badRequest': 'Yêu cầu không hợp lệ (dữ liệu gửi lên không đọc được).',

  // upload: the multipart file of an endpoint (shared/http/endpoint-route.ts)
  'upload.notMultipart': 'cần gửi một tệp dạng multipart/form-data.',
  'upload.missing': 'bắt buộc phải có.',
  'upload.tooLarge': 'quá lớn (tối đa 5 MB).',
  'upload.tooLargeField': 'quá lớn (tối đa 5 MB)',

  // sheet: reading .xlsx/.csv uploads (shared/spreadsheet.ts)
  'sheet.noHeader': 'không có dòng tiêu đề.',
  'sheet.missingColumn': 'thiếu cột “{column}” ở dòng tiêu đề.',
  'sheet.notUtf8': 'tệp CSV phải được lưu với mã hóa UTF-8.',
  'sheet.tooManyColumns': 'quá nhiều cột (tối đa {max}).',
  'sheet.tooManyRows': 'quá nhiều dòng (tối đa {max}).',
  'sheet.unreadableXlsx': 'không đọc được tệp Excel (.xlsx). Hãy lưu lại tệp bằng Excel hoặc xuất ra CSV UTF-8.',
  'sheet.xlsxTooLarge': 'tệp Excel quá lớn khi giải nén (tối đa {limit} MB dữ liệu); hãy chia nhỏ tệp.',
  'sheet.xlsxTooLargeField': 'quá lớn khi giải nén (tối đa {limit} MB)',
  'sheet.noSheet': 'tệp Excel không có trang tính nào.',

  // import: what village and member imports share
  'import.noRows': 'tệp không có dòng dữ liệu nào',
  'import.duplicateOfRow': 'trùng với dòng {row}',
  'import.rejected': 'Tệp có {count} lỗi; chưa ghi dòng nào. Lỗi đầu tiên: dòng {row}, cột {column}: {problem}.',

  // auth: login, sessions, passwords, the first administrator
  'auth.badCredentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'auth.wrongPassword': 'không đúng',
  'auth.samePassword': 'phải khác mật khẩu hiện tại',
  'auth.csrf': 'Phiên làm việc không hợp lệ (thiếu mã CSRF). Vui lòng tải lại trang.',
  'auth.throttled': 'Đăng nhập sai nhiều lần. Vui lòng thử lại sau {wait}.',
  'auth.wait.seconds': '{seconds} giây',
  'auth.wait.minutes': '{minutes} phút',
  'auth.wait.minutesSeconds': '{minutes} phút {seconds} giây',
  'auth.firstAdmin.badUsername': '3–50 ký tự, chỉ gồm chữ thường không dấu, số và . _ -',
  'auth.firstAdmin.defaultName': 'Quản trị hệ thống',
  'auth.firstAdmin.usernameTaken': 'Tên đăng nhập “{username}” đã có người dùng.',

  // users: account administration
  'users.usernameTaken': 'Tên đăng nhập đã tồn tại.',
  'users.systemAdminOnly': 'Chỉ quản trị hệ thống mới cấp được hoặc thay đổi tài khoản có vai trò quản trị hệ thống.',
  'users.unitRequired': 'bắt buộc, trừ tài khoản quản trị hệ thống',
  'users.organizationRequired': 'bắt buộc với tài khoản đầu mối',
  'users.organizationOutsideUnit': '“{organization}” không thuộc đơn vị của tài khoản',
  'users.unitEnded': '“{unit}” không còn hiệu lực; chọn một đơn vị hiện hành',
  'users.systemAdminNoUnitNationwide': 'tài khoản quản trị hệ thống không thuộc đơn vị nào (phạm vi cả nước)',
  'users.systemAdminNoUnit': 'tài khoản quản trị hệ thống không thuộc đơn vị nào',
  'users.cannotDisableSelf': 'không thể tự khóa tài khoản của mình',
  'users.alreadyInUnit': 'tài khoản đã thuộc đơn vị này',

  // units: villages of a commune, added one by one or imported
  'units.villagesOnlyInCommune': 'Thôn, bản, tổ dân phố chỉ thêm được vào đơn vị cấp xã.',
  'units.notCommune': 'không phải cấp xã',
  'units.villageExists': '{commune} đã có “{name}”.',
  'units.closeOnlyVillages': 'chỉ đóng được thôn, bản, tổ dân phố',
  'units.closeBefore': 'phải trước {date}',
  'units.villageInCommune': '“{name}” đã có trong {commune}',
  'units.badVillageType': '“{value}” không phải loại hợp lệ ({allowed})',

  // organizations: organisation rules and member import
  'organizations.onlyEnterprise': 'chỉ dùng cho doanh nghiệp',
  'organizations.onlyReligious': 'chỉ dùng cho cơ sở tôn giáo',
  'organizations.parentRequired': 'bắt buộc với chi hội, chi đoàn, công đoàn cơ sở',
  'organizations.dissolvedBeforeFounded': 'không được trước ngày thành lập',
  'organizations.parentCycle': 'không được là chính tổ chức này hoặc tổ chức trực thuộc nó',
  'organizations.member.badGender': '“{value}” không hợp lệ (Nam, Nữ hoặc Khác)',
  'organizations.member.badBirthYear': '“{value}” không hợp lệ (năm 4 chữ số, từ 1900 đến nay)',
  'organizations.member.badPhone': '“{value}” không hợp lệ (8–20 chữ số)',
  'organizations.member.badDate': '“{value}” không phải ngày hợp lệ (dd/mm/yyyy)',
  'organizations.member.duplicate': 'trùng với dòng {row} (cùng người, cùng chức danh)',
  'organizations.member.alreadyHolds': '{person} đã giữ chức danh “{title}” trong {organization} từ ngày {from}',

  // people: people, their protected fields, their roles
  'people.sensitiveForbidden': 'Bạn không có quyền ghi dân tộc, tôn giáo của người này.',
  'people.organizationDissolved': '{organization} đã giải thể từ ngày {date}',
  'people.organizationFounded': '{organization} thành lập ngày {date}',
  'people.alreadyHolds': '{person} đã giữ chức danh “{title}” trong {organization} từ ngày {from}.',
  'people.roleEnded': 'Chức danh “{title}” của {person} đã kết thúc ngày {date}.',

  // files: attachments (platform/files/)
  'files.empty': 'tệp rỗng.',
  'files.typeNotAllowed': 'loại tệp không được phép; chỉ nhận {allowed} (kiểm tra theo nội dung tệp).',
  'files.extensionMismatch': 'phần mở rộng của tên tệp không khớp với nội dung ({type}).',
  'files.gone': 'nội dung tệp không còn trong kho lưu trữ.',

  // jobs: background jobs (platform/jobs/)
  'jobs.uploadMissing': 'Không tìm thấy tệp đã tải lên; hãy tải lại tệp.',
  'jobs.noHandler': 'Không có bộ xử lý cho tác vụ “{kind}”.',
  'jobs.crashed': 'Lỗi hệ thống khi chạy tác vụ. Vui lòng thử lại sau.',

  // workflow: state transitions (platform/workflow/); `record` is a workflow's label, `action` a transition's
  'workflow.noSuchMove': '{record} đang ở trạng thái “{from}”, không chuyển sang “{to}” được.',
  'workflow.forbidden': 'Bạn không có quyền {action} {record}.',
  'workflow.reasonRequired': 'bắt buộc khi {action} {record}.',
  'workflow.stale': '{record} vừa được người khác thay đổi trạng thái. Hãy tải lại trang rồi thử lại.',
  'workflow.report.label': 'Báo cáo',
  'workflow.report.draft': 'Dự thảo',
  'workflow.report.submitted': 'Đã gửi',
  'workflow.report.approved': 'Đã duyệt',
  'workflow.report.returned': 'Bị trả lại',
  'workflow.report.submit': 'gửi',
  'workflow.report.approve': 'duyệt',
  'workflow.report.return': 'trả lại',
  'workflow.report.resubmit': 'gửi lại',

  // indicators.report: entry, submission and approval of periodic reports
  'indicators.report.label': 'Báo cáo định kỳ',
  'indicators.report.record': 'Báo cáo',
  'indicators.report.state.draft': 'Đang nhập',
  'indicators.report.state.submitted': 'Đã gửi',
  'indicators.report.state.accepted': 'Cấp trên đã tiếp nhận',
  'indicators.report.state.returned': 'Trả lại để chỉnh sửa',
  'indicators.report.state.approved': 'Đã phê duyệt',
  'indicators.report.action.submit': 'gửi',
  'indicators.report.action.resubmit': 'gửi lại',
  'indicators.report.action.accept': 'tiếp nhận',
  'indicators.report.action.approve': 'phê duyệt',
  'indicators.report.action.return': 'trả lại',
  'indicators.report.action.unapprove': 'hủy phê duyệt',
  'indicators.report.notReportingUnit': '{unit} không thuộc diện báo cáo biểu mẫu “{dataSet}” kỳ {period}',
  'indicators.report.futurePeriod': 'Chưa đến kỳ {period}: chưa nhập được số liệu.',
  'indicators.report.locked': 'Kỳ {period} đã khóa nhập liệu từ ngày {date}.',
  'indicators.report.notEditableState': 'Báo cáo đang ở trạng thái “{state}”: không sửa được số liệu. Cấp trên cần trả lại để chỉnh sửa.',
  'indicators.report.noEnterRight': 'Bạn không có quyền nhập số liệu báo cáo.',
  'indicators.report.notARow': 'Đơn vị {unitId} không phải một dòng của biểu mẫu này.',
  'indicators.report.notAnElement': 'Chỉ tiêu {dataElementId} không thuộc biểu mẫu này.',
  'indicators.report.notACombo': 'Phân tổ {cocId} không thuộc chỉ tiêu {element}.',
  'indicators.report.notYourTurn': 'Báo cáo đang chờ {holder} xử lý; bạn không thực hiện được thao tác này.',
  'indicators.report.notOwnReport': 'Đơn vị không tự tiếp nhận, phê duyệt hay trả lại báo cáo của chính mình.',
  'indicators.report.approveAtTop': 'Chỉ cấp tỉnh phê duyệt báo cáo; cấp dưới tiếp nhận rồi chuyển lên.',
  'indicators.report.acceptBelowTop': 'Cấp tỉnh phê duyệt (hoặc trả lại) báo cáo, không cần tiếp nhận.',
  'indicators.report.blockingRules': 'Chưa gửi được: {messages}',
  'indicators.report.requiredMissing': 'Chưa gửi được: còn thiếu {elements}.',
  'indicators.report.nothingToSubmit': 'Chưa có số liệu nào để gửi.',
  'indicators.report.wrongPeriodType': 'không đúng loại kỳ của biểu mẫu “{dataSet}”',


  // indicators.metadata: data elements, disaggregations, data sets, indicators
  'indicators.metadata.label': 'Danh mục chỉ tiêu',
  'indicators.metadata.codeTaken': 'Mã “{code}” đã được dùng, hãy chọn mã khác.',
  'indicators.metadata.uidTaken': 'Mã DHIS2 “{uid}” đã được dùng cho một mục khác.',
  'indicators.metadata.codeRepeated': 'mã “{code}” bị lặp lại',
  'indicators.metadata.elementInOtherSet': 'Chỉ tiêu “{code}” đã thuộc biểu mẫu “{dataSet}”; mỗi chỉ tiêu chỉ thuộc một biểu mẫu.',
  'indicators.metadata.elementUnknown': 'chỉ tiêu dữ liệu không tồn tại hoặc bạn không có quyền dùng',
  'indicators.metadata.elementRepeated': 'chỉ tiêu này đã được chọn ở trên',
  'indicators.metadata.comboUnknown': 'phân tổ không tồn tại',
  'indicators.metadata.ownerNotProvince': 'phải là một tỉnh, thành phố trong phạm vi quản lý',
  'indicators.metadata.unitOutsideOwner': 'đơn vị không thuộc {owner}',
  'indicators.metadata.noAssignment': 'cần chọn ít nhất một cấp báo cáo hoặc một đơn vị báo cáo',
  'indicators.metadata.lockBeforeDue': 'không được nhỏ hơn số ngày hạn nộp ({due})',
  'indicators.metadata.targetDirection': 'cần chọn khi có giá trị mục tiêu (và bỏ trống khi không có)',
  'indicators.metadata.operandNotInSet': 'chỉ tiêu «{code}» không thuộc biểu mẫu này',
  'indicators.metadata.operandUnknown': 'không có chỉ tiêu «{code}» (hoặc bạn không có quyền dùng)',
  'indicators.metadata.operandBadCoc': 'chỉ tiêu «{code}» không có phân tổ «{coc}»',
  'indicators.metadata.operandText': 'chỉ tiêu «{code}» là văn bản, không dùng trong phép tính được',


  // indicators.dashboard: dashboards, trend, map, Excel export of the table
  'indicators.dashboard.label': 'Bảng điều khiển',
  'indicators.dashboard.nation': 'Cả nước',
  'indicators.dashboard.unitNotInForce': 'đơn vị không còn hoặc chưa có hiệu lực vào ngày {date}; hãy chọn đơn vị của ngày đó',
  'indicators.dashboard.sheetName': 'Số liệu',
  'indicators.dashboard.sheetUnitPeriod': 'Đơn vị: {unit}. Kỳ: {period}. Theo địa giới ngày {date}.',
  'indicators.dashboard.sheetTarget': 'Chỉ tiêu: {direction} {target}',
  'indicators.dashboard.sheetNoTarget': 'Không đặt chỉ tiêu',
  'indicators.dashboard.colUnit': 'Đơn vị',
  'indicators.dashboard.colCode': 'Mã đơn vị',
  'indicators.dashboard.colNumerator': 'Tử số',
  'indicators.dashboard.colDenominator': 'Mẫu số',
  'indicators.dashboard.colValue': 'Giá trị',
  'indicators.dashboard.colGap': 'Còn thiếu so với chỉ tiêu',
  'indicators.dashboard.colEstimate': 'Ước tính',
  'indicators.dashboard.yes': 'Có',
  'indicators.dashboard.noData': 'Không có số liệu',
  'indicators.dashboard.totalRow': 'Tổng cộng: {unit}',
  'indicators.dashboard.estimateNote': '≈ Số liệu ước tính: gồm phần phân bổ từ xã cũ bị chia tách (theo tỷ lệ số thôn, hoặc chia đều).',


  // indicators.dhis2: DHIS2 dataValueSets import and export
  'indicators.dhis2.label': 'Trao đổi dữ liệu DHIS2',
  'indicators.dhis2.fileType': 'chỉ nhận tệp dataValueSets của DHIS2 dạng .json hoặc .csv.',
  'indicators.dhis2.tooLarge': 'quá lớn (tối đa 200 MB).',
  'indicators.dhis2.done': 'Đã xử lý {count} giá trị.',
  'indicators.dhis2.dryRunDone': 'Chạy thử: đã kiểm tra {count} giá trị, chưa ghi gì vào hệ thống.',
  'indicators.dhis2.E7600': 'Không tìm thấy biểu mẫu báo cáo (dataSet) “{id}” hoặc bạn không có quyền dùng; chưa ghi giá trị nào.',
  'indicators.dhis2.E7603': 'Không tìm thấy đơn vị “{id}” ở phần đầu tệp, hoặc đơn vị ngoài phạm vi của bạn; chưa ghi giá trị nào.',
  'indicators.dhis2.E7604': 'Chỉ nhận attributeOptionCombo mặc định (“{default}”); chưa ghi giá trị nào.',
  'indicators.dhis2.E7610': 'Không tìm thấy chỉ tiêu (dataElement) hoặc bạn không có quyền dùng.',
  'indicators.dhis2.E7611': 'Kỳ báo cáo không hợp lệ (nhận tháng 202503, quý 2025Q1, 6 tháng 2025S1, năm 2025).',
  'indicators.dhis2.E7612': 'Không tìm thấy đơn vị (orgUnit).',
  'indicators.dhis2.E7613': 'Không tìm thấy phân tổ (categoryOptionCombo).',
  'indicators.dhis2.E7615': 'Chỉ nhận attributeOptionCombo mặc định (“{default}”).',
  'indicators.dhis2.E7617': 'Đơn vị nằm ngoài phạm vi quản lý của bạn.',
  'indicators.dhis2.E7618': 'Thiếu giá trị (ghi chú không kèm giá trị không được lưu).',
  'indicators.dhis2.E7619': 'Giá trị không hợp lệ với chỉ tiêu {element}: {problem}.',
  'indicators.dhis2.E7620': 'Ghi chú quá dài (tối đa {max} ký tự).',
  'indicators.dhis2.E7632': 'Kỳ {period} không đúng loại kỳ của biểu mẫu {dataSet}.',
  'indicators.dhis2.E7633': 'Chỉ tiêu không thuộc biểu mẫu {dataSet} của tệp.',
  'indicators.dhis2.E7634': 'Phân tổ không thuộc chỉ tiêu {element}.',
  'indicators.dhis2.E7641': 'Kỳ {period} chưa đến, chưa mở để nhập số liệu.',
  'indicators.dhis2.E7642': 'Báo cáo kỳ {period} của biểu mẫu {dataSet} đã được phê duyệt; cần hủy phê duyệt trước khi sửa số liệu.',
  'indicators.dhis2.DVS102': 'Báo cáo kỳ {period} của biểu mẫu {dataSet} đã gửi lên, đang chờ xem xét; cần được trả lại trước khi sửa số liệu.',
  'indicators.dhis2.E8128': 'Trùng với giá trị thứ {n} trong tệp (cùng chỉ tiêu, kỳ, đơn vị, phân tổ); chỉ giữ giá trị đầu tiên.',
  'indicators.dhis2.E8128csv': 'Trùng với dòng {line} của tệp (cùng chỉ tiêu, kỳ, đơn vị, phân tổ); chỉ giữ dòng đầu tiên.',
  'indicators.dhis2.DVS100': 'Tệp không đọc được từ sau giá trị thứ {count}: {detail}',
  'indicators.dhis2.DVS101': 'Chỉ tiêu được hệ thống tự tính, không nhập từ tệp.',


  // indicators.derived: values computed by modules from their records
  'indicators.derived.label': 'Số liệu tự tính',
  'indicators.derived.notProvince': 'phải là một tỉnh, thành phố đang có hiệu lực',
  'indicators.derived.villagesWithTeam': 'Số thôn, bản, tổ dân phố có Tổ dân vận',
  'indicators.derived.communeBlocs911': 'Số xã, phường có Khối dân vận đủ 9–11 thành viên',
  'indicators.derived.villages': 'Số thôn, bản, tổ dân phố',
  'indicators.derived.unitVillage': 'thôn',
  'indicators.derived.unitCommune': 'xã',


  // indicators.excel: Excel templates of data sets
  'indicators.excel.label': 'Mẫu Excel',
  'indicators.excel.sheetName': 'Số liệu',
  'indicators.excel.title': '{dataSet} – {period}',
  'indicators.excel.info':
    '{unit}. Hạn nộp: {due}. Điền số liệu vào các ô chỉ tiêu; giữ nguyên cột “Mã đơn vị” và không xóa dòng ẩn số 3. Ô để trống là không có số liệu (số liệu đã nhập sẽ bị xóa).',
  'indicators.excel.unitIdHeader': 'Mã đơn vị',
  'indicators.excel.unitNameHeader': 'Đơn vị',
  'indicators.excel.parentHeader': 'Thuộc',
  'indicators.excel.yes': 'Có',
  'indicators.excel.no': 'Không',
  'indicators.excel.invalidTitle': 'Giá trị không hợp lệ',
  'indicators.excel.hint.integer': 'Số nguyên, không âm.',
  'indicators.excel.hint.number': 'Một số (dấu thập phân là dấu phẩy hoặc dấu chấm).',
  'indicators.excel.hint.percentage': 'Tỷ lệ phần trăm, từ 0 đến 100.',
  'indicators.excel.hint.yesNo': 'Chọn Có hoặc Không.',
  'indicators.excel.hint.text': 'Văn bản, tối đa 2000 ký tự.',
  'indicators.excel.column': '{header} (cột {letter})',
  'indicators.excel.tooManyRows': 'Mẫu có {count} dòng, quá giới hạn {max}: hãy tải mẫu cho từng đơn vị nhỏ hơn.',
  'indicators.excel.noUnitColumn': 'không tìm thấy cột “Mã đơn vị”; hãy dùng mẫu Excel tải từ hệ thống.',
  'indicators.excel.noValueColumns': 'không có cột chỉ tiêu nào của biểu mẫu “{dataSet}”; hãy dùng mẫu Excel tải từ hệ thống.',
  'indicators.excel.duplicateColumn': 'cột “{column}” xuất hiện hai lần.',
  'indicators.excel.otherTemplate': 'tệp là mẫu của biểu mẫu hoặc kỳ báo cáo khác (kỳ {period}); hãy tải mẫu của “{dataSet}” – {expected}.',
  'indicators.excel.badUnitId': 'mã đơn vị “{value}” không hợp lệ',
  'indicators.excel.unknownUnit': 'không có đơn vị mã {id} trong phạm vi của bạn',
  'indicators.excel.villageRows': 'biểu mẫu nhập theo thôn, tổ dân phố: {unit} không phải một dòng của biểu mẫu',
  'indicators.excel.reportClosed': 'báo cáo của {unit}: {reason}',
  'indicators.excel.rowField': 'dòng {row}, {column}',

  // --- shell-history ---
  // history: writes to units, organisations and roles that have ended (shared/history.ts)
  'history.unitEnded':
    '{name} chỉ tồn tại đến ngày {date}: đơn vị đã kết thúc là dữ liệu lịch sử, chỉ để xem; không thêm, nhập, sửa hay đóng được. Hãy làm việc trên đơn vị kế tiếp.',
  'history.organizationEnded':
    '{name} chỉ hoạt động đến ngày {date}: tổ chức đã kết thúc là dữ liệu lịch sử, chỉ để xem; không thêm, nhập hay sửa được. Hãy làm việc trên tổ chức của đơn vị kế tiếp.',
  'history.roleEnded': 'Chức danh {name} đã kết thúc ngày {date}: dữ liệu lịch sử chỉ để xem, không sửa được.',
  'history.backfillAdminOnly': 'Chỉ quản trị hệ thống được bổ sung dữ liệu lịch sử.',
  'history.backfillNotEnded': 'chỉ dùng để bổ sung lịch sử của đơn vị, tổ chức hoặc chức danh đã kết thúc; {name} vẫn còn hiệu lực',
  'history.roleName': '"{title}" của {person}',
  'history.termAfterLastDay': 'phải đến ngày {date}, ngày cuối của tổ chức',

  // --- prog-core ---
  // programmes: programmes, implementation plans, targets, programme packs (modules/programmes/)
  'entity.programme': 'Chương trình',
  'entity.programmeTarget': 'Chỉ tiêu',
  'entity.programmePack': 'Gói chương trình',
  'programmes.staleVersion': 'Chương trình vừa được người khác thay đổi (phiên bản {current}, bạn đang sửa phiên bản {seen}). Hãy tải lại rồi sửa tiếp.',
  'programmes.yearsOrder': 'năm kết thúc ({to}) không được trước năm bắt đầu ({from})',
  'programmes.planUnitNotBelow': 'đơn vị của kế hoạch thực hiện phải là đơn vị cấp dưới của {owner}',
  'programmes.targetCodeTaken': 'mã chỉ tiêu “{code}” đã có trong chương trình này',
  'programmes.targetLooser': 'chỉ tiêu của kế hoạch thực hiện chỉ được đặt cao hơn hoặc bằng chỉ tiêu của chương trình cấp trên, không được thấp hơn ({part})',
  'programmes.targetNeedsMeasure': 'chỉ tiêu cần quy tắc đo hoặc ghi rõ đang chờ dữ liệu gì',
  'programmes.packOtherVersion': 'Đơn vị này đã nạp gói “{code}” phiên bản {loaded}; không nạp chồng phiên bản {version}.',
  'programmes.packYears': 'năm kết thúc ({to}) không được trước năm bắt đầu ({from})',
  'programmes.packDuplicateCode': 'mã “{code}” bị trùng trong gói',

  // --- prog-targets ---
  // programmes.targets: target statuses per unit and year, drill-down (modules/programmes/target-eval.*)
  'programmes.targets.level.province': 'tỉnh',
  'programmes.targets.level.district': 'huyện',
  'programmes.targets.level.commune': 'xã',
  'programmes.targets.level.village': 'thôn',
  'programmes.targets.levelNotBelow': 'phải là cấp của đơn vị hoặc cấp dưới ({levels})',
  'programmes.targets.unitNotInForce': 'đơn vị không còn hiệu lực trong năm {year} và không có đơn vị kế thừa trong phạm vi của bạn; hãy chọn đơn vị của năm đó',
  'programmes.targets.waitsFor': 'Chưa có dữ liệu: đang chờ {what}.',
  'programmes.targets.noRule': 'quy tắc đo chỉ tiêu',
  'programmes.targets.indicatorMissing': 'Chưa có dữ liệu: chỉ số {code} chưa được khai báo trong tỉnh (phân hệ Chỉ số).',
  'programmes.targets.noValues': 'Chưa có dữ liệu: chưa có số liệu năm {year} của chỉ số “{name}”.',
  'programmes.targets.noPrevious': 'Chưa có dữ liệu: chưa có số liệu năm {year} của chỉ số “{name}” để so sánh.',
  'programmes.targets.noUnits': 'Chưa có dữ liệu: không có đơn vị cấp {level} nào để tính tỷ lệ.',
  'programmes.targets.methodYearToDate':
    'Năm {year} chưa kết thúc: số liệu từ đầu năm đến {through} ({percent}% thời gian của năm) được ước cho cả năm ({how}); nếu số ước cả năm không đạt ngưỡng, chỉ tiêu được đánh giá là có nguy cơ không đạt.',
  'programmes.targets.projectCount': 'số đếm được chia theo phần thời gian đã có số liệu',
  'programmes.targets.projectRatio': 'tỷ lệ giữ nguyên như từ đầu năm đến nay',
  'programmes.targets.methodTrend':
    'Chưa đến hạn {deadline}: kẻ đường xu hướng bình phương nhỏ nhất qua số liệu từng năm từ {from} đến {year} và kéo dài đến năm {deadlineYear}; nếu giá trị dự báo không đạt ngưỡng, chỉ tiêu được đánh giá là có nguy cơ không đạt (khi mới có số liệu một năm: đánh giá theo số liệu hiện có).',
  // --- prog-tasks ---
  // programmes: solution groups, tasks, assignments, progress, reviews, budget (modules/programmes/task*, review*)
  'entity.programmeTask': 'Nhiệm vụ',
  'entity.solutionGroup': 'Nhóm giải pháp',
  'entity.taskAssignment': 'Phân công',
  'entity.programmeReview': 'Mốc sơ kết, tổng kết',
  'entity.budgetLine': 'Dòng kinh phí',
  'programmes.tasks.codeTaken': 'mã “{code}” đã có trong chương trình này',
  'programmes.tasks.groupNotInProgramme': 'nhóm giải pháp không thuộc chương trình này',
  'programmes.tasks.organizationOutOfScope': 'tổ chức không có trong phạm vi của bạn hoặc đã ngừng hoạt động',
  'programmes.tasks.assignmentNotOfTask': 'phân công không thuộc nhiệm vụ này',
  'programmes.tasks.assignmentHasReports': 'Đơn vị này đã báo cáo tiến độ nhiệm vụ: không xóa được phân công (báo cáo đã gửi được giữ nguyên).',
  'programmes.reviews.yearsReversed': 'năm kết thúc không được trước năm bắt đầu',
  // --- prog ---
  'programmes.derived.tasksOverdue': 'Số nhiệm vụ chương trình quá hạn của xã',
  'programmes.derived.tasksDoneOnTime': 'Số nhiệm vụ chương trình hoàn thành đúng hạn của xã từ đầu năm',
  'programmes.derived.unitTask': 'nhiệm vụ',
  'programmes.budget.lineHasSpending': 'Dòng kinh phí “{title}” đã ghi số đã chi: không xóa được (khoản đã chi phải còn trong sổ; hãy sửa số liệu nếu ghi nhầm).',
  'programmes.tasks.groupHasTasks': 'Nhóm giải pháp “{title}” còn {count} nhiệm vụ: hãy chuyển hoặc xóa các nhiệm vụ trước khi xóa nhóm.',
  // --- /prog ---
  // --- login-fast ---
  // the HTML login form (modules/auth/login-form.ts, shared/http/form-route.ts)
  'auth.form.missing': 'Vui lòng nhập tên đăng nhập và mật khẩu.',
  'auth.form.crossSite': 'Yêu cầu đăng nhập không đến từ trang của Dân vận số nên đã bị từ chối.',
  'auth.form.backToLogin': 'Về trang đăng nhập',
  'auth.form.pageTitle': 'Đăng nhập · Dân vận số',
  'auth.form.notForm': 'Kiểu dữ liệu gửi lên không được hỗ trợ (cần application/x-www-form-urlencoded).',
  // --- /login-fast ---
} as const;

/**
 * Headers an import accepts for each column (compared without diacritics or case); the first is the column's
 * name in messages. Not messages, but Vietnamese text users type, so it lives beside them.
 */
export const SHEET_HEADERS = {
  village: {
    name: ['Tên', 'Tên thôn', 'Tên thôn, bản', 'Tên thôn, tổ dân phố', 'Thôn', 'Name'],
    type: ['Loại', 'Loại thôn', 'Type'],
  },
  member: {
    fullName: ['Họ và tên', 'Họ tên', 'Full name'],
    title: ['Chức danh', 'Chức vụ', 'Title'],
    gender: ['Giới tính', 'Gender'],
    birthYear: ['Năm sinh', 'Birth year'],
    phone: ['Điện thoại', 'Số điện thoại', 'Phone'],
    termFrom: ['Từ ngày', 'Ngày bắt đầu', 'From'],
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The placeholder names of a message text: 'a {x} b {y}' → 'x' | 'y'. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof MESSAGES)[K]>, string | number>;

/** `msg('common.notFound', { what: 'Tệp' })`: a message with its placeholders filled; params are required when it has any. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: [Placeholders<(typeof MESSAGES)[K]>] extends [never] ? [] : [MessageParams<K>]
): string {
  return fill(MESSAGES[key], params[0] ?? {});
}

/** Fills `{name}` placeholders; one without a value stays visible as `{name}` rather than vanishing. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

// --- shell-dates ---
/** A date in a message, written as the web app writes it: '2025-07-01' → '01/07/2025' (two-digit day and month). */
export function vnDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return year && month && day ? `${day.padStart(2, '0')}/${month.padStart(2, '0')}/${year}` : iso;
}
