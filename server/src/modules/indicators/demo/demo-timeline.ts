import { addDays, dueDate, periodEnd } from '#contracts/indicators/period.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { Random } from '#server/demo/random.ts';

/**
 * The course of one demo report, from its first value to its approval, drawn day by day after the period's end
 * and cut at the demo's today: what happened before today is the report's state and history; what would happen
 * later has not happened yet (the last month is partly draft or not begun).
 */

/** Who acts: the reporting commune, the level above it (a 2019 district), the province that approves. */
export type DemoActor = 'unit' | 'district' | 'province';
/** Where the report is held after a move: the unit, its parent, its grandparent. */
export type HolderLevel = 0 | 1 | 2;

export interface TimelineEvent {
  from: ReportState;
  to: ReportState;
  at: Date;
  by: DemoActor;
  reason: string | null;
}

export interface Timeline {
  createdAt: Date;
  events: TimelineEvent[];
  state: ReportState;
  /** Whose turn it is now, counted up from the reporting unit. */
  holder: HolderLevel;
  firstSubmittedAt: Date | null;
  onTime: boolean | null;
  approvedAt: Date | null;
  /** Returned once and sent again: its values were corrected at `correctedAt`. */
  correctedAt: Date | null;
  /** Returned and not corrected yet (values still wrong). */
  awaitingCorrection: boolean;
}

export interface TimelineInput {
  period: string;
  dueDays: number;
  lockDays: number;
  /** '2019': commune → district (accepts) → province (approves); '2025': commune → province. */
  chain: '2019' | '2025';
  today: string;
  /** Share of reports submitted after the due date. */
  lateShare: number;
  /** Share of reports returned once for correction. */
  returnShare: number;
  /** Share of reports never made (missing in completeness). */
  missingShare: number;
  /** A returned report is not sent again (the commune is still correcting it). */
  stalled?: boolean;
  returnReason: string;
}

/** A moment of a day in Vietnam, in office hours. */
export function officeTime(rng: Random, date: string): Date {
  const hour = rng.int(7, 16);
  const minute = rng.int(0, 59);
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
}

/** The report's course, or null when no report exists (never made, or not begun before today). */
export function reportTimeline(rng: Random, input: TimelineInput): Timeline | null {
  const end = periodEnd(input.period);
  const due = dueDate(input.period, input.dueDays);
  const day = (n: number) => addDays(end, n);
  const happened = (date: string) => date < input.today;
  const missing = rng.chance(input.missingShare);
  const late = rng.chance(input.lateShare);
  const returned = rng.chance(input.returnShare);
  // submitted on day s after the period's end: by the due day, or after it but before entry locks
  const firstDay = Math.max(1, Math.ceil(input.dueDays / 5));
  const submitDay = late ? rng.int(input.dueDays + 1, input.lockDays - 1) : rng.int(firstDay, input.dueDays);
  const createdDay = Math.max(0, submitDay - rng.int(1, Math.max(1, Math.ceil(input.dueDays / 3))));
  if (missing || !happened(day(createdDay))) return null;

  const timeline: Timeline = {
    createdAt: officeTime(rng, day(createdDay)),
    events: [],
    state: 'draft',
    holder: 0,
    firstSubmittedAt: null,
    onTime: null,
    approvedAt: null,
    correctedAt: null,
    awaitingCorrection: false,
  };
  const upper: DemoActor = input.chain === '2019' ? 'district' : 'province';
  let today = submitDay;
  const move = (to: ReportState, by: DemoActor, holder: HolderLevel, reason: string | null = null): boolean => {
    const date = day(today);
    if (!happened(date)) return false;
    const at = officeTime(rng, date);
    timeline.events.push({ from: timeline.state, to, at, by, reason });
    timeline.state = to;
    timeline.holder = holder;
    return true;
  };

  if (!move('submitted', 'unit', 1)) return timeline;
  const first = timeline.events[0] as TimelineEvent;
  timeline.firstSubmittedAt = first.at;
  timeline.onTime = day(submitDay) <= due;
  if (returned) {
    today += rng.int(1, 3);
    if (!move('returned', upper, 0, input.returnReason)) return timeline;
    timeline.awaitingCorrection = true;
    today += rng.int(1, 3);
    if (input.stalled || !move('submitted', 'unit', 1)) return timeline;
    timeline.awaitingCorrection = false;
    timeline.correctedAt = timeline.events.at(-1)?.at ?? null;
  }
  if (input.chain === '2019') {
    today += rng.int(1, 2);
    if (!move('accepted', 'district', 2)) return timeline;
  }
  today += rng.int(1, 4);
  if (!move('approved', 'province', input.chain === '2019' ? 2 : 1)) return timeline;
  timeline.approvedAt = timeline.events.at(-1)?.at ?? null;
  return timeline;
}
