import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../../units/index.ts';
import { communeLineage, communesOn, countByCaseCommune, type Measure } from './figures.repository.ts';

export const PETITION_DERIVED = {
  received: 'petitions.received',
  resolved: 'petitions.resolved',
  resolvedOnTime: 'petitions.resolved_on_time',
  kdToResolve: 'petitions.kd_to_resolve',
  kdResolved: 'petitions.kd_resolved',
} as const satisfies Record<Measure, string>;

/** Data element codes (formulas): the resolution rate of seed 000 i2 is 100 × #{PET_KNTC_DA_GIAI_QUYET} / #{PET_KNTC_TIEP_NHAN}. */
export const PETITION_ELEMENTS = {
  received: 'PET_TIEP_NHAN',
  resolved: 'PET_DA_GIAI_QUYET',
  resolvedOnTime: 'PET_GIAI_QUYET_DUNG_HAN',
  kdToResolve: 'PET_KNTC_TIEP_NHAN',
  kdResolved: 'PET_KNTC_DA_GIAI_QUYET',
} as const satisfies Record<Measure, string>;

/**
 * The values of one measure for the communes of a province valid on `asOf`, counting the cases of [from, asOf]:
 * each case counts for its commune (figures.repository.ts countByCaseCommune), carried to the commune valid that
 * day (a 2019 commune's case resolved after the reform counts for its 2025 successor). Every commune gets a value
 * (0 included); only those of `unitIds` when given.
 */
async function computeMeasure(
  db: Kysely<DB>,
  measure: Measure,
  args: { provinceId: number; asOf: string; unitIds?: readonly number[]; from?: string },
): Promise<Array<{ unitId: number; value: number }>> {
  const from = args.from ?? `${args.asOf.slice(0, 7)}-01`;
  const communes = await listUnitsOfLevel(db, { provinceId: args.provinceId, level: 'commune', asOf: args.asOf, unitIds: args.unitIds });
  if (communes.length === 0) return [];
  // computed for a whole province by the system, not for a user: the province's units are the scope
  const scope = await provinceScope(db, args.provinceId);
  const lineage = args.unitIds ? await communeLineage(db, communes) : undefined;
  const counts = await countByCaseCommune(db, scope, { provinceId: args.provinceId, measure, from, to: args.asOf, communeIds: lineage });
  const target = await communesOn(db, counts.map((row) => row.communeId), args.asOf);
  const totals = new Map<number, number>();
  for (const row of counts) {
    const unitId = target.get(row.communeId);
    if (unitId !== undefined) totals.set(unitId, (totals.get(unitId) ?? 0) + row.count);
  }
  return communes.map((unitId) => ({ unitId, value: totals.get(unitId) ?? 0 }));
}

const derived = (measure: Measure, name: string): DerivedValue => ({
  code: PETITION_DERIVED[measure],
  elementCode: PETITION_ELEMENTS[measure],
  name,
  valueType: 'integer',
  level: 'commune',
  unitOfMeasure: msg('petitions.figures.unitCase'),
  periodType: 'monthly',
  compute: (db, args) => computeMeasure(db, measure, args),
});

/**
 * Figures of cases per commune and month (counts of events in the month; quarters and years are their sums in the
 * totals). Definitions: figures.rules.ts.
 */
export const petitionDerivedValues: readonly DerivedValue[] = [
  derived('received', msg('petitions.figures.received')),
  derived('resolved', msg('petitions.figures.resolved')),
  derived('resolvedOnTime', msg('petitions.figures.resolvedOnTime')),
  derived('kdToResolve', msg('petitions.figures.kdToResolve')),
  derived('kdResolved', msg('petitions.figures.kdResolved')),
];

/** What a write to a case changes, for `touchCaseFigures`. */
export interface CaseFigureChange {
  /** The case's commune (commune_id) or, without one, its receiving unit; before and after the change when it moved. */
  unitIds: readonly number[];
  /** The days the figures count the case on: received_on and resolved_on, before and after the change. */
  days: ReadonlyArray<string | null | undefined>;
}

/**
 * Refreshes the figures of cases a write moved, in the writer's transaction: the months of `days` (and the open
 * one) for the communes of `unitIds` and the communes linked to them across the reform. Codes in a fixed order so
 * two writers take the derived locks in the same order.
 */
export async function touchCaseFigures(trx: Kysely<DB>, store: DerivedValues, actor: { userId: number | null }, change: CaseFigureChange): Promise<void> {
  const unitIds = await communeLineage(trx, [...new Set(change.unitIds)]);
  const days = [...new Set(change.days.filter((day): day is string => typeof day === 'string'))];
  for (const code of Object.values(PETITION_DERIVED).sort()) await store.touch(trx, actor, code, unitIds, { days });
}
