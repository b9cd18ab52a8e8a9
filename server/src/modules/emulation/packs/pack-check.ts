import { ZCampaignPack, type TCampaignPack } from '#contracts/emulation/pack.ts';
import { msg } from '#server/shared/messages.ts';

/** A problem of a pack: the field's path in the pack ('criteria.3.code') and what is wrong. */
export interface PackProblem {
  field: string;
  message: string;
}

/** Checks what the schema cannot: codes unique within their list, the period in order and holding the year. */
export function checkPackReferences(pack: TCampaignPack): PackProblem[] {
  const problems: PackProblem[] = [];
  const { startsOn, endsOn, year } = pack.campaign;
  if (endsOn < startsOn) problems.push({ field: 'campaign.endsOn', message: msg('emulation.campaigns.yearOutside', { year, from: startsOn, to: endsOn }) });
  else if (year < Number(startsOn.slice(0, 4)) || year > Number(endsOn.slice(0, 4))) {
    problems.push({ field: 'campaign.year', message: msg('emulation.campaigns.yearOutside', { year, from: startsOn.slice(0, 4), to: endsOn.slice(0, 4) }) });
  }
  const unique = (list: 'commitments' | 'criteria' | 'bodyTasks') => {
    const seen = new Set<string>();
    pack[list].forEach((item, i) => {
      if (seen.has(item.code)) problems.push({ field: `${list}.${i}.code`, message: msg('emulation.packs.duplicateCode', { code: item.code }) });
      seen.add(item.code);
    });
  };
  unique('commitments');
  unique('criteria');
  unique('bodyTasks');
  return problems;
}

/** Parses and checks a pack read from a file or a request: the schema's problems first, then the references. */
export function checkPack(raw: unknown): { pack: TCampaignPack; problems: [] } | { pack: null; problems: PackProblem[] } {
  const parsed = ZCampaignPack.safeParse(raw);
  if (!parsed.success) {
    return { pack: null, problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })) };
  }
  const problems = checkPackReferences(parsed.data);
  return problems.length === 0 ? { pack: parsed.data, problems: [] } : { pack: null, problems };
}

/** How many rows loading the pack writes, by part. */
export const packCounts = (pack: TCampaignPack) => ({
  commitments: pack.commitments.length,
  criteria: pack.criteria.length,
  bodyTasks: pack.bodyTasks.length,
  milestones: pack.milestones.length,
});
