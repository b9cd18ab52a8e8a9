import type { TerritoryUnit } from './territory.ts';

/**
 * Which successor each village of a commune goes to. A merged commune has one successor. A split commune's
 * villages are dealt out in their order as contiguous blocks, as even as possible, the successors taken by
 * code: the demo has no map of where each village lies, and neighbouring villages usually go together.
 */
export function successorIndexes(villageCount: number, successorCount: number): number[] {
  if (successorCount < 1) throw new Error('a commune needs a successor');
  const base = Math.floor(villageCount / successorCount);
  const extra = villageCount % successorCount;
  const indexes: number[] = [];
  for (let s = 0; s < successorCount; s++) {
    const size = base + (s < extra ? 1 : 0);
    for (let i = 0; i < size; i++) indexes.push(s);
  }
  return indexes;
}

/** The successors of a commune in the order villages are dealt to them. */
export function orderedSuccessors<T extends { unit: TerritoryUnit }>(successors: readonly T[]): T[] {
  return [...successors].sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

/**
 * The name a village takes in its 2025 commune. Merged communes often bring several "Thôn 1": a commune may not
 * have two live villages of the same name, so each of them is told apart by its old commune ("1 (Hải An)",
 * "3 (Phường 1)"); a name that occurs once is kept as it is. `clashing` holds the lower-cased names that occur
 * more than once in the new commune, `taken` the names already given there.
 */
export function name2025(name: string, oldCommune: { name: string; fullName: string }, clashing: Set<string>, taken: Set<string>): string {
  const origin = /^\d+$/.test(oldCommune.name) ? oldCommune.fullName : oldCommune.name;
  let candidate = clashing.has(name.toLowerCase()) ? `${name} (${origin})` : name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${origin} ${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
