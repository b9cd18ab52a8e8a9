import type { Kysely } from 'kysely';
import type { TCampaignPack, TCampaignPackLoadInput, TCampaignPackLoadResult, TCampaignPackSummary } from '#contracts/emulation/pack.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, fieldMessage, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { findPackProgramme } from '../../programmes/index.ts';
import { findUnit } from '../../units/index.ts';
import { campaignSearchText } from '../campaigns/campaign.service.ts';
import { findPackCampaign, insertCampaign, lockPackLoad, replaceCampaignParts } from '../campaigns/campaign.repository.ts';
import { emulationPolicy } from '../emulation.policy.ts';
import { checkPack, packCounts } from './pack-check.ts';
import { shippedCampaignPacks, summarisePack } from './pack-store.ts';

/** The campaign packs shipped with the application. */
export function listCampaignPacks(actor: Actor): TCampaignPackSummary[] {
  authorize(emulationPolicy.read(actor));
  return [...shippedCampaignPacks().values()].map(summarisePack);
}

/**
 * Loads a shipped pack (by code) or an uploaded one into a unit of the actor's scope, in one transaction, audited.
 * Idempotent: the same code and version already in that unit creates nothing (alreadyLoaded); another version of it
 * is refused (409). `dryRun` answers the same counts without writing.
 */
export async function loadCampaignPack(db: Database, actor: Actor, input: TCampaignPackLoadInput): Promise<TCampaignPackLoadResult> {
  authorize(emulationPolicy.manageCampaigns(actor));
  const pack = input.code !== undefined ? shippedCampaignPacks().get(input.code) : checked(input.pack);
  if (!pack) throw notFound('entity.emulationPack');
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    return loadCampaignPackInto(trx, actor, unit, pack, input.dryRun);
  });
}

/** An uploaded pack passed the contract's shape; the pack schema and its references are checked here: 400 naming the field. */
function checked(raw: unknown): TCampaignPack {
  const { pack, problems } = checkPack(raw);
  if (pack) return pack;
  const fields = problems.map((p) => ({ field: `pack.${p.field}`, message: p.message }));
  const first = fields[0] ?? { field: 'pack', message: msg('http.invalidValue') };
  throw new AppError(400, 'validation', fieldMessage(first.field, first.message, 'pack'), fields);
}

/**
 * The load itself, inside the caller's transaction, into a unit the caller has checked (the service: in the actor's
 * scope; the demo: the demo province). `actor` null: the system (demo). The unit's level must be the pack's.
 */
export async function loadCampaignPackInto(
  trx: Kysely<DB>,
  actor: Actor | null,
  unit: { id: number; level: string; full_name: string },
  pack: TCampaignPack,
  dryRun: boolean,
): Promise<TCampaignPackLoadResult> {
  const ref = { code: pack.code, version: pack.version };
  if (unit.level !== pack.campaign.level) throw invalidField('unitId', msg('emulation.campaigns.levelMismatch', { unit: unit.full_name }));
  // two loads of the same pack into the same unit at once: the second waits here until the first commits, then
  // finds its campaign and answers alreadyLoaded (transaction-level lock, SCALE.md rule 6)
  await lockPackLoad(trx, unit.id, pack.code);
  const existing = await findPackCampaign(trx, unit.id, pack.code);
  if (existing && existing.pack_version !== pack.version) {
    throw conflict(msg('emulation.packs.otherVersion', { code: pack.code, loaded: existing.pack_version ?? 0, version: pack.version }));
  }
  const programme = pack.programmePack === null ? undefined : await findPackProgramme(trx, unit.id, pack.programmePack);
  if (existing) {
    const none = { commitments: 0, criteria: 0, bodyTasks: 0, milestones: 0 };
    return { dryRun, pack: ref, alreadyLoaded: true, campaignId: existing.id, programmeId: programme?.id ?? null, created: none };
  }
  const created = packCounts(pack);
  if (dryRun) return { dryRun, pack: ref, alreadyLoaded: false, campaignId: null, programmeId: programme?.id ?? null, created };
  const c = pack.campaign;
  const campaign = await insertCampaign(trx, {
    unit_id: unit.id,
    programme_id: programme?.id ?? null,
    code: c.code,
    title: c.title,
    year: c.year,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    level: c.level,
    themes: c.themes,
    purpose: c.purpose,
    status: 'active',
    pack_code: pack.code,
    pack_version: pack.version,
    search_text: campaignSearchText(c),
    created_by: actor?.userId ?? null,
  });
  await replaceCampaignParts(trx, campaign, {
    commitments: pack.commitments.map((x) => ({ code: x.code, title: x.title, appendix: x.appendix })),
    criteria: pack.criteria.map((x) => ({ applies_to: x.appliesTo, code: x.code, text: x.text, scoring: x.scoring, weight: x.weight, max_score: x.maxScore })),
    bodyTasks: pack.bodyTasks.map((x) => ({ body_kind: x.bodyKind, heading: x.heading, code: x.code, text: x.text })),
    milestones: pack.milestones.map((x) => ({ kind: x.kind, on_date: x.onDate, until_date: x.untilDate, every_years: x.everyYears, title: x.title })),
    participants: [],
  });
  await recordAudit(trx, actor, { action: 'load_pack', entity: 'emulation_campaign', entityId: campaign.id, unitId: unit.id, after: { pack: ref, created } });
  return { dryRun, pack: ref, alreadyLoaded: false, campaignId: campaign.id, programmeId: programme?.id ?? null, created };
}
