import type { TModelKind, TRecognitionLevel as TModelLevel } from '#contracts/emulation/enums.ts';
import { LAST_DISTRICT_DAY, LEVEL_RANK, type TModelOwnerType } from '#contracts/emulation/model.schemas.ts';

/**
 * Pure rules of exemplary models (seed 002 III): who may own which kind, what a public review needs, which unit may
 * recognise at which level. Each returns null when the input is fine, else the problem (the service turns it into
 * a 400 naming the field, or a 409/403).
 */

/** An individual model belongs to a person; a collective one to an organisation or a unit. */
export function ownerFits(kind: TModelKind, ownerType: TModelOwnerType): boolean {
  return kind === 'individual' ? ownerType === 'person' : ownerType !== 'person';
}

export interface Votes {
  participantCount: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

/** The votes cast cannot exceed the participants. */
export const votesFit = (v: Votes) => v.votesFor + v.votesAgainst + v.votesAbstain <= v.participantCount;

/** A public review passes with more votes for than half of the votes cast (bình xét công khai: the majority agrees). */
export const reviewPassed = (v: Votes) => v.votesFor * 2 > v.votesFor + v.votesAgainst + v.votesAbstain;

/** The unit level that may recognise at a level ('central': the province records the central body's decision). */
export const RECOGNISER_LEVEL: Record<TModelLevel, 'commune' | 'district' | 'province'> = {
  commune: 'commune', district: 'district', province: 'province', central: 'province',
};

export type RecognitionProblem =
  | { field: 'level'; problem: 'notHigher' }
  | { field: 'onDate'; problem: 'districtEnded' }
  | { field: 'byUnitId'; problem: 'wrongLevel' | 'notInForce' | 'notAbove' }
  | { field: 'issuer'; problem: 'issuerRequired' };

export interface Recognition {
  level: TModelLevel;
  onDate: string;
  currentLevel: TModelLevel | null;
  /** The recognising unit as read (its level and dates). */
  byUnit: { level: string; valid_from: string | null; valid_to: string | null };
  /** Whether the model's unit lies in the recognising unit's subtree (its predecessors' included). */
  modelUnder: boolean;
  issuer: string | null;
}

/**
 * A recognition is made by a unit of that level (the district level only before 1 July 2025), in whose subtree the
 * model lies, in force on the decision's date, and only at a level above the one the model already holds.
 */
export function recognitionProblem(r: Recognition): RecognitionProblem | null {
  if (r.currentLevel !== null && LEVEL_RANK[r.level] <= LEVEL_RANK[r.currentLevel]) return { field: 'level', problem: 'notHigher' };
  if (r.level === 'district' && r.onDate > LAST_DISTRICT_DAY) return { field: 'onDate', problem: 'districtEnded' };
  const byUnit = recogniserProblem(r);
  if (byUnit) return byUnit;
  if (r.level === 'central' && !r.issuer) return { field: 'issuer', problem: 'issuerRequired' };
  return null;
}

/**
 * The recognising unit's part of the rule alone: of the level's recogniser level, in force on the date, the model
 * under it. The step form's list of units keeps those without a problem.
 */
export function recogniserProblem(r: Pick<Recognition, 'level' | 'onDate' | 'byUnit' | 'modelUnder'>): Extract<RecognitionProblem, { field: 'byUnitId' }> | null {
  if (r.byUnit.level !== RECOGNISER_LEVEL[r.level]) return { field: 'byUnitId', problem: 'wrongLevel' };
  if ((r.byUnit.valid_from !== null && r.byUnit.valid_from > r.onDate) || (r.byUnit.valid_to !== null && r.byUnit.valid_to < r.onDate)) {
    return { field: 'byUnitId', problem: 'notInForce' };
  }
  if (!r.modelUnder) return { field: 'byUnitId', problem: 'notAbove' };
  return null;
}
