import type { TModelField } from '#contracts/emulation/enums.ts';

/**
 * Texts of the demo's "Dân vận khéo" models (Quảng Trị), by field: what collectives and individuals build in the
 * province's communes, in the words reports of the campaign use. `{place}` is the commune's or village's name.
 * Demo data: Vietnamese text lives here, not in the message catalogue.
 */
export interface ModelText {
  title: string;
  summary: string;
  changed: string;
  /** Figures the model reports: label, unit and the range of its value. */
  figures: ReadonlyArray<{ label: string; unit: string; min: number; max: number }>;
}

export const COLLECTIVE_TEXTS: Record<TModelField, readonly ModelText[]> = {
  economy: [
    {
      title: 'Tổ hợp tác trồng rau an toàn theo chuỗi ở {place}',
      summary: 'Hội Nông dân vận động hội viên liên kết trồng rau theo quy trình VietGAP, ký hợp đồng bao tiêu với bếp ăn trường học và siêu thị ở Đông Hà.',
      changed: 'Thu nhập của các hộ tham gia tăng rõ rệt; không còn rau tồn đọng cuối vụ; hội viên tự giám sát nhau về thuốc bảo vệ thực vật.',
      figures: [{ label: 'Hộ tham gia', unit: 'hộ', min: 12, max: 60 }, { label: 'Diện tích', unit: 'ha', min: 3, max: 25 }],
    },
    {
      title: 'Hội viên phụ nữ giúp nhau vay vốn phát triển kinh tế ở {place}',
      summary: 'Chi hội Phụ nữ lập tổ tiết kiệm và vay vốn, mỗi tháng họp một lần để xét cho vay luân phiên, ưu tiên hộ nghèo, hộ cận nghèo.',
      changed: 'Nhiều hộ thoát nghèo nhờ chăn nuôi bò, lợn; tổ không có nợ quá hạn.',
      figures: [{ label: 'Hộ được vay', unit: 'hộ', min: 8, max: 40 }, { label: 'Hộ thoát nghèo', unit: 'hộ', min: 2, max: 12 }],
    },
    {
      title: 'Dân vận khéo trong dồn điền, đổi thửa ở {place}',
      summary: 'Cán bộ thôn, xã đến từng nhà đối thoại, công khai phương án, để nhân dân bàn và quyết việc dồn điền, đổi thửa, làm giao thông nội đồng.',
      changed: 'Số thửa ruộng bình quân mỗi hộ giảm mạnh; đường nội đồng do dân hiến đất, góp công; không phát sinh đơn thư.',
      figures: [{ label: 'Đất dân hiến', unit: 'm²', min: 800, max: 6000 }, { label: 'Đường nội đồng', unit: 'km', min: 1, max: 9 }],
    },
    {
      title: 'Nuôi ong lấy mật dưới tán rừng ở {place}',
      summary: 'Đoàn Thanh niên hướng dẫn thanh niên đồng bào Vân Kiều, Pa Kô nuôi ong dưới tán rừng trồng, gắn với bảo vệ rừng.',
      changed: 'Thanh niên có việc làm tại chỗ; rừng được giữ, không còn đốt rẫy lấn rừng trong khu vực.',
      figures: [{ label: 'Đàn ong', unit: 'đàn', min: 40, max: 300 }, { label: 'Thanh niên tham gia', unit: 'người', min: 6, max: 30 }],
    },
    {
      title: 'Cánh đồng lúa hữu cơ liên kết ở {place}',
      summary: 'Hợp tác xã cùng Hội Nông dân vận động xã viên chuyển sang sản xuất lúa hữu cơ, liên kết với doanh nghiệp thu mua.',
      changed: 'Giá bán lúa cao hơn lúa thường; đồng ruộng sạch hơn, cá, cua trở lại.',
      figures: [{ label: 'Diện tích', unit: 'ha', min: 10, max: 80 }, { label: 'Hộ tham gia', unit: 'hộ', min: 20, max: 120 }],
    },
  ],
  culture_society: [
    {
      title: 'Đường hoa nông thôn mới ở {place}',
      summary: 'Các chi hội phụ nữ nhận trồng, chăm sóc từng đoạn đường hoa; mỗi hộ tự quản phần đường trước nhà.',
      changed: 'Đường làng sáng, xanh, sạch; thôn đạt chuẩn khu dân cư kiểu mẫu.',
      figures: [{ label: 'Đường hoa', unit: 'km', min: 1, max: 8 }, { label: 'Hộ tham gia', unit: 'hộ', min: 30, max: 200 }],
    },
    {
      title: '“Thắp sáng đường quê” ở {place}',
      summary: 'Đoàn Thanh niên vận động nhân dân góp tiền, góp công lắp điện chiếu sáng các trục đường thôn, xóm.',
      changed: 'Các tuyến đường có đèn chiếu sáng ban đêm; người dân đi lại an toàn, trộm cắp giảm.',
      figures: [{ label: 'Đường được chiếu sáng', unit: 'km', min: 2, max: 12 }, { label: 'Bóng đèn lắp đặt', unit: 'bóng', min: 40, max: 260 }],
    },
    {
      title: '“Ngày Chủ nhật xanh” ở {place}',
      summary: 'Sáng Chủ nhật cuối tháng, cán bộ, đoàn viên, hội viên và nhân dân cùng dọn vệ sinh, thu gom rác thải nhựa ở đường làng, bờ sông, bãi biển.',
      changed: 'Không còn điểm tập kết rác tự phát; nhân dân phân loại rác tại nguồn.',
      figures: [{ label: 'Người tham gia mỗi đợt', unit: 'người', min: 50, max: 400 }, { label: 'Rác thu gom', unit: 'tấn', min: 1, max: 15 }],
    },
    {
      title: 'Tủ sách pháp luật cộng đồng ở {place}',
      summary: 'Nhà văn hóa thôn có tủ sách pháp luật; tổ hòa giải tổ chức sinh hoạt pháp luật hằng quý cho bà con.',
      changed: 'Mâu thuẫn nhỏ trong khu dân cư được hòa giải ngay ở thôn, không phải lên xã.',
      figures: [{ label: 'Đầu sách', unit: 'cuốn', min: 100, max: 800 }, { label: 'Vụ hòa giải thành', unit: 'vụ', min: 3, max: 20 }],
    },
    {
      title: 'Nồi cháo tình thương ở Trung tâm Y tế, {place}',
      summary: 'Chi hội Phụ nữ và Hội Chữ thập đỏ luân phiên nấu cháo phát miễn phí cho bệnh nhân nghèo mỗi sáng thứ Năm.',
      changed: 'Hàng trăm suất cháo mỗi tháng đến tay bệnh nhân khó khăn; nhiều nhà hảo tâm cùng góp gạo, thực phẩm.',
      figures: [{ label: 'Suất cháo mỗi tháng', unit: 'suất', min: 200, max: 900 }],
    },
  ],
  defence_security: [
    {
      title: 'Camera an ninh khu dân cư ở {place}',
      summary: 'Ban công tác Mặt trận vận động nhân dân góp tiền lắp camera ở các ngã ba, ngã tư, kết nối về nhà văn hóa và công an xã.',
      changed: 'Trộm cắp vặt giảm rõ; nhiều vụ việc được phát hiện, xử lý nhanh nhờ hình ảnh camera.',
      figures: [{ label: 'Camera lắp đặt', unit: 'camera', min: 4, max: 30 }, { label: 'Vụ trộm cắp', unit: 'vụ/năm', min: 0, max: 3 }],
    },
    {
      title: 'Dòng họ không có người vi phạm pháp luật ở {place}',
      summary: 'Các dòng họ ký cam kết, đưa nội dung giữ gìn an ninh trật tự vào hương ước, ngày giỗ họ nhắc nhở con cháu.',
      changed: 'Không có con em dòng họ vi phạm pháp luật, mắc tệ nạn xã hội trong năm.',
      figures: [{ label: 'Dòng họ tham gia', unit: 'dòng họ', min: 3, max: 15 }],
    },
    {
      title: 'Tổ tự quản an ninh trật tự đoạn biên giới ở {place}',
      summary: 'Đồn Biên phòng phối hợp với thôn lập tổ tự quản, cùng tuần tra đường biên, mốc giới mỗi tháng.',
      changed: 'Đường biên, mốc giới được giữ nguyên trạng; không có xuất nhập cảnh trái phép qua địa bàn.',
      figures: [{ label: 'Chuyến tuần tra', unit: 'chuyến/năm', min: 12, max: 48 }, { label: 'Thành viên', unit: 'người', min: 8, max: 25 }],
    },
    {
      title: 'Khu dân cư không có ma túy ở {place}',
      summary: 'Công an xã cùng Mặt trận, đoàn thể tuyên truyền đến từng hộ, quản lý, giúp đỡ người sau cai nghiện có việc làm.',
      changed: 'Không phát sinh người nghiện mới; người sau cai được giúp vốn, việc làm.',
      figures: [{ label: 'Người sau cai có việc làm', unit: 'người', min: 1, max: 8 }],
    },
  ],
  party_building: [
    {
      title: 'Đảng viên phụ trách hộ ở {place}',
      summary: 'Mỗi đảng viên của chi bộ nhận phụ trách từ 5 đến 10 hộ gia đình, nắm tình hình, giải thích chủ trương, báo cáo chi bộ hằng tháng.',
      changed: 'Chi bộ nắm chắc tâm tư của nhân dân; kiến nghị của dân được giải quyết tại cơ sở.',
      figures: [{ label: 'Hộ được phụ trách', unit: 'hộ', min: 60, max: 300 }, { label: 'Kiến nghị giải quyết', unit: 'kiến nghị', min: 4, max: 30 }],
    },
    {
      title: 'Bộ phận một cửa “thân thiện, vì nhân dân phục vụ” ở {place}',
      summary: 'Công chức bộ phận một cửa hướng dẫn tận tình, làm việc cả sáng thứ Bảy, nhận và trả hồ sơ tại nhà cho người già, người khuyết tật.',
      changed: 'Hồ sơ trả đúng hạn, trước hạn; không còn ý kiến phàn nàn về thái độ phục vụ.',
      figures: [{ label: 'Hồ sơ trả đúng hạn', unit: '%', min: 97, max: 100 }],
    },
    {
      title: 'Sinh hoạt chi bộ gắn với đối thoại với nhân dân ở {place}',
      summary: 'Mỗi quý, chi bộ mời đại diện các hộ dự một buổi sinh hoạt mở để nghe ý kiến về các việc của thôn.',
      changed: 'Các công trình của thôn được nhân dân bàn bạc, đồng thuận trước khi làm; sinh hoạt chi bộ nề nếp hơn.',
      figures: [{ label: 'Buổi đối thoại', unit: 'buổi/năm', min: 4, max: 4 }, { label: 'Ý kiến tiếp thu', unit: 'ý kiến', min: 10, max: 60 }],
    },
    {
      title: 'Cán bộ xã “gần dân, sát dân” ở {place}',
      summary: 'Cán bộ, công chức xã mỗi tháng dành ít nhất 03 ngày xuống thôn, bản nắm tình hình, cùng ăn, cùng làm với dân.',
      changed: 'Nhiều vướng mắc được tháo gỡ ngay tại thôn; niềm tin của nhân dân với chính quyền được nâng lên.',
      figures: [{ label: 'Ngày đi cơ sở', unit: 'ngày/tháng', min: 3, max: 6 }],
    },
  ],
};

export const INDIVIDUAL_TEXTS: Record<TModelField, readonly ModelText[]> = {
  economy: [
    {
      title: 'Nông dân sản xuất, kinh doanh giỏi, giúp hộ nghèo ở {place}',
      summary: 'Phát triển trang trại tổng hợp, tạo việc làm cho lao động địa phương và cho hộ nghèo mượn giống, vốn không lấy lãi.',
      changed: 'Nhiều hộ nghèo trong thôn có việc làm ổn định, có thu nhập.',
      figures: [{ label: 'Lao động có việc làm', unit: 'người', min: 4, max: 25 }],
    },
  ],
  culture_society: [
    {
      title: 'Người có uy tín vận động bà con bỏ hủ tục ở {place}',
      summary: 'Già làng đến từng nhà vận động bỏ tục lệ ma chay kéo dài, tảo hôn; làm trước để bà con làm theo.',
      changed: 'Trong bản không còn trường hợp tảo hôn; việc tang gọn, tiết kiệm.',
      figures: [{ label: 'Hộ được vận động', unit: 'hộ', min: 20, max: 90 }],
    },
  ],
  defence_security: [
    {
      title: 'Trưởng thôn giỏi hòa giải ở {place}',
      summary: 'Kiên trì gặp gỡ, lắng nghe các bên, hòa giải các vụ tranh chấp đất đai, mâu thuẫn gia đình ngay từ cơ sở.',
      changed: 'Các vụ việc được hòa giải thành, không để phát sinh thành điểm nóng.',
      figures: [{ label: 'Vụ hòa giải thành', unit: 'vụ', min: 3, max: 15 }],
    },
  ],
  party_building: [
    {
      title: 'Bí thư chi bộ “nói đi đôi với làm” ở {place}',
      summary: 'Tiên phong hiến đất làm đường, vận động đảng viên và nhân dân cùng làm.',
      changed: 'Thôn hoàn thành bê tông hóa đường làng; chi bộ nhiều năm hoàn thành tốt nhiệm vụ.',
      figures: [{ label: 'Đất hiến', unit: 'm²', min: 100, max: 900 }],
    },
  ],
};

/** Forms of award of a commended model (hình thức khen thưởng). */
export const AWARDS = ['Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Giấy khen của Ban Thường vụ Tỉnh ủy', 'Bằng khen của Ban Dân vận Trung ương'] as const;

/** Those who take part in a public review meeting (bình xét công khai). */
export const REVIEW_PARTICIPANTS = 'Đại diện cấp ủy, chính quyền, Mặt trận, các đoàn thể và nhân dân khu dân cư';
