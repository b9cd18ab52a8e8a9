import type { Kysely } from 'kysely';
import { bodyDueIn, periodEndMonth, periodOf, recurrenceOn } from '#contracts/grassroots/briefings.ts';
import type { DB } from '#server/db/schema.ts';
import { memoized } from '#server/shared/derived-values.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../../units/index.ts';
import { bodiesOfCommunes, heldOf } from './briefing.repository.ts';

/** Figures of one commune for a month: blocs and teams due a briefing, those that held it, and its attendance. */
export interface BriefingFigures {
  due: number;
  held: number;
  members: number;
  attended: number;
}
type Measure = keyof BriefingFigures;
const MEASURES: readonly Measure[] = ['due', 'held', 'members', 'attended'];

/**
 * The briefing figures of the communes of a province for a month ('yyyy-mm'): a body (the commune's Khối dân vận and
 * the Tổ dân vận of its villages) counts in the month its period ends (every month when monthly; March, June,
 * September and December when quarterly; the recurrence in force on the month's day asked), if it existed some day of the period; held when a held briefing is
 * recorded for that period, with the members registered that day and those present.
 */
export async function briefingFiguresOfMonth(db: Kysely<DB>, args: { provinceId: number; month: string; asOf: string; unitIds?: readonly number[] | undefined }) {
  const communes = await listUnitsOfLevel(db, { provinceId: args.provinceId, level: 'commune', asOf: args.asOf, unitIds: args.unitIds });
  const figures = new Map<number, BriefingFigures>(communes.map((id) => [id, { due: 0, held: 0, members: 0, attended: 0 }]));
  const scope = await provinceScope(db, args.provinceId);
  const start = `${args.month}-01`;
  const bodies = await bodiesOfCommunes(db, scope, communes, start, args.asOf);
  const due = bodies.flatMap((body) => {
    const period = periodOf(args.asOf, recurrenceOn(body.schedule, args.asOf));
    if (periodEndMonth(period) !== args.month || !bodyDueIn(period, { foundedOn: body.founded_on, dissolvedOn: body.dissolved_on })) return [];
    return [{ organizationId: body.id, period, communeId: body.commune_id }];
  });
  const communeOf = new Map(due.map((d) => [d.organizationId, d.communeId]));
  for (const d of due) (figures.get(d.communeId) as BriefingFigures).due += 1;
  for (const row of await heldOf(db, scope, args.provinceId, due)) {
    const f = figures.get(communeOf.get(Number(row.organization_id)) as number) as BriefingFigures;
    f.held += 1;
    f.members += Number(row.members);
    f.attended += Number(row.attended);
  }
  return figures;
}

export const briefingCode = (measure: Measure) => `grassroots.${{ due: 'briefings_due', held: 'briefings_held', members: 'briefing_members', attended: 'briefing_attended' }[measure]}_commune`;

const NAMES = {
  due: 'grassroots.briefings.figures.due',
  held: 'grassroots.briefings.figures.held',
  members: 'grassroots.briefings.figures.members',
  attended: 'grassroots.briefings.figures.attended',
} as const;

/**
 * The briefing figures as derived values per commune, counted per month (quarters and years add the months up):
 * the share of blocs and teams holding their briefing is `briefings_held / briefings_due`, the average attendance
 * rate `briefing_attended / briefing_members`.
 */
export const briefingDerivedValues: readonly DerivedValue[] = MEASURES.map(
  (measure): DerivedValue => ({
    code: briefingCode(measure),
    name: msg(NAMES[measure]),
    valueType: 'integer',
    level: 'commune',
    unitOfMeasure: msg(measure === 'due' || measure === 'held' ? 'grassroots.briefings.figures.unitBody' : 'grassroots.figures.unitPerson'),
    periodType: 'monthly',
    group: 'grassroots.briefings',
    compute: async (db, args) => {
      // one computation for the four values (the memo of the values computed together: a touch, a backfill day)
      const month = { provinceId: args.provinceId, month: args.asOf.slice(0, 7), asOf: args.asOf, unitIds: args.unitIds };
      const figures = await memoized(args.memo, `grassroots.briefings:${JSON.stringify(month)}`, () => briefingFiguresOfMonth(db, month));
      return [...figures].map(([unitId, f]) => ({ unitId, value: f[measure] }));
    },
  }),
);

/** Every code, in the fixed order writers take the derived locks in. */
export const BRIEFING_DERIVED_CODES: readonly string[] = briefingDerivedValues.map((value) => value.code).sort();

/** Refreshes the figures a briefing moves, in the writer's transaction: its commune, the month its period ends in. */
export async function touchBriefingFigures(trx: Kysely<DB>, derived: DerivedValues, actor: { userId: number | null }, briefing: { unitId: number; period: string }) {
  await touchBriefingMonths(trx, derived, actor, briefing.unitId, [periodEndMonth(briefing.period)]);
}

/** Refreshes a commune's figures of these months ('yyyy-mm'), in the writer's transaction (a change of recurrence moves every month from its day on). */
export async function touchBriefingMonths(trx: Kysely<DB>, derived: DerivedValues, actor: { userId: number | null }, unitId: number, months: readonly string[]) {
  const days = months.map((month) => `${month}-01`);
  await derived.touchAll(trx, actor, BRIEFING_DERIVED_CODES.map((code) => ({ code, unitIds: [unitId] })), { days });
}
