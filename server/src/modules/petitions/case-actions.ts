import type { Updateable } from 'kysely';
import type { TDeadline } from '#contracts/legal/deadline.schemas.ts';
import type { TCase, TCaseAction, TCaseActionName, TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { PetitionCaseTable } from '#server/db/schema.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, invalidField, notFound, type AppError } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './case.repository.ts';
import { canExtend, mayAct, moveOf, wasExtended } from './case-actions.rules.ts';
import { deadlinesFor, receiveCase } from './case-intake.ts';
import { applyStep, type StepRequest } from './case-steps.ts';
import { getCase, linkDuplicate, refreshCaseFigures } from './case.service.ts';
import { actorProvinces } from './field.service.ts';
import { findFieldFor, findNationalField } from './field.repository.ts';
import { petitionPolicy } from './petition.policy.ts';
import { isCrowd, outcomeOf, resolutionDueOn } from './petition.rules.ts';
import { petitionWorkflow } from './petition.workflow.ts';

const required = (field: string) => invalidField(field, msg('common.required'));

/** Why an action cannot be taken: 403 when another role could take it now, 409 when not in this status. */
function refuse(actor: Actor, row: repo.CaseRow, action: TCaseActionName): AppError {
  const to = moveOf(action, row.status);
  const existsForSomeone = to ? petitionWorkflow.transitions.some((t) => t.from === row.status && t.to === to) : mayAct({ ...actor, roles: new Set(['system_admin']) }, row, action);
  if (existsForSomeone && !(action === 'appeal' && (row.kind !== 'complaint' || row.instance !== 1))) return forbidden();
  if (action === 'appeal') return conflict(msg('petitions.appealOnlyComplaints'));
  if (action === 'extend' && !canExtend(row)) return conflict(msg('petitions.cannotExtend'));
  return conflict(msg('petitions.actionNotNow', { action: actionLabel(action), status: petitionWorkflow.states[row.status] }));
}

type ActionKey = Extract<Parameters<typeof msg>[0], `petitions.action.${string}`>;
const actionLabel = (action: TCaseActionName) => {
  const labels: Partial<Record<TCaseActionName, ActionKey>> = {
    accept: 'petitions.action.accept', refuse: 'petitions.action.refuse', transfer: 'petitions.action.transfer', confirmDuplicate: 'petitions.action.confirmDuplicate',
    withdraw: 'petitions.action.withdraw', assign: 'petitions.action.assign', conclude: 'petitions.action.conclude', notify: 'petitions.action.notify',
    close: 'petitions.action.close', appeal: 'petitions.action.appeal',
  };
  const key = labels[action];
  return key ? msg(key) : action;
};

/** The date an appeal (second instance) was received: the latest 'appeal' step. */
async function appealedOn(trx: Database, row: repo.CaseRow): Promise<string | null> {
  if (row.instance !== 2) return null;
  const steps = await repo.findSteps(trx, row.province_id, row.id);
  return [...steps].reverse().find((s) => s.kind === 'appeal')?.on_date ?? null;
}

type CaseBasis = Parameters<typeof deadlinesFor>[1];
const basisOf = (row: repo.CaseRow): CaseBasis => ({
  kind: row.kind, received_on: row.received_on, accepted_on: row.accepted_on, resolved_on: row.resolved_on, rule_set_code: row.rule_set_code,
  remote_area: row.remote_area, complex: row.complex, extensions: row.extensions, instance: row.instance,
});

/**
 * One action on a case by an officer, in one transaction: the case is read in scope, the action checked against
 * its status, kind and the actor's roles, the documents checked to belong to the case, deadlines recomputed from
 * the case's rule set where the action changes them, one immutable step written, the audit row appended.
 */
export async function actOnCase(db: Database, derived: DerivedValues, actor: Actor, id: string, input: TCaseAction): Promise<TCase> {
  authorize(petitionPolicy.manage(actor));
  const provinces = await actorProvinces(db, actor);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, actor.scope, provinces, id);
    if (!row) throw notFound('entity.petitionCase');
    if (input.seenVersion !== row.version) throw conflict(msg('petitions.stale'));
    if (!mayAct(actor, row, input.action)) throw refuse(actor, row, input.action);
    const today = clock.today();
    const onDate = input.onDate ?? today;
    if (onDate > today) throw invalidField('onDate', msg('petitions.receivedInFuture'));
    if (onDate < row.received_on) throw invalidField('onDate', msg('petitions.onDateBeforeReceived'));
    const fileIds = [...new Set(input.fileIds ?? [])];
    if (fileIds.length) {
      const found = await repo.findCaseAttachments(trx, actor.scope, row.province_id, row.id, fileIds);
      if (found.length !== fileIds.length) throw invalidField('fileIds', msg('petitions.fileNotOfCase'));
    }
    const step = await stepFor(trx, actor, row, input, onDate, fileIds);
    const before = { receivedOn: row.received_on, resolvedOn: row.resolved_on };
    if (step === null) return refreshCaseFigures(trx, derived, actor, { id: row.id, provinceId: row.province_id }, before);
    await applyStep(trx, actor, { id: row.id, provinceId: row.province_id }, step);
    await refreshCaseFigures(trx, derived, actor, { id: row.id, provinceId: row.province_id }, before);
    await recordAudit(trx, actor, {
      action: 'update', entity: 'petition_case', entityId: row.id, unitId: row.unit_id,
      before: { status: row.status, version: row.version },
      after: { step: step.kind, status: step.to ?? row.status, onDate, files: fileIds.length },
    });
  });
  return getCase(db, actor, id);
}

/** What the action writes: the step request (null when the action wrote its own steps, a duplicate link). */
async function stepFor(trx: Database, actor: Actor, row: repo.CaseRow, input: TCaseAction, onDate: string, fileIds: string[]): Promise<StepRequest | null> {
  const base = {
    seenVersion: row.version, from: row.status, onDate, note: input.note ?? null, fileIds, reason: input.reason ?? null,
    dueOn: row.due_on,
  };
  const recompute = async (c: CaseBasis, status: TCaseStatus) => {
    const { result, dueOn } = await deadlinesFor(trx, c, status, await appealedOn(trx, { ...row, instance: c.instance }));
    return { dueOn, deadlines: result.deadlines, ruleSetName: result.ruleSetName };
  };
  switch (input.action) {
    case 'accept': {
      const to = moveOf('accept', row.status) as TCaseStatus;
      const c = { ...basisOf(row), accepted_on: onDate };
      const d = await recompute(c, to);
      return { ...base, kind: 'accept', to, changes: { accepted_on: onDate }, dueOn: d.dueOn, deadlines: d.deadlines, data: { instance: row.instance, ruleSetName: d.ruleSetName } };
    }
    case 'refuse':
    case 'withdraw':
      return { ...base, kind: input.action, to: moveOf(input.action, row.status) as TCaseStatus, changes: { closed_on: onDate }, dueOn: null, data: {} };
    case 'transfer':
      return transferStep(trx, actor, row, input, base);
    case 'confirmDuplicate': {
      if (!input.duplicateOfId) throw required('duplicateOfId');
      await linkDuplicate(trx, actor, { id: row.id, provinceId: row.province_id }, input.duplicateOfId, row.version, onDate);
      await recordAudit(trx, actor, { action: 'update', entity: 'petition_case', entityId: row.id, unitId: row.unit_id, after: { step: 'duplicate_confirm', duplicateOfId: input.duplicateOfId } });
      return null;
    }
    case 'rejectDuplicate':
      if (!input.duplicateOfId) throw required('duplicateOfId');
      return { ...base, kind: 'duplicate_reject', changes: {}, data: { candidateId: input.duplicateOfId } };
    case 'assign': {
      if (!input.handlerUserId) throw required('handlerUserId');
      const handler = await repo.findUserInScope(trx, actor.scope, input.handlerUserId);
      if (!handler || handler.disabled) throw invalidField('handlerUserId', msg('petitions.handlerNotInScope'));
      const to = moveOf('assign', row.status);
      return {
        ...base, kind: 'assign', ...(to ? { to } : {}), changes: { handler_user_id: handler.id },
        data: { handlerUserId: handler.id, handlerName: handler.full_name, previousHandlerUserId: row.handler_user_id },
      };
    }
    case 'verify':
      return { ...base, kind: 'verify', changes: {}, data: {} };
    case 'extend': {
      if (!input.reason) throw required('reason');
      // a denunciation counts its extensions; a complaint is extended by being found complex
      const c = row.kind === 'denunciation' ? { ...basisOf(row), complex: true, extensions: row.extensions + 1 } : { ...basisOf(row), complex: true };
      const d = await recompute(c, row.status);
      return {
        ...base, kind: 'extend', changes: { extensions: c.extensions, complex: c.complex }, dueOn: d.dueOn, deadlines: d.deadlines,
        data: { extensions: c.extensions, previousDueOn: row.due_on, ruleSetName: d.ruleSetName },
      };
    }
    case 'conclude': {
      const c = { ...basisOf(row), resolved_on: onDate };
      const d = await recompute(c, 'concluded');
      const changes: Updateable<PetitionCaseTable> = { resolved_on: onDate };
      if (input.publicAnswer) Object.assign(changes, { public_answer: input.publicAnswer, answer_published: input.publish ?? false, answered_on: input.publish ? onDate : null });
      return { ...base, kind: 'conclude', to: 'concluded', changes, dueOn: d.dueOn, deadlines: d.deadlines, data: { ruleSetName: d.ruleSetName } };
    }
    case 'notify':
      return { ...base, kind: 'notify', to: 'notified', changes: {}, dueOn: null, data: {} };
    case 'appeal': {
      const c = { ...basisOf(row), instance: 2, accepted_on: null, resolved_on: null, extensions: 0, complex: false };
      const { result, dueOn } = await deadlinesFor(trx, c, 'appealed', onDate);
      return {
        ...base, kind: 'appeal', to: 'appealed', changes: { instance: 2, accepted_on: null, resolved_on: null, extensions: 0, complex: false, outcome: null },
        dueOn, deadlines: result.deadlines,
        data: { firstInstanceResolvedOn: row.resolved_on, firstInstanceExtensions: row.extensions, ruleSetName: result.ruleSetName },
      };
    }
    case 'close': {
      const resolvedOn = row.resolved_on ?? onDate;
      const appeal = await appealedOn(trx, row);
      const [original, extended] = await Promise.all([
        deadlinesFor(trx, { ...basisOf(row), extensions: 0, complex: wasExtended(row) ? false : row.complex }, 'closed', appeal),
        deadlinesFor(trx, basisOf(row), 'closed', appeal),
      ]);
      const originalDue = resolutionDueOn(original.result.deadlines);
      const extendedDue = resolutionDueOn(extended.result.deadlines);
      const outcome = outcomeOf(resolvedOn, originalDue, extendedDue, wasExtended(row));
      const changes: Updateable<PetitionCaseTable> = { closed_on: onDate, resolved_on: resolvedOn, outcome };
      if (input.satisfaction) changes.satisfaction = input.satisfaction;
      return { ...base, kind: 'close', to: 'closed', changes, dueOn: null, data: { outcome, resolvedOn, originalDueOn: originalDue, extendedDueOn: extendedDue, extensions: row.extensions } };
    }
    case 'satisfaction':
      if (!input.satisfaction) throw invalidField('satisfaction', msg('petitions.satisfactionRequired'));
      return { ...base, kind: 'satisfaction', changes: { satisfaction: input.satisfaction }, data: { satisfaction: input.satisfaction } };
    case 'publish': {
      const answer = input.publicAnswer ?? row.public_answer;
      if (!answer) throw invalidField('publicAnswer', msg('petitions.answerRequired'));
      const published = input.publish ?? true;
      return { ...base, kind: 'publish', changes: { public_answer: answer, answer_published: published, answered_on: published ? onDate : null }, data: { published } };
    }
    case 'document':
      if (fileIds.length === 0) throw required('fileIds');
      return { ...base, kind: 'document', changes: {}, data: {} };
    case 'note':
      if (!input.note) throw required('note');
      return { ...base, kind: 'note', changes: {}, data: {} };
    case 'flags': {
      const f = input.flags ?? {};
      if (Object.keys(f).length === 0) throw invalidField('flags', msg('petitions.flagsRequired'));
      const changes: Updateable<PetitionCaseTable> = {};
      // a crowd case by its number of persons stays one
      if (f.crowd !== undefined) changes.crowd = f.crowd || isCrowd(row.person_count);
      if (f.aboveLevel !== undefined) changes.above_level = f.aboveLevel;
      if (f.prolonged !== undefined) changes.prolonged = f.prolonged;
      if (f.hotSpot !== undefined) changes.hot_spot = f.hotSpot;
      return { ...base, kind: 'flags', changes, data: { flags: f } };
    }
  }
}

/**
 * Transfer to the competent body with the transfer letter (a file of the case). A competent unit of the system
 * receives a new case (channel 'forwarded', linked to this one, the letter attached); the denouncer's identity is
 * not passed on (redacted on transfer, Luật Tố cáo 2018). A body outside the system is recorded by name.
 */
async function transferStep(trx: Database, actor: Actor, row: repo.CaseRow, input: TCaseAction, base: Omit<StepRequest, 'kind' | 'changes' | 'data'>): Promise<StepRequest> {
  if (base.fileIds.length === 0) throw invalidField('fileIds', msg('petitions.transferLetterRequired'));
  if (!input.competentUnitId && !input.competentBody) throw invalidField('competentUnitId', msg('petitions.competentRequired'));
  const data: Record<string, unknown> = {};
  let competentName = input.competentBody ?? null;
  if (input.competentUnitId) {
    const unit = await repo.findAnyUnit(trx, input.competentUnitId);
    if (!unit || (unit.valid_to !== null && unit.valid_to < base.onDate)) throw notFound('entity.unit');
    if (unit.id === row.unit_id) throw invalidField('competentUnitId', msg('petitions.competentIsSelf'));
    competentName = competentName ?? unit.full_name;
    const provinceId = Number(unit.province_id);
    const field = (await findFieldFor(trx, provinceId, row.field_id)) ?? (await findNationalField(trx, 'other'));
    const persons = await repo.findPersons(trx, row.province_id, [row.id]);
    const open = persons.filter((p) => !p.protected);
    const redacted = persons.length - open.length;
    const received = await receiveCase(
      trx,
      { source: 'officer', actor },
      {
        kind: row.kind, channel: 'forwarded', fieldId: field?.id ?? row.field_id, unitId: unit.id,
        locationUnitId: provinceId === row.province_id ? (row.village_id ?? row.commune_id) : null,
        lat: row.lat, lon: row.lon, subject: row.subject, content: row.content, receivedOn: base.onDate,
        persons: open.map((p) => ({
          role: p.role, fullName: p.full_name as string, birthYear: p.birth_year, gender: p.gender, idNumber: p.id_number, phone: p.phone, email: p.email, address: p.address,
        })),
        personCount: Math.max(row.person_count, open.length, 1),
        aboveLevel: row.above_level, prolonged: row.prolonged, hotSpot: row.hot_spot, remoteArea: row.remote_area,
      },
      { all: true },
      { caseId: row.id, provinceId: row.province_id, code: row.code, unitName: row.unit_name, redactedPersons: redacted },
    );
    await repo.copyAttachments(trx, actor.scope, { provinceId: row.province_id, caseId: row.id }, { provinceId: received.provinceId, caseId: received.id, unitId: unit.id }, base.fileIds, actor.userId, clock.now());
    Object.assign(data, { newCaseId: received.id, newCaseCode: received.code, competentUnitId: unit.id, redactedPersons: redacted });
  }
  return {
    ...base, kind: 'transfer', to: 'transferred',
    changes: { competent_unit_id: input.competentUnitId ?? null, competent_body: competentName, closed_on: base.onDate },
    dueOn: null, data: { ...data, competentBody: competentName },
  };
}

export type { TDeadline };
