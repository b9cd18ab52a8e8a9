import type { TDeadline } from '#contracts/legal/deadline.schemas.ts';
import {
  isEndedStatus, REDACTED, type TCasePerson, type TCaseStep, type TCaseSummary, type TPetitionField,
} from '#contracts/petitions/case.schemas.ts';
import type { PetitionPersonTable } from '#server/db/schema.ts';
import type { CaseSummaryRow } from './case.repository.ts';
import type { ProtectedIdentity } from './identity-crypto.ts';
import { daysBetween } from './petition.rules.ts';

export const presentField = (row: { id: number; code: string; name: string; province_id: number | null; position: number; active: boolean }): TPetitionField => ({
  id: row.id,
  code: row.code,
  name: row.name,
  provinceId: row.province_id,
  position: row.position,
  active: row.active,
});

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

type SummaryRow = Omit<CaseSummaryRow, 'content' | 'village_id' | 'village_name' | 'lat' | 'lon' | 'origin_case_id' | 'origin_province_id' | 'competent_unit_id' | 'competent_unit_name' | 'competent_body' | 'handler_name' | 'accepted_on' | 'rule_set_code' | 'complex' | 'remote_area' | 'resolved_on' | 'satisfaction' | 'public_answer' | 'answer_published' | 'answered_on' | 'source' | 'unit_path' | 'subject_fold'>;

export function presentSummary(row: SummaryRow, today: string): TCaseSummary {
  const open = !isEndedStatus(row.status);
  return {
    id: row.id,
    provinceId: row.province_id,
    code: row.code,
    kind: row.kind,
    channel: row.channel,
    fieldId: row.field_id,
    fieldName: row.field_name,
    subject: row.subject,
    unitId: row.unit_id,
    unitName: row.unit_name,
    communeId: row.commune_id,
    communeName: row.commune_name,
    receivedOn: row.received_on,
    status: row.status,
    instance: row.instance,
    flags: { crowd: row.crowd, aboveLevel: row.above_level, prolonged: row.prolonged, hotSpot: row.hot_spot },
    personCount: row.person_count,
    firstPerson: row.first_person,
    duplicateOfId: row.duplicate_of_id,
    handlerUserId: row.handler_user_id,
    dueOn: row.due_on,
    extensions: row.extensions,
    closedOn: row.closed_on,
    outcome: row.outcome,
    overdueDays: open && row.due_on && row.due_on < today ? daysBetween(row.due_on, today) : null,
    version: row.version,
  };
}

type PersonRow = Omit<PetitionPersonTable, 'role' | 'protected'> & { role: 'filer' | 'representative'; protected: boolean };

/** A person: a protected identity is shown only when decrypted for this read (`identity`), else REDACTED. */
export function presentPerson(row: PersonRow, identity?: ProtectedIdentity): TCasePerson {
  if (row.protected) {
    return {
      id: row.id, position: row.position, role: row.role, protected: true, revealed: identity !== undefined,
      fullName: identity?.fullName ?? REDACTED,
      birthYear: identity?.birthYear ?? null,
      gender: identity?.gender ?? null,
      idNumber: identity?.idNumber ?? null,
      phone: identity?.phone ?? null,
      email: identity?.email ?? null,
      address: identity?.address ?? null,
    };
  }
  return {
    id: row.id, position: row.position, role: row.role, protected: false, revealed: false,
    fullName: row.full_name ?? '', birthYear: row.birth_year, gender: row.gender, idNumber: row.id_number, phone: row.phone, email: row.email, address: row.address,
  };
}

export function presentStep(row: {
  id: string; seq: number; kind: TCaseStep['kind']; from_status: string | null; to_status: string | null; by_user_id: number | null;
  by_user_name: string | null; at: Date | string; on_date: string; note: string | null; file_ids: string[]; due_on: string | null; deadlines: unknown; data: unknown;
}): TCaseStep {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    fromStatus: row.from_status as TCaseStep['fromStatus'],
    toStatus: row.to_status as TCaseStep['toStatus'],
    byUserId: row.by_user_id,
    byUserName: row.by_user_name,
    at: iso(row.at),
    onDate: row.on_date,
    note: row.note,
    fileIds: row.file_ids,
    dueOn: row.due_on,
    deadlines: (row.deadlines as TDeadline[] | null) ?? null,
    data: (row.data as Record<string, unknown> | null) ?? {},
  };
}
