import type { Database } from '#server/db/database.ts';
import type { ValueSource } from '#server/db/schema.ts';
import { clock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import {
  findElementInfo,
  findStoredWriteIds,
  lockCurrentValues,
  storeValueRows,
  valueKey,
  type CurrentValue,
  type ElementInfo,
  type ValueRow,
} from './data-value.repository.ts';
import { totalPeriods } from './totals.rules.ts';
import { applyTotalDeltas, findProvinceIds, findRollupTargets, type RollupTarget, type TotalDelta } from './totals.repository.ts';

/** One value a user (or an import, or a module's derived value) asks to store. */
export interface ValueWrite {
  /** UUIDv7 chosen by the client: the idempotency key (a resend with the same id is stored once). */
  writeId: string;
  unitId: number;
  period: string;
  dataElementId: number;
  cocId: number;
  num: number | null;
  txt: string | null;
  comment?: string | null;
  /** Remove the value (kept as a deleted row with its history). An empty num and txt also removes it. */
  deleted?: boolean;
}

export type WriteStatus = 'created' | 'updated' | 'deleted' | 'unchanged' | 'duplicate';

export interface WriteResult {
  writeId: string;
  status: WriteStatus;
  /** The value's version after the write (0 when nothing is stored under the key). */
  version: number;
}

export interface WriteMeta {
  /** null: a derived value refreshed by a write no account made (a citizen's filing on the portal) */
  userId: number | null;
  source: ValueSource;
  jobId?: string | null;
  /** The write ids were made by the caller just now (an import), so none can be stored yet: no probe for them. */
  freshWriteIds?: boolean;
  /** The current rows of every key written, already read FOR UPDATE in this transaction (an import compares them first). */
  locked?: ReadonlyMap<string, CurrentValue>;
}

/**
 * The one write path of values (forms, Excel, DHIS2, derived values, demo): inside the caller's transaction it
 * skips write ids already stored, locks the current rows, stores the new state with a change row holding the
 * previous value and who changed it, and adds the differences to the totals of every rollup target, so a
 * dashboard read after the commit is fresh. Writes must be checked already (type, scope, report open); the same
 * key twice in one batch: the last wins, each with its change row.
 */
export async function storeValues(trx: Database, writes: readonly ValueWrite[], meta: WriteMeta): Promise<WriteResult[]> {
  if (writes.length === 0) return [];
  const unitIds = [...new Set(writes.map((w) => w.unitId))];
  const provinces = await findProvinceIds(trx, unitIds);
  const provinceOf = (unitId: number) => {
    const id = provinces.get(unitId);
    if (id === undefined) throw new Error(`unit ${unitId} does not exist`);
    return id;
  };
  const stored = meta.freshWriteIds ? new Set<string>() : await findStoredWriteIds(trx, writes.map((w) => ({ provinceId: provinceOf(w.unitId), writeId: w.writeId })));
  const fresh = writes.filter((w) => !stored.has(w.writeId));
  const elements = await findElementInfo(trx, [...new Set(fresh.map((w) => w.dataElementId))]);
  const current = meta.locked
    ? new Map(meta.locked)
    : await lockCurrentValues(trx, dedupeKeys(fresh.map((w) => ({ ...w, provinceId: provinceOf(w.unitId) }))));
  const results = new Map<string, WriteResult>();
  const rows: ValueRow[] = [];
  const changes: { element: ElementInfo; row: ValueRow; before: CurrentValue | undefined }[] = [];
  for (const write of fresh) {
    const element = elements.get(write.dataElementId);
    if (!element) throw new Error(`data element ${write.dataElementId} does not exist`);
    const key = valueKey(write);
    const before = current.get(key);
    const deleted = write.deleted === true || (write.num === null && write.txt === null);
    const same = before && before.deleted === deleted && (deleted || (before.num === write.num && before.txt === write.txt && before.comment === (write.comment ?? null)));
    if (same || (!before && deleted)) {
      results.set(write.writeId, { writeId: write.writeId, status: 'unchanged', version: before?.version ?? 0 });
      continue;
    }
    const row: ValueRow = {
      id: before?.id ?? uuidv7(),
      provinceId: provinceOf(write.unitId),
      unitId: write.unitId,
      period: write.period,
      dataElementId: write.dataElementId,
      cocId: write.cocId,
      num: deleted ? null : write.num,
      txt: deleted ? null : write.txt,
      comment: write.comment ?? null,
      deleted,
      version: (before?.version ?? 0) + 1,
      old: before && !before.deleted ? { num: before.num, txt: before.txt } : null,
      writeId: write.writeId,
    };
    rows.push(row);
    changes.push({ element, row, before });
    current.set(key, { ...row });
    results.set(write.writeId, { writeId: write.writeId, status: deleted ? 'deleted' : before && !before.deleted ? 'updated' : 'created', version: row.version });
  }
  await storeValueRows(trx, rows, { userId: meta.userId, at: clock.now(), source: meta.source, jobId: meta.jobId ?? null });
  const summed = changes.filter((c) => c.element.aggregation === 'sum');
  const targets = await findRollupTargets(trx, [...new Set(summed.map((c) => c.row.unitId))]);
  await applyTotalDeltas(trx, totalDeltas(summed, targets));
  return writes.map((w) => results.get(w.writeId) ?? { writeId: w.writeId, status: 'duplicate', version: -1 });
}

function dedupeKeys<K extends { provinceId: number; unitId: number; period: string; dataElementId: number; cocId: number }>(keys: K[]): K[] {
  return [...new Map(keys.map((k) => [valueKey(k), k])).values()];
}

/** Differences of the summed values, added up per total row (one upsert per row per batch): the period's and its year's. */
export function totalDeltas(
  changes: readonly { row: ValueRow; before: { num: number | null; deleted: boolean } | undefined }[],
  targets: ReadonlyMap<number, readonly RollupTarget[]>,
): TotalDelta[] {
  const byKey = new Map<string, TotalDelta>();
  for (const { row, before } of changes) {
    const oldNum = before && !before.deleted ? before.num : null;
    const newNum = row.deleted ? null : row.num;
    const sum = (newNum ?? 0) - (oldNum ?? 0);
    const nValues = (newNum === null ? 0 : 1) - (oldNum === null ? 0 : 1);
    if (sum === 0 && nValues === 0) continue;
    for (const target of targets.get(row.unitId) ?? []) {
      for (const period of totalPeriods(row.period)) {
        const key = `${target.provinceId}|${target.view}|${target.targetId}|${period}|${row.dataElementId}|${row.cocId}`;
        const delta = byKey.get(key) ?? {
          provinceId: target.provinceId,
          view: target.view,
          unitId: target.targetId,
          period,
          dataElementId: row.dataElementId,
          cocId: row.cocId,
          sum: 0,
          apportioned: 0,
          nValues: 0,
        };
        delta.sum += sum * target.share;
        if (target.share < 1) delta.apportioned += sum * target.share;
        delta.nValues += nValues;
        byKey.set(key, delta);
      }
    }
  }
  return [...byKey.values()];
}
