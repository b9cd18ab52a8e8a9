import type { TCaseKind } from '#contracts/petitions/case.schemas.ts';

/**
 * What the demo's cases are about: per field, subjects and contents by kind, with {thon} (a village of the
 * commune) and {xa} (the commune) filled in. Written after the kinds of matters the province's reports name
 * (seed 001: land behind 61.8 % of grievances; compensation and site clearance of projects; policies for people
 * with merit; officials' conduct). Illustrative text, no real case.
 */
export interface CaseText {
  subject: string;
  content: string;
}

type Texts = Partial<Record<TCaseKind, readonly CaseText[]>>;

export const TEXTS: Record<string, Texts> = {
  land: {
    complaint: [
      { subject: 'Khiếu nại quyết định thu hồi đất ở của gia đình tại {thon}', content: 'Gia đình tôi sử dụng ổn định thửa đất ở tại {thon}, {xa} từ năm 1992, không tranh chấp. Ủy ban nhân dân ra quyết định thu hồi một phần diện tích nhưng không xác định đúng nguồn gốc đất. Đề nghị xem xét lại quyết định thu hồi.' },
      { subject: 'Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chồng lấn ranh giới', content: 'Giấy chứng nhận quyền sử dụng đất cấp cho hộ liền kề tại {thon} lấn sang thửa đất của gia đình tôi khoảng 40 m². Tôi đã kiến nghị nhiều lần nhưng chưa được đo đạc lại. Đề nghị thu hồi, điều chỉnh giấy chứng nhận đã cấp sai.' },
      { subject: 'Khiếu nại quyết định xử phạt vi phạm hành chính về đất đai', content: 'Tôi bị xử phạt vì xây dựng công trình phụ trên đất nông nghiệp tại {thon}. Công trình được xây trước năm 2014 trên đất vườn liền kề nhà ở. Đề nghị hủy quyết định xử phạt.' },
    ],
    denunciation: [
      { subject: 'Tố cáo cán bộ địa chính xã xác nhận sai nguồn gốc đất', content: 'Cán bộ địa chính {xa} xác nhận sai nguồn gốc sử dụng đất cho một hộ tại {thon} để được cấp giấy chứng nhận trên đất công do thôn quản lý. Đề nghị làm rõ và xử lý.' },
      { subject: 'Tố cáo việc giao đất trái thẩm quyền tại {thon}', content: 'Năm 2018 thôn đã tự ý giao đất công ích cho một số hộ làm nhà ở, có thu tiền nhưng không nộp ngân sách. Đề nghị cơ quan có thẩm quyền kiểm tra, xử lý người vi phạm.' },
    ],
    petition: [
      { subject: 'Kiến nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ tại {thon}', content: 'Nhiều hộ dân {thon} nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất từ năm 2022 nhưng đến nay chưa được giải quyết. Kiến nghị chính quyền đẩy nhanh tiến độ.' },
      { subject: 'Kiến nghị điều chỉnh quy hoạch sử dụng đất khu dân cư {thon}', content: 'Quy hoạch sử dụng đất mới đưa một phần đất ở của các hộ {thon} vào đất giao thông khiến người dân không thể chuyển nhượng, xây dựng. Kiến nghị rà soát, điều chỉnh.' },
    ],
    feedback: [
      { subject: 'Phản ánh việc lấn chiếm đất công ven đường liên thôn tại {thon}', content: 'Một số hộ tại {thon} dựng lán, rào chiếm đất hành lang đường liên thôn, gây cản trở đi lại. Đề nghị chính quyền {xa} kiểm tra, xử lý.' },
      { subject: 'Phản ánh tranh chấp ranh giới đất giữa hai hộ tại {thon}', content: 'Hai hộ liền kề tại {thon} tranh chấp ranh giới đất vườn, đã xảy ra xô xát. Đề nghị tổ hòa giải và Ủy ban nhân dân {xa} sớm hòa giải.' },
    ],
  },
  compensation_clearance: {
    complaint: [
      { subject: 'Khiếu nại về giá bồi thường đất nông nghiệp khi thu hồi đất thực hiện dự án', content: 'Gia đình tôi bị thu hồi 1.200 m² đất trồng lúa tại {thon}, {xa} để thực hiện dự án. Đơn giá bồi thường thấp hơn nhiều so với giá thị trường và thấp hơn dự án liền kề. Đề nghị xem xét lại phương án bồi thường.' },
      { subject: 'Khiếu nại phương án hỗ trợ tái định cư', content: 'Gia đình tôi bị thu hồi toàn bộ đất ở tại {thon} nhưng không được bố trí lô đất tái định cư, chỉ được hỗ trợ bằng tiền. Đề nghị được giao đất tái định cư theo quy định.' },
      { subject: 'Khiếu nại việc kiểm đếm thiếu tài sản, cây cối trên đất bị thu hồi', content: 'Biên bản kiểm đếm tài sản trên đất của gia đình tôi tại {thon} bỏ sót chuồng trại và 150 cây keo. Đề nghị kiểm đếm lại và bổ sung vào phương án bồi thường.' },
    ],
    denunciation: [
      { subject: 'Tố cáo việc kê khống diện tích để nhận tiền bồi thường', content: 'Một số hộ tại {thon} được kê khai diện tích đất và cây trồng không có thực để nhận tiền bồi thường của dự án, có sự tiếp tay của cán bộ tổ công tác. Đề nghị kiểm tra, thu hồi tiền.' },
    ],
    petition: [
      { subject: 'Kiến nghị công khai phương án bồi thường, giải phóng mặt bằng dự án qua {thon}', content: 'Người dân {thon} chưa được niêm yết công khai phương án bồi thường, hỗ trợ của dự án. Kiến nghị tổ chức đối thoại, công khai đơn giá và danh sách các hộ bị ảnh hưởng.' },
    ],
    feedback: [
      { subject: 'Phản ánh thi công dự án khi chưa chi trả xong tiền bồi thường', content: 'Nhà thầu đã đưa máy vào san lấp một phần đất tại {thon} trong khi nhiều hộ chưa nhận tiền bồi thường. Đề nghị tạm dừng thi công cho đến khi chi trả xong.' },
    ],
  },
  social_policy: {
    complaint: [{ subject: 'Khiếu nại việc không được công nhận hộ nghèo năm nay', content: 'Gia đình tôi tại {thon} có hai người già, thu nhập thấp nhưng không có tên trong danh sách hộ nghèo sau bình xét. Đề nghị xem xét lại kết quả rà soát.' }],
    petition: [
      { subject: 'Kiến nghị giải quyết chế độ người có công với cách mạng', content: 'Bố tôi tham gia kháng chiến, đã nộp hồ sơ đề nghị hưởng chế độ từ năm 2023 nhưng chưa có kết quả. Kiến nghị {xa} và các cơ quan liên quan xem xét.' },
      { subject: 'Kiến nghị hỗ trợ sửa chữa nhà ở cho hộ gia đình chính sách', content: 'Nhà của gia đình thương binh tại {thon} đã xuống cấp sau mùa mưa bão. Kiến nghị hỗ trợ kinh phí sửa chữa.' },
    ],
    feedback: [{ subject: 'Phản ánh chậm chi trả trợ cấp xã hội hằng tháng', content: 'Các đối tượng bảo trợ xã hội tại {thon} chưa nhận trợ cấp hai tháng gần đây. Đề nghị {xa} kiểm tra.' }],
  },
  environment: {
    petition: [{ subject: 'Kiến nghị xử lý ô nhiễm từ trại chăn nuôi gần khu dân cư {thon}', content: 'Trại chăn nuôi lợn gần khu dân cư {thon} xả thải ra mương, gây mùi hôi. Kiến nghị kiểm tra, xử lý.' }],
    feedback: [
      { subject: 'Phản ánh khai thác cát trái phép trên sông đoạn qua {thon}', content: 'Ban đêm có thuyền hút cát trên sông đoạn qua {thon}, gây sạt lở bờ và đất sản xuất của người dân. Đề nghị xử lý dứt điểm.' },
      { subject: 'Phản ánh rác thải tồn đọng không được thu gom tại {thon}', content: 'Rác thải sinh hoạt tại điểm tập kết {thon} không được thu gom gần một tháng. Đề nghị {xa} chỉ đạo đơn vị thu gom.' },
    ],
  },
  officials_conduct: {
    complaint: [{ subject: 'Khiếu nại việc công chức tiếp nhận hồ sơ gây khó khăn', content: 'Khi nộp hồ sơ tại bộ phận một cửa {xa}, tôi bị yêu cầu bổ sung nhiều lần giấy tờ không có trong quy định. Đề nghị xem xét trách nhiệm công chức.' }],
    denunciation: [
      { subject: 'Tố cáo cán bộ xã nhận tiền khi giải quyết hồ sơ', content: 'Cán bộ {xa} yêu cầu người dân {thon} nộp thêm tiền ngoài quy định khi làm thủ tục chứng thực, tách thửa. Đề nghị kiểm tra, xử lý.' },
      { subject: 'Tố cáo trưởng thôn {thon} thu các khoản đóng góp không đúng quy định', content: 'Trưởng thôn tự đặt ra khoản thu 200.000 đồng mỗi hộ để làm đường nhưng không công khai thu chi. Đề nghị làm rõ.' },
    ],
    feedback: [{ subject: 'Phản ánh thái độ tiếp dân thiếu tôn trọng của công chức', content: 'Công chức tại bộ phận một cửa {xa} có thái độ thiếu tôn trọng người dân đến làm thủ tục. Đề nghị nhắc nhở.' }],
  },
  administrative_procedure: {
    petition: [{ subject: 'Kiến nghị rút ngắn thời gian giải quyết thủ tục tách thửa', content: 'Thủ tục tách thửa đất tại {xa} kéo dài quá thời hạn. Kiến nghị công khai tiến độ và rút ngắn thời gian giải quyết.' }],
    feedback: [{ subject: 'Phản ánh hồ sơ trễ hạn tại bộ phận một cửa', content: 'Hồ sơ đăng ký biến động đất đai của tôi nộp tại {xa} đã quá hẹn trả kết quả nhưng chưa có thông báo lý do. Đề nghị kiểm tra.' }],
  },
  infrastructure: {
    petition: [{ subject: 'Kiến nghị nâng cấp đường liên thôn {thon} bị hư hỏng', content: 'Đường liên thôn qua {thon} xuống cấp nghiêm trọng sau mùa mưa, học sinh đi lại khó khăn. Kiến nghị đưa vào kế hoạch sửa chữa.' }],
    feedback: [{ subject: 'Phản ánh đèn chiếu sáng và cống thoát nước hư hỏng tại {thon}', content: 'Cống thoát nước khu dân cư {thon} bị tắc, mưa lớn gây ngập. Đề nghị sửa chữa.' }],
  },
  justice: {
    complaint: [{ subject: 'Khiếu nại việc chậm thi hành bản án dân sự', content: 'Bản án dân sự có hiệu lực từ năm 2024 buộc bên vay trả nợ cho tôi nhưng đến nay chưa được thi hành. Đề nghị cơ quan thi hành án xem xét.' }],
    petition: [{ subject: 'Kiến nghị hòa giải tranh chấp hôn nhân, thừa kế tại cơ sở', content: 'Gia đình tôi tại {thon} có tranh chấp thừa kế đất đai giữa các anh em. Kiến nghị tổ hòa giải và {xa} tổ chức hòa giải.' }],
  },
  corruption: {
    denunciation: [
      { subject: 'Tố cáo sai phạm trong quản lý, sử dụng kinh phí xây dựng nông thôn mới', content: 'Công trình nhà văn hóa {thon} thi công không đúng thiết kế, nghiệm thu khống khối lượng. Đề nghị thanh tra làm rõ.' },
      { subject: 'Tố cáo việc chia tiền hỗ trợ thiên tai không đúng đối tượng', content: 'Tiền hỗ trợ khắc phục thiệt hại do bão tại {thon} được chia cho một số hộ không bị thiệt hại, có người nhà cán bộ. Đề nghị kiểm tra.' },
    ],
  },
};

/** The hot spot's cluster: compensation and site clearance of the project in the commune (Khu kinh tế Đông Nam Quảng Trị). */
export const HOT_SPOT_TEXTS: readonly CaseText[] = [
  { subject: 'Khiếu nại đơn giá bồi thường đất trồng lúa thu hồi cho Khu kinh tế Đông Nam Quảng Trị', content: 'Các hộ {thon}, {xa} bị thu hồi đất trồng lúa cho dự án thuộc Khu kinh tế Đông Nam Quảng Trị. Đơn giá bồi thường thấp hơn dự án liền kề cùng thời điểm. Đề nghị điều chỉnh đơn giá và tổ chức đối thoại.' },
  { subject: 'Khiếu nại việc không được bố trí đất tái định cư dự án Khu kinh tế Đông Nam', content: 'Gia đình bị thu hồi toàn bộ đất ở tại {thon} nhưng khu tái định cư chưa xây dựng xong hạ tầng, chưa được giao đất. Đề nghị bố trí tái định cư trước khi bàn giao mặt bằng.' },
  { subject: 'Kiến nghị hỗ trợ chuyển đổi nghề cho các hộ mất đất sản xuất', content: 'Nhiều hộ {thon} mất trên 70 % đất nông nghiệp do dự án nhưng mức hỗ trợ chuyển đổi nghề và tìm kiếm việc làm chưa thỏa đáng. Kiến nghị nâng mức hỗ trợ.' },
  { subject: 'Phản ánh cưỡng chế giải phóng mặt bằng khi người dân chưa đồng thuận', content: 'Tổ công tác giải phóng mặt bằng dự án tại {thon} chuẩn bị cưỡng chế trong khi nhiều hộ còn khiếu nại chưa được trả lời. Đề nghị đối thoại trước khi cưỡng chế.' },
];
