import type { Updateable } from 'kysely';
import type { TModelStatus } from '#contracts/emulation/enums.ts';
import type {
  TChainModel, TModelCounts, TModelCreate, TModelDetail, TModelListQuery, TModelStepInput, TModelStepKind, TRecogniser, TRecogniserQuery,
} from '#contracts/emulation/model.schemas.ts';
import { MODEL_FIELDS, RECOGNITION_LEVELS } from '#contracts/emulation/enums.ts';
import { ZModelListQuery } from '#contracts/emulation/model.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { EmulationModelTable } from '#server/db/schema.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { applyTransition } from '#server/platform/workflow/apply-transition.ts';
import { availableTransitions } from '#server/platform/workflow/workflow.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../../audit/index.ts';
import { findCampaignForParts } from '../campaigns/campaign-access.ts';
import { touchModelFigures } from '../figures/index.ts';
import * as repo from './model.repository.ts';
import { modelPolicy } from './model.policy.ts';
import { presentModel, presentModelDetail } from './model.presenter.ts';
import { ownerFits, RECOGNISER_LEVEL, recogniserProblem, recognitionProblem, reviewPassed, votesFit, type RecognitionProblem, type Votes } from './model.rules.ts';
import { modelWorkflow } from './model.workflow.ts';

const RECOGNISED: readonly TModelStatus[] = ['recognised', 'commended'];

/** A page of models in scope with the list's filters. */
export async function listModels(db: Database, actor: Actor, query: TModelListQuery) {
  authorize(modelPolicy.read(actor));
  const q = ZModelListQuery.parse(query);
  const provinces = await repo.provincesOf(db, actor.scope);
  const { items, total } = await repo.listModels(db, actor.scope, provinces, q, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: items.map(presentModel), total, page: q.page, pageSize: q.pageSize };
}

/** Models in scope by field × recognition level, with totals and replicas, over the list's filters. */
export async function countModels(db: Database, actor: Actor, query: TModelListQuery): Promise<TModelCounts> {
  authorize(modelPolicy.read(actor));
  const rows = await repo.countModels(db, actor.scope, await repo.provincesOf(db, actor.scope), ZModelListQuery.parse(query));
  const levels = [...RECOGNITION_LEVELS, 'none'] as const;
  const cells = rows.map((r) => ({ field: r.field, level: r.level ?? ('none' as const), count: r.count }));
  return {
    cells,
    byField: MODEL_FIELDS.map((field) => ({ field, count: cells.filter((c) => c.field === field).reduce((n, c) => n + c.count, 0) })),
    byLevel: levels.map((level) => ({ level, count: cells.filter((c) => c.level === level).reduce((n, c) => n + c.count, 0) })),
    total: cells.reduce((n, c) => n + c.count, 0),
    replicas: rows.reduce((n, r) => n + r.replicas, 0),
  };
}

/** Recognised models of the actor's provinces another unit may replicate (their public part). */
export async function listReplicable(db: Database, actor: Actor, query: { q?: string | undefined; field?: string | undefined }) {
  authorize(modelPolicy.read(actor));
  const rows = await repo.listReplicable(db, await repo.provincesOf(db, actor.scope), query);
  return rows.map((r) => ({
    id: r.id, provinceId: Number(r.province_id), title: r.title, field: r.field, kind: r.kind, unitName: r.unit_name,
    recognisedLevel: r.recognised_level, replicaCount: Number(r.replica_count),
  }));
}

/**
 * Registers a model (or a replica of a recognised model of another unit) in one transaction: the unit, village,
 * owner and campaign read in scope, the owner's kind checked against the model's, the first step and the audit row
 * written.
 */
export async function createModel(db: Database, derived: DerivedValues, actor: Actor, input: TModelCreate): Promise<TModelDetail> {
  authorize(modelPolicy.register(actor, input.ownerType === 'organization' ? input.ownerId : null));
  const today = clock.today();
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    const unit = await repo.findUnitInScope(trx, actor.scope, input.unitId);
    if (!unit) throw notFound('entity.unit');
    if (unit.level === 'village') throw invalidField('unitId', msg('emulation.models.unitNotVillage'));
    if (unit.valid_to !== null && unit.valid_to < today) throw invalidField('unitId', msg('emulation.models.unitEnded'));
    if (input.villageId != null) {
      const village = await repo.findUnitInScope(trx, actor.scope, input.villageId);
      if (!village || village.level !== 'village' || Number(village.parent_id) !== unit.id) throw invalidField('villageId', msg('emulation.models.villageNotOfUnit'));
    }
    if ((input.lat == null) !== (input.lng == null)) throw invalidField(input.lat == null ? 'lat' : 'lng', msg('emulation.models.pointNeedsBoth'));
    if (input.startedOn > today) throw invalidField('startedOn', msg('emulation.models.dateInFuture'));
    const registeredOn = input.registeredOn ?? today;
    if (registeredOn > today) throw invalidField('registeredOn', msg('emulation.models.dateInFuture'));
    if (!ownerFits(input.kind, input.ownerType)) throw invalidField('ownerType', msg(input.kind === 'individual' ? 'emulation.models.individualNeedsPerson' : 'emulation.models.collectiveNeedsBody'));
    const owner =
      input.ownerType === 'organization'
        ? await repo.findOrganizationInScope(trx, actor.scope, input.ownerId)
        : input.ownerType === 'person'
          ? await repo.findPersonInScope(trx, actor.scope, input.ownerId)
          : await repo.findUnitInScope(trx, actor.scope, input.ownerId).then((u) => u && { id: u.id, name: u.full_name, unit_id: u.id });
    if (!owner) throw invalidField('ownerId', msg('emulation.models.ownerNotInScope'));
    let campaignId: number | null = null;
    if (input.campaignId != null) {
      const campaign = await findCampaignForParts(trx, actor.scope, input.campaignId);
      if (!campaign) throw invalidField('campaignId', msg('emulation.models.campaignNotFound'));
      campaignId = campaign.id;
    }
    const provinceId = await repo.provinceOfUnit(trx, unit.id);
    if (provinceId === null) throw notFound('entity.unit');
    let origin: { id: string; provinceId: number; title: string } | null = null;
    if (input.originModelId) {
      const found = await repo.findReplicableOrigin(trx, await repo.provincesOf(trx, actor.scope), input.originModelId);
      if (!found) throw invalidField('originModelId', msg('emulation.models.originNotRecognised'));
      if (Number(found.unit_id) === unit.id) throw invalidField('originModelId', msg('emulation.models.originSameUnit'));
      origin = { id: found.id, provinceId: Number(found.province_id), title: found.title };
    }
    const now = clock.now();
    const figures = input.figures ?? [];
    await repo.insertModel(trx, {
      id, province_id: provinceId, unit_id: unit.id, village_id: input.villageId ?? null, campaign_id: campaignId,
      origin_model_id: origin?.id ?? null, origin_province_id: origin?.provinceId ?? null, kind: input.kind, field: input.field,
      owner_organization_id: input.ownerType === 'organization' ? owner.id : null,
      owner_person_id: input.ownerType === 'person' ? owner.id : null,
      owner_unit_id: input.ownerType === 'unit' ? owner.id : null,
      title: input.title, summary: input.summary, what_changed: input.whatChanged ?? null, figures: JSON.stringify(figures),
      lat: input.lat ?? null, lng: input.lng ?? null, started_on: input.startedOn,
      search_text: foldVi([input.title, input.summary, owner.name].join(' ')),
      created_by: actor.userId, created_at: now, updated_at: now,
    });
    await repo.insertStep(trx, {
      id: uuidv7(), province_id: provinceId, model_id: id, seq: 1, step: 'registered', from_status: null, to_status: 'registered',
      on_date: registeredOn, by_user_id: actor.userId, at: now,
      details: JSON.stringify({ startedOn: input.startedOn, ...(origin ? { originModelId: origin.id, originTitle: origin.title } : {}) }),
    });
    await recordAudit(trx, actor, {
      action: 'create', entity: 'emulation_model', entityId: id, unitId: unit.id,
      after: { title: input.title, kind: input.kind, field: input.field, ownerType: input.ownerType, ownerId: owner.id, originModelId: origin?.id ?? null },
    });
    // the figures of the unit (and of the origin's owner, whose model is now replicated) at commit
    await touchModelFigures(trx, provinceId, [unit.id], { derived, actor, modelIds: [id] });
  });
  return getModel(db, actor, id);
}

/** Steps the actor may take on the model now (the page's buttons). */
function actionsFor(actor: Actor, row: repo.ModelRow): TModelDetail['actions'] {
  const mayRegister = modelPolicy.register(actor, row.owner_organization_id === null ? null : Number(row.owner_organization_id));
  const moves = new Set(availableTransitions(modelWorkflow, row.status, actor.roles).map((t) => t.to));
  const actions: TModelDetail['actions'] = [];
  if (moves.has('building') && mayRegister) actions.push('building');
  if (moves.has('reviewed') && modelPolicy.review(actor)) actions.push('reviewed');
  if (moves.has('recognised') && modelPolicy.recognize(actor)) actions.push('recognised');
  if (moves.has('commended') && modelPolicy.recognize(actor)) actions.push('commended');
  if (moves.has('withdrawn') && mayRegister) actions.push('withdrawn');
  if (RECOGNISED.includes(row.status) && modelPolicy.recognize(actor)) actions.push('published');
  if (row.status !== 'withdrawn' && (mayRegister || modelPolicy.review(actor) || modelPolicy.recognize(actor))) actions.push('document');
  if (RECOGNISED.includes(row.status) && modelPolicy.registerAny(actor)) actions.push('replicate');
  return actions;
}

/** A model in scope with its history, its replication chain and the reader's possible steps. */
export async function getModel(db: Database, actor: Actor, id: string): Promise<TModelDetail> {
  authorize(modelPolicy.read(actor));
  const row = await repo.findModel(db, actor.scope, await repo.provincesOf(db, actor.scope), id);
  if (!row) throw notFound('entity.emulationModel');
  const provinceId = Number(row.province_id);
  const [steps, nodes, recogniser] = await Promise.all([
    repo.findSteps(db, provinceId, row.id),
    repo.findChain(db, actor.scope, { id: row.id, provinceId }),
    row.recognised_by_unit_id === null ? null : repo.findUnitInScope(db, { all: true }, Number(row.recognised_by_unit_id)),
  ]);
  const shown = nodes.filter((n) => n.in_scope || RECOGNISED.includes(n.status));
  const chain: TChainModel[] = shown.map((n) => ({
    id: n.id, provinceId: n.province_id, originModelId: n.origin_model_id, title: n.title, unitName: n.unit_name, status: n.status,
    recognisedLevel: n.recognised_level, startedOn: n.started_on, depth: n.depth, inScope: n.in_scope,
  }));
  return presentModelDetail(row, {
    steps: steps.map((s) => ({ ...s, file_ids: s.file_ids ?? [] })),
    chain,
    hiddenReplicas: nodes.length - shown.length,
    actions: actionsFor(actor, row),
    recognisedBy: recogniser ? { id: recogniser.id, fullName: recogniser.full_name } : null,
  });
}

/**
 * The units the reader may name as recognising the model at `level` on `onDate`: those the step would accept as
 * `byUnitId` (of the level, in force, the model under them, the reader's own unit or an ended unit of their scope).
 */
export async function listRecognisers(db: Database, actor: Actor, id: string, query: TRecogniserQuery): Promise<TRecogniser[]> {
  authorize(modelPolicy.read(actor));
  const row = await repo.findModel(db, actor.scope, await repo.provincesOf(db, actor.scope), id);
  if (!row) throw notFound('entity.emulationModel');
  authorize(modelPolicy.recognize(actor));
  const candidates = await repo.findRecogniserCandidates(db, actor.scope, Number(row.unit_id), RECOGNISER_LEVEL[query.level]);
  return candidates
    // a unit's own decision, an ended unit's; a system administrator (no unit) records any unit's (as the step allows)
    .filter((u) => actor.unitId === null || u.id === actor.unitId || u.valid_to !== null)
    .filter((u) => recogniserProblem({ level: query.level, onDate: query.onDate, byUnit: u, modelUnder: true }) === null)
    .map((u) => ({
      id: u.id, fullName: u.full_name, level: RECOGNISER_LEVEL[query.level], validFrom: u.valid_from, validTo: u.valid_to, own: u.id === actor.unitId,
    }))
    .sort((a, b) => Number(b.own) - Number(a.own));
}

/** What a step writes: an optional move, column changes, the history details. */
interface StepPlan {
  kind: TModelStepKind;
  to?: TModelStatus;
  reason?: string;
  changes: Updateable<EmulationModelTable>;
  details: Record<string, unknown>;
}

/**
 * One dated step on a model, in one transaction: the model read in scope at the version the user saw, the step's
 * rules checked (roles, the recognising unit's level and subtree, votes), the move made on the workflow, one
 * immutable step row and the audit row written.
 */
export async function addModelStep(db: Database, derived: DerivedValues, actor: Actor, id: string, input: TModelStepInput): Promise<TModelDetail> {
  authorize(modelPolicy.read(actor));
  await db.transaction().execute(async (trx) => {
    const row = await repo.findModel(trx, actor.scope, await repo.provincesOf(trx, actor.scope), id);
    if (!row) throw notFound('entity.emulationModel');
    await applyModelStep(trx, actor, row, input, {}, derived);
  });
  return getModel(db, actor, id);
}

/**
 * A public review concluded elsewhere (review/: the campaign's scoring sheet), recorded as the model's "reviewed"
 * step inside the caller's transaction. The model must be in the actor's scope; `seenVersion` defaults to the one
 * read now. Returns the model's new version.
 */
export async function recordPublicReview(
  trx: Database,
  actor: Actor,
  review: { modelId: string; onDate: string; attendees: string; note?: string | null; fileIds?: string[]; seenVersion?: number; reviewId?: string | number } & Votes,
): Promise<number> {
  const row = await repo.findModel(trx, actor.scope, await repo.provincesOf(trx, actor.scope), review.modelId);
  if (!row) throw notFound('entity.emulationModel');
  return applyModelStep(trx, actor, row, {
    step: 'reviewed', seenVersion: review.seenVersion ?? Number(row.version), onDate: review.onDate, attendees: review.attendees,
    participantCount: review.participantCount, votesFor: review.votesFor, votesAgainst: review.votesAgainst, votesAbstain: review.votesAbstain,
    note: review.note ?? null, fileIds: review.fileIds ?? [],
  }, review.reviewId === undefined ? {} : { reviewId: review.reviewId });
}

async function applyModelStep(
  trx: Database, actor: Actor, row: repo.ModelRow, input: TModelStepInput, extra: Record<string, unknown> = {}, derived?: DerivedValues,
): Promise<number> {
  const provinceId = Number(row.province_id);
  if (input.seenVersion !== Number(row.version)) throw conflict(msg('emulation.models.stale'));
  const today = clock.today();
  if (input.onDate > today) throw invalidField('onDate', msg('emulation.models.dateInFuture'));
  const steps = await repo.findSteps(trx, provinceId, row.id);
  const lastDate = steps.reduce((d, s) => (s.on_date > d ? s.on_date : d), '1900-01-01');
  if (input.onDate < lastDate) throw invalidField('onDate', msg('emulation.models.dateBeforeLast', { date: lastDate }));
  const fileIds = [...new Set(input.fileIds ?? [])];
  if (fileIds.length) {
    const found = await repo.findModelAttachments(trx, actor.scope, provinceId, row.id, fileIds);
    if (found.length !== fileIds.length) throw invalidField('fileIds', msg('emulation.models.fileNotOfModel'));
  }
  const plan = await planStep(trx, actor, row, input);
  const now = clock.now();
  const changes: Updateable<EmulationModelTable> = { ...plan.changes, updated_at: now };
  const at = { provinceId, id: row.id, version: Number(row.version) };
  let version: number | null;
  if (plan.to) {
    // the columns first (recognised_level with recognised_on: the table's check), then the move at the seen version
    if ((await repo.updateModelAt(trx, at, changes, false)) === null) throw conflict(msg('emulation.models.stale'));
    version = await applyTransition(trx, modelWorkflow, actor, { id: row.id, provinceId }, {
      seenState: row.status, seenVersion: Number(row.version), to: plan.to, reason: plan.reason ?? null,
    });
  } else {
    version = await repo.updateModelAt(trx, at, changes, true);
    if (version === null) throw conflict(msg('emulation.models.stale'));
  }
  await repo.insertStep(trx, {
    id: uuidv7(), province_id: provinceId, model_id: row.id, seq: version, step: plan.kind,
    from_status: plan.to ? row.status : null, to_status: plan.to ?? null, on_date: input.onDate, file_ids: fileIds,
    details: JSON.stringify({ ...plan.details, ...extra, ...(input.note ? { note: input.note } : {}) }),
    by_user_id: actor.userId, at: now,
  });
  await recordAudit(trx, actor, {
    action: 'update', entity: 'emulation_model', entityId: row.id, unitId: Number(row.unit_id),
    before: { status: row.status, version: Number(row.version), recognisedLevel: row.recognised_level },
    after: { step: plan.kind, status: plan.to ?? row.status, onDate: input.onDate, files: fileIds.length, ...plan.details },
  });
  // a recognition, commendation or withdrawal moves the figures of recognised models (a review does not)
  if (derived && plan.to && plan.to !== 'reviewed') await touchModelFigures(trx, provinceId, [Number(row.unit_id)], { derived, actor, modelIds: [row.id] });
  return version;
}

function recognitionMessage(problem: RecognitionProblem['problem'], level: string): string {
  switch (problem) {
    case 'notHigher':
      return msg('emulation.models.recognition.notHigher', { level });
    case 'wrongLevel':
      return msg('emulation.models.recognition.wrongLevel', { level });
    case 'districtEnded':
      return msg('emulation.models.recognition.districtEnded');
    case 'notInForce':
      return msg('emulation.models.recognition.notInForce');
    case 'notAbove':
      return msg('emulation.models.recognition.notAbove');
    case 'issuerRequired':
      return msg('emulation.models.recognition.issuerRequired');
  }
}

/** 409 unless the workflow has a move from the model's status to `to` (the role is checked by applyTransition). */
function moveExists(row: repo.ModelRow, to: TModelStatus) {
  if (!modelWorkflow.transitions.some((t) => t.from === row.status && t.to === to)) {
    throw conflict(msg('emulation.models.stepNotNow', { step: modelWorkflow.states[to], status: modelWorkflow.states[row.status] }));
  }
}

async function planStep(trx: Database, actor: Actor, row: repo.ModelRow, input: TModelStepInput): Promise<StepPlan> {
  const ownerOrg = row.owner_organization_id === null ? null : Number(row.owner_organization_id);
  switch (input.step) {
    case 'building':
      authorize(modelPolicy.register(actor, ownerOrg));
      moveExists(row, 'building');
      return { kind: 'building', to: 'building', changes: {}, details: {} };
    case 'withdrawn':
      authorize(modelPolicy.register(actor, ownerOrg));
      moveExists(row, 'withdrawn');
      return { kind: 'withdrawn', to: 'withdrawn', reason: input.reason, changes: {}, details: { reason: input.reason } };
    case 'reviewed': {
      authorize(modelPolicy.review(actor));
      moveExists(row, 'reviewed');
      if (!votesFit(input)) throw invalidField('votesFor', msg('emulation.models.votesExceed', { count: input.participantCount }));
      const passed = reviewPassed(input);
      const details = {
        attendees: input.attendees, participantCount: input.participantCount, votesFor: input.votesFor,
        votesAgainst: input.votesAgainst, votesAbstain: input.votesAbstain, passed,
      };
      // a review the majority did not carry is recorded; the model stays where it was
      return passed ? { kind: 'reviewed', to: 'reviewed', changes: {}, details } : { kind: 'reviewed', changes: {}, details };
    }
    case 'recognised': {
      authorize(modelPolicy.recognize(actor));
      moveExists(row, 'recognised');
      const byUnitId = input.byUnitId ?? actor.unitId;
      if (byUnitId === null) throw invalidField('byUnitId', msg('common.required'));
      const byUnit = await repo.findUnitInScope(trx, actor.scope, byUnitId);
      if (!byUnit) throw notFound('entity.unit');
      // a unit records its own decisions; another unit's only when that unit has ended (a district's decision of
      // 2024); a system administrator (no unit) records any unit's decision (back-filling)
      if (actor.unitId !== null && byUnit.id !== actor.unitId && byUnit.valid_to === null) throw forbidden(msg('emulation.models.recogniseOwnDecisions'));
      const problem = recognitionProblem({
        level: input.level, onDate: input.onDate, currentLevel: row.recognised_level, byUnit,
        modelUnder: await repo.unitLiesUnder(trx, Number(row.unit_id), byUnit.id), issuer: input.issuer ?? null,
      });
      if (problem) throw invalidField(problem.field, recognitionMessage(problem.problem, msg(`emulation.models.level.${input.level}`)));
      return {
        kind: 'recognised', to: 'recognised',
        changes: { recognised_level: input.level, recognised_on: input.onDate, recognised_by_unit_id: byUnit.id },
        details: {
          level: input.level, decisionNumber: input.decisionNumber, byUnitId: byUnit.id, byUnitName: byUnit.full_name,
          ...(input.issuer ? { issuer: input.issuer } : {}), previousLevel: row.recognised_level,
        },
      };
    }
    case 'commended':
      authorize(modelPolicy.recognize(actor));
      moveExists(row, 'commended');
      return { kind: 'commended', to: 'commended', changes: {}, details: { awardForm: input.awardForm, decisionNumber: input.decisionNumber } };
    case 'published': {
      authorize(modelPolicy.recognize(actor));
      if (!RECOGNISED.includes(row.status)) throw conflict(msg('emulation.models.publishOnlyRecognised'));
      // publishing is the recognising unit's (or a unit above it) step
      const recogniser = row.recognised_by_unit_id === null ? null : await repo.findUnitInScope(trx, actor.scope, Number(row.recognised_by_unit_id));
      if (!recogniser) throw forbidden(msg('emulation.models.publishByRecogniser'));
      if (input.published === (row.published_at !== null)) throw conflict(msg(input.published ? 'emulation.models.alreadyPublished' : 'emulation.models.notPublished'));
      return { kind: 'published', changes: { published_at: input.published ? clock.now() : null }, details: { published: input.published } };
    }
    case 'document':
      if (!(modelPolicy.register(actor, ownerOrg) || modelPolicy.review(actor) || modelPolicy.recognize(actor))) throw forbidden();
      if (row.status === 'withdrawn') throw conflict(msg('emulation.models.withdrawnReadOnly'));
      return { kind: 'document', changes: {}, details: {} };
  }
}
