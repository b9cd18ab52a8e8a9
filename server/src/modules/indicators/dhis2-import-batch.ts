import type { TImportStrategy } from '#contracts/indicators/dhis2.api.ts';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import type { Candidate } from './dhis2-classify.ts';
import { findClosedReports, findCurrentValues, reportKey } from './dhis2.repository.ts';
import type { SummaryBuilder } from './dhis2-summary.ts';
import { valueKey, type CurrentValue } from './data-value.repository.ts';
import { findProvinceIds } from './totals.repository.ts';
import { storeValues, type ValueWrite } from './value-store.ts';

/** The 2025 province of each unit met so far in the job (reference data: computed once per unit). */
export class ProvinceCache {
  private readonly known = new Map<number, number>();

  constructor(private readonly db: Database) {}

  async load(unitIds: Iterable<number>): Promise<void> {
    const missing = [...new Set(unitIds)].filter((id) => !this.known.has(id));
    for (const [unitId, provinceId] of await findProvinceIds(this.db, missing)) this.known.set(unitId, provinceId);
  }

  of(unitId: number): number {
    const provinceId = this.known.get(unitId);
    if (provinceId === undefined) throw new Error(`province of unit ${unitId} not loaded`);
    return provinceId;
  }
}

/** What DHIS2 2.42 does with a value, given the stored one (DefaultDataValueSetService): the count it lands in. */
type Outcome = 'imported' | 'updated' | 'deleted' | 'ignored' | 'skipped';

export function outcomeOf(candidate: Candidate, stored: CurrentValue | undefined, strategy: TImportStrategy): Outcome {
  const exists = stored !== undefined && !stored.deleted;
  if (candidate.intent === 'delete') return exists ? 'deleted' : 'ignored';
  // a zero of an element whose zeros are not significant removes a stored value and is otherwise not counted
  if (candidate.intent === 'zero') return exists ? 'deleted' : 'skipped';
  if (!exists) return strategy === 'UPDATE' ? 'ignored' : 'imported';
  if (strategy === 'CREATE') return 'ignored';
  const same = stored.num === candidate.num && stored.txt === candidate.txt && stored.comment === candidate.comment;
  return same ? 'ignored' : 'updated';
}

export interface BatchContext {
  actor: Actor;
  jobId: string;
  strategy: TImportStrategy;
  summary: SummaryBuilder;
  provinces: ProvinceCache;
}

/**
 * Decides and (unless dry run) writes one batch, inside the caller's transaction when writing: values of
 * reports closed for entry are refused, the stored values are read (locked when writing), each value is
 * classified as 2.42 does, and the changes go through storeValues (its statuses are the counts then).
 */
export async function settleBatch(db: Database, context: BatchContext, candidates: readonly Candidate[], write: boolean): Promise<void> {
  const { actor, summary, provinces } = context;
  const reportKeys = candidates.flatMap((c) => (c.report ? [{ provinceId: provinces.of(c.report.unitId), dataSetId: c.report.dataSetId, unitId: c.report.unitId, period: c.period }] : []));
  const closed = await findClosedReports(db, actor.scope, reportKeys, write);
  const open: Candidate[] = [];
  for (const candidate of candidates) {
    const state = candidate.report ? closed.get(reportKey({ ...candidate.report, period: candidate.period })) : undefined;
    if (!state || !candidate.report) open.push(candidate);
    else {
      const params = { period: candidate.period, dataSet: candidate.report.dataSetCode };
      if (state === 'approved') summary.reject(candidate.index, 'E7642', candidate.report.dataSetCode, msg('indicators.dhis2.E7642', params));
      else summary.reject(candidate.index, 'DVS102', candidate.report.dataSetCode, msg('indicators.dhis2.DVS102', params));
    }
  }
  const keys = open.map((c) => ({ provinceId: provinces.of(c.unitId), unitId: c.unitId, period: c.period, dataElementId: c.elementId, cocId: c.cocId }));
  const stored = await findCurrentValues(db, actor.scope, keys, write);
  const writes: ValueWrite[] = [];
  for (const candidate of open) {
    const outcome = outcomeOf(candidate, stored.get(valueKey({ ...candidate, dataElementId: candidate.elementId })), context.strategy);
    if (outcome === 'skipped') continue;
    if (outcome === 'ignored' || !write) {
      summary.count[outcome]++;
      continue;
    }
    writes.push({
      writeId: uuidv7(),
      unitId: candidate.unitId,
      period: candidate.period,
      dataElementId: candidate.elementId,
      cocId: candidate.cocId,
      num: candidate.num,
      txt: candidate.txt,
      comment: candidate.comment,
      deleted: outcome === 'deleted',
    });
  }
  if (writes.length === 0) return;
  // the ids were made above and the stored rows are locked already: storeValues neither probes nor locks again
  const results = await storeValues(db, writes, { userId: actor.userId, source: 'dhis2', jobId: context.jobId, freshWriteIds: true, locked: stored });
  for (const result of results) {
    if (result.status === 'created') summary.count.imported++;
    else if (result.status === 'updated') summary.count.updated++;
    else if (result.status === 'deleted') summary.count.deleted++;
    else summary.count.ignored++;
  }
}
