import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { WorkCalendar } from './calendar.rules.ts';

/** The working calendar of the years from..to (inclusive). First version: filled in by the next commit. */
export async function loadWorkCalendar(_db: Kysely<DB>, _fromYear: number, _toYear: number): Promise<WorkCalendar> {
  throw new Error('legal calendar: not loaded yet');
}
