import type { TCampaignDetail, TCampaignInput, TCampaignListQuery, TCampaignUpdate } from '#contracts/emulation/campaign.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { findReadableProgramme } from '../../programmes/index.ts';
import { findUnit } from '../../units/index.ts';
import { emulationPolicy } from '../emulation.policy.ts';
import { presentCampaign, presentCampaignDetail } from './campaign.presenter.ts';
import * as repo from './campaign.repository.ts';

type CampaignFields = TCampaignUpdate;

/** Campaigns the actor may read: launched by a unit in or above their scope. */
export async function listCampaigns(db: Database, actor: Actor, query: TCampaignListQuery) {
  authorize(emulationPolicy.read(actor));
  return (await repo.listCampaigns(db, actor.scope, query)).map(presentCampaign);
}

/** A campaign with its commitments, criteria, tasks per body, timeline and participants. */
export async function getCampaign(db: Database, actor: Actor, id: number): Promise<TCampaignDetail> {
  authorize(emulationPolicy.read(actor));
  return readDetail(db, actor, id);
}

async function readDetail(db: Database, actor: Actor, id: number): Promise<TCampaignDetail> {
  const row = await repo.findCampaign(db, actor.scope, id);
  if (!row) throw notFound('entity.emulationCampaign');
  const parts = await repo.findCampaignParts(db, row);
  return presentCampaignDetail(row, parts, row.in_scope && emulationPolicy.manageCampaigns(actor));
}

/** The folded text a campaign is searched by (code, title, themes: "dan van kheo" finds "Dân vận khéo"). */
export const campaignSearchText = (fields: { code: string; title: string; themes: readonly string[] }) =>
  foldVi([fields.code, fields.title, ...fields.themes].join(' '));

/**
 * The checks of a campaign's fields against the database: the level is the launching unit's, the year lies in the
 * period, the programme is one the actor reads, the code is free in the unit, and the participants are the unit or
 * units and bodies below it. Returns the rows of the parts to write.
 */
async function checkFields(
  trx: Database,
  actor: Actor,
  unit: { id: number; level: string; path: string; full_name: string },
  fields: CampaignFields,
  campaignId: number | null,
): Promise<repo.PartValues> {
  if (unit.level === 'village') throw invalidField('unitId', msg('emulation.campaigns.villageUnit'));
  if (fields.level !== unit.level) throw invalidField('level', msg('emulation.campaigns.levelMismatch', { unit: unit.full_name }));
  const [from, to] = [Number(fields.startsOn.slice(0, 4)), Number(fields.endsOn.slice(0, 4))];
  if (fields.year < from || fields.year > to) throw invalidField('year', msg('emulation.campaigns.yearOutside', { year: fields.year, from, to }));
  if (fields.programmeId !== null && !(await findReadableProgramme(trx, actor.scope, fields.programmeId))) {
    throw invalidField('programmeId', msg('emulation.campaigns.programmeOutOfReach'));
  }
  if (await repo.campaignCodeTaken(trx, unit.id, fields.code, campaignId)) {
    throw invalidField('code', msg('emulation.campaigns.codeTaken', { code: fields.code }));
  }
  const unitIds = fields.participants.flatMap((p) => (p.unitId === null ? [] : [p.unitId]));
  const orgIds = fields.participants.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId]));
  if (new Set(unitIds).size !== unitIds.length || new Set(orgIds).size !== orgIds.length) {
    throw invalidField('participants', msg('emulation.campaigns.participantTwice'));
  }
  const unitsOk = new Set(await repo.unitsUnder(trx, unit.path, unitIds));
  const badUnit = unitIds.findIndex((id) => !unitsOk.has(id));
  if (badUnit >= 0) throw invalidField(`participants.${badUnit}.unitId`, msg('emulation.campaigns.participantUnitNotUnder', { owner: unit.full_name }), 'participants');
  const orgsOk = new Set(await repo.organizationsUnder(trx, actor.scope, unit.path, orgIds));
  const badOrg = orgIds.findIndex((id) => !orgsOk.has(id));
  if (badOrg >= 0) throw invalidField('participants', msg('emulation.campaigns.participantOrgNotUnder', { owner: unit.full_name }));
  return {
    commitments: fields.commitments.map((c) => ({ code: c.code, title: c.title, appendix: c.appendix })),
    criteria: fields.criteria.map((c) => ({ applies_to: c.appliesTo, code: c.code, text: c.text, scoring: c.scoring, weight: c.weight, max_score: c.maxScore })),
    bodyTasks: fields.bodyTasks.map((t) => ({ body_kind: t.bodyKind, heading: t.heading, code: t.code, text: t.text })),
    milestones: fields.milestones.map((m) => ({ kind: m.kind, on_date: m.onDate, until_date: m.untilDate, every_years: m.everyYears, title: m.title })),
    participants: fields.participants.map((p) => ({ unit_id: p.unitId, organization_id: p.organizationId })),
  };
}

const campaignValues = (fields: CampaignFields) => ({
  programme_id: fields.programmeId,
  code: fields.code,
  title: fields.title,
  year: fields.year,
  starts_on: fields.startsOn,
  ends_on: fields.endsOn,
  level: fields.level,
  themes: fields.themes,
  purpose: fields.purpose,
  status: fields.status,
  search_text: campaignSearchText(fields),
});

/** Launches a campaign owned by a unit in the actor's scope, with all its parts, in one transaction (audited). */
export async function createCampaign(db: Database, actor: Actor, input: TCampaignInput): Promise<TCampaignDetail> {
  authorize(emulationPolicy.manageCampaigns(actor));
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    const parts = await checkFields(trx, actor, unit, { ...input, version: 1 }, null);
    const campaign = await repo.insertCampaign(trx, { ...campaignValues({ ...input, version: 1 }), unit_id: unit.id, pack_code: null, pack_version: null, created_by: actor.userId });
    await repo.replaceCampaignParts(trx, campaign, parts);
    await recordAudit(trx, actor, { action: 'create', entity: 'emulation_campaign', entityId: campaign.id, unitId: unit.id, after: input });
    return readDetail(trx, actor, campaign.id);
  });
}

/**
 * Replaces a campaign of a unit in scope and its parts, if nobody changed it since the actor read it (409
 * otherwise). A reader from below (a commune reading its province's campaign) gets 403; out of reach, 404.
 */
export async function updateCampaign(db: Database, actor: Actor, id: number, input: TCampaignUpdate): Promise<TCampaignDetail> {
  return db.transaction().execute(async (trx) => {
    const current = await repo.findCampaign(trx, actor.scope, id);
    if (!current) throw notFound('entity.emulationCampaign');
    authorize(current.in_scope && emulationPolicy.manageCampaigns(actor));
    if (current.version !== input.version) throw conflict(msg('emulation.campaigns.staleVersion', { current: current.version, seen: input.version }));
    await repo.lockCampaign(trx, current.province_id, id);
    const unit = { id: current.unit_id, level: current.unit_level, path: current.unit_path, full_name: current.unit_full_name };
    const parts = await checkFields(trx, actor, unit, input, id);
    const before = presentCampaignDetail(current, await repo.findCampaignParts(trx, current), false);
    if (!(await repo.updateCampaign(trx, current.province_id, id, input.version, campaignValues(input)))) {
      throw conflict(msg('emulation.campaigns.staleVersion', { current: current.version + 1, seen: input.version }));
    }
    await repo.replaceCampaignParts(trx, current, parts);
    const { canManage: _omit, createdAt: _c, updatedAt: _u, ...beforeData } = before;
    await recordAudit(trx, actor, { action: 'update', entity: 'emulation_campaign', entityId: id, unitId: current.unit_id, before: beforeData, after: input });
    return readDetail(trx, actor, id);
  });
}
