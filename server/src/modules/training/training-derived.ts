import type { Kysely } from 'kysely';
import { GROUP_TARGETS, type TTrainingGroup, type TTrainingWindow } from '#contracts/training/rules.ts';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../units/index.ts';
import { coverageByUnit } from './training-coverage.repository.ts';

/**
 * Training coverage as derived values (seed 000 i8, i9; seed 004): per group of roles, how many hold a role of the
 * group on the day and how many of them were trained within the group's target window (rules.ts GROUP_TARGETS),
 * per commune (holders in the commune and its villages) and, for the groups the targets measure at that level, per
 * province (every holder of the province). An indicator divides the two.
 */
const PER_LEVEL: ReadonlyArray<{ group: TTrainingGroup; level: 'commune' | 'province' }> = [
  { group: 'mobilisation_cadre', level: 'commune' },
  { group: 'mobilisation_cadre', level: 'province' },
  { group: 'cell_secretary_village_head', level: 'commune' },
  { group: 'cell_secretary_village_head', level: 'province' },
  { group: 'upper_cadre', level: 'province' },
  { group: 'grassroots_cadre', level: 'commune' },
  { group: 'grassroots_cadre', level: 'province' },
];

/** Short element codes (data_element.code has at most 50 characters): TRN_CSVH_TRAINED_COMMUNE. */
const SHORT: Record<TTrainingGroup, string> = {
  mobilisation_cadre: 'MOB',
  cell_secretary_village_head: 'CSVH',
  upper_cadre: 'UPPER',
  grassroots_cadre: 'GRASS',
};
export const elementCode = (group: TTrainingGroup, what: 'holders' | 'trained', level: 'commune' | 'province') => `TRN_${SHORT[group]}_${what}_${level}`.toUpperCase();

export const holdersCode = (group: TTrainingGroup, level: 'commune' | 'province') => `training.${group}_holders_${level}`;
export const trainedCode = (group: TTrainingGroup, level: 'commune' | 'province') => `training.${group}_trained_${level}`;

const GROUP_NAME: Record<TTrainingGroup, () => string> = {
  mobilisation_cadre: () => msg('training.group.mobilisationCadre'),
  cell_secretary_village_head: () => msg('training.group.cellSecretaryVillageHead'),
  upper_cadre: () => msg('training.group.upperCadre'),
  grassroots_cadre: () => msg('training.group.grassrootsCadre'),
};
const WINDOW_NAME: Record<TTrainingWindow, () => string> = {
  two_years: () => msg('training.window.twoYears'),
  term: () => msg('training.window.term'),
  since_role: () => msg('training.window.sinceRole'),
};

type Args = Parameters<DerivedValue['compute']>[1];

async function compute(db: Kysely<DB>, group: TTrainingGroup, level: 'commune' | 'province', what: 'holders' | 'trained', args: Args) {
  const units = await listUnitsOfLevel(db, { provinceId: args.provinceId, level, asOf: args.asOf, unitIds: args.unitIds });
  const scope = await provinceScope(db, args.provinceId);
  const rows = await coverageByUnit(db, scope, {
    group,
    window: GROUP_TARGETS[group].window,
    asOf: args.asOf,
    groupUnitIds: level === 'commune' ? units : undefined,
  });
  const byUnit = new Map<number, number>();
  // a province's value: its holders (a 2019 province's own before the reform: the root of each commune's path)
  if (level === 'province') for (const row of rows) byUnit.set(row.provinceId, (byUnit.get(row.provinceId) ?? 0) + row[what]);
  else for (const row of rows) byUnit.set(row.unitId, row[what]);
  return units.map((unitId) => ({ unitId, value: byUnit.get(unitId) ?? 0 }));
}

export const trainingDerivedValues: readonly DerivedValue[] = PER_LEVEL.flatMap(({ group, level }): DerivedValue[] => {
  const groupName = GROUP_NAME[group]();
  return [
    {
      code: holdersCode(group, level),
      elementCode: elementCode(group, 'holders', level),
      name: msg('training.derived.holders', { group: groupName }),
      valueType: 'integer',
      level,
      unitOfMeasure: msg('training.derived.unitPerson'),
      compute: (db, args) => compute(db, group, level, 'holders', args),
    },
    {
      code: trainedCode(group, level),
      elementCode: elementCode(group, 'trained', level),
      name: msg('training.derived.trained', { group: groupName, window: WINDOW_NAME[GROUP_TARGETS[group].window]() }),
      valueType: 'integer',
      level,
      unitOfMeasure: msg('training.derived.unitPerson'),
      compute: (db, args) => compute(db, group, level, 'trained', args),
    },
  ];
});

/** Every code, in the fixed order writers take the derived locks in. */
export const TRAINING_DERIVED_CODES: readonly string[] = trainingDerivedValues.map((value) => value.code).sort();

/**
 * Refreshes the coverage figures after participants changed, in the writer's transaction: the units of the people
 * and of their current roles (villages map to their commune, every unit to its province for the province values).
 */
export async function touchTraining(trx: Kysely<DB>, derived: DerivedValues, actor: { userId: number }, unitIds: readonly number[]) {
  const units = [...new Set(unitIds)].sort((a, b) => a - b);
  if (units.length === 0) return;
  for (const code of TRAINING_DERIVED_CODES) await derived.touch(trx, actor, code, units);
}
