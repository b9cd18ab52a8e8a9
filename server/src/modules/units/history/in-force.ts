import type { SuccessionLink, UnitHistory, UnitRow } from './history-types.ts';

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;

/**
 * The units of the 4-level structure in force on `date` (YYYY-MM-DD), each in the version of that day, ordered by
 * level then code (as replay.py --at prints them). The 2019-01-01 list also answers for earlier dates (the data has
 * no change before it); after 30/6/2025 the structure has ended and the list is empty.
 */
export function unitsInForce(history: UnitHistory, date: string): UnitRow[] {
  const found: UnitRow[] = [];
  for (const life of history.units.values()) {
    if ((life.validFrom !== null && life.validFrom > date) || life.validTo < date) continue;
    const version = life.versions.find((v) => (v.validFrom === null || v.validFrom <= date) && date <= v.validTo);
    if (!version) continue;
    found.push({ code: life.code, name: version.name, fullName: version.fullName, level: life.level, type: version.type, parentCode: version.parentCode });
  }
  return found.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Where a unit's territory reads at the end of its lineage. */
export interface LineageEnd {
  /** '2019': a unit in force on 30/6/2025; '2025': a unit of 1/7/2025 (when the reform links were given). */
  structure: '2019' | '2025';
  code: string;
  /** The weakest link on the way ('certain' for a unit that is itself in force). */
  certainty: 'certain' | 'likely';
  /** The codes of the 4-level structure passed through, the start first. */
  chain: string[];
}

const linkIndexes = new WeakMap<UnitHistory, Map<string, SuccessionLink[]>>();

function linksFrom(history: UnitHistory): Map<string, SuccessionLink[]> {
  let index = linkIndexes.get(history);
  if (!index) {
    index = new Map();
    for (const link of history.successions) index.set(link.oldCode, [...(index.get(link.oldCode) ?? []), link]);
    linkIndexes.set(history, index);
  }
  return index;
}

/**
 * Follows a unit's succession links transitively (a commune merged in 2020 into one that was divided in 2025 reads
 * under each part) to the units in force on 30/6/2025 and, when `reform` is given (old code → new codes of
 * succession-2025.csv), on to the units of 1/7/2025. `complete` is false when a branch ends at a ceased unit whose
 * successor is unknown. Ends reached twice are given once, with the stronger certainty.
 */
export function lineage(history: UnitHistory, code: string, reform?: ReadonlyMap<string, readonly string[]>): { ends: LineageEnd[]; complete: boolean } {
  const links = linksFrom(history);
  const ends = new Map<string, LineageEnd>();
  let complete = true;
  const add = (end: LineageEnd) => {
    const key = `${end.structure}:${end.code}`;
    const known = ends.get(key);
    if (!known || (known.certainty === 'likely' && end.certainty === 'certain')) ends.set(key, end);
  };
  const walk = (current: string, certainty: LineageEnd['certainty'], chain: string[]) => {
    const life = history.units.get(current);
    if (!life) throw new Error(`lineage: unknown unit ${current}`);
    if (!life.end) {
      const next = reform?.get(current);
      if (next?.length) for (const newCode of next) add({ structure: '2025', code: newCode, certainty, chain });
      else add({ structure: '2019', code: current, certainty, chain });
      return;
    }
    const out = links.get(current) ?? [];
    if (out.length === 0) complete = false;
    for (const link of out) {
      if (chain.includes(link.newCode)) throw new Error(`lineage: cycle through ${link.newCode}`);
      walk(link.newCode, certainty === 'likely' || link.certainty === 'likely' ? 'likely' : 'certain', [...chain, link.newCode]);
    }
  };
  walk(code, 'certain', [code]);
  return { ends: [...ends.values()], complete };
}
