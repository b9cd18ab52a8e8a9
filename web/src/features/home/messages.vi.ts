/** Vietnamese strings of the home page; part of the first load (i18n/vi.ts). */
export const homeVi = {
  'home.title': 'Trang chủ',
  'home.greeting': 'Xin chào, {name}',
  'home.yourUnit': 'Đơn vị của bạn:',
  'home.wholeCountry': 'Bạn quản trị toàn hệ thống.',
  'home.useMenu': 'Chọn chức năng ở danh mục.',
  'home.capabilities': 'Các chức năng',
  'home.ready': 'Đã có',
  'home.notReady': 'Chưa có',
};
