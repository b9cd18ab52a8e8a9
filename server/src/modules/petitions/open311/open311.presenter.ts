import { isEndedStatus, type TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import type { TOpen311Request, TOpen311Service } from '#contracts/petitions/open311.schemas.ts';
import { msg } from '#server/shared/messages.ts';
import type { PublicRequestRow } from './open311.repository.ts';

/** Open311 'closed': the case has ended, or its answer was given (concluded, notified). */
export const isClosed = (status: TCaseStatus) => isEndedStatus(status) || status === 'concluded' || status === 'notified';
export const CLOSED_STATUSES = (['received', 'accepted', 'refused', 'transferred', 'verifying', 'concluded', 'notified', 'appealed', 'closed', 'withdrawn', 'duplicate'] as const).filter(isClosed);

const pad = (n: number) => String(n).padStart(2, '0');

/** W3C datetime in Vietnam time: 2026-03-01T09:00:00+07:00. */
export function w3c(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`;
}

export const presentService = (field: { code: string; name: string }): TOpen311Service => ({
  service_code: field.code,
  service_name: field.name,
  description: msg('portal.open311.serviceDescription', { name: field.name }),
  metadata: true,
  type: 'realtime',
  keywords: msg('portal.open311.keywords'),
  group: msg('portal.open311.group'),
});

/** A case as an Open311 service request: public fields only (no person, no content; the answer once published). */
export function presentRequest(row: PublicRequestRow): TOpen311Request {
  return {
    service_request_id: row.code,
    status: isClosed(row.status) ? 'closed' : 'open',
    status_notes: row.answer_published ? row.public_answer : null,
    service_name: row.field_name,
    service_code: row.field_code,
    description: row.subject,
    agency_responsible: row.agency_name,
    service_notice: null,
    requested_datetime: w3c(new Date(row.created_at)),
    updated_datetime: w3c(new Date(row.updated_at)),
    expected_datetime: row.due_on && !isClosed(row.status) ? `${row.due_on}T23:59:59+07:00` : null,
    address: [row.commune_name, row.province_name].filter(Boolean).join(', '),
    address_id: row.commune_code,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    // the photo is never published (it may show people): officers see it on the case
    media_url: null,
  };
}
