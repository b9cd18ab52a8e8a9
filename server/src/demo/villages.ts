import type { Random } from './random.ts';
import { communeProfile, type CommuneProfile, type ProfiledCommune, type TerritoryUnit } from './territory.ts';

/** Seed 001: 1,113 Tổ dân vận thôn in Quảng Trị, one per village. */
export const DEMO_VILLAGE_COUNT = 1113;

/** A village to create: `name` without the type word ("Tân Định"), `type` one of VILLAGE_TYPES. */
export interface VillageDraft {
  name: string;
  type: 'thôn' | 'bản' | 'khu phố' | 'khóm' | 'tổ dân phố';
}

/** Villages pinned by name because a demo account or the docs point at them. */
export const PINNED_VILLAGES: Readonly<Record<string, VillageDraft[]>> = {
  '19702': [{ name: 'Phú Hưng', type: 'thôn' }], // Xã Hải Phú (Hải Lăng): the village-level demo account
  '19588': [{ name: 'Pa Ling', type: 'bản' }], // Xã Tà Rụt (Đa Krông)
};

// Sino-Vietnamese village names of the lowlands: two syllables, as in Thôn Tân Định, Thôn Phước Mỹ.
const KINH_FIRST = [
  'An', 'Tân', 'Phú', 'Mỹ', 'Phước', 'Vĩnh', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Xuân', 'Hòa',
  'Thanh', 'Long', 'Lộc', 'Hưng', 'Thuận', 'Bình', 'Đại', 'Hải', 'Kim', 'Văn', 'Cổ', 'Lương', 'Diên', 'Hội', 'Phương',
] as const;
const KINH_SECOND = [
  'Định', 'Thái', 'Mỹ', 'Lộc', 'Phước', 'An', 'Hòa', 'Xuân', 'Thạnh', 'Hưng', 'Long', 'Thủy', 'Sơn', 'Giang', 'Lâm',
  'Khánh', 'Điền', 'Trung', 'Bình', 'Hội', 'Lập', 'Tiến', 'Phong', 'Hậu', 'Nghĩa', 'Đông', 'Lạc', 'Thành', 'Quang', 'Vinh',
] as const;
// Vân Kiều and Pa Kô place names of the western highlands (Bản Pa Ling, Bản Tà Lang, Bản A Vao…).
const HIGHLAND_NAMES = [
  'Pa Ling', 'Tà Lang', 'A Pun', 'A Đăng', 'A Sóc', 'Cu Pua', 'Ra Man', 'Xi Pa', 'Tăng Cô', 'Pa Tầng', 'Ka Tăng',
  'Ta Cu', 'Pi Rao', 'Xa Rưng', 'Xa Bai', 'Ra Ró', 'Chân Rò', 'Kreng', 'Klu', 'Vầng', 'Cựp', 'Trằm', 'Ba Rầu',
  'Ba Ngào', 'Kon Tôm', 'Tà Păng', 'Pa Xía', 'Tà Cơn', 'Húc Ván', 'Cheng', 'Tà Rùng', 'Ra Ly',
] as const;
const HIGHLAND_FIRST = ['A', 'Pa', 'Tà', 'Ra', 'Ba', 'Xa', 'Cu', 'Ka', 'Pi', 'Xi', 'Ta', 'Ky'] as const;
const HIGHLAND_SECOND = [
  'Ling', 'Rụt', 'Vao', 'Ngo', 'Bung', 'Lăng', 'Roong', 'Tang', 'Đeng', 'Xia', 'Lền', 'Pung', 'Lúc', 'Ho', 'Rô',
  'Nang', 'Vương', 'Ngày', 'Kai', 'Đớ', 'Rao', 'Tài', 'Ry', 'Chăn', 'Kêng', 'Liêng', 'Tuông', 'Chai', 'Lây', 'Pâng',
] as const;

/** How many villages a commune has before the total is fitted: cities fewer, lowland and highland xã more. */
function rawCount(rng: Random, profile: CommuneProfile): number {
  if (profile.kind === 'urban') return rng.int(5, 9);
  if (profile.kind === 'town') return rng.int(7, 13);
  return rng.int(7, 13);
}

/** Village counts per commune that add up to exactly `total`, deterministic for a given generator. */
export function villageCounts(rng: Random, communes: readonly ProfiledCommune[], total = DEMO_VILLAGE_COUNT): number[] {
  const counts = communes.map((commune) => rawCount(rng, communeProfile(commune)));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = rng.int(0, counts.length - 1);
    const count = counts[i] as number;
    const urban = communeProfile(communes[i] as ProfiledCommune).kind === 'urban';
    if (sum > total && count > (urban ? 4 : 6)) {
      counts[i] = count - 1;
      sum--;
    } else if (sum < total && count < (urban ? 10 : 15)) {
      counts[i] = count + 1;
      sum++;
    }
  }
  return counts;
}

const kinhName = (rng: Random) => {
  const first = rng.pick(KINH_FIRST);
  let second = rng.pick(KINH_SECOND);
  while (second === first) second = rng.pick(KINH_SECOND);
  return `${first} ${second}`;
};
const highlandName = (rng: Random) =>
  rng.chance(0.35) ? rng.pick(HIGHLAND_NAMES) : `${rng.pick(HIGHLAND_FIRST)} ${rng.pick(HIGHLAND_SECOND)}`;

/**
 * The villages of one commune, given how it is settled: named and numbered ones mixed the way each kind of place
 * names them, the pinned ones first.
 */
export function planVillagesFor(
  rng: Random,
  commune: TerritoryUnit,
  count: number,
  profile: CommuneProfile,
  pinned: readonly VillageDraft[] = PINNED_VILLAGES[commune.code] ?? [],
): VillageDraft[] {
  const villages: VillageDraft[] = [...pinned];
  const taken = new Set(villages.map((village) => village.name.toLowerCase()));
  let number = 0;
  const add = (type: VillageDraft['type'], named: () => string, numbered: boolean) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = numbered ? String(++number) : named();
      if (taken.has(name.toLowerCase())) continue;
      taken.add(name.toLowerCase());
      villages.push({ name, type });
      return;
    }
    throw new Error(`no free village name in ${commune.fullName}`);
  };
  // Per commune one naming habit: all numbered, all named, or numbered with a few named hamlets.
  const habit = rng.weighted(
    profile.kind === 'urban'
      ? { numbered: 70, mixed: 30, named: 0 }
      : profile.kind === 'town'
        ? { numbered: 50, mixed: 40, named: 10 }
        : { numbered: 15, mixed: 25, named: 60 },
  );
  while (villages.length < count) {
    const numbered = habit === 'numbered' || (habit === 'mixed' && rng.chance(0.6));
    if (profile.kind === 'urban' || profile.kind === 'town') {
      // Towns have a rural fringe of thôn around the khu phố / khóm of the centre.
      if (profile.kind === 'town' && !numbered && rng.chance(0.5)) add('thôn', () => kinhName(rng), false);
      else add(profile.urbanWord, () => kinhName(rng), numbered);
    } else if (profile.ethnic ? rng.chance(0.75) : profile.mountain && rng.chance(0.15)) {
      add('bản', () => highlandName(rng), false);
    } else {
      add('thôn', () => kinhName(rng), numbered);
    }
  }
  return villages.slice(0, count);
}
