import type { z } from 'zod';
import type { TDataSet, ZDataSetInput } from '#contracts/indicators/metadata.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../units/index.ts';
import { expressionProblem, type KnownElement } from './expression-check.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { conflictOnDuplicate, refuseRepeatedCodes, refuseTakenCodes, refuseTakenUid } from './metadata-conflicts.ts';
import { toDataSet } from './metadata.presenter.ts';
import { findDataSetParts, findDataSetRow } from './metadata.repository.ts';
import * as repo from './metadata-write.repository.ts';

type DataSetInput = z.output<typeof ZDataSetInput>;

/** Checks that need no database: lock after due, some reporting units, no code or element twice. */
function checkShape(input: DataSetInput): void {
  if (input.lockDays < input.dueDays) throw invalidField('lockDays', msg('indicators.metadata.lockBeforeDue', { due: input.dueDays }));
  if (input.levels.length === 0 && input.unitIds.length === 0) throw invalidField('levels', msg('indicators.metadata.noAssignment'));
  refuseRepeatedCodes(
    input.rules.map((rule) => rule.code),
    (i) => `rules.${i}.code`,
  );
  const seen = new Set<number>();
  input.elements.forEach((element, i) => {
    if (seen.has(element.dataElementId)) {
      throw invalidField(`elements.${i}.dataElementId`, msg('indicators.metadata.elementRepeated'), 'dataElementId');
    }
    seen.add(element.dataElementId);
  });
}

/** The owner: a province (in force today) inside the actor's scope; for a system administrator, any province. */
async function ownerProvince(db: Database, actor: Actor, unitId: number) {
  const owner = await findUnit(db, actor.scope, unitId, clock.today());
  if (!owner) throw notFound('entity.unit');
  if (owner.level !== 'province' || owner.valid_to !== null) throw invalidField('ownerUnitId', msg('indicators.metadata.ownerNotProvince'));
  return owner;
}

/**
 * The elements, as the owner's units will see them (national or the owner's own), none already in another
 * data set (409 naming it); returns them by code for checking the rules.
 */
async function dataSetElements(db: Database, input: DataSetInput, ownerPath: string): Promise<Map<string, KnownElement>> {
  const ids = input.elements.map((element) => element.dataElementId);
  const found = await repo.findUsableElements(db, { all: false, roots: [ownerPath] }, { ids });
  const byId = new Map(found.map((element) => [element.id, element]));
  input.elements.forEach((element, i) => {
    const row = byId.get(element.dataElementId);
    if (!row) throw invalidField(`elements.${i}.dataElementId`, msg('indicators.metadata.elementUnknown'), 'dataElementId');
    if (row.data_set_id !== null) throw conflict(msg('indicators.metadata.elementInOtherSet', { code: row.code, dataSet: row.data_set_name ?? '' }));
  });
  const cocs = await repo.optionComboCodes(db, [...new Set(found.map((element) => element.combo_id))]);
  return new Map(found.map((e) => [e.code, { valueType: e.value_type, cocCodes: cocs.get(e.combo_id) ?? new Set<string>() }]));
}

/** Reporting units named one by one must lie inside the owner's subtree. */
async function checkAssignedUnits(db: Database, input: DataSetInput, owner: { path: string; full_name: string }): Promise<void> {
  const inside = await repo.unitsInSubtree(db, owner.path, input.unitIds);
  const outside = input.unitIds.findIndex((id) => !inside.has(id));
  if (outside >= 0) throw invalidField(`unitIds.${outside}`, msg('indicators.metadata.unitOutsideOwner', { owner: owner.full_name }), 'unitIds');
}

/** Each side of each rule parses and reads only elements of this data set. */
function checkRules(input: DataSetInput, known: ReadonlyMap<string, KnownElement>): void {
  input.rules.forEach((rule, i) => {
    for (const side of ['leftSide', 'rightSide'] as const) {
      const problem = expressionProblem(rule[side], known, 'indicators.metadata.operandNotInSet');
      if (problem) throw invalidField(`rules.${i}.${side}`, problem, side);
    }
  });
}

/**
 * Defines a data set (report form) of a province: its elements, who reports (levels inside the owner, or units
 * one by one), period type, due and lock days, and validation rules. One transaction; audited.
 */
export async function createDataSet(db: Database, actor: Actor, input: DataSetInput): Promise<TDataSet> {
  authorize(indicatorPolicy.configure(actor));
  checkShape(input);
  return db.transaction().execute(async (trx) => {
    const owner = await ownerProvince(trx, actor, input.ownerUnitId);
    const known = await dataSetElements(trx, input, owner.path);
    await checkAssignedUnits(trx, input, owner);
    checkRules(input, known);
    await refuseTakenCodes(trx, 'data_set', [input.code]);
    await refuseTakenUid(trx, 'data_set', input.dhis2Uid);
    await refuseTakenCodes(
      trx,
      'validation_rule',
      input.rules.map((rule) => rule.code),
    );
    const id = await conflictOnDuplicate(() =>
      repo.insertDataSet(trx, {
        dataSet: {
          code: input.code,
          dhis2_uid: input.dhis2Uid ?? null,
          name: input.name,
          period_type: input.periodType,
          due_days: input.dueDays,
          lock_days: input.lockDays,
          owner_unit_id: owner.id,
        },
        elements: input.elements.map((e) => ({ dataElementId: e.dataElementId, section: e.section ?? null, required: e.required })),
        levels: [...new Set(input.levels)],
        unitIds: [...new Set(input.unitIds)],
        rules: input.rules.map((rule) => ({
          code: rule.code,
          left_side: rule.leftSide,
          operator: rule.operator,
          right_side: rule.rightSide,
          severity: rule.severity,
          missing: rule.missing,
          message: rule.message,
        })),
      }),
    );
    await recordAudit(trx, actor, { action: 'create', entity: 'data_set', entityId: id, unitId: owner.id, after: input });
    const row = await findDataSetRow(trx, actor.scope, id);
    if (!row) throw new Error('written data set not readable');
    return toDataSet(row, await findDataSetParts(trx, [id]));
  });
}
