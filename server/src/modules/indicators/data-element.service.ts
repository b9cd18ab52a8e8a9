import type { z } from 'zod';
import type { TDataElement, ZDataElementInput } from '#contracts/indicators/metadata.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { conflictOnDuplicate, refuseTakenCodes, refuseTakenUid } from './metadata-conflicts.ts';
import { toDataElement } from './metadata.presenter.ts';
import { findElementRows, findOptionCombos } from './metadata.repository.ts';
import { defaultComboId, insertDataElement, listComboRows } from './metadata-write.repository.ts';

type ElementInput = z.output<typeof ZDataElementInput>;

/** Text and percentages are never summed: above a unit, a percentage is an indicator over summed parts. */
export const aggregationOf = (input: Pick<ElementInput, 'valueType' | 'aggregation'>) =>
  input.valueType === 'text' || input.valueType === 'percentage' ? 'none' : input.aggregation;

/**
 * Defines a data element owned by the actor's province (national for a system administrator): the 'default'
 * disaggregation unless another is given, the short name defaulting to the name.
 */
export async function createDataElement(db: Database, actor: Actor, input: ElementInput): Promise<TDataElement> {
  authorize(indicatorPolicy.configure(actor));
  return db.transaction().execute(async (trx) => {
    await refuseTakenCodes(trx, 'data_element', [input.code]);
    await refuseTakenUid(trx, 'data_element', input.dhis2Uid);
    const comboId = input.comboId ?? (await defaultComboId(trx));
    if ((await listComboRows(trx, comboId)).length === 0) throw invalidField('comboId', msg('indicators.metadata.comboUnknown'));
    const ownerUnitId = actor.unitId;
    const id = await conflictOnDuplicate(() =>
      insertDataElement(trx, {
        code: input.code,
        dhis2_uid: input.dhis2Uid ?? null,
        name: input.name,
        short_name: input.shortName ?? input.name.slice(0, 100),
        value_type: input.valueType,
        aggregation: aggregationOf(input),
        unit_of_measure: input.unitOfMeasure ?? null,
        combo_id: comboId,
        zero_significant: input.zeroSignificant,
        derived_code: null,
        owner_unit_id: ownerUnitId,
      }),
    );
    await recordAudit(trx, actor, { action: 'create', entity: 'data_element', entityId: id, unitId: ownerUnitId, after: input });
    const [row] = await findElementRows(trx, [id]);
    if (!row) throw new Error('written element not readable');
    return toDataElement(row, await findOptionCombos(trx, [row.combo_id]));
  });
}
