/** Vietnamese strings of attachments; part of the first load (i18n/vi.ts). */
export const filesVi = {
  'files.title': 'Tài liệu',
  'files.none': 'Chưa có tài liệu nào.',
  'files.meta': '({size} KB, {at}, {by})',
  'files.hint': 'PDF, ảnh (PNG, JPEG, WebP), Word (.docx), Excel (.xlsx), CSV hoặc TXT; tối đa 5 MB.',
  'files.choose': 'Chọn tài liệu',
  'files.upload': 'Tải lên',
  'files.uploaded': 'Đã tải lên “{name}”.',
};
