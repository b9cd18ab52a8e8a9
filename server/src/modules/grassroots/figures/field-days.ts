import type { Kysely } from 'kysely';
import { meetsFieldDays, MIN_FIELD_DAYS_A_MONTH, monthsOf, type VisitSpan } from '#contracts/grassroots/days.ts';
import { FIELD_DAYS_BODY_TYPES, PARTY_CELL_MEETING_PURPOSE } from '#contracts/grassroots/enums.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { memoized } from '#server/shared/derived-values.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../../units/index.ts';
import { cadresOfMonth, daysOfPeople, unitFiguresOfMonth, type CadreRow, type UnitFigureRow } from './field-days.repository.ts';

export type FigureLevel = 'commune' | 'province';
export const FIGURE_LEVELS: readonly FigureLevel[] = ['commune', 'province'];

/** Figures of one unit for a month. */
export interface UnitFigures {
  cadres: number;
  meeting: number;
  fieldDays: number;
  committeeAtCellMeetings: number;
}

export interface CadreFigures extends CadreRow {
  days: number;
  meets: boolean;
}

/**
 * Field days of a month for the bodies of the scope at commune and/or province level: per unit (cadres, those
 * with ≥ 3 days, days, party-committee members at a cell's meeting) and per cadre (one row per person and unit).
 * `provinceId`: the province whose visits count (one province per call).
 */
export async function monthFigures(
  db: Kysely<DB>,
  scope: Scope,
  args: { provinceId: number; start: string; end: string; levels: readonly FigureLevel[]; unitIds?: readonly number[] },
): Promise<{ units: Map<number, UnitFigures>; cadres: CadreFigures[] }> {
  const visits = await provinceScope(db, args.provinceId);
  const rows = await cadresOfMonth(db, scope, { ...args, types: FIELD_DAYS_BODY_TYPES });
  // one row per person and unit: a cadre of two bodies of one commune counts once there
  const seen = new Set<string>();
  const cadres = rows.filter((row) => {
    const key = `${row.unit_id}|${row.person_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const days = await daysOfPeople(db, visits, { ...args, personIds: [...new Set(cadres.map((c) => c.person_id))] });
  const units = new Map<number, UnitFigures>();
  const unitOf = (id: number) => {
    let unit = units.get(id);
    if (!unit) units.set(id, (unit = { cadres: 0, meeting: 0, fieldDays: 0, committeeAtCellMeetings: 0 }));
    return unit;
  };
  const figures: CadreFigures[] = cadres.map((cadre) => {
    const d = days.get(cadre.person_id) ?? 0;
    const unit = unitOf(cadre.unit_id);
    unit.cadres += 1;
    unit.fieldDays += d;
    if (meetsFieldDays(d)) unit.meeting += 1;
    return { ...cadre, days: d, meets: meetsFieldDays(d) };
  });
  const committee = await cadresOfMonth(db, scope, { ...args, types: ['party_committee'] });
  const members = new Map<string, CadreRow>(committee.map((row) => [`${row.unit_id}|${row.person_id}`, row]));
  const atCells = await daysOfPeople(db, visits, { ...args, personIds: [...new Set(committee.map((c) => c.person_id))], purpose: PARTY_CELL_MEETING_PURPOSE });
  for (const row of members.values()) if ((atCells.get(row.person_id) ?? 0) > 0) unitOf(row.unit_id).committeeAtCellMeetings += 1;
  return { units, cadres: figures };
}

type Args = Parameters<DerivedValue['compute']>[1];
type Measure = keyof UnitFigures;

export const figureCode = (measure: Measure, level: FigureLevel) =>
  `grassroots.${{ cadres: 'cadres', meeting: 'cadres_3days', fieldDays: 'field_days', committeeAtCellMeetings: 'committee_at_cells' }[measure]}_${level}`;

const MEASURES: readonly Measure[] = ['cadres', 'meeting', 'fieldDays', 'committeeAtCellMeetings'];

/**
 * The figures per unit of `level` (every measure at once): one statement for the four values of a level, shared
 * through the memo of the values computed together (a touch, a backfill day).
 */
function unitFigures(db: Kysely<DB>, level: FigureLevel, args: Args): Promise<{ unitIds: number[]; rows: Map<number, UnitFigureRow> }> {
  const start = args.from ?? `${args.asOf.slice(0, 7)}-01`;
  const key = `grassroots.figures:${JSON.stringify([level, args.provinceId, start, args.asOf, args.unitIds ?? null])}`;
  return memoized(args.memo, key, async () => {
    const unitIds = await listUnitsOfLevel(db, { ...args, level });
    // added up in the database: the derived values need no cadre rows (monthFigures gives them to the page)
    const rows = await unitFiguresOfMonth(db, await provinceScope(db, args.provinceId), {
      provinceId: args.provinceId, start, end: args.asOf, types: FIELD_DAYS_BODY_TYPES, levels: [level], unitIds, minDays: MIN_FIELD_DAYS_A_MONTH, cellPurpose: PARTY_CELL_MEETING_PURPOSE,
    });
    return { unitIds, rows: new Map(rows.map((row) => [row.unit_id, row])) };
  });
}

async function compute(db: Kysely<DB>, measure: Measure, level: FigureLevel, args: Args) {
  const { unitIds, rows } = await unitFigures(db, level, args);
  const column = { cadres: 'cadres', meeting: 'meeting', fieldDays: 'field_days', committeeAtCellMeetings: 'at_cells' } as const satisfies Record<Measure, keyof UnitFigureRow>;
  return unitIds.map((unitId) => ({ unitId, value: rows.get(unitId)?.[column[measure]] ?? 0 }));
}

const NAMES: Record<Measure, 'grassroots.figures.cadres' | 'grassroots.figures.meeting' | 'grassroots.figures.fieldDays' | 'grassroots.figures.committeeAtCells'> = {
  cadres: 'grassroots.figures.cadres',
  meeting: 'grassroots.figures.meeting',
  fieldDays: 'grassroots.figures.fieldDays',
  committeeAtCellMeetings: 'grassroots.figures.committeeAtCells',
};

/**
 * The figures of field visits as derived values, counted per month (the totals of quarters and years add the months
 * up: cadre-months): per commune (bodies of the commune) and per province (bodies of the province). Seed 000 i7 is
 * `cadres_3days / cadres`; field days per cadre is `field_days / cadres`.
 */
export const grassrootsDerivedValues: readonly DerivedValue[] = FIGURE_LEVELS.flatMap((level) =>
  MEASURES.map(
    (measure): DerivedValue => ({
      code: figureCode(measure, level),
      name: msg(NAMES[measure], { level: msg(`grassroots.figures.level.${level}`) }),
      valueType: measure === 'fieldDays' ? 'number' : 'integer',
      level,
      unitOfMeasure: msg(measure === 'fieldDays' ? 'grassroots.figures.unitDay' : 'grassroots.figures.unitPerson'),
      periodType: 'monthly',
      group: `grassroots.figures_${level}`,
      compute: (db, args) => compute(db, measure, level, args),
    }),
  ),
);

/** Every code, in the fixed order writers take the derived locks in. */
export const GRASSROOTS_DERIVED_CODES: readonly string[] = grassrootsDerivedValues.map((value) => value.code).sort();

/**
 * Refreshes the figures a visit moves, in the writer's transaction: the units of the bodies where its person holds
 * a role (commune and province level), for every month the visit touches.
 */
export async function touchVisitFigures(
  trx: Kysely<DB>,
  derived: DerivedValues,
  actor: { userId: number | null },
  visit: VisitSpan & { provinceId: number; personId: number },
): Promise<void> {
  const scope = await provinceScope(trx, visit.provinceId);
  const months = monthsOf(visit);
  const start = `${months[0]}-01`;
  const rows = await cadresOfMonth(trx, scope, { start, end: visit.to, types: [...FIELD_DAYS_BODY_TYPES, 'party_committee'], levels: FIGURE_LEVELS });
  const mine = rows.filter((row) => row.person_id === visit.personId);
  const days = months.map((month) => `${month}-01`);
  const touches = GRASSROOTS_DERIVED_CODES.map((code) => {
    const level = code.endsWith('_province') ? 'province' : 'commune';
    return { code, unitIds: [...new Set(mine.filter((row) => row.unit_level === level).map((row) => row.unit_id))].sort((a, b) => a - b) };
  });
  // one call: the four measures of a level read one statement per month (the touch's memo)
  await derived.touchAll(trx, actor, touches.filter((touch) => touch.unitIds.length > 0), { days });
}
