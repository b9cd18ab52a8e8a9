import type { TDeadline } from '#contracts/legal/deadline.schemas.ts';
import {
  isEndedStatus, type TCase, type TCaseCreate, type TCaseListQuery, type TCasePersonInput, type TDuplicateCandidate, type TStepKind,
} from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './case.repository.ts';
import { availableActions } from './case-actions.rules.ts';
import { receiveCase } from './case-intake.ts';
import { touchCaseFigures } from './figures/figures-derived.ts';
import { applyStep } from './case-steps.ts';
import { actorProvinces } from './field.service.ts';
import { decryptIdentity, matchingKey, type ProtectedIdentity } from './identity-crypto.ts';
import { petitionPolicy } from './petition.policy.ts';
import { presentPerson, presentStep, presentSummary } from './petition.presenter.ts';

/** An officer's intake (POST /api/petitions): one transaction, then the case as the officer sees it. */
export async function createCase(db: Database, derived: DerivedValues, actor: Actor, input: TCaseCreate): Promise<TCase> {
  authorize(petitionPolicy.manage(actor));
  const { id } = await db.transaction().execute(async (trx) => {
    const received = await receiveCase(trx, { source: 'officer', actor }, input, actor.scope);
    if (received.created && input.duplicateOfId) {
      await linkDuplicate(trx, actor, received, input.duplicateOfId, 1, clock.today());
    }
    if (received.created) await refreshCaseFigures(trx, derived, actor, received, null);
    return received;
  });
  return getCase(db, actor, id);
}

/** Confirms that a case duplicates an earlier open case of the same province in scope (status 'duplicate'). */
export async function linkDuplicate(trx: Database, actor: Actor, c: { id: string; provinceId: number }, duplicateOfId: string, seenVersion: number, onDate: string) {
  if (duplicateOfId === c.id) throw invalidField('duplicateOfId', msg('petitions.duplicateOfItself'));
  const original = await repo.findCase(trx, actor.scope, [c.provinceId], duplicateOfId);
  if (!original || isEndedStatus(original.status)) throw invalidField('duplicateOfId', msg('petitions.duplicateNotFound'));
  await applyStep(trx, actor, { id: c.id, provinceId: c.provinceId }, {
    kind: 'duplicate_confirm', seenVersion, to: 'duplicate', onDate, note: null, fileIds: [],
    changes: { duplicate_of_id: original.id, due_on: null },
    data: { duplicateOfId: original.id, duplicateOfCode: original.code },
  });
}

/** Candidate duplicates of a case being received: same person (folded name; birth year, phone, id number agree when both given) and a similar subject. */
export async function findDuplicates(
  db: Database,
  actor: Actor,
  input: { unitId: number; subject: string; persons: readonly TCasePersonInput[] },
  exclude?: { id: string; rejected: readonly string[] },
): Promise<TDuplicateCandidate[]> {
  authorize(petitionPolicy.read(actor));
  const unit = await repo.findUnitInScope(db, actor.scope, input.unitId);
  if (!unit) throw notFound('entity.unit');
  const provinceId = Number(unit.province_id);
  const names = [...new Set(input.persons.map((p) => foldVi(p.fullName)))];
  const rows = await repo.findDuplicateCandidates(db, actor.scope, provinceId, {
    names,
    nameKeys: [...new Set(input.persons.map((p) => matchingKey(p.fullName)))],
    subjectFold: foldVi(input.subject),
    ...(exclude ? { excludeId: exclude.id, rejected: exclude.rejected } : { rejected: [] }),
  });
  if (rows.length === 0) return [];
  const persons = await repo.findPersons(db, provinceId, rows.map((r) => r.id));
  const out: TDuplicateCandidate[] = [];
  for (const row of rows) {
    let best: TDuplicateCandidate['matchedOn'] | null = null;
    for (const stored of persons.filter((p) => p.case_id === row.id)) {
      // protected identities are compared in memory only, never returned
      const them = stored.protected && stored.identity_cipher ? decryptIdentity(stored.identity_cipher, stored.id) : identityFromRow(stored);
      for (const mine of input.persons) {
        const matched = samePerson(mine, them);
        if (matched && (!best || matched.length > best.length)) best = matched;
      }
    }
    if (best) {
      out.push({ id: row.id, code: row.code, subject: row.subject, status: row.status, receivedOn: row.received_on, unitName: row.unit_name, similarity: Math.round(row.similarity * 100) / 100, matchedOn: best });
    }
  }
  return out;
}

const identityFromRow = (p: { full_name: string | null; birth_year: number | null; gender: ProtectedIdentity['gender']; id_number: string | null; phone: string | null; email: string | null; address: string | null }): ProtectedIdentity => ({
  fullName: p.full_name ?? '', birthYear: p.birth_year, gender: p.gender, idNumber: p.id_number, phone: p.phone, email: p.email, address: p.address,
});

const digits = (text: string) => text.replace(/\D/g, '');

/** Same person: same folded name, and no disagreement on birth year, phone or id number where both are given. */
export function samePerson(a: TCasePersonInput, b: ProtectedIdentity): TDuplicateCandidate['matchedOn'] | null {
  if (foldVi(a.fullName) !== foldVi(b.fullName)) return null;
  const matched: TDuplicateCandidate['matchedOn'] = ['name'];
  if (a.birthYear != null && b.birthYear != null) {
    if (a.birthYear !== b.birthYear) return null;
    matched.push('birthYear');
  }
  if (a.phone && b.phone) {
    if (digits(a.phone) !== digits(b.phone)) return null;
    matched.push('phone');
  }
  if (a.idNumber && b.idNumber) {
    if (digits(a.idNumber) !== digits(b.idNumber)) return null;
    matched.push('idNumber');
  }
  return matched;
}

/** Reads one case in scope with persons (redacted), steps, duplicates and the actions the reader may take. */
export async function getCase(db: Database, actor: Actor, id: string): Promise<TCase> {
  authorize(petitionPolicy.read(actor));
  const provinces = await actorProvinces(db, actor);
  const row = await repo.findCase(db, actor.scope, provinces, id);
  if (!row) throw notFound('entity.petitionCase');
  return presentCase(db, actor, row);
}

export async function presentCase(db: Database, actor: Actor, row: repo.CaseRow, revealed?: Map<string, ProtectedIdentity>): Promise<TCase> {
  const today = clock.today();
  const [persons, steps, duplicates] = await Promise.all([
    repo.findPersons(db, row.province_id, [row.id]),
    repo.findSteps(db, row.province_id, row.id),
    repo.findLinkedDuplicates(db, actor.scope, row.province_id, row.id, row.duplicate_of_id),
  ]);
  const presentedSteps = steps.map(presentStep);
  const lastDeadlines = [...presentedSteps].reverse().find((s) => s.deadlines !== null);
  const ruleStep = [...presentedSteps].reverse().find((s) => typeof s.data.ruleSetName === 'string');
  return {
    ...presentSummary(row, today),
    content: row.content,
    villageId: row.village_id,
    villageName: row.village_name,
    lat: row.lat,
    lon: row.lon,
    originCaseId: row.origin_case_id,
    competentUnitId: row.competent_unit_id,
    competentUnitName: row.competent_unit_name,
    competentBody: row.competent_body,
    handlerName: row.handler_name,
    acceptedOn: row.accepted_on,
    ruleSetCode: row.rule_set_code,
    ruleSetName: (ruleStep?.data.ruleSetName as string | undefined) ?? null,
    complex: row.complex,
    remoteArea: row.remote_area,
    resolvedOn: row.resolved_on,
    satisfaction: row.satisfaction,
    publicAnswer: row.public_answer,
    answerPublished: row.answer_published,
    answeredOn: row.answered_on,
    source: row.source,
    deadlines: (lastDeadlines?.deadlines ?? []) as TDeadline[],
    persons: persons.map((p) => presentPerson(p, revealed?.get(p.id))),
    steps: presentedSteps,
    duplicates: duplicates.map((d) => ({ id: d.id, code: d.code, subject: d.subject, status: d.status })),
    actions: availableActions(actor, row),
    today,
  };
}

/**
 * A denouncer's identity, for the handler or a superior holding petitions.readIdentity, with the declared need:
 * decrypted in memory, each read audited (read_protected, with the reason) in the same transaction.
 */
export async function revealIdentity(db: Database, actor: Actor, id: string, reason: string): Promise<TCase> {
  authorize(petitionPolicy.read(actor));
  const provinces = await actorProvinces(db, actor);
  return db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, actor.scope, provinces, id);
    if (!row) throw notFound('entity.petitionCase');
    authorize(petitionPolicy.readIdentity(actor, row.handler_user_id), msg('petitions.identityForbidden'));
    const persons = (await repo.findPersons(trx, row.province_id, [row.id])).filter((p) => p.protected && p.identity_cipher);
    if (persons.length === 0) throw new AppError(409, 'conflict', msg('petitions.noProtectedIdentity'));
    const revealed = new Map(persons.map((p) => [p.id, decryptIdentity(p.identity_cipher as string, p.id)]));
    await recordAudit(trx, actor, {
      action: 'read_protected', entity: 'petition_case', entityId: row.id, unitId: row.unit_id,
      after: { fields: ['identity'], persons: persons.length, reason, code: row.code },
    });
    return presentCase(trx, actor, row, revealed);
  });
}

/** Cases of the actor's scope matching the filters, one page. */
export async function listCases(db: Database, actor: Actor, query: TCaseListQuery) {
  authorize(petitionPolicy.read(actor));
  const today = clock.today();
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const { items, total, totalExact } = await repo.listCases(db, actor.scope, await actorProvinces(db, actor), query, today, { limit: pageSize, offset: (page - 1) * pageSize });
  return { today, total, totalExact, page, pageSize, items: items.map((row) => presentSummary(row, today)) };
}

/** Counts for the overdue panel and the Hue-S figures, over the list's filters. */
export async function countCases(db: Database, actor: Actor, query: TCaseListQuery) {
  authorize(petitionPolicy.read(actor));
  const today = clock.today();
  const soonDays = query.soonDays ?? 7;
  const row = await repo.countCases(db, actor.scope, await actorProvinces(db, actor), query, today, soonDays);
  return {
    today, soonDays, open: row.open, overdue: row.overdue, dueSoon: row.due_soon, closed: row.closed,
    onTime: row.on_time, late: row.late, lateExtended: row.late_extended, duplicates: row.duplicates,
  };
}

/** A step's kind for the audit and the history, by action (re-exported for the steps module). */
export type { TStepKind };

/** Candidate duplicates of a received case (those rejected by an officer left out). */
export async function caseDuplicates(db: Database, actor: Actor, id: string): Promise<TDuplicateCandidate[]> {
  authorize(petitionPolicy.read(actor));
  const provinces = await actorProvinces(db, actor);
  const row = await repo.findCase(db, actor.scope, provinces, id);
  if (!row) throw notFound('entity.petitionCase');
  if (row.status !== 'received') return [];
  const persons = await repo.findPersons(db, row.province_id, [row.id]);
  const steps = await repo.findSteps(db, row.province_id, row.id);
  const rejected = steps.filter((s) => s.kind === 'duplicate_reject').map((s) => String((s.data as { candidateId?: string }).candidateId));
  const inputs = persons.map((p) => {
    const identity = p.protected && p.identity_cipher ? decryptIdentity(p.identity_cipher, p.id) : identityFromRow(p);
    return { fullName: identity.fullName, birthYear: identity.birthYear, phone: identity.phone, idNumber: identity.idNumber };
  });
  return findDuplicates(db, actor, { unitId: row.unit_id, subject: row.subject, persons: inputs }, { id: row.id, rejected });
}

/** The dates a case's figures count it on, before a write (null for a new case). */
export type CaseFigureDays = { receivedOn: string; resolvedOn: string | null } | null;

/**
 * Refreshes the figures of cases (received, resolved, on time) a write moved, in the writer's transaction: the
 * case's commune (or receiving unit), the months of its dates before and after the write.
 */
export async function refreshCaseFigures(trx: Database, derived: DerivedValues, actor: Actor, c: { id: string; provinceId: number }, before: CaseFigureDays) {
  const keys = await repo.findCaseFigureKeys(trx, c.provinceId, c.id);
  if (!keys) return;
  await touchCaseFigures(trx, derived, { userId: actor.userId }, {
    unitIds: [keys.commune_id ?? keys.unit_id],
    days: [before?.receivedOn, before?.resolvedOn, keys.received_on, keys.resolved_on],
  });
}
