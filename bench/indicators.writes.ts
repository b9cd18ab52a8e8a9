/**
 * Writes of the indicators benchmark: freshness (a value written, then the dashboard read polled until it shows
 * the new figure) and import throughput (storeValues in batches of 5,000 new values, one transaction each, as the
 * DHIS2 import job writes).
 */
import { readFileSync } from 'node:fs';
import type { Database } from '#server/db/database.ts';
import { storeValues, type ValueWrite } from '#server/modules/indicators/value-store.ts';
import type { Scope } from '#server/shared/actor.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import type { BenchDatabase } from './db.ts';
import { indicatorByChild, type DashboardSubject } from './indicators.dashboard.ts';
import { backendPid, cellValue, dataSetElements, listCommunes2025, rawSetBasedWrite, readChildTotals, removeImported, type RawNewValue } from './indicators.repository.ts';
import { quantile } from './report.ts';

/** How a freshness probe writes one value: through storeValues, or PUT /api/indicators/values. */
export type ValueWriter = (write: { unitId: number; period: string; elementId: number; cocId: number; num: number }) => Promise<void>;
/** How it reads the figure back: D (Σ tiếp nhận) of one child of the province over the range; null = not listed. */
export type FigureReader = (childId: number) => Promise<number | null>;

export interface FreshnessResult {
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  /** Reads needed until the figure showed, at most. */
  maxReads: number;
}

/** Reads D of a child through the repository (the dashboard's totals read). */
export function repositoryReader(bench: BenchDatabase, subject: DashboardSubject, province: { id: number }, scope: Scope): FigureReader {
  return async (childId) => {
    const read = await readChildTotals(bench.handle.db, scope, {
      parentId: province.id,
      provinceId: province.id,
      asOf: subject.asOf,
      view: subject.view,
      elementIds: [subject.receivedId, subject.resolvedId],
      periods: subject.periods,
    });
    return indicatorByChild(read.sums, subject).get(childId)?.d ?? null;
  };
}

/** Writes through the one write path, in its own transaction (committed when this resolves). */
export function storeValuesWriter(bench: BenchDatabase, userId: number): ValueWriter {
  return async (w) => {
    const write: ValueWrite = { writeId: uuidv7(), unitId: w.unitId, period: w.period, dataElementId: w.elementId, cocId: w.cocId, num: w.num, txt: null };
    await bench.handle.db.transaction().execute((trx) => storeValues(trx, [write], { userId, source: 'form' }));
  };
}

/**
 * `runs` probes, each on the next commune of the province: write Σ+k into one cell of the last period, then read
 * until D shows it (at most 10 s). Time = write start → first read returning the new figure.
 */
export async function measureFreshness(
  bench: BenchDatabase,
  args: { provinceId: number; communeIds: readonly number[]; period: string; elementId: number; cocId: number; runs: number },
  write: ValueWriter,
  read: FigureReader,
): Promise<FreshnessResult> {
  const samples: number[] = [];
  let maxReads = 0;
  for (let i = 0; i < args.runs; i++) {
    const unitId = args.communeIds[i % args.communeIds.length] as number;
    const key = { provinceId: args.provinceId, unitId, period: args.period, elementId: args.elementId, cocId: args.cocId };
    const old = (await cellValue(bench.raw, key)) ?? 0;
    const before = (await read(unitId)) ?? 0;
    const num = old + 1 + (i % 7);
    const expected = before + num - old;
    const start = performance.now();
    await write({ unitId, period: args.period, elementId: args.elementId, cocId: args.cocId, num });
    let reads = 0;
    for (;;) {
      reads++;
      const got = await read(unitId);
      if (got !== null && Math.abs(got - expected) < 1e-6) break;
      if (performance.now() - start > 10_000) throw new Error(`freshness: unit ${unitId} still shows ${got}, expected ${expected} after 10 s`);
    }
    samples.push(performance.now() - start);
    maxReads = Math.max(maxReads, reads);
  }
  return { samples, p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples), maxReads };
}

export interface ImportPass {
  label: string;
  values: number;
  seconds: number;
  valuesPerSecond: number;
  batchP50: number;
  batchP95: number;
  statuses: Record<string, number>;
  /** CPU seconds spent by this process (app; with PGlite also the database) and by the PostgreSQL backend (null: unknown). */
  appCpuSeconds: number;
  dbCpuSeconds: number | null;
}

/** CPU seconds (user + system) of a local process from /proc, or null when it cannot be read (remote server). */
export function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // after "(comm) ": state is field 3, utime 14 and stime 15 (clock ticks, 100 per second on Linux)
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Import periods: a year no seed or user touches, removed before and after. */
export const IMPORT_FROM = '209901';
export const IMPORT_TO = '209912';

/**
 * Import throughput: `total` values in batches of `batchSize` (100 communes × one month × the 50 cells of the
 * monthly set, communes in id order across the nation, like a national dataValueSets file), each batch one
 * transaction through storeValues (source dhis2). Pass 1 creates the values; pass 2 sends the first half again
 * with every value changed (updates). What was written is removed afterwards.
 */
export async function measureImport(
  bench: BenchDatabase,
  args: { dataSetId: number; userId: number; total: number; provinceIds: readonly number[] },
): Promise<ImportPass[]> {
  const elements = await dataSetElements(bench.raw, args.dataSetId);
  const cells = elements.flatMap((e) => e.cocIds.map((cocId) => ({ elementId: e.id, cocId })));
  const communes = await listCommunes2025(bench.raw);
  const periods = Array.from({ length: 12 }, (_, i) => `2099${String(i + 1).padStart(2, '0')}`);
  const pairs = periods.flatMap((period) => communes.map((c) => ({ unitId: c.id, period })));
  const perBatch = Math.max(1, Math.floor(5000 / cells.length));
  const batches = Math.max(2, Math.ceil(args.total / (perBatch * cells.length)));
  const cleanup = { provinceIds: args.provinceIds, elementIds: elements.map((e) => e.id), from: IMPORT_FROM, to: IMPORT_TO };
  await removeImported(bench.raw, cleanup);
  const batchWrites = (b: number, bump: number): ValueWrite[] =>
    pairs.slice(b * perBatch, (b + 1) * perBatch).flatMap((pair) =>
      cells.map((cell, k) => ({
        writeId: uuidv7(),
        unitId: pair.unitId,
        period: pair.period,
        dataElementId: cell.elementId,
        cocId: cell.cocId,
        num: ((pair.unitId * 31 + k * 7) % 50) + bump,
        txt: null,
      })),
    );
  const postgres = bench.handle.target.kind === 'postgres';
  /** `count` transactions, each writing what `write` returns for its index: time, CPU of both sides, statuses. */
  const pass = async (label: string, count: number, write: (trx: Database, b: number) => Promise<{ values: number; statuses: string[] }>): Promise<ImportPass> => {
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    let values = 0;
    let dbCpu: number | null = postgres ? 0 : null;
    const appCpu = process.cpuUsage();
    for (let b = 0; b < count; b++) {
      let pid = 0;
      let cpuBefore: number | null = null;
      const start = performance.now();
      const written = await bench.handle.db.transaction().execute(async (trx) => {
        if (postgres) {
          pid = await backendPid(trx);
          cpuBefore = processCpuSeconds(pid);
        }
        return write(trx, b);
      });
      times.push(performance.now() - start);
      const cpuAfter = postgres ? processCpuSeconds(pid) : null;
      dbCpu = dbCpu !== null && cpuBefore !== null && cpuAfter !== null ? dbCpu + cpuAfter - cpuBefore : null;
      values += written.values;
      for (const status of written.statuses) statuses[status] = (statuses[status] ?? 0) + 1;
    }
    const used = process.cpuUsage(appCpu);
    const seconds = times.reduce((a, b) => a + b, 0) / 1000;
    return {
      label,
      values,
      seconds,
      valuesPerSecond: values / seconds,
      batchP50: quantile(times, 0.5),
      batchP95: quantile(times, 0.95),
      statuses,
      appCpuSeconds: (used.user + used.system) / 1e6,
      dbCpuSeconds: dbCpu,
    };
  };
  const throughStore = (bump: number) => async (trx: Database, b: number) => {
    const writes = batchWrites(b, bump);
    const results = await storeValues(trx, writes, { userId: args.userId, source: 'dhis2', jobId: null });
    return { values: writes.length, statuses: results.map((r) => r.status) };
  };
  // the floor: the same number of new values, written set-based in raw SQL, in batches of 50,000, on keys after
  // those of the first pass
  const rawPairs = Math.max(1, Math.floor(50_000 / cells.length));
  const rawOffset = batches * perBatch;
  const rawBatches = Math.ceil((batches * perBatch) / rawPairs);
  const provinceOf = new Map(communes.map((c) => [c.id, c.provinceId]));
  const rawWrite = async (trx: Database, b: number) => {
    const values: RawNewValue[] = pairs.slice(rawOffset + b * rawPairs, rawOffset + Math.min((b + 1) * rawPairs, batches * perBatch)).flatMap((pair) =>
      cells.map((cell, k) => ({
        id: uuidv7(),
        provinceId: provinceOf.get(pair.unitId) as number,
        unitId: pair.unitId,
        period: pair.period,
        elementId: cell.elementId,
        cocId: cell.cocId,
        num: ((pair.unitId * 31 + k * 7) % 50) + 1,
        changeId: uuidv7(),
      })),
    );
    await rawSetBasedWrite(trx, values, args.userId);
    return { values: values.length, statuses: values.map(() => 'created') };
  };
  try {
    const created = await pass('new values', batches, throughStore(1));
    const updated = await pass('changed values (same keys)', Math.max(1, Math.floor(batches / 2)), throughStore(2));
    const floor = await pass('raw SQL, set-based (floor): new values', rawBatches, rawWrite);
    return [created, updated, floor];
  } finally {
    await removeImported(bench.raw, cleanup);
  }
}
