import type { Kysely } from 'kysely';
import { PERIOD_TYPES, periodContaining, periodEnd, periodStart } from '#contracts/indicators/period.ts';
import type { PeriodType } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { clock } from '#server/shared/clock.ts';
import { derivedMemo } from '#server/shared/derived-values.ts';
import type { DerivedMemo, DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { findDerivedElements, lockDerived, unitsAtLevel, upsertDerivedElements, type DerivedElementRow } from './derived.repository.ts';
import { storeValues, type ValueWrite } from './value-store.ts';

/** The data element code of a derived value: its own, or 'units.villages' → 'UNITS_VILLAGES'. */
export const derivedElementCode = (value: DerivedValue) => value.elementCode ?? value.code.toUpperCase().replace(/[^A-Z0-9_-]/g, '_');

/** On start: one data element per registered derived value (idempotent, safe with several processes). */
export async function ensureDerivedElements(db: Database, registered: ReadonlyMap<string, DerivedValue>): Promise<void> {
  const values = [...registered.values()];
  await db.transaction().execute((trx) =>
    upsertDerivedElements(
      trx,
      values.map((value) => ({
        derivedCode: value.code,
        code: derivedElementCode(value),
        name: value.name,
        valueType: value.valueType,
        unitOfMeasure: value.unitOfMeasure ?? null,
      })),
    ),
  );
  const stored = new Set((await findDerivedElements(db, values.map((value) => value.code))).map((row) => row.derived_code));
  const missing = values.filter((value) => !stored.has(value.code));
  if (missing.length > 0) throw new Error(`data elements of derived values missing: ${missing.map((value) => value.code).join(', ')}`);
}

/**
 * Writes that set the value of each unit for each period: a 0 removes the stored value (derived elements are
 * not zero-significant, as DHIS2 keeps no zeros for them), so villages without a team cost no rows; a unit not
 * computed counts as 0.
 */
export function derivedWrites(
  element: DerivedElementRow,
  unitIds: readonly number[],
  values: ReadonlyArray<{ unitId: number; value: number }>,
  periods: readonly string[],
): ValueWrite[] {
  const byUnit = new Map(values.map((v) => [v.unitId, v.value]));
  const units = [...new Set([...unitIds, ...byUnit.keys()])];
  return units.flatMap((unitId) => {
    const value = byUnit.get(unitId) ?? 0;
    return periods.map((period) => ({
      writeId: uuidv7(),
      unitId,
      period,
      dataElementId: element.id,
      cocId: element.coc_id,
      num: value === 0 ? null : value,
      txt: null,
      deleted: value === 0,
    }));
  });
}

/** The open periods: those of every type that contain `today`. */
export const openPeriods = (today: string) => PERIOD_TYPES.map((type) => periodContaining(today, type));

/**
 * `ModuleContext.derived`, built by the indicators module over every module's derived values: `touch`
 * recomputes a value for the touched units as of today and stores it for the open periods, inside the
 * caller's transaction (one lock per element and province, then compute, then the normal write path);
 * `touchAll` does the same for several values in turn, sharing one memo so a group's statement runs once.
 */
export function createDerivedStore(registered: ReadonlyMap<string, DerivedValue>): DerivedValues {
  const touchOne = async (trx: Kysely<DB>, actor: { userId: number | null }, code: string, unitIds: readonly number[], days: readonly string[], memo: DerivedMemo) => {
    const value = registered.get(code);
    if (!value) throw new Error(`derived value ${code} is not registered`);
    if (unitIds.length === 0) return;
    const [element] = await findDerivedElements(trx, [code]);
    if (!element) throw new Error(`derived value ${code} has no data element (the app did not start?)`);
    const today = clock.today();
    const units = await unitsAtLevel(trx, unitIds, value.level);
    const byProvince = new Map<number, number[]>();
    for (const unit of units) byProvince.set(unit.provinceId, [...(byProvince.get(unit.provinceId) ?? []), unit.unitId]);
    const writes: ValueWrite[] = [];
    for (const [provinceId, ids] of [...byProvince].sort(([a], [b]) => a - b)) {
      await lockDerived(trx, element.id, provinceId);
      // --- pet-figures ---
      if (value.periodType) {
        for (const period of flowPeriods(value.periodType, today, days)) {
          const asOf = periodEnd(period) < today ? periodEnd(period) : today;
          const computed = await value.compute(trx, { provinceId, asOf, unitIds: ids, from: periodStart(period), memo });
          writes.push(...derivedWrites(element, ids, computed.filter((c) => ids.includes(c.unitId)), [period]));
        }
        continue;
      }
      // --- end pet-figures ---
      const computed = await value.compute(trx, { provinceId, asOf: today, unitIds: ids, memo });
      writes.push(...derivedWrites(element, ids, computed.filter((c) => ids.includes(c.unitId)), openPeriods(today)));
    }
    await storeValues(trx, writes, { userId: actor.userId, source: 'derived' });
  };
  return {
    registered,
    async touch(trx, actor, code, unitIds, options) {
      await touchOne(trx, actor, code, unitIds, options?.days ?? [], derivedMemo());
    },
    async touchAll(trx, actor, touches, options) {
      const memo = derivedMemo();
      for (const { code, unitIds } of touches) await touchOne(trx, actor, code, unitIds, options?.days ?? [], memo);
    },
  };
}

// --- pet-figures ---
/** The periods of `type` a flow value's touch refreshes: the open one and those holding `days` (never future ones), in order. */
export function flowPeriods(type: PeriodType, today: string, days: readonly string[]): string[] {
  const periods = new Set([periodContaining(today, type), ...days.filter((day) => day <= today).map((day) => periodContaining(day, type))]);
  return [...periods].sort();
}
