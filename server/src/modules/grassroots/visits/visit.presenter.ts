import type { TVisit } from '#contracts/grassroots/visit.schemas.ts';
import type { VisitRow } from './visit.repository.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function presentVisit(row: VisitRow): TVisit {
  return {
    id: row.id,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    personId: Number(row.person_id),
    personName: row.person_name,
    roleId: Number(row.role_id),
    roleTitle: row.role_title,
    organizationId: Number(row.organization_id),
    organizationName: row.organization_name,
    from: row.from_date,
    to: row.to_date,
    startHalf: row.start_half,
    endHalf: row.end_half,
    days: Number(row.days),
    purposeId: Number(row.purpose_id),
    purposeName: row.purpose_name,
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    metWith: row.met_with,
    heard: row.heard,
    topics: row.topics,
    createdAt: iso(row.created_at),
  };
}
