import { readdirSync, readFileSync } from 'node:fs';
import type { TCampaignPack, TCampaignPackSummary } from '#contracts/emulation/pack.ts';
import { checkPack, packCounts } from './pack-check.ts';

/** The folder of the campaign packs shipped with the application: one JSON file per campaign document. */
export const PACKS_DIR = new URL('./', import.meta.url);

let shipped: Map<string, TCampaignPack> | undefined;

/** The shipped packs by code, read and checked once; a broken shipped pack stops the server (packs.test.ts catches it first). */
export function shippedCampaignPacks(): ReadonlyMap<string, TCampaignPack> {
  if (shipped) return shipped;
  const packs = new Map<string, TCampaignPack>();
  for (const file of readdirSync(PACKS_DIR).filter((name) => name.endsWith('.json')).sort()) {
    const { pack, problems } = checkPack(JSON.parse(readFileSync(new URL(file, PACKS_DIR), 'utf8')));
    if (!pack) throw new Error(`emulation pack ${file}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    packs.set(pack.code, pack);
  }
  shipped = packs;
  return packs;
}

export function summarisePack(pack: TCampaignPack): TCampaignPackSummary {
  const counts = packCounts(pack);
  return {
    code: pack.code,
    version: pack.version,
    source: pack.source,
    title: pack.campaign.title,
    year: pack.campaign.year,
    level: pack.campaign.level,
    commitmentCount: counts.commitments,
    criterionCount: counts.criteria,
    bodyTaskCount: counts.bodyTasks,
    milestoneCount: counts.milestones,
  };
}
