import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import { vietnamDate, type Clock } from '#server/shared/clock.ts';

let serial = 0;

/** A programme issued by `unitId` (its owner), for the tasks, reviews and budget tests. */
export async function buildProgramme(db: Database, unitId: number, overrides: Partial<{ fromYear: number; toYear: number; title: string }> = {}) {
  const row = await db
    .insertInto('programme')
    .values({
      province_id: sql<number>`unit_province_id(${unitId}::bigint)`,
      owner_unit_id: unitId,
      kind: 'plan',
      number: `${++serial}${process.pid % 1000}-KH/TU`,
      issuer: 'Tỉnh ủy',
      issued_on: '2026-01-05',
      title: overrides.title ?? `Kế hoạch thử ${serial}`,
      from_year: overrides.fromYear ?? 2026,
      to_year: overrides.toYear ?? 2030,
      general_objective: null,
      pack_code: null,
      pack_version: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A clock the test sets to a day (09:00 in Vietnam) whenever it likes. */
export function settableClock(day: string): Clock & { set(day: string): void } {
  let instant = new Date(`${day}T09:00:00+07:00`);
  return {
    now: () => new Date(instant),
    today: () => vietnamDate(instant),
    set: (next) => {
      instant = new Date(`${next}T09:00:00+07:00`);
    },
  };
}
