import type { Random } from '#server/demo/random.ts';

/**
 * Plausible figures for the demo's reports. A commune keeps its character from month to month (how many
 * cadres, how often they go to the villages, how many petitions its people send and how well it settles them),
 * and a 2025 commune, about three old ones merged, reports larger numbers.
 */

/** One cell of a form: an element, its field of petition (null = not disaggregated), a value. */
export interface Cell {
  element: string;
  option: string | null;
  value: number;
}

/** What stays the same in a commune's monthly figures. */
export interface CommuneTraits {
  cadres: number;
  /** Days in the villages per cadre per month. */
  diligence: number;
  petitions: number;
  resolveRate: number;
  dossiers: number;
  onTimeRate: number;
  sessions: [number, number];
  dialogues: number;
}

/** Petition fields and their shares of the petitions (land disputes first, as everywhere in the countryside). */
export const FIELD_SHARES: ReadonlyArray<[string, number]> = [
  ['DAT_DAI', 0.45],
  ['CHINH_SACH_XA_HOI', 0.3],
  ['KHAC', 0.25],
];

/** A commune of the 2019 structure (about 9 villages) or of the 2025 one (about three merged). */
export function communeTraits(rng: Random, commune: { structure: '2019' | '2025'; villages: number }): CommuneTraits {
  const merged = commune.structure === '2025';
  const size = commune.villages > 0 ? commune.villages : rng.int(merged ? 14 : 6, merged ? 30 : 14);
  const lax = rng.chance(0.2);
  return {
    cadres: merged ? rng.int(11, 15) : rng.int(9, 11),
    diligence: lax ? 2.4 + rng.next() * 0.6 : 3.1 + rng.next() * 1.2,
    // per village a merged commune sees as many petitions and dossiers as the old communes together did
    petitions: size * (0.3 + rng.next() * 0.35) * (merged ? 1.3 : 1),
    resolveRate: 0.76 + rng.next() * 0.22,
    dossiers: size * rng.int(6, 14) * (merged ? 1.25 : 1),
    onTimeRate: rng.chance(0.55) ? 1 : 0.95 + rng.next() * 0.045,
    sessions: merged ? [4, 8] : [2, 5],
    dialogues: merged ? 0.8 : 0.35,
  };
}

/** About `mean`, never negative, whole. */
const around = (rng: Random, mean: number, spread = 0.6) => Math.max(0, Math.round(mean * (1 - spread + 2 * spread * rng.next())));

/** A month's figures of a commune: every cell of the monthly form. */
export function monthlyCells(rng: Random, traits: CommuneTraits, period: string): Cell[] {
  const month = Number(period.slice(4, 6));
  const tet = month === 1 || month === 2 ? 0.85 : 1;
  const cadres = Math.max(7, traits.cadres + (rng.chance(0.1) ? rng.pick([-1, 1]) : 0));
  const days = Math.round(cadres * traits.diligence * tet * (0.9 + rng.next() * 0.2));
  const cells: Cell[] = [
    { element: 'DV_NGAY_CO_SO', option: null, value: days },
    { element: 'DV_CAN_BO', option: null, value: cadres },
    { element: 'DV_TIEP_CONG_DAN', option: null, value: rng.int(...traits.sessions) },
  ];
  const received = FIELD_SHARES.map(([option, share]) => ({ option, value: around(rng, traits.petitions * share) }));
  // rounded up or down at random, so small communes do not all settle every petition
  const resolved = received.map(({ option, value }) => ({ option, value: Math.min(value, Math.floor(value * traits.resolveRate * (0.9 + rng.next() * 0.2) + rng.next())) }));
  cells.push(...received.map(({ option, value }) => ({ element: 'DV_DON_TIEP_NHAN', option, value })));
  cells.push(...resolved.map(({ option, value }) => ({ element: 'DV_DON_GIAI_QUYET', option, value })));
  const dialogues = rng.chance(traits.dialogues) ? (rng.chance(0.2) ? 2 : 1) : 0;
  const models = rng.chance(0.1) ? (rng.chance(0.1) ? 2 : 1) : 0;
  const dossiers = around(rng, traits.dossiers, 0.25);
  const late = traits.onTimeRate === 1 ? 0 : Math.min(dossiers, Math.round(dossiers * (1 - traits.onTimeRate) * rng.next() * 2));
  cells.push(
    { element: 'DV_DOI_THOAI', option: null, value: dialogues },
    { element: 'DV_DAN_VAN_KHEO', option: null, value: models },
    { element: 'DV_HO_SO_TIEP_NHAN', option: null, value: dossiers },
    { element: 'DV_HO_SO_DUNG_HAN', option: null, value: dossiers - late },
  );
  return cells;
}

/**
 * The cells as first sent by a commune whose report came back: some land petitions typed under "Khác", and the
 * land petitions resolved counted above those received. The totals still pass the blocking rule (resolved ≤
 * received), which is why a person, not the form, catches it. Only the two changed cells are returned.
 */
export function misfiledCells(cells: readonly Cell[]): Cell[] {
  const value = (element: string, option: string) => cells.find((c) => c.element === element && c.option === option)?.value ?? 0;
  const shift = value('DV_DON_TIEP_NHAN', 'DAT_DAI') - value('DV_DON_GIAI_QUYET', 'DAT_DAI') + 1;
  return [
    { element: 'DV_DON_TIEP_NHAN', option: 'KHAC', value: value('DV_DON_TIEP_NHAN', 'KHAC') + shift },
    { element: 'DV_DON_GIAI_QUYET', option: 'DAT_DAI', value: value('DV_DON_GIAI_QUYET', 'DAT_DAI') + shift },
  ];
}

/**
 * What a draft holds so far, typed from the top: the first rows of a village form, or the first sections of a
 * commune form (whole sections, so received and resolved petitions, or dossiers, are never half typed).
 */
export function draftRows<R extends { cells: readonly Cell[] }>(rng: Random, rows: readonly R[], sectionOf: (element: string) => string): R[] {
  if (rows.length > 1) return rows.slice(0, rng.int(1, rows.length - 1));
  const [row] = rows;
  if (!row) return [];
  const sections = [...new Set(row.cells.map((cell) => sectionOf(cell.element)))];
  const kept = new Set(sections.slice(0, rng.int(1, Math.max(1, sections.length - 1))));
  return [{ ...row, cells: row.cells.filter((cell) => kept.has(sectionOf(cell.element))) }];
}

/** A village's yearly figures: an effective mediation team (1/0) and its self-management models. */
export function villageCells(rng: Random, year: number): Cell[] {
  const strength = rng.next();
  const better = year >= 2025 ? 0.05 : 0;
  const mediation = rng.chance(0.62 + 0.3 * strength + better) ? 1 : 0;
  const models = Math.max(0, Math.min(5, Math.round(0.6 + 2.8 * strength + 3 * better + (rng.next() - 0.5))));
  return [
    { element: 'DV_THON_HOA_GIAI', option: null, value: mediation },
    { element: 'DV_MO_HINH_TU_QUAN', option: null, value: models },
  ];
}
