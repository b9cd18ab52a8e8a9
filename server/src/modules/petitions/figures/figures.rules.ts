import type { TCaseKind, TCaseStatus } from '#contracts/petitions/case.schemas.ts';

/**
 * What the figures of cases count (the derived values, the figures endpoint and the benchmark's raw SQL all use
 * these lists, so the three read the same cases).
 *
 * - received: cases received in the period (received_on), every kind, except confirmed duplicates (linked to an
 *   earlier case, not counted twice).
 * - resolved: cases whose conclusion or decision (resolved_on) falls in the period, except duplicates and cases
 *   that left the unit without a conclusion (refused: not accepted; transferred to the competent body).
 * - resolved on time: resolved, and closed with the outcome 'on_time' (Hue-S: concluded by the original time
 *   limit, without extension; the petitions module records it on closure, so a case concluded but not yet
 *   closed is not counted on time yet).
 * - complaints and denunciations to resolve (seed 000 i2's "số vụ việc tiếp nhận"): complaints and denunciations
 *   received in the period that are the unit's to resolve: not duplicates, not refused, not transferred, not
 *   withdrawn (rút đơn ends the matter without a conclusion).
 * - complaints and denunciations resolved: resolved (as above) complaints and denunciations.
 * - resolution rate (seed 000 i2: "Hàng năm tỷ lệ giải quyết khiếu nại, tố cáo đạt 85% số vụ việc tiếp nhận") =
 *   100 × complaints and denunciations resolved in the year / complaints and denunciations to resolve received in
 *   the year. Both are counts of events in the year, so a case received in December and resolved in January
 *   counts in the first year's denominator and the second year's numerator (the rate of a year can pass 100 %
 *   when the year clears older cases).
 */
export const RATE_KINDS = ['complaint', 'denunciation'] as const satisfies readonly TCaseKind[];
/** Statuses never counted as received. */
export const NOT_RECEIVED = ['duplicate'] as const satisfies readonly TCaseStatus[];
/** Statuses never counted as resolved (even with a resolved_on). */
export const NOT_RESOLVED = ['duplicate', 'refused', 'transferred'] as const satisfies readonly TCaseStatus[];
/** Statuses of complaints and denunciations that are not the unit's to resolve. */
export const NOT_TO_RESOLVE = ['duplicate', 'refused', 'transferred', 'withdrawn'] as const satisfies readonly TCaseStatus[];

/** Resolution rate in percent with one decimal, or null when nothing was to resolve. */
export function resolutionRate(resolved: number, toResolve: number): number | null {
  if (toResolve === 0) return null;
  return Math.round((1000 * resolved) / toResolve) / 10;
}

/** The seed's target: 85 % a year. */
export const RESOLUTION_TARGET = 85;
