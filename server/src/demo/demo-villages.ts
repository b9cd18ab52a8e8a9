import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { insertSuccessions, insertUnits } from '#server/modules/units/unit.repository.ts';
import type { Random } from './random.ts';
import { name2025, orderedSuccessors, successorIndexes } from './reform-2025.ts';
import { addDays } from '#contracts/indicators/period.ts';
import { TERM_END_2019, TERM_START_2025, type EndedCommune, type Territory } from './territory.ts';
import type { VillageUnit } from './village-orgs.ts';
import { planVillages2018 } from './villages-2018.ts';

/** The villages created, for the organisation planner. */
export interface DemoVillages {
  /** Villages by commune id (2018 communes that ended, 2019 and 2025 communes), in creation order. */
  byCommune: Map<number, VillageUnit[]>;
  /** 2025 village id → the 2019 village it continues. */
  predecessor: Map<number, number>;
  /** 2019 village id (in force until the reform) → its row under the ended 2018 commune it lay in before. */
  earlier: Map<number, { village: VillageUnit; commune: EndedCommune }>;
  count2019: number;
  count2025: number;
}

const fullName = (type: string, name: string) => `${type.charAt(0).toUpperCase()}${type.slice(1)} ${name}`;

/**
 * The admin_unit row of a demo village: 2019 villages end with their structure (or with their ended 2018
 * commune, `to`), and start with it (or on the day after their earlier commune ended, `from`); 2025 ones start
 * with theirs.
 */
export function villageRow(
  structure: '2019' | '2025',
  village: { name: string; type: string },
  communeId: number,
  period: { from?: string | null; to?: string } = {},
) {
  return {
    structure,
    code: null,
    name: village.name,
    full_name: fullName(village.type, village.name),
    level: 'village' as const,
    type: village.type,
    parent_id: communeId,
    valid_from: structure === '2019' ? (period.from ?? null) : TERM_START_2025,
    valid_to: structure === '2019' ? (period.to ?? TERM_END_2019) : null,
  };
}

type UnitInsert = Parameters<typeof insertUnits>[1][number];

async function insertInOrder(db: Kysely<DB>, rows: UnitInsert[]): Promise<number[]> {
  const inserted = await insertUnits(db, rows);
  return inserted.map((unit, i) => {
    const row = rows[i];
    if (!row || unit.name !== row.name || unit.parent_id !== row.parent_id) throw new Error('village ids came back out of order');
    return unit.id;
  });
}

/**
 * Creates the 1,113 villages of seed 001 over the 2018 communes. A village of a commune that ended before the
 * reform gets a row under it until its last day and one under the commune it went to from the next, linked as
 * 'moved'. Then one 2025 village for each under the 2025 commune that took its commune in (dealt out in blocks
 * when a commune was split), linked old → new as 'merged'.
 */
export async function createVillages(db: Kysely<DB>, territory: Territory, rng: Random): Promise<DemoVillages> {
  const drafts = planVillages2018(rng, territory.communes, territory.ended);
  const rows2019 = territory.communes.flatMap((commune, i) =>
    (drafts[i] ?? []).map((village) => villageRow('2019', village, commune.id, { from: village.origin && addDays(village.origin.validTo, 1) })),
  );
  const ids2019 = await insertInOrder(db, rows2019);
  // the villages that lay in a commune ended before the reform: a row under it, 'moved' to the later row
  const moved = drafts.flat().flatMap((village, index) => (village.origin ? [{ index, village, origin: village.origin }] : []));
  const earlyRows = moved.map(({ village, origin }) => villageRow('2019', village, origin.id, { to: origin.validTo }));
  const earlyIds = await insertInOrder(db, earlyRows);
  await insertSuccessions(
    db,
    moved.map(({ index, origin }, k) => ({
      old_unit_id: earlyIds[k] as number,
      new_unit_id: ids2019[index] as number,
      kind: 'moved' as const,
      effective_date: addDays(origin.validTo, 1),
    })),
  );
  const earlier = new Map(
    moved.map(({ index, village, origin }, k) => [ids2019[index] as number, { village: { id: earlyIds[k] as number, name: village.name, type: village.type }, commune: origin }]),
  );

  // Each old village goes to one new commune; names that now clash there get their old commune added.
  const moves = territory.communes.flatMap((commune, i) => {
    const villages = drafts[i] ?? [];
    const successors = orderedSuccessors(commune.successors);
    const targets = successorIndexes(villages.length, successors.length);
    return villages.map((village, v) => {
      const target = successors[targets[v] as number]?.unit;
      if (!target) throw new Error(`no 2025 commune for a village of ${commune.fullName}`);
      return { commune, village, target };
    });
  });
  const seen = new Map<number, Map<string, number>>();
  for (const { village, target } of moves) {
    const names = seen.get(target.id) ?? new Map<string, number>();
    names.set(village.name.toLowerCase(), (names.get(village.name.toLowerCase()) ?? 0) + 1);
    seen.set(target.id, names);
  }
  const clashing = new Map([...seen].map(([id, names]) => [id, new Set([...names].filter(([, n]) => n > 1).map(([name]) => name))]));
  const taken = new Map<number, Set<string>>();
  const rows2025: UnitInsert[] = moves.map(({ commune, village, target }) => {
    const names = taken.get(target.id) ?? new Set<string>();
    taken.set(target.id, names);
    const name = name2025(village.name, commune, clashing.get(target.id) ?? new Set(), names);
    return villageRow('2025', { name, type: village.type }, target.id);
  });
  const ids2025 = await insertInOrder(db, rows2025);
  await insertSuccessions(
    db,
    ids2025.map((id, i) => ({ old_unit_id: ids2019[i] as number, new_unit_id: id, kind: 'merged' as const, effective_date: TERM_START_2025 })),
  );

  const byCommune = new Map<number, VillageUnit[]>();
  const add = (rows: UnitInsert[], ids: number[]) =>
    rows.forEach((row, i) => {
      const list = byCommune.get(row.parent_id as number) ?? [];
      list.push({ id: ids[i] as number, name: row.name, type: row.type });
      byCommune.set(row.parent_id as number, list);
    });
  add(rows2019, ids2019);
  add(earlyRows, earlyIds);
  add(rows2025, ids2025);
  const predecessor = new Map(ids2025.map((id, i) => [id, ids2019[i] as number]));
  return { byCommune, predecessor, earlier, count2019: ids2019.length, count2025: ids2025.length };
}
