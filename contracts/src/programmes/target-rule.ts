import { z } from 'zod';
import { ZDate, zText } from '../common.ts';

/**
 * A programme's target (chỉ tiêu) as a rule over an indicator, evaluated per unit and per period (DOMAIN.md
 * capability 2). Every rule names the indicator by its code, so a pack written for one province loads into any
 * other: where the indicator does not exist (yet), the target says "chưa có dữ liệu" and what it waits for.
 */

export const TARGET_LEVELS = ['province', 'district', 'commune', 'village'] as const;
export const ZTargetLevel = z.enum(TARGET_LEVELS);
export type TTargetLevel = z.infer<typeof ZTargetLevel>;

export const ZComparator = z.enum(['>=', '<=']);
export type TComparator = z.infer<typeof ZComparator>;

const ZNumber = z.number().finite();

/**
 * A threshold: one number for every level, or one per level where the document sets them apart (seed 003 (3):
 * 90% / 80% / 60% of dossiers online at province / district / commune). A level without a number is not held to
 * the target.
 */
export const ZThreshold = z.union([
  ZNumber,
  z
    .object({ province: ZNumber, district: ZNumber, commune: ZNumber, village: ZNumber })
    .partial()
    .refine((levels) => Object.keys(levels).length > 0, { message: 'cần ít nhất một cấp' }),
]);
export type TThreshold = z.infer<typeof ZThreshold>;

/** Indicator codes as the indicators module writes them. */
export const ZIndicatorCode = z.string().regex(/^[A-Za-z0-9_-]{1,50}$/, { message: 'mã chỉ số chỉ gồm chữ, số, _ và -' });

const base = {
  indicator: ZIndicatorCode,
};

/**
 * value: the indicator over the period meets the threshold ("≥ 85% of complaints resolved each year", "≥ 1
 * dialogue a year", "≥ 85 new members a year": a count per year is the value of a yearly sum).
 */
export const ZValueRule = z.object({ kind: z.literal('value'), ...base, comparator: ZComparator, threshold: ZThreshold });

/**
 * share_of_units: at least `share` % of the unit's units at `childLevel` meet the threshold ("every village has
 * ≥ 2 models": share 100; "80% of villages have an effective mediation team": share 80).
 */
export const ZShareOfUnitsRule = z.object({
  kind: z.literal('share_of_units'),
  ...base,
  childLevel: ZTargetLevel,
  comparator: ZComparator,
  threshold: ZNumber,
  share: ZThreshold,
});

/** change: year over year, the indicator moves by at least `percent` % ("−15% poor households a year"). */
export const ZChangeRule = z.object({
  kind: z.literal('change'),
  ...base,
  direction: z.enum(['decrease', 'increase']),
  percent: z.number().positive().max(100),
});

/**
 * coverage: the indicator summed over a rolling window of years (ending with the evaluated one) meets the threshold
 * ("every cadre trained at least every 2 years": windowYears 2; "within the term": windowYears 5).
 */
export const ZCoverageRule = z.object({
  kind: z.literal('coverage'),
  ...base,
  windowYears: z.number().int().min(1).max(10),
  comparator: ZComparator,
  threshold: ZThreshold,
});

/** milestone: by the date, the indicator meets the threshold ("by 2025, 90% of dossiers online"). */
export const ZMilestoneRule = z.object({
  kind: z.literal('milestone'),
  ...base,
  by: ZDate,
  comparator: ZComparator,
  threshold: ZThreshold,
});

export const ZTargetRule = z.discriminatedUnion('kind', [ZValueRule, ZShareOfUnitsRule, ZChangeRule, ZCoverageRule, ZMilestoneRule]);
export type TTargetRule = z.infer<typeof ZTargetRule>;
export type TTargetRuleKind = TTargetRule['kind'];

/**
 * A target that cannot be measured from data yet names what it waits for: the module (petitions, surveys,
 * activities, emulation, people) or indicator, in the user's words. Its status is always "chưa có dữ liệu".
 */
export const ZWaitsFor = zText(300);

/** Status of a target for one unit and one period; 'no_data' never hides behind another status. */
export const TARGET_STATUSES = ['met', 'at_risk', 'not_met', 'no_data'] as const;
export const ZTargetStatus = z.enum(TARGET_STATUSES);
export type TTargetStatus = z.infer<typeof ZTargetStatus>;

/** The threshold a unit of this level is held to (null: the document sets none for its level). */
export function thresholdFor(threshold: TThreshold, level: TTargetLevel): number | null {
  if (typeof threshold === 'number') return threshold;
  return threshold[level] ?? null;
}

/** Whether a value meets the threshold. */
export function meets(value: number, comparator: TComparator, threshold: number): boolean {
  return comparator === '>=' ? value >= threshold : value <= threshold;
}
