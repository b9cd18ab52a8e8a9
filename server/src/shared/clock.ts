/**
 * The one clock of the server: "now" and "today in Vietnam" come from here, never from `new Date()` in a
 * service. Tests install a fixed clock (`startTestApp({ today })`) so date rules (deadlines, terms, validity) can
 * be checked on any date.
 */
export interface Clock {
  now(): Date;
  /** Today as 'YYYY-MM-DD' in Vietnam (UTC+7), the date "as of today" means to our users. */
  today(): string;
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The calendar date in Vietnam at the instant `at`. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => vietnamDate(new Date()),
};

/**
 * A clock stopped at `at` (an instant, or a date meaning 09:00 that day in Vietnam) that moves only when
 * `advance` is called.
 */
export function fixedClock(at: string | Date): Clock & { advance(ms: number): void } {
  let instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T09:00:00+07:00`) : new Date(at);
  return {
    now: () => new Date(instant),
    today: () => vietnamDate(instant),
    advance: (ms) => {
      instant = new Date(instant.getTime() + ms);
    },
  };
}

let current: Clock = systemClock;

/** The clock in use in this process. */
export const clock: Clock = {
  now: () => current.now(),
  today: () => current.today(),
};

/** Installs the process clock: `buildApp` calls it with its `clock` option (tests pass a fixed one). */
export function useClock(next: Clock): void {
  current = next;
}
