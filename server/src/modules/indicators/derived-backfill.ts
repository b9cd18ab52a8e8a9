import { PERIOD_TYPES, periodContaining, periodEnd, periodStart, periodsBetween, type PeriodType } from '#contracts/indicators/period.ts';
import type { DerivedValue } from '#server/shared/module.ts';
import { clock } from '#server/shared/clock.ts';
import type { JobContext } from '#server/platform/jobs/job-queue.ts';
import { derivedWrites } from './derived.ts';
import { findDerivedElements, lockDerived } from './derived.repository.ts';
import { storeValues } from './value-store.ts';

export const DERIVED_BACKFILL_JOB = 'indicators.derived-backfill';

/** The first day backfilled: the 2019 structure's figures are the oldest the units hold. */
export const BACKFILL_FROM = '2019-01-01';

export interface BackfillPayload {
  provinceId: number;
  /** First day backfilled (default BACKFILL_FROM); the demo fills only the years its reports need. */
  from?: string;
  /** Period types backfilled (default all); a value counted per period (`periodType`) is backfilled for its own type. */
  periodTypes?: readonly PeriodType[];
  // --- pet-figures ---
  /** Only these derived values (default every registered one). */
  codes?: readonly string[];
  /** Only the derived values of these modules (the code's part before the first dot, e.g. 'units'). */
  modules?: readonly string[];
}

/** Whether the job backfills `code`: every value unless the payload names codes or modules. */
export function backfills(payload: Pick<BackfillPayload, 'codes' | 'modules'>, code: string): boolean {
  if (payload.codes && !payload.codes.includes(code)) return false;
  return !payload.modules || payload.modules.includes(code.split('.')[0] ?? code);
}

/**
 * Every period of every type from `from` to the one containing `today`, grouped by the day the values are
 * computed as of: the period's last day, or today for an open period (202503, 2025Q1 and 2025 Q… share days, so
 * one computation serves every period ending that day). Days in order.
 */
export function backfillDays(from: string, today: string, types: readonly PeriodType[] = PERIOD_TYPES): Array<{ asOf: string; periods: string[] }> {
  const byDay = new Map<string, string[]>();
  for (const type of types) {
    for (const period of periodsBetween(periodContaining(from, type), periodContaining(today, type))) {
      const end = periodEnd(period);
      const asOf = end < today ? end : today;
      byDay.set(asOf, [...(byDay.get(asOf) ?? []), period]);
    }
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([asOf, periods]) => ({ asOf, periods }));
}

/**
 * The job: recomputes every registered derived value of one province for every period since 2019 (history from
 * founding, dissolution and term dates, so past periods reflect the registry as it was then), one transaction
 * per day and value, under the same lock as `touch`. Idempotent: values already right are left alone.
 */
export async function runDerivedBackfill(context: JobContext<BackfillPayload>): Promise<{ created: number }> {
  const { provinceId } = context.payload;
  const values = [...context.derived.registered.values()];
  const elements = new Map((await findDerivedElements(context.db, values.map((v) => v.code))).map((row) => [row.derived_code, row]));
  const days = backfillDays(context.payload.from ?? BACKFILL_FROM, clock.today(), context.payload.periodTypes);
  // --- pet-figures --- values counted per period (periodType) are stored for their own period type only
  const flows = values.filter((value) => value.periodType && backfills(context.payload, value.code));
  const states = values.filter((value) => !value.periodType && backfills(context.payload, value.code));
  const flowDays = flows.map((value) => ({ value, days: backfillDays(context.payload.from ?? BACKFILL_FROM, clock.today(), [value.periodType as PeriodType]) }));
  const total = days.length * states.length + flowDays.reduce((sum, flow) => sum + flow.days.length, 0);
  let done = 0;
  let changed = 0;
  await context.progress(0, total);
  const run = async (value: DerivedValue, asOf: string, periods: string[], from: string | undefined) => {
    const element = elements.get(value.code);
    if (!element) throw new Error(`derived value ${value.code} has no data element`);
    const results = await context.db.transaction().execute(async (trx) => {
      await lockDerived(trx, element.id, provinceId);
      const computed = await value.compute(trx, from ? { provinceId, asOf, from } : { provinceId, asOf });
      const writes = derivedWrites(element, [], computed, periods);
      return storeValues(trx, writes, { userId: context.actor.userId, source: 'derived', jobId: context.jobId });
    });
    changed += results.filter((r) => r.status === 'created' || r.status === 'updated' || r.status === 'deleted').length;
    await context.progress(++done, total);
  };
  for (const { asOf, periods } of days) {
    for (const value of states) await run(value, asOf, periods, undefined);
  }
  for (const flow of flowDays) {
    for (const { asOf, periods } of flow.days) {
      for (const period of periods) await run(flow.value, asOf, [period], periodStart(period));
    }
  }
  return { created: changed };
}
