/**
 * Vietnamese strings of the shell: the app's name, common words, errors, layout, navigation, the demo banner and
 * the shared components (import panel, outbox status); part of the first load (i18n/vi.ts).
 */
export const appVi = {
  'app.name': 'Dân vận số',

  'common.loading': 'Đang tải…',
  'common.none': '—',
  'common.all': 'Tất cả',
  'common.from': 'Từ ngày',
  'common.to': 'Đến ngày',
  'common.save': 'Lưu',
  'common.yes': 'Có',
  'common.no': 'Không',
  'common.cancel': 'Hủy',

  'error.http': 'Máy chủ trả lời lỗi {status}. Vui lòng thử lại.',
  'error.network': 'Không kết nối được máy chủ. Kiểm tra đường truyền rồi thử lại.',
  'error.unknown': 'Đã có lỗi. Vui lòng thử lại.',
  'error.forbiddenPage': 'Bạn không có quyền xem trang này.',

  'layout.skipToContent': 'Chuyển đến nội dung chính',
  'layout.menu': 'Chức năng',
  'layout.allUnits': 'Toàn quốc',
  'layout.english': 'English',
  'layout.vietnamese': 'Tiếng Việt',

  'nav.label': 'Chức năng',
  'nav.home': 'Trang chủ',
  'nav.units': 'Đơn vị và tổ chức',
  'nav.programmes': 'Chương trình và chỉ tiêu',
  'nav.periodicReports': 'Báo cáo định kỳ và tổng hợp',
  'nav.emulation': 'Thi đua “Dân vận khéo”',
  'nav.petitions': 'Tiếp công dân, xử lý đơn thư',
  'nav.grassroots': 'Hoạt động cơ sở, tình hình nhân dân',
  'nav.training': 'Tập huấn',
  'nav.surveys': 'Điều tra xã hội học',
  'nav.documents': 'Văn bản và báo cáo',
  'nav.account': 'Tài khoản',
  'nav.admin': 'Quản trị',
  'nav.users': 'Người dùng',
  'nav.audit': 'Nhật ký hệ thống',

  'notBuilt.message': 'Chức năng này chưa có.',

  'notFound.title': 'Không tìm thấy trang',
  'notFound.message': 'Địa chỉ này không có trong Dân vận số. Hãy về trang chủ hoặc chọn một chức năng.',

  'import.file': 'Chọn tệp (.xlsx, .csv)',
  'import.preview': 'Xem trước',
  'import.previewTable': 'Các dòng đọc được từ tệp',
  'import.row': 'Dòng',
  'import.errors': 'Lỗi',
  'import.rowError': 'Dòng {row}: {message}',
  'import.hasErrors': 'Có {count} lỗi. Chưa ghi dòng nào: sửa tệp rồi xem trước lại.',
  'import.ready': 'Đọc được {count} dòng, không có lỗi.',
  'import.confirm': 'Xác nhận nhập {count} dòng',
  'import.done': 'Đã nhập {count} dòng.',
  'import.queued': 'Đang chờ xử lý tệp…',
  'import.progress': 'Đã xử lý {done}/{total} dòng',

  'outbox.queued': 'Đã lưu trên máy, chờ gửi: {count}',
  'outbox.sending': 'Đang gửi…',
  'outbox.sent': 'Đã gửi lên máy chủ',
  'outbox.failed': 'Không gửi được: {count}',
  'outbox.failedList': 'Các thay đổi máy chủ không nhận',
  'outbox.retry': 'Gửi lại',
  'outbox.discard': 'Bỏ thay đổi',

  'demo.banner': 'Dữ liệu mẫu, không dùng cho dữ liệu thật',
};
