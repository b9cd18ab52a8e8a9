import { PERIOD_TYPES, periodContaining, periodEnd, periodStart, periodsBetween, type PeriodType } from '#contracts/indicators/period.ts';
import type { DerivedValue } from '#server/shared/module.ts';
import { clock } from '#server/shared/clock.ts';
import { derivedMemo } from '#server/shared/derived-values.ts';
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
 * The values a backfill computes together, in one transaction per day: those of one `group` (and period type), in
 * code order (the lock order of writers); a value without a group alone. Batches in the order of their first code.
 */
export function backfillBatches(values: readonly DerivedValue[]): DerivedValue[][] {
  const batches = new Map<string, DerivedValue[]>();
  for (const value of [...values].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const key = value.group === undefined ? `code:${value.code}` : `group:${value.group}|${value.periodType ?? ''}`;
    batches.set(key, [...(batches.get(key) ?? []), value]);
  }
  return [...batches.values()];
}

/**
 * The job: recomputes every registered derived value of one province for every period since 2019 (history from
 * founding, dissolution and term dates, so past periods reflect the registry as it was then), one transaction
 * per day and value, or per day and group (`backfillBatches`: a group's values lock in code order and share one
 * memo, so their shared statement runs once), under the same lock as `touch`. Idempotent: values already right
 * are left alone.
 */
export async function runDerivedBackfill(context: JobContext<BackfillPayload>): Promise<{ created: number }> {
  const { provinceId } = context.payload;
  const values = [...context.derived.registered.values()];
  const elements = new Map((await findDerivedElements(context.db, values.map((v) => v.code))).map((row) => [row.derived_code, row]));
  const days = backfillDays(context.payload.from ?? BACKFILL_FROM, clock.today(), context.payload.periodTypes);
  // --- pet-figures --- values counted per period (periodType) are stored for their own period type only
  const flows = backfillBatches(values.filter((value) => value.periodType && backfills(context.payload, value.code)));
  const states = backfillBatches(values.filter((value) => !value.periodType && backfills(context.payload, value.code)));
  const flowDays = flows.map((batch) => ({ batch, days: backfillDays(context.payload.from ?? BACKFILL_FROM, clock.today(), [batch[0]?.periodType as PeriodType]) }));
  const count = (batches: readonly DerivedValue[][]) => batches.reduce((sum, batch) => sum + batch.length, 0);
  const total = days.length * count(states) + flowDays.reduce((sum, flow) => sum + flow.days.length * flow.batch.length, 0);
  let done = 0;
  let changed = 0;
  await context.progress(0, total);
  const run = async (batch: readonly DerivedValue[], asOf: string, periods: string[], from: string | undefined) => {
    const memo = derivedMemo();
    const results = await context.db.transaction().execute(async (trx) => {
      const stored: Awaited<ReturnType<typeof storeValues>> = [];
      for (const value of batch) {
        const element = elements.get(value.code);
        if (!element) throw new Error(`derived value ${value.code} has no data element`);
        await lockDerived(trx, element.id, provinceId);
        const computed = await value.compute(trx, from ? { provinceId, asOf, from, memo } : { provinceId, asOf, memo });
        const writes = derivedWrites(element, [], computed, periods);
        stored.push(...(await storeValues(trx, writes, { userId: context.actor.userId, source: 'derived', jobId: context.jobId })));
      }
      return stored;
    });
    changed += results.filter((r) => r.status === 'created' || r.status === 'updated' || r.status === 'deleted').length;
    done += batch.length;
    await context.progress(done, total);
  };
  for (const { asOf, periods } of days) {
    for (const batch of states) await run(batch, asOf, periods, undefined);
  }
  for (const flow of flowDays) {
    for (const { asOf, periods } of flow.days) {
      for (const period of periods) await run(flow.batch, asOf, [period], periodStart(period));
    }
  }
  return { created: changed };
}
