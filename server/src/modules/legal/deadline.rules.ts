import type { DeadlineUnit, LegalEvent, TDeadline } from '#contracts/legal/deadline.schemas.ts';
import { msg } from '#server/shared/messages.ts';
import { deadlineDate, spanIsProvisional, type WorkCalendar } from './calendar.rules.ts';

/** The parts of a rule the computation reads (a legal_rule row). */
export interface RuleForCount {
  step: string;
  label: string;
  from_event: LegalEvent;
  count: number;
  unit: DeadlineUnit;
  complex_count: number | null;
  remote_count: number | null;
  remote_complex_count: number | null;
  extension_count: number | null;
  max_extensions: number;
  law: string;
  article: string;
  phrase: string;
  unconfirmed: boolean;
}

export interface CaseFlags {
  remoteArea: boolean;
  complex: boolean;
  extensions: number;
}

/**
 * The count a rule gives a case: remote and complex → remote_complex_count when the rule has one, else remote →
 * remote_count, else complex → complex_count, else the base count; plus `extensions` × extension_count (tố cáo: the
 * extension is a maximum total counted from thụ lý, deadlines.md §5 item 4), never more than max_extensions.
 */
export function ruleCount(rule: RuleForCount, flags: CaseFlags): { count: number; adjustments: string[] } {
  const adjustments: string[] = [];
  let count = rule.count;
  const remote = flags.remoteArea ? rule.remote_count : null;
  const complex = flags.complex ? rule.complex_count : null;
  const both = flags.remoteArea && flags.complex ? rule.remote_complex_count : null;
  if (both !== null) {
    count = both;
    adjustments.push(msg('legal.adjust.remote'), msg('legal.adjust.complex'));
  } else if (remote !== null) {
    count = remote;
    adjustments.push(msg('legal.adjust.remote'));
  } else if (complex !== null) {
    count = complex;
    adjustments.push(msg('legal.adjust.complex'));
  }
  const extensions = Math.min(flags.extensions, rule.max_extensions);
  if (extensions > 0 && rule.extension_count !== null) {
    count += extensions * rule.extension_count;
    adjustments.push(msg('legal.adjust.extensions', { n: extensions }));
  }
  return { count, adjustments };
}

/**
 * Every deadline of a case's rules, in order. `resolution_due` is the due date of the 'resolve' step of the same
 * rules (khiếu nại lần hai: 30 days from the end of the first-instance time limit).
 */
export function computeDeadlines(
  calendar: WorkCalendar,
  rules: readonly RuleForCount[],
  dates: { received: string | null; accepted: string | null; decided: string | null },
  flags: CaseFlags,
): TDeadline[] {
  const due = (rule: RuleForCount, fromDate: string | null): TDeadline => {
    const { count, adjustments } = ruleCount(rule, flags);
    const dueOn = fromDate === null ? null : deadlineDate(calendar, fromDate, count, rule.unit);
    return {
      step: rule.step,
      label: rule.label,
      from: rule.from_event,
      fromDate,
      dueOn,
      count,
      unit: rule.unit,
      basis: `${rule.law}, ${rule.article}`,
      phrase: rule.phrase,
      unconfirmed: rule.unconfirmed,
      provisionalCalendar: fromDate !== null && dueOn !== null && spanIsProvisional(calendar, fromDate, dueOn),
      adjustments,
    };
  };
  const given: Record<Exclude<LegalEvent, 'resolution_due'>, string | null> = dates;
  const resolve = rules.find((rule) => rule.step === 'resolve' && rule.from_event !== 'resolution_due');
  const resolutionDue = resolve ? due(resolve, given[resolve.from_event as Exclude<LegalEvent, 'resolution_due'>]).dueOn : null;
  const eventDate = (event: LegalEvent) => (event === 'resolution_due' ? resolutionDue : given[event]);
  return rules.map((rule) => due(rule, eventDate(rule.from_event)));
}

/** The years a computation may touch: from the first date's year to a year after the last date (rolls, 90-day totals). */
export function yearsSpanned(dates: ReadonlyArray<string | null>): { from: number; to: number } {
  const years = dates.filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)));
  return { from: Math.min(...years), to: Math.max(...years) + 1 };
}
