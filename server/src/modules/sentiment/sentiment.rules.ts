import { addDays } from '#contracts/indicators/period.ts';
import { severityRank, type TSentimentSeverity } from '#contracts/sentiment/schemas.ts';

/** An early-warning rule as the evaluation needs it (sentiment_rule). */
export interface WarningRule {
  id: number;
  topic: string | null;
  minSeverity: TSentimentSeverity;
  minReports: number;
  windowDays: number;
}

/** Whether a report counts for a rule: its topic (when the rule names one) and a severity at or above the rule's. */
export function reportCounts(rule: WarningRule, report: { topic: string; severity: TSentimentSeverity }): boolean {
  return (rule.topic === null || rule.topic === report.topic) && severityRank(report.severity) >= severityRank(rule.minSeverity);
}

/** The dates a new report's windows can reach: `windowDays - 1` days either side of it. */
export function windowReach(rule: WarningRule, reportedOn: string): { from: string; to: string } {
  return { from: addDays(reportedOn, -(rule.windowDays - 1)), to: addDays(reportedOn, rule.windowDays - 1) };
}

/**
 * Whether the rule fires for a new report dated `reportedOn`: some window of `windowDays` consecutive days (both
 * ends counted: 14 days = the report's day and the 13 before it, or after it for a late report) that holds the new
 * report holds at least `minReports` counting reports (`dates`: the counting reports' dates, the new one included).
 * Returns the fullest such window's reports (count, first and last date), or null.
 */
export function windowReached(rule: WarningRule, dates: readonly string[], reportedOn: string): { count: number; first: string; last: string } | null {
  const sorted = [...dates].sort();
  let best: { count: number; first: string; last: string } | null = null;
  // the fullest window starts on a report's date; it must hold the new report
  for (const start of new Set(sorted)) {
    const end = addDays(start, rule.windowDays - 1);
    if (start > reportedOn || end < reportedOn) continue;
    const inside = sorted.filter((d) => d >= start && d <= end);
    if (inside.length >= rule.minReports && (!best || inside.length > best.count)) {
      best = { count: inside.length, first: inside[0]!, last: inside[inside.length - 1]! };
    }
  }
  return best;
}

/** The rules in force for a province: its own active rules, else the national defaults (province null). */
export function rulesInForce<R extends { provinceId: number | null; active: boolean }>(rules: readonly R[], provinceId: number): R[] {
  const own = rules.filter((r) => r.active && r.provinceId === provinceId);
  return own.length ? own : rules.filter((r) => r.active && r.provinceId === null);
}

/** The box around an outline's path ("M x yLx y…z"), padded by 4 %, as an SVG viewBox (as the petitions' hot-spot map crops it). */
export function cropViewBox(path: string): string | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const match of path.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)) {
    xs.push(Number(match[1]));
    ys.push(Number(match[2]));
  }
  if (xs.length === 0) return null;
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(maxX - minX, maxY - minY) * 0.04 + 1;
  const round = (n: number) => Math.round(n * 10) / 10;
  return `${round(minX - pad)} ${round(minY - pad)} ${round(maxX - minX + 2 * pad)} ${round(maxY - minY + 2 * pad)}`;
}

/** Points on the map: rounded to 0.01° (about 1 km), so a report shows a place, not a household. */
export const roundPoint = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);
