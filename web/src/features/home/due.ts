import type { TCompleteness } from '#contracts/indicators/reports.api.ts';

/** Where a data set's current report stands for the user, most urgent first. */
export type DueStatus =
  /** The user's own unit reports: its report (null = nothing entered yet). */
  | { kind: 'own'; urgency: number; overdue: boolean; report: TCompleteness['units'][number]['report']; unitId: number }
  /** The user follows units below: how many sent. */
  | { kind: 'below'; urgency: number; overdue: boolean; completeness: TCompleteness };

const SENT = new Set(['submitted', 'accepted', 'approved']);

/**
 * The status of one data set's current period for a user of `unitId` (null = system administrator, who follows
 * the owner's units): their own report when their unit is a reporting unit, else the count of units below;
 * null when nobody under the unit reports it. Urgency orders the list: returned or overdue first, sent last.
 */
export function dueStatus(completeness: TCompleteness, unitId: number | null, today: string): DueStatus | null {
  if (completeness.expected === 0) return null;
  const overdueDay = today > completeness.period.due;
  const own = unitId === null ? undefined : completeness.units.find((unit) => unit.unitId === unitId);
  if (own) {
    const report = own.report;
    const sent = report !== null && SENT.has(report.state);
    const overdue = !sent && overdueDay;
    const urgency = report?.state === 'returned' ? 0 : overdue ? 1 : sent ? 3 : 2;
    return { kind: 'own', urgency, overdue, report, unitId: own.unitId };
  }
  const overdue = overdueDay && completeness.missing > 0;
  const urgency = completeness.returned > 0 || overdue ? 1 : completeness.missing > 0 ? 2 : 3;
  return { kind: 'below', urgency, overdue, completeness };
}
