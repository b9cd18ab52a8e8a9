import { sql } from 'kysely';
import { pgArray } from '#server/db/pg-array.ts';
import type { Database } from '#server/db/database.ts';
import type { ValueSource, ValueType } from '#server/db/schema.ts';

/** What the write path needs to know of an element. */
export interface ElementInfo {
  id: number;
  code: string;
  valueType: ValueType;
  aggregation: 'sum' | 'none';
  comboId: number;
  dataSetId: number | null;
}

export async function findElementInfo(db: Database, ids: readonly number[]): Promise<Map<number, ElementInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('data_element as e')
    .leftJoin('data_set_element as dse', 'dse.data_element_id', 'e.id')
    .select(['e.id', 'e.code', 'e.value_type', 'e.aggregation', 'e.combo_id', 'dse.data_set_id'])
    .where('e.id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, code: row.code, valueType: row.value_type, aggregation: row.aggregation, comboId: row.combo_id, dataSetId: row.data_set_id },
    ]),
  );
}

/** The key of one value. */
export interface ValueKey {
  provinceId: number;
  unitId: number;
  period: string;
  dataElementId: number;
  cocId: number;
}

export interface CurrentValue extends ValueKey {
  id: string;
  num: number | null;
  txt: string | null;
  comment: string | null;
  deleted: boolean;
  version: number;
}

export const valueKey = (k: Omit<ValueKey, 'provinceId'>) => `${k.unitId}|${k.period}|${k.dataElementId}|${k.cocId}`;

/** A data_value row as the write path and the DHIS2 import read it. */
type StoredValueRow = {
  id: string;
  province_id: number;
  unit_id: number;
  period: string;
  data_element_id: number;
  coc_id: number;
  num: number | null;
  txt: string | null;
  comment: string | null;
  deleted: boolean;
  version: number;
};

/** Current rows of these keys, locked for the write (one statement; keys of one batch). */
export async function lockCurrentValues(db: Database, keys: readonly ValueKey[]): Promise<Map<string, CurrentValue>> {
  if (keys.length === 0) return new Map();
  const rows = await sql<StoredValueRow>`
    select v.id, v.province_id, v.unit_id, v.period, v.data_element_id, v.coc_id, v.num, v.txt, v.comment, v.deleted, v.version
    from data_value v
    join unnest(${pgArray(keys.map((k) => k.provinceId))}::bigint[], ${pgArray(keys.map((k) => k.unitId))}::bigint[], ${pgArray(keys.map((k) => k.period))}::text[],
                ${pgArray(keys.map((k) => k.dataElementId))}::bigint[], ${pgArray(keys.map((k) => k.cocId))}::bigint[]) as k(p, u, pe, e, c)
      on v.province_id = k.p and v.unit_id = k.u and v.period = k.pe and v.data_element_id = k.e and v.coc_id = k.c
    order by v.province_id, v.id
    for update of v`.execute(db);
  return currentValuesByKey(rows.rows);
}

/** A data_value row as read → the current values by key, as the write path and the DHIS2 import compare them. */
export function currentValuesByKey(
  rows: readonly StoredValueRow[],
): Map<string, CurrentValue> {
  return new Map(
    rows.map((r) => {
      const value: CurrentValue = {
        id: r.id,
        provinceId: Number(r.province_id),
        unitId: Number(r.unit_id),
        period: r.period,
        dataElementId: Number(r.data_element_id),
        cocId: Number(r.coc_id),
        num: r.num === null ? null : Number(r.num),
        txt: r.txt,
        comment: r.comment,
        deleted: r.deleted,
        version: r.version,
      };
      return [valueKey(value), value];
    }),
  );
}

/** Write ids already stored (a resend after a lost answer). */
export async function findStoredWriteIds(db: Database, writes: readonly { provinceId: number; writeId: string }[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const rows = await sql<{ id: string }>`
    select c.id from data_value_change c
    join unnest(${pgArray(writes.map((w) => w.provinceId))}::bigint[], ${pgArray(writes.map((w) => w.writeId))}::uuid[]) as k(p, id)
      on c.province_id = k.p and c.id = k.id`.execute(db);
  return new Set(rows.rows.map((row) => row.id));
}

/** A row to store: the new state of a value and its change record. */
export interface ValueRow extends ValueKey {
  id: string;
  num: number | null;
  txt: string | null;
  comment: string | null;
  deleted: boolean;
  version: number;
  old: { num: number | null; txt: string | null } | null;
  writeId: string;
}

/**
 * Stores the new state of the values and appends their change rows. A value new to the table (version 1 in this
 * batch) is inserted with a plain INSERT: a key inserted meanwhile by another transaction fails the write with a
 * unique violation instead of being overwritten (its id, change row and totals delta would be lost); a stored
 * value, locked by lockCurrentValues, is updated by id. A key written twice in the batch is stored once, in its
 * last state, with a change row per write. One statement per kind and chunk of 5,000.
 */
export async function storeValueRows(
  db: Database,
  rows: readonly ValueRow[],
  meta: { userId: number | null; at: Date; source: ValueSource; jobId: string | null },
): Promise<void> {
  const last = new Map<string, ValueRow>();
  const created = new Set<string>();
  for (const row of rows) {
    last.set(row.id, row);
    if (row.version === 1) created.add(row.id);
  }
  const finals = [...last.values()];
  for (const chunk of chunks(finals.filter((r) => created.has(r.id)))) {
    await sql`
      insert into data_value (id, province_id, unit_id, period, data_element_id, coc_id, num, txt, comment, deleted, version, stored_by, stored_at, created_at)
      select k.id, k.p, k.u, k.pe, k.e, k.c, k.num, k.txt, k.comment, k.deleted, k.version, ${meta.userId}, ${meta.at}, ${meta.at}
      from unnest(${pgArray(chunk.map((r) => r.id))}::uuid[], ${pgArray(chunk.map((r) => r.provinceId))}::bigint[], ${pgArray(chunk.map((r) => r.unitId))}::bigint[],
                  ${pgArray(chunk.map((r) => r.period))}::text[], ${pgArray(chunk.map((r) => r.dataElementId))}::bigint[], ${pgArray(chunk.map((r) => r.cocId))}::bigint[],
                  ${pgArray(chunk.map((r) => r.num))}::numeric[], ${pgArray(chunk.map((r) => r.txt))}::text[], ${pgArray(chunk.map((r) => r.comment))}::text[],
                  ${pgArray(chunk.map((r) => r.deleted))}::boolean[], ${pgArray(chunk.map((r) => r.version))}::int[])
        as k(id, p, u, pe, e, c, num, txt, comment, deleted, version)`.execute(db);
  }
  for (const chunk of chunks(finals.filter((r) => !created.has(r.id)))) {
    await sql`
      update data_value as v
      set num = k.num, txt = k.txt, comment = k.comment, deleted = k.deleted, version = k.version, stored_by = ${meta.userId}, stored_at = ${meta.at}
      from unnest(${pgArray(chunk.map((r) => r.provinceId))}::bigint[], ${pgArray(chunk.map((r) => r.id))}::uuid[], ${pgArray(chunk.map((r) => r.num))}::numeric[],
                  ${pgArray(chunk.map((r) => r.txt))}::text[], ${pgArray(chunk.map((r) => r.comment))}::text[], ${pgArray(chunk.map((r) => r.deleted))}::boolean[],
                  ${pgArray(chunk.map((r) => r.version))}::int[])
        as k(p, id, num, txt, comment, deleted, version)
      where v.province_id = k.p and v.id = k.id`.execute(db);
  }
  for (const chunk of chunks(rows)) {
    await sql`
      insert into data_value_change (id, province_id, data_value_id, version, old_num, old_txt, new_num, new_txt, deleted, changed_by, changed_at, source, job_id)
      select k.id, k.p, k.v, k.version, k.old_num, k.old_txt, k.new_num, k.new_txt, k.deleted, ${meta.userId}, ${meta.at}, ${meta.source}, ${meta.jobId}::uuid
      from unnest(${pgArray(chunk.map((r) => r.writeId))}::uuid[], ${pgArray(chunk.map((r) => r.provinceId))}::bigint[], ${pgArray(chunk.map((r) => r.id))}::uuid[],
                  ${pgArray(chunk.map((r) => r.version))}::int[], ${pgArray(chunk.map((r) => r.old?.num ?? null))}::numeric[], ${pgArray(chunk.map((r) => r.old?.txt ?? null))}::text[],
                  ${pgArray(chunk.map((r) => r.num))}::numeric[], ${pgArray(chunk.map((r) => r.txt))}::text[], ${pgArray(chunk.map((r) => r.deleted))}::boolean[])
        as k(id, p, v, version, old_num, old_txt, new_num, new_txt, deleted)`.execute(db);
  }
}

function* chunks<T>(items: readonly T[], size = 5000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The history of one value, newest first. */
export async function listValueChanges(db: Database, provinceId: number, dataValueId: string) {
  return db
    .selectFrom('data_value_change as c')
    .leftJoin('app_user as u', 'u.id', 'c.changed_by')
    .select(['c.id', 'c.version', 'c.old_num', 'c.old_txt', 'c.new_num', 'c.new_txt', 'c.deleted', 'c.changed_at', 'c.source', 'u.username'])
    .where('c.province_id', '=', provinceId)
    .where('c.data_value_id', '=', dataValueId)
    .orderBy('c.version', 'desc')
    .execute();
}
