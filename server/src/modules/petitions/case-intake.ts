import type { Insertable } from 'kysely';
import type { TDeadlineResult } from '#contracts/legal/deadline.schemas.ts';
import type { TCase, TCaseCreate, TCasePersonInput, TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { PetitionCaseTable } from '#server/db/schema.ts';
import type { Actor, Scope } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './case.repository.ts';
import { deadlinesOf } from './case-deadlines.ts';
import { findFieldFor } from './field.repository.ts';
import { encryptIdentity, matchingKey, type ProtectedIdentity } from './identity-crypto.ts';
import { currentDueOn, isCrowd, searchText, trackingCode } from './petition.rules.ts';

/**
 * Intake: a case written with its persons (a denouncer's identity encrypted), its first step and deadlines. Used
 * by the officers' intake, by transfers (the competent unit's new case) and by the public portal.
 */

/** Who makes an intake: an officer (actor) or the public portal (no account). */
export type Intake = { source: 'officer'; actor: Actor } | { source: 'portal' };

/** The person's identity to encrypt (denouncers) or store (everyone else). */
export const identityOf = (p: TCasePersonInput): ProtectedIdentity => ({
  fullName: p.fullName,
  birthYear: p.birthYear ?? null,
  gender: p.gender ?? null,
  idNumber: p.idNumber ?? null,
  phone: p.phone ?? null,
  email: p.email ?? null,
  address: p.address ?? null,
});

/** Identity of a denunciation's persons is protected (Luật Tố cáo 2018). */
export const isProtectedKind = (kind: TCase['kind']) => kind === 'denunciation';

/** Rows of the persons of a new case: protected identities only encrypted, with matching keys. */
export function personRows(provinceId: number, caseId: string, kind: TCase['kind'], persons: readonly TCasePersonInput[]) {
  const protect = isProtectedKind(kind);
  return persons.map((p, position) => {
    const id = uuidv7();
    if (protect) {
      const { cipher, keyId } = encryptIdentity(identityOf(p), id);
      const contact = p.idNumber ?? p.phone ?? null;
      return {
        id, province_id: provinceId, case_id: caseId, position, role: p.role ?? 'filer', protected: true,
        full_name: null, name_fold: null, birth_year: null, gender: null, id_number: null, phone: null, email: null, address: null,
        identity_cipher: cipher, cipher_key_id: keyId, name_key: matchingKey(p.fullName), contact_key: contact ? matchingKey(contact) : null,
      };
    }
    return {
      id, province_id: provinceId, case_id: caseId, position, role: p.role ?? 'filer', protected: false,
      full_name: p.fullName, name_fold: foldVi(p.fullName), birth_year: p.birthYear ?? null, gender: p.gender ?? null,
      id_number: p.idNumber ?? null, phone: p.phone ?? null, email: p.email ?? null, address: p.address ?? null,
      identity_cipher: null, cipher_key_id: null, name_key: null, contact_key: null,
    };
  });
}

/** Deadlines and the current due date of a case in a status. */
export async function deadlinesFor(
  db: Database,
  c: Pick<PetitionCaseTable, 'kind' | 'received_on' | 'accepted_on' | 'resolved_on' | 'rule_set_code'> & { remote_area: boolean; complex: boolean; extensions: number; instance: number },
  status: TCaseStatus,
  appealedOn: string | null,
): Promise<{ result: TDeadlineResult; dueOn: string | null }> {
  const second = c.instance === 2;
  const result = await deadlinesOf(db, {
    kind: c.kind,
    receivedOn: second && appealedOn ? appealedOn : c.received_on,
    acceptedOn: c.accepted_on,
    decidedOn: c.resolved_on,
    remoteArea: c.remote_area,
    complex: c.complex,
    extensions: c.extensions,
    ruleSetCode: c.rule_set_code,
    secondInstance: second,
  });
  return { result, dueOn: currentDueOn(status, result.deadlines) };
}

/**
 * Receives a case: checks the unit (in scope), field, location and dates; numbers it; computes its deadlines from
 * the rule set in force on the day received; writes the case, its persons (a denouncer's identity encrypted), the
 * first step and the audit row in one transaction. A resend with the same id returns the case already written.
 */
export async function receiveCase(
  trx: Database,
  intake: Intake,
  input: TCaseCreate,
  scope: Scope,
  origin?: TransferOrigin,
): Promise<{ id: string; provinceId: number; code: string; created: boolean }> {
  const today = clock.today();
  const unit = await repo.findUnitInScope(trx, scope, input.unitId);
  if (!unit) throw notFound('entity.unit');
  if (unit.valid_to !== null && unit.valid_to < input.receivedOn) throw invalidField('unitId', msg('petitions.unitEnded'));
  const provinceId = Number(unit.province_id);
  const id = input.id ?? uuidv7();
  if (input.id) {
    const existing = await repo.findCaseCode(trx, scope, provinceId, input.id);
    if (existing) return { id: input.id, provinceId, code: existing.code, created: false };
  }
  const field = await findFieldFor(trx, provinceId, input.fieldId);
  if (!field || !field.active) throw invalidField('fieldId', msg('petitions.fieldUnknown'));
  if (input.receivedOn > today) throw invalidField('receivedOn', msg('petitions.receivedInFuture'));
  const location = await locate(trx, unit, input.locationUnitId ?? null, provinceId);
  const named = input.persons.length;
  if (input.personCount !== undefined && input.personCount < named) throw invalidField('personCount', msg('petitions.personCountBelowNamed', { count: named }));
  const personCount = Math.max(named, input.personCount ?? 0);

  const year = Number(input.receivedOn.slice(0, 4));
  const code = trackingCode(await repo.provinceCode(trx, provinceId), year, await repo.nextCodeNumber(trx, provinceId, year));
  const basis = {
    kind: input.kind, received_on: input.receivedOn, accepted_on: null, resolved_on: null, rule_set_code: null,
    remote_area: input.remoteArea ?? false, complex: false, extensions: 0, instance: 1,
  };
  const { result, dueOn } = await deadlinesFor(trx, basis, 'received', null);
  const persons = personRows(provinceId, id, input.kind, input.persons);
  const names = persons.filter((p) => !p.protected).map((p) => p.full_name as string);
  const now = clock.now();
  const actorId = intake.source === 'officer' ? intake.actor.userId : null;
  await repo.insertCase(trx, {
    id, province_id: provinceId, unit_id: unit.id, commune_id: location.communeId, village_id: location.villageId,
    lat: input.lat ?? null, lon: input.lon ?? null, code, kind: input.kind, channel: input.channel, field_id: field.id,
    subject: input.subject, content: input.content, received_on: input.receivedOn, status: 'received', instance: 1,
    crowd: isCrowd(personCount), above_level: input.aboveLevel ?? false, prolonged: input.prolonged ?? false, hot_spot: input.hotSpot ?? false,
    person_count: personCount, duplicate_of_id: null, origin_case_id: origin?.caseId ?? null, origin_province_id: origin?.provinceId ?? null, competent_unit_id: null,
    competent_body: null, handler_user_id: null, accepted_on: null, rule_set_code: result.ruleSetCode, due_on: dueOn,
    extensions: 0, complex: false, remote_area: input.remoteArea ?? false, resolved_on: null, closed_on: null, outcome: null,
    satisfaction: null, public_answer: null, answer_published: false, answered_on: null, source: intake.source, created_by: actorId,
    search_text: searchText({ code, subject: input.subject, content: input.content, names }), subject_fold: foldVi(input.subject),
    created_at: now, updated_at: now, version: 1,
  } satisfies Insertable<PetitionCaseTable>);
  await repo.insertPersons(trx, persons);
  await repo.insertStep(trx, {
    id: uuidv7(), province_id: provinceId, case_id: id, seq: 1, kind: 'receive', from_status: null, to_status: 'received',
    by_user_id: actorId, at: now, on_date: input.receivedOn, note: null, file_ids: [], due_on: dueOn,
    deadlines: JSON.stringify(result.deadlines),
    data: JSON.stringify({
      channel: input.channel, source: intake.source, ruleSetCode: result.ruleSetCode, ruleSetName: result.ruleSetName, personCount, crowd: isCrowd(personCount),
      ...(origin ? { transferredFromCaseId: origin.caseId, transferredFromCode: origin.code, transferredFromUnit: origin.unitName, redactedPersons: origin.redactedPersons } : {}),
    }),
  });
  await recordAudit(trx, intake.source === 'officer' ? intake.actor : null, {
    action: 'create', entity: 'petition_case', entityId: id, unitId: unit.id,
    // the audit log holds no identity: code, kind, channel and the number of persons only
    after: { code, kind: input.kind, channel: input.channel, fieldId: field.id, personCount, source: intake.source },
  });
  return { id, provinceId, code, created: true };
}

/** The case a transferred case comes from (its unit's name for the history; persons whose identity was withheld). */
export interface TransferOrigin {
  caseId: string;
  provinceId: number;
  code: string;
  unitName: string;
  redactedPersons: number;
}

/** The commune (and village) where the matter is: the location given, else the receiving unit when it is one. */
async function locate(trx: Database, unit: { id: number; level: string; parent_id: number | null }, locationId: number | null, provinceId: number) {
  const place = locationId === null ? unit : await repo.findAnyUnit(trx, locationId).then((u) => u && { ...u, parent_id: null as number | null });
  if (!place) throw invalidField('locationUnitId', msg('petitions.locationOutside'));
  if (locationId !== null && Number((place as { province_id?: number }).province_id) !== provinceId) throw invalidField('locationUnitId', msg('petitions.locationOutside'));
  if (place.level === 'commune') return { communeId: place.id, villageId: null };
  if (place.level === 'village') {
    const parentId = locationId === null ? unit.parent_id : await repo.parentOf(trx, place.id);
    return { communeId: parentId, villageId: place.id };
  }
  if (locationId !== null) throw invalidField('locationUnitId', msg('petitions.locationOutside'));
  return { communeId: null, villageId: null };
}

