import type { TDerivedValue } from '#contracts/indicators/derived.api.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { findUnit } from '../units/index.ts';
import { DERIVED_BACKFILL_JOB, type BackfillPayload } from './derived-backfill.ts';
import { findDerivedElements } from './derived.repository.ts';
import { derivedPolicy } from './derived.policy.ts';
import { indicatorPolicy } from './indicator.policy.ts';

/** The derived values the modules register, each with its data element (national catalogue, no scope). */
export async function listDerivedValues(context: Pick<ModuleContext, 'db' | 'derived'>, actor: Actor): Promise<TDerivedValue[]> {
  authorize(indicatorPolicy.read(actor));
  const values = [...context.derived.registered.values()];
  const elements = new Map((await findDerivedElements(context.db, values.map((v) => v.code))).map((row) => [row.derived_code, row]));
  return values.flatMap((value) => {
    const element = elements.get(value.code);
    if (!element) return [];
    return [
      {
        code: value.code,
        elementId: element.id,
        elementCode: element.code,
        name: element.name,
        valueType: value.valueType,
        level: value.level,
        unitOfMeasure: element.unit_of_measure,
      },
    ];
  });
}

/** Queues the backfill of a province in scope (a province in force today); returns the job id. */
export async function startDerivedBackfill(
  context: Pick<ModuleContext, 'db' | 'jobs'>,
  actor: Actor,
  provinceId: number,
): Promise<{ jobId: string }> {
  authorize(derivedPolicy.backfill(actor));
  const jobId = await context.db.transaction().execute(async (trx) => {
    const province = await findUnit(trx, actor.scope, provinceId, clock.today());
    if (!province) throw notFound('entity.unit');
    if (province.level !== 'province' || (province.valid_to !== null && province.valid_to < clock.today())) {
      throw invalidField('provinceId', msg('indicators.derived.notProvince'));
    }
    const payload: BackfillPayload = { provinceId };
    return context.jobs.enqueue(trx, actor, { kind: DERIVED_BACKFILL_JOB, payload, target: `admin_unit:${provinceId}`, unitId: provinceId });
  });
  context.jobs.kick();
  return { jobId };
}
