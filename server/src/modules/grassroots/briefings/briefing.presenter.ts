import type { TBriefing } from '#contracts/grassroots/briefing.schemas.ts';
import type { BriefingRow } from './briefing.repository.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function presentBriefing(row: BriefingRow): TBriefing {
  return {
    id: row.id,
    organizationId: Number(row.organization_id),
    organizationName: row.organization_name,
    organizationType: row.organization_type as TBriefing['organizationType'],
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    period: row.period,
    held: row.held,
    heldOn: row.held_on,
    reason: row.not_held_reason,
    members: Number(row.members),
    attended: Number(row.attended),
    issues: row.issues,
    topics: row.topics,
    createdAt: iso(row.created_at),
  };
}
