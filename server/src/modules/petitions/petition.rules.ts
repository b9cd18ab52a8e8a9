import type { TDeadline } from '#contracts/legal/deadline.schemas.ts';
import { CROWD_MIN_PERSONS, type TCaseOutcome, type TCaseStatus } from '#contracts/petitions/case.schemas.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/** Pure rules of cases: crowd flag, tracking codes, folded search text, current deadline, outcome (Hue-S). */

/** A case of CROWD_MIN_PERSONS persons or more is a crowd case (đông người), whatever the officer ticked. */
export const isCrowd = (personCount: number) => personCount >= CROWD_MIN_PERSONS;

/** The tracking code: province code, year, number ("45-2026-000123"). */
export const trackingCode = (provinceCode: string, year: number, number: number) => `${provinceCode}-${year}-${String(number).padStart(6, '0')}`;

/**
 * What search reads, folded (no diacritics, lower case): code, subject, content and the names of persons whose
 * identity is not protected. A denouncer's name never enters it.
 */
export function searchText(parts: { code: string; subject: string; content: string; names: readonly string[] }): string {
  return foldVi([parts.code, parts.subject, ...parts.names, parts.content].join(' ')).slice(0, 30_000);
}

/** The legal event a case's next time limit counts from, by its status (null: nothing runs against a deadline). */
export function stageEvent(status: TCaseStatus): 'received' | 'accepted' | 'decided' | null {
  switch (status) {
    case 'received':
    case 'appealed':
      return 'received';
    case 'accepted':
    case 'verifying':
      return 'accepted';
    case 'concluded':
      return 'decided';
    default:
      return null;
  }
}

type Deadline = Pick<TDeadline, 'step' | 'from' | 'dueOn'>;

/** The time limit that matters at each stage, by the legal module's step codes, in order of preference. */
const STAGE_STEPS = {
  // thụ lý (khiếu nại), xử lý ban đầu (tố cáo), trả lời (kiến nghị, phản ánh)
  received: ['accept', 'initial_processing', 'reception_answer'],
  accepted: ['resolve'],
  decided: ['send_decision', 'send_conclusion'],
} as const;

/**
 * The case's current due date: the stage's main time limit (acceptance, resolution, sending the decision), else
 * the earliest deadline counted from the stage's event.
 */
export function currentDueOn(status: TCaseStatus, deadlines: readonly Deadline[]): string | null {
  const event = stageEvent(status);
  if (!event) return null;
  for (const step of STAGE_STEPS[event]) {
    const found = deadlines.find((d) => d.step === step && d.from === event && d.dueOn);
    if (found) return found.dueOn;
  }
  const dates = deadlines.filter((d) => d.from === event && d.dueOn).map((d) => d.dueOn as string);
  return dates.length ? (dates.sort()[0] as string) : null;
}

/**
 * The time limit for resolving the case: the 'resolve' step when the rules have one, else the latest deadline
 * counted from receipt or acceptance (a recommendation's answer).
 */
export function resolutionDueOn(deadlines: readonly Deadline[]): string | null {
  const resolve = deadlines.find((d) => d.step === 'resolve' && d.dueOn);
  if (resolve) return resolve.dueOn;
  const dates = deadlines.filter((d) => (d.from === 'received' || d.from === 'accepted') && d.dueOn).map((d) => d.dueOn as string);
  return dates.length ? (dates.sort().at(-1) as string) : null;
}

/**
 * How a case ended against its time limit, the way Hue-S counts it: on time (resolved by the limit without
 * extension), late with extension (after the original limit but within the extended one: a denunciation extended,
 * a complaint found complex), late (after the limit in force). Null when no limit is known.
 */
export function outcomeOf(resolvedOn: string, originalDue: string | null, extendedDue: string | null, extended: boolean): TCaseOutcome | null {
  if (!originalDue) return null;
  if (resolvedOn <= originalDue) return 'on_time';
  if (extended && extendedDue && resolvedOn <= extendedDue) return 'late_extended';
  return 'late';
}

/** Whole days from `from` to `to` (dates 'YYYY-MM-DD'). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Adds days to a date 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
