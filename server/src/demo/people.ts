import type { Random } from './random.ts';

/** Ethnic groups of the demo; in Đa Krông and Hướng Hóa most villagers are Vân Kiều or Pa Kô. */
export type Ethnicity = 'Kinh' | 'Vân Kiều' | 'Pa Kô';
export type Gender = 'male' | 'female';

/** A person as the demo inserts them (unit and names decided, no id yet). */
export interface PersonDraft {
  unitId: number;
  fullName: string;
  gender: Gender;
  birthYear: number;
  phone: string;
  ethnicity: Ethnicity;
  religion: string;
}

/** What a position asks of its holder: the Chi hội trưởng Phụ nữ is a woman, the Bí thư chi đoàn is young. */
export interface PersonSpec {
  /** Share of men when gender is not fixed (party and government posts are held mostly by men). */
  male?: number;
  gender?: Gender;
  born?: readonly [number, number];
}

const KINH_FAMILY = {
  Nguyễn: 28, Lê: 13, Trần: 10, Hoàng: 6, Võ: 6, Phan: 6, Hồ: 5, Phạm: 4, Đặng: 3, Bùi: 3, Ngô: 3, Đỗ: 2,
  Dương: 2, Đoàn: 2, Trương: 2, Mai: 1, Lương: 1, Hà: 1, Cao: 1, Thái: 1, Đinh: 1, Huỳnh: 1, Lý: 1, Tôn: 1,
} as const;
const MALE_MIDDLE = {
  Văn: 36, Đức: 8, Hữu: 8, Minh: 6, Quang: 6, Xuân: 6, Công: 5, Đình: 5, Thanh: 5, Ngọc: 4, Anh: 3, Trọng: 3,
  Quốc: 3, Duy: 3, Tiến: 2,
} as const;
const FEMALE_MIDDLE = {
  Thị: 52, Thanh: 6, Ngọc: 5, Thu: 5, Kim: 4, Bích: 3, Hồng: 3, Thúy: 3, Phương: 3, Minh: 3, Hoài: 3, Mỹ: 2, Diệu: 2,
} as const;
const MALE_GIVEN = [
  'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Sơn', 'Thành', 'Long', 'Nam', 'Phong', 'Quân', 'Trung', 'Hưng', 'Bình',
  'Cường', 'Đông', 'Hòa', 'Lâm', 'Lợi', 'Lộc', 'Phúc', 'Quý', 'Sáng', 'Thắng', 'Thọ', 'Tín', 'Toàn', 'Trí', 'Vinh',
  'Việt', 'Khánh', 'Hiếu', 'Đạt', 'Kiên', 'Nghĩa', 'Nhân', 'Tâm', 'Thiện', 'Tùng', 'Hào', 'Huy', 'Hoàng', 'Chiến',
  'Định', 'Hậu', 'Tài', 'Thuận', 'Bảo', 'Đức', 'Quang', 'Luận', 'Cảnh', 'Tường', 'Thịnh', 'Phước', 'Lực', 'Vũ',
] as const;
const FEMALE_GIVEN = [
  'Hoa', 'Lan', 'Hương', 'Mai', 'Hà', 'Hạnh', 'Hằng', 'Huệ', 'Hiền', 'Liên', 'Linh', 'Loan', 'Lý', 'Nga', 'Ngân',
  'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Xuân', 'Yến', 'Dung',
  'Diệp', 'Giang', 'Hồng', 'Khuyên', 'Lệ', 'Mơ', 'Nhàn', 'Sương', 'Thắm', 'Thơm', 'Thúy', 'Uyên', 'Vy', 'Phương',
  'Ánh', 'Châu', 'Duyên', 'Hậu', 'Lài',
] as const;

// Bru - Vân Kiều and Pa Kô people mostly carry the family name Hồ; many Pa Kô men are called Kăn + one name.
const VAN_KIEU_MALE = [
  'Chiến', 'Lâm', 'Lai', 'Kiên', 'Xa', 'Lanh', 'Pai', 'Bốn', 'Năm', 'Sáu', 'Côn', 'Xiêng', 'Kheng', 'Bưng', 'Vai',
  'Choi', 'Lịch', 'Thương', 'Nhất', 'Dũng', 'Hùng', 'Thắng', 'Ngân', 'Khăm', 'Lực', 'Piêng', 'Cường', 'Ngọn', 'Dương',
] as const;
const VAN_KIEU_FEMALE = [
  'Pỏi', 'Xoan', 'Lai', 'Ngoan', 'Thương', 'Nhâm', 'Hiền', 'Mai', 'Liên', 'Hoa', 'Xiên', 'Nuôi', 'Xuân', 'Tiên',
  'Hương', 'Cúc', 'Kim', 'Pan', 'Dung', 'Loan', 'Bền',
] as const;
const PA_KO_MALE = [
  'Sáu', 'Tiếp', 'Hùng', 'Lộc', 'Nam', 'Phi', 'Ba', 'Đường', 'Lự', 'Kiêm', 'Chiết', 'Toàn', 'Kay', 'Nhân', 'Hợi',
  'Vương', 'Bút', 'Mông', 'Dừng', 'Tơ', 'Lăng', 'Chưởng',
] as const;
const PA_KO_FEMALE = [
  'Hoa', 'Xuân', 'Nhung', 'Lan', 'Tiên', 'Sen', 'Nga', 'Mai', 'Kim', 'Thắm', 'Pi', 'Kia', 'Mưa', 'Hường', 'Ly', 'Liên',
] as const;

const PHONE_PREFIXES = ['091', '094', '098', '097', '096', '090', '093', '092', '099'] as const;

function kinhName(rng: Random, gender: Gender): string {
  const family = rng.weighted(KINH_FAMILY);
  const middle = gender === 'male' ? rng.weighted(MALE_MIDDLE) : rng.weighted(FEMALE_MIDDLE);
  let given = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  while (given === middle) given = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

function minorityName(rng: Random, gender: Gender, ethnicity: 'Vân Kiều' | 'Pa Kô'): string {
  if (gender === 'female') {
    const given = rng.pick(ethnicity === 'Vân Kiều' ? VAN_KIEU_FEMALE : PA_KO_FEMALE);
    return `${rng.weighted({ Hồ: 75, Lê: 15, Nguyễn: 10 })} Thị ${given}`;
  }
  if (ethnicity === 'Pa Kô') {
    const given = rng.pick(PA_KO_MALE);
    const form = rng.weighted({ kan: 45, ho: 40, le: 15 });
    return form === 'kan' ? `Kăn ${given}` : `${form === 'ho' ? 'Hồ' : 'Lê'} Văn ${given}`;
  }
  return `${rng.weighted({ Hồ: 85, Lê: 10, Nguyễn: 5 })} Văn ${rng.pick(VAN_KIEU_MALE)}`;
}

/** Religion by ethnicity and place: mostly none, Catholics around La Vang and Hải Lăng / Triệu Phong. */
function religionOf(rng: Random, ethnicity: Ethnicity, catholicArea: boolean): string {
  if (ethnicity !== 'Kinh') return rng.weighted({ Không: 93, 'Công giáo': 3, 'Tin Lành': 3, 'Phật giáo': 1 });
  return catholicArea
    ? rng.weighted({ Không: 74, 'Phật giáo': 12, 'Công giáo': 14 })
    : rng.weighted({ Không: 83, 'Phật giáo': 12, 'Công giáo': 5 });
}

/** Makes people with realistic names and unique phone numbers; one factory per load keeps phones unique. */
export class PeopleFactory {
  readonly #phones = new Set<string>();

  constructor(private readonly rng: Random) {}

  /** Phone numbers already given (by an earlier demo step), never handed out again. */
  reservePhones(phones: Iterable<string>): void {
    for (const phone of phones) this.#phones.add(phone);
  }

  #phone(): string {
    for (;;) {
      const digits = String(this.rng.int(0, 9_999_999)).padStart(7, '0');
      const phone = `${this.rng.pick(PHONE_PREFIXES)}${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4)}`;
      if (!this.#phones.has(phone)) {
        this.#phones.add(phone);
        return phone;
      }
    }
  }

  /** A new person of the given ethnicity registered in `unitId`. */
  make(unitId: number, ethnicity: Ethnicity, spec: PersonSpec, catholicArea = false): PersonDraft {
    const rng = this.rng;
    const gender: Gender = spec.gender ?? (rng.chance(spec.male ?? 0.5) ? 'male' : 'female');
    const [from, to] = spec.born ?? [1960, 1990];
    const fullName = ethnicity === 'Kinh' ? kinhName(rng, gender) : minorityName(rng, gender, ethnicity);
    return {
      unitId,
      fullName,
      gender,
      birthYear: rng.int(Math.max(1955, from), Math.min(2000, to)),
      phone: this.#phone(),
      ethnicity,
      religion: religionOf(rng, ethnicity, catholicArea),
    };
  }
}
