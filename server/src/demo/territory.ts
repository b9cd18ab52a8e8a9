import type { Ethnicity } from './people.ts';
import type { Random } from './random.ts';

/** Quảng Trị before the reform (code 45) and the merged Quảng Trị after it (code 44, with Quảng Bình). */
export const PROVINCE_2019_CODE = '45';
export const PROVINCE_2025_CODE = '44';
export const TERM_END_2019 = '2025-06-30';
export const TERM_START_2025 = '2025-07-01';
/**
 * dissolved_on of the 2019-structure organisations: the first day without them (the organisation module reads
 * it as exclusive), so they are live through 30 June 2025 like their units and the roles in them.
 */
export const DISSOLVED_2019 = TERM_START_2025;

/** An official unit as the demo needs it. */
export interface TerritoryUnit {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  parentId: number | null;
}

/** A 2019 commune and the 2025 communes its territory went into. */
export interface Commune2019 extends TerritoryUnit {
  district: TerritoryUnit;
  successors: { unit: TerritoryUnit; kind: 'merged' | 'split' }[];
}

/**
 * A commune of the province's 2018 list that ended before the reform (merged in 2020 or on 1/1/2025, issue 9):
 * its villages went to `successors`, communes of `communes` (two of them for a divided commune).
 */
export interface EndedCommune extends TerritoryUnit {
  district: TerritoryUnit;
  /** Its last day. */
  validTo: string;
  successors: TerritoryUnit[];
}

/** The official units the demo hangs its villages, organisations and people on. */
export interface Territory {
  province2019: TerritoryUnit;
  province2025: TerritoryUnit;
  districts: TerritoryUnit[];
  /** The communes that reached the reform (30/6/2025), by code. */
  communes: Commune2019[];
  /** The communes of 2018 that ended before it, by code: with `communes`, seed 001's 141. */
  ended: EndedCommune[];
  /** The 2025 communes that took in some old Quảng Trị commune, by code. */
  communes2025: TerritoryUnit[];
}

const HUONG_HOA = '465';
const DA_KRONG = '467';
/** Hải Lăng, Triệu Phong and the town of Quảng Trị around La Vang have the province's Catholic parishes. */
const CATHOLIC_DISTRICTS = new Set(['462', '469', '470']);
/** Mountain communes settled mostly by Kinh people (resettlement areas along Route 9 and the Thạch Hãn). */
const KINH_MOUNTAIN_COMMUNES = new Set(['19429', '19432', '19450', '19456', '19459', '19462', '19465', '19555', '19567', '19570']);
/** Communes where the Pa Kô (a Tà Ôi group) live; the other ethnic communes of the west are Vân Kiều. */
const PA_KO_COMMUNES = new Set(['19471', '19477', '19480', '19483', '19489', '19492', '19582', '19585', '19588', '19591', '19594']);
/** Town centres whose residential areas are called khóm rather than khu phố. */
const KHOM_TOWNS = new Set(['19429', '19432', '19555', '19681']);

/** How the demo settles a commune: its kind of place, its people and what its villages are called. */
export interface CommuneProfile {
  kind: 'urban' | 'town' | 'lowland' | 'mountain';
  /** In Hướng Hóa or Đa Krông, the western highlands. */
  mountain: boolean;
  /** Villages are mostly bản and the people mostly of the local minority. */
  ethnic: boolean;
  minority: Exclude<Ethnicity, 'Kinh'>;
  catholicArea: boolean;
  /** What a village of this commune is called when it is not a bản. */
  urbanWord: 'khu phố' | 'khóm' | 'tổ dân phố';
}

/** What the demo needs to know of a commune to settle it: its code, type and district. */
export type ProfiledCommune = Pick<TerritoryUnit, 'code' | 'type'> & { district: Pick<TerritoryUnit, 'code'> };

export function communeProfile(commune: ProfiledCommune): CommuneProfile {
  const mountain = commune.district.code === HUONG_HOA || commune.district.code === DA_KRONG;
  const kind = commune.type === 'phường' ? 'urban' : commune.type === 'thị trấn' ? 'town' : mountain ? 'mountain' : 'lowland';
  return {
    kind,
    mountain,
    ethnic: mountain && !KINH_MOUNTAIN_COMMUNES.has(commune.code),
    minority: PA_KO_COMMUNES.has(commune.code) ? 'Pa Kô' : 'Vân Kiều',
    catholicArea: CATHOLIC_DISTRICTS.has(commune.district.code),
    urbanWord: KHOM_TOWNS.has(commune.code) ? 'khóm' : 'khu phố',
  };
}

/**
 * Who lives in a village of this commune: a bản of an ethnic commune is almost all Vân Kiều or Pa Kô, a thôn
 * there mostly Kinh; the mountain towns are mixed; the lowlands and cities are Kinh.
 */
export function villagerEthnicity(rng: Random, profile: CommuneProfile, villageType: string): Ethnicity {
  if (profile.ethnic && villageType === 'bản') return rng.chance(0.92) ? profile.minority : 'Kinh';
  if (profile.ethnic) return rng.chance(0.35) ? profile.minority : 'Kinh';
  if (profile.mountain) return rng.chance(villageType === 'bản' ? 0.7 : 0.2) ? profile.minority : 'Kinh';
  return 'Kinh';
}

/** Commune cadres: in an ethnic commune most are local people, as the province's cadre policy asks. */
export function cadreEthnicity(rng: Random, profile: CommuneProfile): Ethnicity {
  if (profile.ethnic) return rng.chance(0.6) ? profile.minority : 'Kinh';
  if (profile.mountain) return rng.chance(0.15) ? profile.minority : 'Kinh';
  return 'Kinh';
}

/** How an organisation's name refers to its unit: "xã Hải Phú", "thị trấn Khe Sanh", but "Phường 1". */
export function unitLabel(unit: { type: string; name: string; fullName: string }): string {
  return /^\d+$/.test(unit.name) ? unit.fullName : `${unit.type} ${unit.name}`;
}
