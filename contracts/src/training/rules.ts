/**
 * Training coverage rules (issue 14 item 4), shared by the server (which writes them in SQL too) and the web.
 *
 * Groups of roles the targets name (a role is a person_role in an organisation of the registry, current on the day):
 * - `mobilisation_cadre` (seed 000 i8): cadres of the Ban Dân vận, the Khối dân vận, the Mặt trận Tổ quốc and the
 *   five socio-political organisations at province, district or commune level; trained at least once every 2 years.
 * - `cell_secretary_village_head` (seed 000 i9): party-cell secretaries who are also village heads (a Chi bộ role
 *   titled "Bí thư chi bộ kiêm Trưởng thôn/bản/…"); 100% trained within their term.
 * - `upper_cadre` (seed 004): cadres of the Ban Dân vận at province and district level; 100% trained.
 * - `grassroots_cadre` (seed 004): cadres of the commune's Ban Dân vận and Khối dân vận; 80% trained.
 *
 * A person counts as trained for a group on a day when they completed a course for that group (a course naming
 * no group is for every group) that ended on or before the day and within the window:
 * - `two_years`: ended after the day two years earlier (the course of 02/12/2024 still counts on 01/12/2026);
 * - `term`: ended on or after the first day of their current role's term;
 * - `since_role`: ended on or after the first day they held any role of the group.
 */
export const TRAINING_GROUPS = ['mobilisation_cadre', 'cell_secretary_village_head', 'upper_cadre', 'grassroots_cadre'] as const;
export type TTrainingGroup = (typeof TRAINING_GROUPS)[number];

export const TRAINING_WINDOWS = ['two_years', 'term', 'since_role'] as const;
export type TTrainingWindow = (typeof TRAINING_WINDOWS)[number];

/** Each group's target: the window it is measured in and the share (%) the seed asks for. */
export const GROUP_TARGETS: Record<TTrainingGroup, { window: TTrainingWindow; percent: number; seed: string }> = {
  mobilisation_cadre: { window: 'two_years', percent: 100, seed: '000 i8' },
  cell_secretary_village_head: { window: 'term', percent: 100, seed: '000 i9' },
  upper_cadre: { window: 'since_role', percent: 100, seed: '004' },
  grassroots_cadre: { window: 'since_role', percent: 80, seed: '004' },
};

/** Organisation types whose cadres are mass-mobilisation cadres (i8). */
export const MOBILISATION_ORG_TYPES = [
  'mobilization_commission',
  'propaganda_mobilization_commission',
  'party_building_board',
  'commune_bloc',
  'fatherland_front',
  'trade_union',
  'womens_union',
  'youth_union',
  'farmers_union',
  'veterans_association',
] as const;

/** Bodies of upper cadres (province, district): the Ban Dân vận until 2025, the Ban Tuyên giáo và Dân vận after it. */
export const UPPER_CADRE_TYPES = ['mobilization_commission', 'propaganda_mobilization_commission'] as const;
/** Bodies of grassroots cadres (commune): also the commune's Ban Xây dựng Đảng from 1/7/2025 (QĐ 299-QĐ/TW). */
export const GRASSROOTS_CADRE_TYPES = [...UPPER_CADRE_TYPES, 'party_building_board', 'commune_bloc'] as const;

/** A role as the group rule reads it: its organisation's type, the level of that organisation's unit, its title folded. */
export interface RoleFacts {
  organizationType: string;
  unitLevel: 'province' | 'district' | 'commune' | 'village';
  /** The title without diacritics, lower case ("bi thu chi bo kiem truong thon"). */
  foldedTitle: string;
}

/** The folded title of a party-cell secretary who is also village head starts so and names a head ("kiêm Trưởng …"). */
export const SECRETARY_HEAD_PATTERN = /^bi thu chi bo.*kiem truong/;

/** Whether a role belongs to a group (the server's SQL says the same: training-coverage.repository.ts). */
export function inGroup(group: TTrainingGroup, role: RoleFacts): boolean {
  switch (group) {
    case 'mobilisation_cadre':
      return (MOBILISATION_ORG_TYPES as readonly string[]).includes(role.organizationType) && role.unitLevel !== 'village';
    case 'cell_secretary_village_head':
      return role.organizationType === 'party_cell' && SECRETARY_HEAD_PATTERN.test(role.foldedTitle);
    case 'upper_cadre':
      return (UPPER_CADRE_TYPES as readonly string[]).includes(role.organizationType) && (role.unitLevel === 'province' || role.unitLevel === 'district');
    case 'grassroots_cadre':
      return (GRASSROOTS_CADRE_TYPES as readonly string[]).includes(role.organizationType) && role.unitLevel === 'commune';
  }
}

/** `iso` (yyyy-mm-dd) moved by whole years and days, in UTC (dates only). */
export function shiftDate(iso: string, years: number, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  // 29/02 of a year without it falls on 01/03: keep the last day of February instead
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day a completed course counts in the window, for a role whose term began `termFrom` and a person who first held the group's role on `firstFrom`. */
export function windowStart(window: TTrainingWindow, asOf: string, role: { termFrom: string; firstFrom: string }): string {
  if (window === 'two_years') return shiftDate(asOf, -2, 1);
  if (window === 'term') return role.termFrom;
  return role.firstFrom;
}

/** Days before the end of a two-year window from which a trained person is listed as "due" (to be trained soon). */
export const DUE_SOON_DAYS = 180;

export type TTrainingStatus = 'trained' | 'due' | 'overdue' | 'never';

/**
 * Where a person stands on `asOf`: `trained` (a course in the window), `due` (trained, but the two-year window
 * lapses within DUE_SOON_DAYS), `overdue` (trained before the window only), `never` (no completed course for the group).
 */
export function trainingStatus(window: TTrainingWindow, asOf: string, role: { termFrom: string; firstFrom: string }, completedOn: readonly string[]): TTrainingStatus {
  const done = completedOn.filter((day) => day <= asOf);
  if (done.length === 0) return 'never';
  const start = windowStart(window, asOf, role);
  const last = done.reduce((a, b) => (a > b ? a : b));
  if (last < start) return 'overdue';
  if (window === 'two_years' && shiftDate(last, 2) <= shiftDate(asOf, 0, DUE_SOON_DAYS)) return 'due';
  return 'trained';
}

// ---------- matching an attendance list to the registry

/** A person of the registry that an attendance row may name. */
export interface MatchCandidate {
  personId: number;
  fullName: string;
  birthYear: number | null;
  unitName: string;
}

export type MatchOutcome =
  | { kind: 'matched'; personId: number }
  | { kind: 'doubtful'; reason: 'several' | 'birthYear'; candidates: MatchCandidate[] }
  | { kind: 'none' };

/**
 * Matches one row (already narrowed to people of the same folded name in the row's unit) by birth year: one
 * person of that year is a match; several are doubtful ("several"); none of that year but some of the name (or
 * the row gives no year) is doubtful ("birthYear"), for the user to choose; no one of the name is no match.
 */
export function matchRow(birthYear: number | null, sameName: readonly MatchCandidate[]): MatchOutcome {
  if (sameName.length === 0) return { kind: 'none' };
  const sameYear = birthYear === null ? [] : sameName.filter((c) => c.birthYear === birthYear);
  if (sameYear.length === 1) return { kind: 'matched', personId: (sameYear[0] as MatchCandidate).personId };
  if (sameYear.length > 1) return { kind: 'doubtful', reason: 'several', candidates: sameYear };
  return { kind: 'doubtful', reason: 'birthYear', candidates: [...sameName] };
}

/** "có", "x", "1", "hoàn thành", "đạt" (folded) mean completed; empty or "không" not. */
export function parseCompleted(folded: string): boolean | null {
  if (['co', 'x', '1', 'hoan thanh', 'dat', 'yes', 'true'].includes(folded)) return true;
  if (['', 'khong', '0', 'chua', 'khong dat', 'chua hoan thanh', 'no', 'false'].includes(folded)) return false;
  return null;
}
