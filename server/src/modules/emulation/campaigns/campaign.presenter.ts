import type { TCampaign, TCampaignDetail } from '#contracts/emulation/campaign.ts';
import type { TBodyKind, TMilestoneKind } from '#contracts/emulation/enums.ts';
import type { TUnitLevel } from '#contracts/units.ts';
import type { CampaignRow, findCampaignParts } from './campaign.repository.ts';

type Parts = Awaited<ReturnType<typeof findCampaignParts>>;

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function presentCampaign(row: CampaignRow): TCampaign {
  return {
    id: row.id,
    unit: { id: row.unit_id, fullName: row.unit_full_name, level: row.unit_level as TUnitLevel },
    programme:
      row.programme_id !== null && row.programme_number !== null && row.programme_title !== null
        ? { id: row.programme_id, number: row.programme_number, title: row.programme_title }
        : null,
    code: row.code,
    title: row.title,
    year: row.year,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    level: row.level,
    themes: row.themes,
    status: row.status,
    pack: row.pack_code !== null && row.pack_version !== null ? { code: row.pack_code, version: row.pack_version } : null,
    version: row.version,
    commitmentCount: row.commitment_count,
    criterionCount: row.criterion_count,
    participantCount: row.participant_count,
  };
}

export function presentCampaignDetail(row: CampaignRow, parts: Parts, canManage: boolean): TCampaignDetail {
  return {
    ...presentCampaign(row),
    purpose: row.purpose,
    commitments: parts.commitments,
    criteria: parts.criteria.map((c) => ({
      id: c.id,
      appliesTo: c.applies_to,
      code: c.code,
      text: c.text,
      scoring: c.scoring,
      weight: c.weight === null ? null : Number(c.weight),
      maxScore: c.max_score === null ? null : Number(c.max_score),
    })),
    bodyTasks: parts.bodyTasks.map((t) => ({ id: t.id, bodyKind: t.body_kind as TBodyKind, heading: t.heading, code: t.code, text: t.text })),
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      kind: m.kind as TMilestoneKind,
      onDate: m.on_date,
      untilDate: m.until_date,
      everyYears: m.every_years,
      title: m.title,
    })),
    participants: parts.participants.map((p) => ({
      id: p.id,
      unit: p.unit_id !== null ? { id: p.unit_id, fullName: p.unit_full_name ?? '', level: (p.unit_level ?? 'commune') as TUnitLevel } : null,
      organization:
        p.organization_id !== null
          ? { id: p.organization_id, name: p.organization_name ?? '', unitId: p.organization_unit_id ?? 0, unitName: p.organization_unit_name ?? '' }
          : null,
    })),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    canManage,
  };
}
