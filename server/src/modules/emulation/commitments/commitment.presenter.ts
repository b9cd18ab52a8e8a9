import type { TCommitmentBreach, TCommitmentCount, TCommitmentCountChange } from '#contracts/emulation/commitment.api.ts';
import type { BreachRow, CountRow } from './commitment.repository.ts';

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function presentCount(row: CountRow): TCommitmentCount {
  return {
    id: row.id,
    campaignId: Number(row.campaign_id),
    commitmentId: Number(row.commitment_id),
    commitmentCode: row.commitment_code,
    commitmentTitle: row.commitment_title,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    registrantKind: row.registrant_kind,
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    organizationName: row.organization_name ?? null,
    registered: Number(row.registered),
    eligible: row.eligible === null ? null : Number(row.eligible),
    version: Number(row.version),
    updatedAt: iso(row.updated_at),
  };
}

export function presentChange(row: {
  version: number;
  registered_before: number | null;
  registered: number;
  eligible_before: number | null;
  eligible: number | null;
  source: 'entry' | 'excel' | 'demo';
  reason: string | null;
  changed_by: string | null;
  changed_at: Date | string;
}): TCommitmentCountChange {
  return {
    version: Number(row.version),
    registeredBefore: row.registered_before === null ? null : Number(row.registered_before),
    registered: Number(row.registered),
    eligibleBefore: row.eligible_before === null ? null : Number(row.eligible_before),
    eligible: row.eligible === null ? null : Number(row.eligible),
    source: row.source,
    reason: row.reason,
    changedBy: row.changed_by,
    changedAt: iso(row.changed_at),
  };
}

export function presentBreach(row: BreachRow): TCommitmentBreach {
  return {
    id: row.id,
    campaignId: Number(row.campaign_id),
    commitmentId: Number(row.commitment_id),
    commitmentCode: row.commitment_code,
    commitmentTitle: row.commitment_title,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    registrantKind: row.registrant_kind,
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    organizationName: row.organization_name ?? null,
    occurredOn: row.occurred_on,
    reportedOn: row.reported_on,
    description: row.description,
    reportedBy: row.reported_by,
    createdAt: iso(row.created_at),
  };
}
