/**
 * How failed logins slow down further attempts (OWASP ASVS 2.2.1), as pure rules. Failures count per username
 * AND client address: an attacker's guesses slow down only the attacker's client, never the rightful owner
 * signing in from elsewhere.
 */

import { msg } from '#server/shared/messages.ts';

/** Failures from one client for one username before attempts must wait. */
const FREE_FAILURES = 3;
/** The longest wait between two attempts from one client (the growing delay stops here). */
const MAX_WAIT_SECONDS = 15 * 60;
/** A client's failures are forgotten after this long without another failure. */
export const FAILURES_FORGOTTEN_AFTER_MS = 24 * 3600_000;
/**
 * Attempts per username per hour across all clients. Guessing from one client is held to about 8 tries an hour by
 * the growing delay, so 100 means an attacker needs a dozen addresses to reach it; when reached, only clients
 * that signed in as this username within TRUSTED_CLIENT_MS may try until the hour ends: the owner at their usual
 * computer keeps access, a distributed guess gets at most 100 tries an hour.
 */
export const USERNAME_ATTEMPTS_PER_HOUR = 100;
export const USERNAME_WINDOW_MS = 3600_000;
/** A client that signed in successfully this recently is exempt from the username-wide ceiling. */
export const TRUSTED_CLIENT_MS = 30 * 24 * 3600_000;

/** Seconds a client must wait after its `failures`-th consecutive failure: 0, then 2^n (8, 16, 32 …), capped. */
export function waitAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** failures, MAX_WAIT_SECONDS);
}

/** "45 giây", "2 phút 8 giây", "15 phút": how long to wait, in Vietnamese. */
export function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return msg('auth.wait.seconds', { seconds: rest });
  return rest === 0 ? msg('auth.wait.minutes', { minutes }) : msg('auth.wait.minutesSeconds', { minutes, seconds: rest });
}

/** The Vietnamese message of a refused attempt. */
export const throttledMessage = (seconds: number) => msg('auth.throttled', { wait: waitText(seconds) });
