import type { TDataElement, TDataSet } from '#contracts/indicators/metadata.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { toDataElement, toDataSet } from './metadata.presenter.ts';
import { findDataSetParts, findDataSetRow, findOptionCombos, listDataSetRows, listElementRows } from './metadata.repository.ts';

/** Data sets the user reports or reviews: owned by a unit in or above their scope. */
export async function listDataSets(db: Database, actor: Actor): Promise<TDataSet[]> {
  authorize(indicatorPolicy.read(actor));
  const rows = await listDataSetRows(db, actor.scope);
  const parts = await findDataSetParts(db, rows.map((row) => row.id));
  return rows.map((row) => toDataSet(row, parts));
}

export async function getDataSet(db: Database, actor: Actor, id: number): Promise<TDataSet> {
  authorize(indicatorPolicy.read(actor));
  const row = await findDataSetRow(db, actor.scope, id);
  if (!row) throw notFound('entity.dataSet');
  return toDataSet(row, await findDataSetParts(db, [id]));
}

export async function listDataElements(db: Database, actor: Actor): Promise<TDataElement[]> {
  authorize(indicatorPolicy.read(actor));
  const rows = await listElementRows(db, actor.scope);
  const combos = await findOptionCombos(db, [...new Set(rows.map((row) => row.combo_id))]);
  return rows.map((row) => toDataElement(row, combos));
}
