import type { Random } from './random.ts';
import { communeProfile, type Commune2019, type EndedCommune } from './territory.ts';
import { DEMO_VILLAGE_COUNT, PINNED_VILLAGES, planVillagesFor, villageCounts, type VillageDraft } from './villages.ts';

/**
 * The villages of the two Quảng Trị communes divided before the reform, as the evidence of the unit history
 * names them (resources/admin-units/history-2019-2025/README.md), with the commune each went to.
 */
export const DIVIDED_VILLAGES: Readonly<Record<string, readonly (VillageDraft & { to: string })[]>> = {
  // Xã Gio Thành, 832/NQ-UBTVQH14 (1/1/2020): Nhĩ Trung and Nhĩ Hạ to Gio Hải, the rest (Tân Minh) to Gio Mai
  '19528': [
    { name: 'Nhĩ Trung', type: 'thôn', to: '19519' },
    { name: 'Nhĩ Hạ', type: 'thôn', to: '19519' },
    { name: 'Tân Minh', type: 'thôn', to: '19543' },
  ],
  // Xã Gio Châu, 1281/NQ-UBTVQH15 (1/1/2025), per the province's plan: Hà Thượng and Hà Trung to thị trấn Gio
  // Linh, Hà Thanh to Gio Quang
  '19525': [
    { name: 'Hà Thượng', type: 'thôn', to: '19495' },
    { name: 'Hà Trung', type: 'thôn', to: '19495' },
    { name: 'Hà Thanh', type: 'thôn', to: '19552' },
  ],
};

/** A village of a commune on 30/6/2025, and the 2018 commune it lay in when that is another, ended one. */
export interface PlacedVillage extends VillageDraft {
  origin: EndedCommune | null;
}

/**
 * Seed 001's shape: `total` villages over the communes of 2018 (those that reached the reform and those that
 * ended before it), each commune's count drawn as before. A village of an ended commune is named among the
 * villages of the commune it went to, so that names stay distinct there; a divided commune has the villages
 * its evidence names. Returns, per commune of `communes`, the villages it holds on 30/6/2025.
 */
export function planVillages2018(rng: Random, communes: readonly Commune2019[], ended: readonly EndedCommune[], total = DEMO_VILLAGE_COUNT): PlacedVillage[][] {
  const divided = ended.filter((commune) => DIVIDED_VILLAGES[commune.code]);
  const merged = ended.filter((commune) => !DIVIDED_VILLAGES[commune.code]);
  for (const commune of merged) {
    if (commune.successors.length !== 1) throw new Error(`${commune.fullName} was divided: name its villages in DIVIDED_VILLAGES`);
  }
  const fixed = divided.reduce((sum, commune) => sum + (DIVIDED_VILLAGES[commune.code]?.length ?? 0), 0);
  const places = [...communes, ...merged].sort((a, b) => a.code.localeCompare(b.code));
  const drawn = villageCounts(rng.fork('counts'), places, total - fixed);
  const countOf = new Map(places.map((place, i) => [place.code, drawn[i] as number]));

  return communes.map((commune) => {
    const own = PINNED_VILLAGES[commune.code] ?? [];
    const arriving = divided.flatMap((origin) =>
      (DIVIDED_VILLAGES[origin.code] ?? []).filter((village) => village.to === commune.code).map(({ name, type }) => ({ name, type, origin })),
    );
    const mergedIn = merged.filter((origin) => origin.successors[0]?.id === commune.id);
    const ownCount = countOf.get(commune.code) as number;
    const count = ownCount + arriving.length + mergedIn.reduce((sum, origin) => sum + (countOf.get(origin.code) as number), 0);
    const named = planVillagesFor(rng.fork(`names:${commune.code}`), commune, count, communeProfile(commune), [...own, ...arriving]);
    const generated = named.slice(own.length + arriving.length);
    const placed: PlacedVillage[] = [
      ...own.map((village) => ({ ...village, origin: null })),
      ...generated.splice(0, ownCount - own.length).map((village) => ({ ...village, origin: null })),
      ...arriving,
    ];
    for (const origin of mergedIn) placed.push(...generated.splice(0, countOf.get(origin.code) as number).map((village) => ({ ...village, origin })));
    return placed;
  });
}
