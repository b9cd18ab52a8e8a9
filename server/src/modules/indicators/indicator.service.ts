import type { z } from 'zod';
import type { TIndicator, ZIndicatorInput } from '#contracts/indicators/metadata.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { expressionProblem, operandCodes, type KnownElement } from './expression-check.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { conflictOnDuplicate, refuseTakenCodes, refuseTakenUid } from './metadata-conflicts.ts';
import { toIndicator } from './metadata.presenter.ts';
import * as repo from './metadata-write.repository.ts';

type IndicatorInput = z.output<typeof ZIndicatorInput>;

/** Indicators the user may see: national ones and those of a unit in or above (or below) their scope. */
export async function listIndicators(db: Database, actor: Actor): Promise<TIndicator[]> {
  authorize(indicatorPolicy.read(actor));
  return (await repo.listIndicatorRows(db, actor.scope)).map(toIndicator);
}

export async function getIndicator(db: Database, actor: Actor, id: number): Promise<TIndicator> {
  authorize(indicatorPolicy.read(actor));
  const row = await repo.findIndicatorRow(db, actor.scope, id);
  if (!row) throw notFound('entity.indicator');
  return toIndicator(row);
}

/** Elements (with their disaggregation codes) the actor may use, among those `codes` name. */
export async function knownElements(db: Database, actor: Actor, codes: readonly string[]): Promise<Map<string, KnownElement>> {
  const elements = await repo.findUsableElements(db, actor.scope, { codes: [...new Set(codes)] });
  const cocs = await repo.optionComboCodes(db, [...new Set(elements.map((e) => e.combo_id))]);
  return new Map(elements.map((e) => [e.code, { valueType: e.value_type, cocCodes: cocs.get(e.combo_id) ?? new Set<string>() }]));
}

/**
 * Defines an indicator (factor × numerator / denominator) owned by the actor's province (national for a system
 * administrator). Both expressions must parse and read only elements and disaggregations the actor may use.
 */
export async function createIndicator(db: Database, actor: Actor, input: IndicatorInput): Promise<TIndicator> {
  authorize(indicatorPolicy.configure(actor));
  const target = input.target ?? null;
  const direction = input.targetDirection ?? null;
  if ((target === null) !== (direction === null)) throw invalidField('targetDirection', msg('indicators.metadata.targetDirection'));
  return db.transaction().execute(async (trx) => {
    const known = await knownElements(trx, actor, [...operandCodes(input.numerator), ...operandCodes(input.denominator)]);
    for (const field of ['numerator', 'denominator'] as const) {
      const problem = expressionProblem(input[field], known, 'indicators.metadata.operandUnknown');
      if (problem) throw invalidField(field, problem);
    }
    await refuseTakenCodes(trx, 'indicator', [input.code]);
    await refuseTakenUid(trx, 'indicator', input.dhis2Uid);
    const id = await conflictOnDuplicate(() =>
      repo.insertIndicator(trx, {
        code: input.code,
        dhis2_uid: input.dhis2Uid ?? null,
        name: input.name,
        description: input.description ?? null,
        numerator: input.numerator,
        denominator: input.denominator,
        factor: input.factor,
        decimals: input.decimals,
        unit_of_measure: input.unitOfMeasure ?? null,
        target,
        target_direction: direction,
        owner_unit_id: actor.unitId,
      }),
    );
    await recordAudit(trx, actor, { action: 'create', entity: 'indicator', entityId: id, unitId: actor.unitId, after: input });
    const row = await repo.findIndicatorRow(trx, actor.scope, id);
    if (!row) throw new Error('written indicator not readable');
    return toIndicator(row);
  });
}
