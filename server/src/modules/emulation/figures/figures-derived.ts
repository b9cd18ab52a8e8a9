import type { Kysely } from 'kysely';
import { MODEL_FIELDS, RECOGNITION_LEVELS, type TModelField, type TRecognitionLevel } from '#contracts/emulation/enums.ts';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../../units/index.ts';
import {
  agenciesBuiltAndReplicated,
  communeLineage,
  communesOn,
  effectiveSelfManagementByVillage,
  modelTouchFacts,
  recognisedByCommune,
} from './figures.repository.ts';
import { AGENCY_TYPES, SELF_MANAGEMENT_THRESHOLDS, type SelfManagementThreshold } from './figures.rules.ts';

type Args = Parameters<DerivedValue['compute']>[1];

/** The catalogue's names of the fields (keys are camelCase). */
const FIELD_NAMES: Record<TModelField, () => string> = {
  economy: () => msg('emulation.figures.field.economy'),
  culture_society: () => msg('emulation.figures.field.cultureSociety'),
  defence_security: () => msg('emulation.figures.field.defenceSecurity'),
  party_building: () => msg('emulation.figures.field.partyBuilding'),
};

/** 'emulation.recognised_province_economy': recognised models at a level in a field, per commune. */
export const recognisedCode = (level: TRecognitionLevel, field: TModelField) => `emulation.recognised_${level}_${field}`;
export const AGENCIES_COMMUNE = 'emulation.agencies_built_replicated_commune';
export const AGENCIES_PROVINCE = 'emulation.agencies_built_replicated_province';
export const villagesSelfManagementCode = (threshold: SelfManagementThreshold) => `emulation.villages_self_management_${threshold}`;

/** Every unit of the level valid on the day (0 included), with the values counted for some of them. */
async function everyUnit(db: Kysely<DB>, args: Args, level: 'village' | 'commune' | 'province', counted: ReadonlyMap<number, number>) {
  const units = await listUnitsOfLevel(db, { ...args, level });
  return units.map((unitId) => ({ unitId, value: counted.get(unitId) ?? 0 }));
}

/**
 * Recognised models at `level` in `field` per commune valid on the day: each model counts for the commune holding
 * its place, carried to the commune valid that day (a model of a 2019 commune counts for its 2025 successor).
 */
async function computeRecognised(db: Kysely<DB>, level: TRecognitionLevel, field: TModelField, args: Args) {
  const scope = await provinceScope(db, args.provinceId);
  const communeIds = args.unitIds ? await communeLineage(db, args.unitIds) : undefined;
  const counts = await recognisedByCommune(db, scope, { provinceId: args.provinceId, asOf: args.asOf, level, field, communeIds });
  const target = await communesOn(db, counts.map((row) => row.communeId), args.asOf);
  const totals = new Map<number, number>();
  for (const row of counts) {
    const unitId = target.get(row.communeId);
    if (unitId !== undefined) totals.set(unitId, (totals.get(unitId) ?? 0) + row.count);
  }
  return everyUnit(db, args, 'commune', totals);
}

async function computeAgencies(db: Kysely<DB>, level: 'commune' | 'province', args: Args) {
  const agencies = await agenciesBuiltAndReplicated(db, await provinceScope(db, args.provinceId), args);
  const totals = new Map<number, number>();
  if (level === 'province') totals.set(args.provinceId, agencies.length);
  else for (const { communeId } of agencies) if (communeId !== null) totals.set(communeId, (totals.get(communeId) ?? 0) + 1);
  return everyUnit(db, args, level, totals);
}

async function computeVillages(db: Kysely<DB>, threshold: SelfManagementThreshold, args: Args) {
  const counts = await effectiveSelfManagementByVillage(db, await provinceScope(db, args.provinceId), { ...args, villageIds: args.unitIds });
  return everyUnit(db, args, 'village', new Map(counts.map((row) => [row.villageId, row.count >= threshold ? 1 : 0])));
}

const recognisedValues: DerivedValue[] = RECOGNITION_LEVELS.flatMap((level) =>
  MODEL_FIELDS.map(
    (field): DerivedValue => ({
      code: recognisedCode(level, field),
      elementCode: `EMU_RECOGNISED_${level}_${field}`.toUpperCase(),
      name: msg('emulation.figures.recognised', { level: msg(`emulation.figures.level.${level}`), field: FIELD_NAMES[field]() }),
      valueType: 'integer',
      level: 'commune',
      unitOfMeasure: msg('emulation.figures.unitModel'),
      compute: (db, args) => computeRecognised(db, level, field, args),
    }),
  ),
);

/**
 * The figures of "Dân vận khéo" models for targets, stored as derived values (what each counts: figures.rules.ts):
 * recognised models per level × field per commune; agencies that built and replicated a model (seed 004) per
 * commune and per province; villages with ≥ 2 (seed 000 i6) and ≥ 4 (seed 003 (7)) effective self-management models.
 */
export const emulationDerivedValues: readonly DerivedValue[] = [
  ...recognisedValues,
  {
    code: AGENCIES_COMMUNE,
    elementCode: 'EMU_AGENCIES_BUILT_REPLICATED_COMMUNE',
    name: msg('emulation.figures.agenciesCommune'),
    valueType: 'integer',
    level: 'commune',
    unitOfMeasure: msg('emulation.figures.unitAgency'),
    compute: (db, args) => computeAgencies(db, 'commune', args),
  },
  {
    code: AGENCIES_PROVINCE,
    elementCode: 'EMU_AGENCIES_BUILT_REPLICATED_PROVINCE',
    name: msg('emulation.figures.agenciesProvince'),
    valueType: 'integer',
    level: 'province',
    unitOfMeasure: msg('emulation.figures.unitAgency'),
    compute: (db, args) => computeAgencies(db, 'province', args),
  },
  ...SELF_MANAGEMENT_THRESHOLDS.map(
    (threshold): DerivedValue => ({
      code: villagesSelfManagementCode(threshold),
      elementCode: `EMU_VILLAGES_SELF_MANAGEMENT_${threshold}`,
      name: msg(threshold === 2 ? 'emulation.figures.villagesSelfManagement2' : 'emulation.figures.villagesSelfManagement4'),
      valueType: 'yes_no',
      level: 'village',
      unitOfMeasure: msg('indicators.derived.unitVillage'),
      compute: (db, args) => computeVillages(db, threshold, args),
    }),
  ),
];

/** Every code, in the fixed order writers take the derived locks in. */
export const EMULATION_DERIVED_CODES: readonly string[] = emulationDerivedValues.map((value) => value.code).sort();

/**
 * The codes a write to models may move: the recognised counts of their fields (every level: a recognition at a
 * higher level leaves the lower one), the agencies' counts when an agency owns one of them or its origin, the
 * villages' counts when a self-management group does. Without models (units only), every code.
 */
export function codesMoved(facts: { fields: readonly TModelField[]; ownerTypes: readonly string[] } | null): string[] {
  if (!facts) return [...EMULATION_DERIVED_CODES];
  const codes = facts.fields.flatMap((field) => RECOGNITION_LEVELS.map((level) => recognisedCode(level, field)));
  if (facts.ownerTypes.some((type) => (AGENCY_TYPES as readonly string[]).includes(type))) codes.push(AGENCIES_COMMUNE, AGENCIES_PROVINCE);
  if (facts.ownerTypes.includes('self_management_model')) codes.push(...SELF_MANAGEMENT_THRESHOLDS.map(villagesSelfManagementCode));
  return [...new Set(codes)].sort();
}

/**
 * Refreshes the figures of models a write moved, in the writer's transaction (call it after the write, before the
 * commit). `by.modelIds`: the models written (their place, owner's unit, field, their origin's place and owner
 * are read here); `unitIds`: units the change moves that the models no longer show (a model's place or owner's
 * unit before an edit), and `by.fields` their fields before an edit. Without `modelIds` every figure of the units
 * is refreshed. Every unit is widened to its commune's lineage across the 2025 reform, so a model of a 2019
 * commune refreshes its 2025 successor. Codes in a fixed order so two writers take the derived locks in the same
 * order.
 */
export async function touchModelFigures(
  trx: Kysely<DB>,
  provinceId: number,
  unitIds: readonly number[],
  by: { derived: DerivedValues; actor: { userId: number }; modelIds?: readonly string[]; fields?: readonly TModelField[] },
): Promise<void> {
  const models = by.modelIds ?? [];
  const facts = models.length > 0 ? await modelTouchFacts(trx, await provinceScope(trx, provinceId), provinceId, models) : null;
  const units = [...new Set([...unitIds, ...(facts?.unitIds ?? [])])];
  if (units.length === 0) return;
  // villages keep their own id (village values); communes across the reform both ways (commune values)
  const touched = [...new Set([...units, ...(await communeLineage(trx, units))])].sort((a, b) => a - b);
  const codes = codesMoved(facts && { fields: [...facts.fields, ...(by.fields ?? [])], ownerTypes: facts.ownerTypes });
  for (const code of codes) await by.derived.touch(trx, by.actor, code, touched);
}
