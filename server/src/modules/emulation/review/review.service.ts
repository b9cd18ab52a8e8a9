import type { z } from 'zod';
import type {
  TNominable, TNomination, TNominationDetail, TReviewSheet, ZConcludeInput, ZNominableQuery, ZNominationInput, ZNominationListQuery, ZScoresInput, ZSheetInput, ZSheetUpdate, ZWithdrawInput,
} from '#contracts/emulation/review.api.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { Database } from '#server/db/database.ts';
import { listFiles } from '#server/platform/files/file.service.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../../audit/index.ts';
import { findCampaignForParts } from '../campaigns/campaign-access.ts';
import { emulationPolicy } from '../emulation.policy.ts';
import { modelWorkflow, recordPublicReview } from '../models/index.ts';
import { presentNomination, presentScore, presentSheet } from './review.presenter.ts';
import * as repo from './review.repository.ts';
import { applicableLines, rankNominations, reviewResult, type CurrentScore, type SheetLine } from './review.rules.ts';

type Deps = Pick<ModuleContext, 'db' | 'files' | 'fileOwners'>;

const lineOf = (item: repo.ItemRow): SheetLine => ({
  id: item.id,
  appliesTo: item.applies_to as SheetLine['appliesTo'],
  scoring: item.scoring as SheetLine['scoring'],
  weight: item.weight === null ? null : Number(item.weight),
  maxScore: item.max_score === null ? null : Number(item.max_score),
});
const currentOf = (row: repo.ScoreRow): CurrentScore => ({
  itemId: row.item_id,
  reviewerId: row.reviewer_id,
  score: row.score === null ? null : Number(row.score),
  passed: row.passed,
});

/** The campaign when the actor reads it (404 otherwise); `manageable`: its unit is in the actor's scope. */
async function readCampaign(db: Database, actor: Actor, campaignId: number) {
  authorize(emulationPolicy.read(actor));
  const campaign = await findCampaignForParts(db, actor.scope, campaignId);
  if (!campaign) throw notFound('entity.emulationCampaign');
  return campaign;
}

async function readSheet(db: Database, actor: Actor, campaignId: number): Promise<TReviewSheet | null> {
  const campaign = await readCampaign(db, actor, campaignId);
  const sheet = await repo.findSheet(db, campaign.provinceId, campaignId);
  if (!sheet) return null;
  const items = await repo.findSheetItems(db, campaign.provinceId, sheet.id);
  return presentSheet(sheet, items, campaign.inScope && emulationPolicy.manageCampaigns(actor));
}

export const getReviewSheet = (db: Database, actor: Actor, campaignId: number) => readSheet(db, actor, campaignId);

/** Makes the campaign's sheet from its criteria (a copy: later edits of the criteria leave scores meaningful). */
export async function createReviewSheet(db: Database, actor: Actor, campaignId: number, input: z.output<typeof ZSheetInput>): Promise<TReviewSheet> {
  return db.transaction().execute(async (trx) => {
    const campaign = await readCampaign(trx, actor, campaignId);
    authorize(campaign.inScope && emulationPolicy.manageCampaigns(actor));
    await repo.lockSheet(trx, campaignId);
    if (await repo.findSheet(trx, campaign.provinceId, campaignId)) throw conflict(msg('emulation.review.sheetExists'));
    const { criteria } = campaign;
    if (criteria.length === 0) throw conflict(msg('emulation.review.noCriteria'));
    const sheetId = await repo.insertSheet(trx, { province_id: campaign.provinceId, campaign_id: campaignId, pass_percent: input.passPercent, created_by: actor.userId });
    await repo.insertItems(
      trx,
      campaign.provinceId,
      sheetId,
      criteria.map((c, index) => ({
        criterion_id: c.id,
        applies_to: c.appliesTo,
        code: c.code,
        text: c.text,
        scoring: c.scoring,
        weight: c.weight,
        max_score: c.maxScore,
        position: index + 1,
      })),
    );
    await recordAudit(trx, actor, {
      action: 'create', entity: 'emulation_review_sheet', entityId: sheetId, unitId: campaign.unitId,
      after: { campaignId, passPercent: input.passPercent, items: criteria.map((c) => c.code) },
    });
    return (await readSheet(trx, actor, campaignId)) as TReviewSheet;
  });
}

export async function updateReviewSheet(db: Database, actor: Actor, campaignId: number, input: z.output<typeof ZSheetUpdate>): Promise<TReviewSheet> {
  return db.transaction().execute(async (trx) => {
    const campaign = await readCampaign(trx, actor, campaignId);
    authorize(campaign.inScope && emulationPolicy.manageCampaigns(actor));
    const sheet = await repo.findSheet(trx, campaign.provinceId, campaignId);
    if (!sheet) throw notFound('entity.emulationReviewSheet');
    if (!(await repo.updateSheet(trx, campaign.provinceId, sheet.id, input.version, input.passPercent))) {
      throw conflict(msg('emulation.review.staleSheet', { current: sheet.version, seen: input.version }));
    }
    await recordAudit(trx, actor, {
      action: 'update', entity: 'emulation_review_sheet', entityId: sheet.id, unitId: campaign.unitId,
      before: { passPercent: Number(sheet.pass_percent) }, after: { passPercent: input.passPercent },
    });
    return (await readSheet(trx, actor, campaignId)) as TReviewSheet;
  });
}

/** Results and ranks of nomination rows from their current scores (a concluded one keeps its stored result). */
async function withResults(db: Database, actor: Actor, rows: readonly repo.NominationRow[]) {
  const provinceIds = [...new Set(rows.map((r) => r.province_id))];
  const sheets = new Map<number, { lines: SheetLine[]; passPercent: number; items: repo.ItemRow[]; sheet: repo.SheetRow }>();
  const scores = new Map<string, repo.ScoreRow[]>();
  for (const provinceId of provinceIds) {
    const ofProvince = rows.filter((r) => r.province_id === provinceId);
    for (const row of ofProvince) {
      if (sheets.has(row.sheet_id)) continue;
      const sheet = await repo.findSheet(db, provinceId, row.campaign_id);
      if (!sheet) continue;
      const items = await repo.findSheetItems(db, provinceId, sheet.id);
      sheets.set(row.sheet_id, { lines: items.map(lineOf), passPercent: Number(sheet.pass_percent), items, sheet });
    }
    for (const score of await repo.findScores(db, actor.scope, provinceId, ofProvince.map((r) => r.id), 'current')) {
      scores.set(score.nomination_id, [...(scores.get(score.nomination_id) ?? []), score]);
    }
  }
  const results = rows.map((row) => {
    const sheet = sheets.get(row.sheet_id);
    const lines = sheet ? applicableLines(sheet.lines, row.kind as 'collective' | 'individual') : [];
    const lineIds = new Set(lines.map((l) => l.id));
    const current = (scores.get(row.id) ?? []).filter((s) => lineIds.has(s.item_id));
    const result = reviewResult(lines, current.map(currentOf), sheet?.passPercent ?? 100);
    if (row.status === 'concluded') {
      result.totalPercent = row.total_percent === null ? null : Number(row.total_percent);
      result.passed = row.passed;
    }
    return { row, result, lines, current, sheet };
  });
  // ranks only among the nominations the actor reviews (the reviewing unit in scope), per reviewing unit and kind
  const ranks = rankNominations(
    results
      .filter((r) => r.row.can_review)
      .map((r) => ({ id: r.row.id, group: `${r.row.to_unit_id}:${r.row.kind}`, passed: r.result.passed, totalPercent: r.result.totalPercent, withdrawn: r.row.status === 'withdrawn' })),
  );
  return results.map((r) => ({ ...r, rank: ranks.get(r.row.id) ?? null }));
}

export async function listNominations(db: Database, actor: Actor, campaignId: number, query: z.output<typeof ZNominationListQuery>): Promise<TNomination[]> {
  const campaign = await readCampaign(db, actor, campaignId);
  const rows = await repo.findNominations(db, actor.scope, { campaignId, provinceId: campaign.provinceId, ...query });
  const ranked = await withResults(db, actor, rows);
  return ranked
    .map((r) => presentNomination(r.row, r.result, r.rank))
    .sort((a, b) => a.toUnit.fullName.localeCompare(b.toUnit.fullName, 'vi') || a.model.kind.localeCompare(b.model.kind) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.createdAt.localeCompare(b.createdAt));
}

/** Models of the campaign in scope that may be put forward, each with the units above it within the campaign. */
export async function listNominable(db: Database, actor: Actor, campaignId: number, query: z.output<typeof ZNominableQuery>): Promise<TNominable[]> {
  const campaign = await readCampaign(db, actor, campaignId);
  const models = await repo.findNominableModels(db, actor.scope, campaignId, query.q);
  const above = await repo.findUnitsAbove(db, [...new Set(models.map((m) => m.unit_path))], campaign.unitPath);
  return models.map((m) => ({
    model: { id: m.id, title: m.title, kind: m.kind as 'collective' | 'individual', field: m.field, status: m.status },
    unit: { id: m.unit_id, fullName: m.unit_full_name, level: m.unit_level as TUnitLevel },
    reviewers: above.filter((a) => m.unit_path.startsWith(`${a.path}.`)).map((a) => ({ id: a.id, fullName: a.full_name, level: a.level as TUnitLevel })),
  }));
}

async function readDetail(deps: Deps, db: Database, actor: Actor, id: string): Promise<TNominationDetail> {
  const row = await repo.findNomination(db, actor.scope, id);
  if (!row) throw notFound('entity.emulationNomination');
  const [ranked] = await withResults(db, actor, [row]);
  if (!ranked?.sheet) throw notFound('entity.emulationReviewSheet');
  const history = await repo.findScores(db, actor.scope, row.province_id, [row.id], 'history');
  const attachments = await listFiles({ ...deps, db }, actor, 'emulation_nomination', row.id);
  const canReview = row.can_review && row.status === 'nominated' && emulationPolicy.review(actor);
  const sheet = presentSheet(ranked.sheet.sheet, ranked.sheet.items.filter((item) => ranked.lines.some((l) => l.id === item.id)), false);
  return {
    ...presentNomination(row, ranked.result, null),
    sheet,
    scores: ranked.current.map(presentScore),
    history: history.map(presentScore),
    itemResults: ranked.result.itemResults,
    meeting:
      row.meeting_on === null
        ? null
        : {
            meetingOn: row.meeting_on,
            attendees: row.attendees ?? '',
            participantCount: row.participant_count ?? 0,
            votesFor: row.votes_for ?? 0,
            votesAgainst: row.votes_against ?? 0,
            votesAbstain: row.votes_abstain ?? 0,
          },
    attachments,
    canReview,
    canAttach: row.can_review && row.status !== 'withdrawn' && emulationPolicy.review(actor),
    stepNote: row.step_note,
  };
}

export async function getNomination(deps: Deps, actor: Actor, id: string): Promise<TNominationDetail> {
  authorize(emulationPolicy.read(actor));
  return readDetail(deps, deps.db, actor, id);
}

/**
 * Puts a model forward: the model in the actor's scope and in the campaign, the nominating unit in scope and holding
 * the model, the reviewing unit above it and within the campaign's unit.
 */
export async function createNomination(deps: Deps, actor: Actor, campaignId: number, input: z.output<typeof ZNominationInput>): Promise<TNominationDetail> {
  authorize(emulationPolicy.review(actor));
  return deps.db.transaction().execute(async (trx) => {
    const campaign = await readCampaign(trx, actor, campaignId);
    const sheet = await repo.findSheet(trx, campaign.provinceId, campaignId);
    if (!sheet) throw conflict(msg('emulation.review.noSheet'));
    const model = await repo.findModelInScope(trx, actor.scope, input.modelId);
    if (!model) throw notFound('entity.emulationModel');
    if (model.campaign_id !== campaignId) throw invalidField('modelId', msg('emulation.review.modelOtherCampaign'));
    if (model.status === 'withdrawn') throw invalidField('modelId', msg('emulation.review.modelWithdrawn'));
    const from = await repo.findUnitInScope(trx, actor.scope, input.fromUnitId ?? model.unit_id);
    if (!from) throw notFound('entity.unit');
    if (!(model.unit_path === from.path || model.unit_path.startsWith(`${from.path}.`))) throw invalidField('fromUnitId', msg('emulation.review.fromNotHolding'));
    const to = await repo.findAncestorUnit(trx, input.toUnitId, from.path);
    if (!to) throw invalidField('toUnitId', msg('emulation.review.toNotAbove'));
    if (!(to.path === campaign.unitPath || to.path.startsWith(`${campaign.unitPath}.`))) {
      throw invalidField('toUnitId', msg('emulation.review.toOutsideCampaign', { campaign: campaign.title }));
    }
    if (await repo.findOpenDuplicate(trx, actor.scope, model.province_id, model.id, to.id)) throw conflict(msg('emulation.review.duplicate', { unit: to.full_name }));
    const id = uuidv7();
    await repo.insertNomination(trx, {
      id, province_id: model.province_id, campaign_id: campaignId, sheet_id: sheet.id, model_id: model.id, unit_id: from.id, to_unit_id: to.id,
      kind: model.kind as 'collective' | 'individual', note: input.note ?? null, created_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'create', entity: 'emulation_nomination', entityId: id, unitId: from.id,
      after: { name: model.title, campaignId, modelId: model.id, fromUnitId: from.id, toUnitId: to.id, note: input.note ?? null },
    });
    return readDetail(deps, trx, actor, id);
  });
}

/** The nomination for a reviewer's write: open, its reviewing unit in the actor's scope; locked until the end. */
async function forReview(trx: Database, actor: Actor, id: string) {
  authorize(emulationPolicy.review(actor));
  const row = await repo.findNomination(trx, actor.scope, id);
  if (!row) throw notFound('entity.emulationNomination');
  authorize(row.can_review);
  await repo.lockNomination(trx, actor.scope, row.province_id, id);
  const locked = await repo.findNomination(trx, actor.scope, id);
  if (!locked) throw notFound('entity.emulationNomination');
  if (locked.status !== 'nominated') throw conflict(msg('emulation.review.notOpen', { status: msg(`emulation.review.status.${locked.status}`) }));
  return locked;
}

/** The reviewer's scores: a line whose value or note changed gets the next revision; an unchanged one nothing. */
export async function scoreNomination(deps: Deps, actor: Actor, id: string, input: z.output<typeof ZScoresInput>): Promise<TNominationDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await forReview(trx, actor, id);
    const [ranked] = await withResults(trx, actor, [row]);
    if (!ranked?.sheet) throw notFound('entity.emulationReviewSheet');
    const lines = new Map(ranked.lines.map((line) => [line.id, line]));
    const history = await repo.findScores(trx, actor.scope, row.province_id, [row.id], 'history');
    const mine = history.filter((s) => s.reviewer_id === actor.userId);
    const seen = new Map<number, number>();
    const rows: repo.ScoreValues[] = [];
    for (const [index, entry] of input.scores.entries()) {
      const line = lines.get(entry.itemId);
      if (!line) throw invalidField(`scores.${index}.itemId`, msg('emulation.review.itemNotOnSheet'), 'itemId');
      if (seen.has(entry.itemId)) throw invalidField(`scores.${index}.itemId`, msg('emulation.review.duplicateItem', { index: (seen.get(entry.itemId) as number) + 1 }), 'itemId');
      seen.set(entry.itemId, index);
      let score: number | null = null;
      let passed: boolean | null = null;
      if (line.scoring === 'weight') {
        if (entry.score === undefined || entry.score === null) throw invalidField(`scores.${index}.score`, msg('emulation.review.scoreRequired'), 'score');
        if (entry.score > (line.maxScore ?? 0)) throw invalidField(`scores.${index}.score`, msg('emulation.review.scoreTooHigh', { max: line.maxScore ?? 0 }), 'score');
        score = Math.round(entry.score * 100) / 100;
      } else {
        if (entry.passed === undefined || entry.passed === null) throw invalidField(`scores.${index}.passed`, msg('emulation.review.passedRequired'), 'passed');
        passed = entry.passed;
      }
      const note = entry.note ?? null;
      const previous = mine.filter((s) => s.item_id === entry.itemId).at(-1);
      const same = previous && (previous.score === null ? null : Number(previous.score)) === score && previous.passed === passed && previous.note === note;
      if (same) continue;
      rows.push({
        id: uuidv7(), province_id: row.province_id, nomination_id: row.id, item_id: entry.itemId, reviewer_id: actor.userId,
        revision: (previous?.revision ?? 0) + 1, score, passed, note,
      });
    }
    if (rows.length > 0) {
      await repo.insertScores(trx, rows);
      await repo.updateNomination(trx, row.province_id, row.id, null, {});
      await recordAudit(trx, actor, {
        action: 'update', entity: 'emulation_nomination', entityId: row.id, unitId: row.unit_id,
        after: { name: row.model_title, scores: rows.map((r) => ({ itemId: r.item_id, revision: r.revision, score: r.score, passed: r.passed, note: r.note })) },
      });
    }
    return readDetail(deps, trx, actor, id);
  });
}

/** The statuses from which the models' lifecycle (emu-models' workflow) moves a model to "reviewed". */
const REVIEWABLE = new Set<string>(modelWorkflow.transitions.filter((move) => move.to === 'reviewed').map((move) => move.from));

/**
 * Concludes the review: every applicable line scored, the result fixed, the meeting and its vote kept; the model's
 * "publicly reviewed" step is recorded through emu-models in the same transaction (a model whose lifecycle does not
 * allow it now gets a note instead, shown on the nomination).
 */
export async function concludeNomination(deps: Deps, actor: Actor, id: string, input: z.output<typeof ZConcludeInput>): Promise<TNominationDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await forReview(trx, actor, id);
    if (row.version !== input.version) throw conflict(msg('emulation.review.stale'));
    if (input.meetingOn > clock.today()) throw invalidField('meetingOn', msg('emulation.review.meetingInFuture'));
    const [ranked] = await withResults(trx, actor, [row]);
    if (!ranked?.sheet) throw notFound('entity.emulationReviewSheet');
    const scored = new Set(ranked.current.map((s) => s.item_id));
    const missing = ranked.sheet.items.filter((item) => ranked.lines.some((l) => l.id === item.id) && !scored.has(item.id));
    if (missing.length > 0) throw conflict(msg('emulation.review.incomplete', { count: missing.length, codes: missing.map((m) => m.code).join(', ') }));
    const { result } = ranked;
    let stepNote: string | null = null;
    if (REVIEWABLE.has(row.model_status)) {
      await recordPublicReview(trx, actor, {
        modelId: row.model_id, onDate: input.meetingOn, attendees: input.attendees, participantCount: input.participantCount,
        votesFor: input.votesFor, votesAgainst: input.votesAgainst, votesAbstain: input.votesAbstain, reviewId: row.id,
        note: msg('emulation.review.stepDetail', { total: result.totalPercent ?? 0, result: msg(result.passed ? 'emulation.review.passed' : 'emulation.review.notPassed') }),
      });
    } else {
      stepNote = msg('emulation.review.stepNotRecorded', {
        status: modelWorkflow.states[row.model_status as keyof typeof modelWorkflow.states],
      });
    }
    const changed = await repo.updateNomination(trx, row.province_id, row.id, input.version, {
      status: 'concluded', total_percent: result.totalPercent, passed: result.passed ?? false, meeting_on: input.meetingOn,
      attendees: input.attendees, participant_count: input.participantCount, votes_for: input.votesFor, votes_against: input.votesAgainst,
      votes_abstain: input.votesAbstain, concluded_on: clock.today(), concluded_by: actor.userId, step_note: stepNote,
    });
    if (!changed) throw conflict(msg('emulation.review.stale'));
    await recordAudit(trx, actor, {
      action: 'update', entity: 'emulation_nomination', entityId: row.id, unitId: row.unit_id,
      before: { status: row.status }, after: { name: row.model_title, status: 'concluded', totalPercent: result.totalPercent, passed: result.passed ?? false, ...input },
    });
    return readDetail(deps, trx, actor, id);
  });
}

/** Withdraws an open nomination: the nominating unit (or the reviewing one) with its reason. */
export async function withdrawNomination(deps: Deps, actor: Actor, id: string, input: z.output<typeof ZWithdrawInput>): Promise<TNominationDetail> {
  authorize(emulationPolicy.review(actor));
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findNomination(trx, actor.scope, id);
    if (!row) throw notFound('entity.emulationNomination');
    await repo.lockNomination(trx, actor.scope, row.province_id, id);
    if (row.status !== 'nominated') throw conflict(msg('emulation.review.notOpen', { status: msg(`emulation.review.status.${row.status as 'concluded' | 'withdrawn'}`) }));
    if (!(await repo.updateNomination(trx, row.province_id, id, input.version, { status: 'withdrawn', withdrawn_reason: input.reason }))) {
      throw conflict(msg('emulation.review.stale'));
    }
    await recordAudit(trx, actor, {
      action: 'update', entity: 'emulation_nomination', entityId: id, unitId: row.unit_id,
      before: { status: row.status }, after: { name: row.model_title, status: 'withdrawn', reason: input.reason },
    });
    return readDetail(deps, trx, actor, id);
  });
}


