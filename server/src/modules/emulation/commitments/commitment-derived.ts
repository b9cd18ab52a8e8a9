import type { Kysely } from 'kysely';
import type { TRegistrantKind } from '#contracts/emulation/commitment.api.ts';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel } from '../../units/index.ts';
import { breachesByCommune, registeredByCommune } from './commitment-figures.repository.ts';

/**
 * Figures of the campaign commitments for targets (issue 15 "Must have" 5: commitments by kind), per commune as
 * of a day: the registrations of each kind of registrant (summed over the commitments and bodies of the campaigns
 * of that year; a household registering the "04 không" counts 4), and the breaches reported year to date. Counts
 * of the commune and of its villages add up; a commune without any counts 0.
 */
export const COMMITMENTS_AGENCY = 'emulation.commitments_agency_commune';
export const COMMITMENTS_CADRE = 'emulation.commitments_cadre_commune';
export const COMMITMENTS_HOUSEHOLD = 'emulation.commitments_household_commune';
export const COMMITMENT_BREACHES = 'emulation.commitment_breaches_commune';

function registered(code: string, kind: TRegistrantKind, name: string): DerivedValue {
  return {
    code,
    name,
    valueType: 'integer',
    level: 'commune',
    unitOfMeasure: msg('indicators.derived.unitRegistration'),
    compute: async (db: Kysely<DB>, args) => {
      const units = await listUnitsOfLevel(db, { ...args, level: 'commune' });
      const sums = await registeredByCommune(db, { provinceId: args.provinceId, year: Number(args.asOf.slice(0, 4)), kind, communeIds: units });
      return units.map((unitId) => ({ unitId, value: sums.get(unitId) ?? 0 }));
    },
  };
}

export const commitmentDerivedValues: readonly DerivedValue[] = [
  registered(COMMITMENTS_AGENCY, 'agency', msg('indicators.derived.commitmentsAgency')),
  registered(COMMITMENTS_CADRE, 'cadre', msg('indicators.derived.commitmentsCadre')),
  registered(COMMITMENTS_HOUSEHOLD, 'household', msg('indicators.derived.commitmentsHousehold')),
  {
    code: COMMITMENT_BREACHES,
    name: msg('indicators.derived.commitmentBreaches'),
    valueType: 'integer',
    level: 'commune',
    unitOfMeasure: msg('indicators.derived.unitCase'),
    compute: async (db: Kysely<DB>, args) => {
      const units = await listUnitsOfLevel(db, { ...args, level: 'commune' });
      const counts = await breachesByCommune(db, { provinceId: args.provinceId, from: `${args.asOf.slice(0, 4)}-01-01`, to: args.asOf, communeIds: units });
      return units.map((unitId) => ({ unitId, value: counts.get(unitId) ?? 0 }));
    },
  },
];

const TOUCHES: Record<'count' | 'breach', readonly string[]> = {
  count: [COMMITMENTS_AGENCY, COMMITMENTS_CADRE, COMMITMENTS_HOUSEHOLD],
  breach: [COMMITMENT_BREACHES],
};

/**
 * Refreshes the figures a write of this kind moves, for the units written, in the writer's transaction (codes in a
 * fixed order so two writers take the derived locks in the same order; a village maps to its commune, a unit above
 * commune level is ignored).
 */
export async function touchCommitments(
  trx: Kysely<DB>,
  derived: DerivedValues,
  actor: { userId: number },
  what: keyof typeof TOUCHES,
  unitIds: readonly number[],
  days?: readonly string[],
) {
  const units = [...new Set(unitIds)];
  if (units.length === 0) return;
  for (const code of [...TOUCHES[what]].sort()) await derived.touch(trx, actor, code, units, days ? { days } : undefined);
}
