import { readdirSync, readFileSync } from 'node:fs';
import type { TProgrammePack } from '#contracts/programmes/pack.ts';
import type { TPackSummary } from '#contracts/programmes/programmes.api.ts';
import { checkPack, packCounts } from './pack-check.ts';

/** The folder of the packs shipped with the application: one JSON file per seed document. */
export const PACKS_DIR = new URL('./', import.meta.url);

let shipped: Map<string, TProgrammePack> | undefined;

/** The shipped packs by code, read and checked once; a broken shipped pack stops the server (the validator catches it first). */
export function shippedPacks(): ReadonlyMap<string, TProgrammePack> {
  if (shipped) return shipped;
  const packs = new Map<string, TProgrammePack>();
  for (const file of readdirSync(PACKS_DIR).filter((name) => name.endsWith('.json')).sort()) {
    const { pack, problems } = checkPack(JSON.parse(readFileSync(new URL(file, PACKS_DIR), 'utf8')));
    if (!pack) throw new Error(`programme pack ${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    packs.set(pack.code, pack);
  }
  shipped = packs;
  return packs;
}

export function summarisePack(pack: TProgrammePack): TPackSummary {
  const counts = packCounts(pack);
  return {
    code: pack.code,
    version: pack.version,
    source: pack.source,
    kind: pack.programme.kind,
    number: pack.programme.number,
    title: pack.programme.title,
    fromYear: pack.programme.fromYear,
    toYear: pack.programme.toYear,
    targetCount: counts.targets,
    taskCount: counts.tasks,
  };
}
