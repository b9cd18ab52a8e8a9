import type { z } from 'zod';
import type { TCampaignDetail, ZCampaignInput } from '#contracts/emulation/campaign.ts';
import type { TBodyKind, TCampaignLevel, TCampaignStatus, TCriterionScoring, TCriterionTarget, TMilestoneKind } from '#contracts/emulation/enums.ts';

/** The campaign form as typed: every field a string, lists as rows the user adds and removes. */
export interface CampaignDraft {
  code: string;
  title: string;
  year: string;
  startsOn: string;
  endsOn: string;
  level: TCampaignLevel;
  status: TCampaignStatus;
  programmeId: string;
  /** One theme per line. */
  themes: string;
  purpose: string;
  commitments: { code: string; title: string; appendix: string }[];
  criteria: { appliesTo: TCriterionTarget; code: string; text: string; scoring: TCriterionScoring; weight: string; maxScore: string }[];
  bodyTasks: { bodyKind: TBodyKind; heading: string; code: string; text: string }[];
  milestones: { kind: TMilestoneKind; onDate: string; untilDate: string; everyYears: string; title: string }[];
  participantUnitIds: number[];
  /** Organisations taking part (kept as they are: the form does not edit them). */
  participantOrganizationIds: number[];
}

export type CampaignBody = Omit<z.input<typeof ZCampaignInput>, 'unitId'>;

/** A new campaign of a unit at `level` for `year`: the year's dates, 15/10 as the recognition day. */
export function emptyDraft(level: TCampaignLevel, year: number): CampaignDraft {
  return {
    code: `DVK-${year}`,
    title: '',
    year: String(year),
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    level,
    status: 'active',
    programmeId: '',
    themes: '',
    purpose: '',
    commitments: [],
    criteria: [],
    bodyTasks: [],
    milestones: [{ kind: 'recognition', onDate: `${year}-10-15`, untilDate: '', everyYears: '', title: '' }],
    participantUnitIds: [],
    participantOrganizationIds: [],
  };
}

/** The form filled from a campaign as read. */
export function draftFrom(c: TCampaignDetail): CampaignDraft {
  return {
    code: c.code,
    title: c.title,
    year: String(c.year),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    level: c.level,
    status: c.status,
    programmeId: c.programme ? String(c.programme.id) : '',
    themes: c.themes.join('\n'),
    purpose: c.purpose ?? '',
    commitments: c.commitments.map((x) => ({ code: x.code, title: x.title, appendix: x.appendix ?? '' })),
    criteria: c.criteria.map((x) => ({
      appliesTo: x.appliesTo,
      code: x.code,
      text: x.text,
      scoring: x.scoring,
      weight: x.weight === null ? '' : String(x.weight),
      maxScore: x.maxScore === null ? '' : String(x.maxScore),
    })),
    bodyTasks: c.bodyTasks.map((x) => ({ bodyKind: x.bodyKind, heading: x.heading ?? '', code: x.code, text: x.text })),
    milestones: c.milestones.map((x) => ({
      kind: x.kind,
      onDate: x.onDate,
      untilDate: x.untilDate ?? '',
      everyYears: x.everyYears === null ? '' : String(x.everyYears),
      title: x.title,
    })),
    participantUnitIds: c.participants.flatMap((p) => (p.unit ? [p.unit.id] : [])),
    participantOrganizationIds: c.participants.flatMap((p) => (p.organization ? [p.organization.id] : [])),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
/** A number as typed ("1,5" or "1.5"); NaN stays NaN so the server names the field. */
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

/** The request body of the form: empty optional fields are null, the themes one per line. */
export function toBody(d: CampaignDraft): CampaignBody {
  return {
    code: d.code.trim(),
    title: d.title,
    year: Number(d.year),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    level: d.level,
    status: d.status,
    programmeId: d.programmeId === '' ? null : Number(d.programmeId),
    themes: d.themes
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    purpose: orNull(d.purpose),
    commitments: d.commitments.map((x) => ({ code: x.code.trim(), title: x.title, appendix: orNull(x.appendix) })),
    criteria: d.criteria.map((x) => ({
      appliesTo: x.appliesTo,
      code: x.code.trim(),
      text: x.text,
      scoring: x.scoring,
      weight: x.scoring === 'weight' ? numberOrNull(x.weight) : null,
      maxScore: x.scoring === 'weight' ? numberOrNull(x.maxScore) : null,
    })),
    bodyTasks: d.bodyTasks.map((x) => ({ bodyKind: x.bodyKind, heading: orNull(x.heading), code: x.code.trim(), text: x.text })),
    milestones: d.milestones.map((x) => ({
      kind: x.kind,
      onDate: x.onDate,
      untilDate: orNull(x.untilDate),
      everyYears: x.everyYears.trim() === '' ? null : Number(x.everyYears),
      title: x.title,
    })),
    participants: [
      ...d.participantUnitIds.map((unitId) => ({ unitId, organizationId: null })),
      ...d.participantOrganizationIds.map((organizationId) => ({ unitId: null, organizationId })),
    ],
  };
}
