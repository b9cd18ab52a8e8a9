/**
 * The DHIS2 import as a user runs it: a dataValueSets CSV (by CODE) uploaded to POST /api/indicators/dataValueSets,
 * timed from the upload until the job reports success, the ImportSummary checked. Pass 1 creates the values;
 * pass 2 sends the same cells with every value changed (updates). Values go to months after the seed and before
 * today (never the open month the freshness probe writes) and are removed afterwards.
 */
import { dhis2Endpoints, type TImportSummary } from '#contracts/indicators/dhis2.api.ts';
import { jobEndpoints, type TJob } from '#contracts/jobs.ts';
import type { TestClient } from '#test/http-client.ts';
import type { BenchDatabase } from './db.ts';
import { backendPids, dataSetCellCodes, listCommuneCodes2025, removeImported } from './indicators.repository.ts';
import { processCpuSeconds } from './indicators.writes.ts';

export interface ImportJobPass {
  label: string;
  values: number;
  /** Upload until the job's success, seconds. */
  seconds: number;
  valuesPerSecond: number;
  megabytes: number;
  summary: TImportSummary['importCount'];
  appCpuSeconds: number;
  /** CPU seconds of every backend of the database over the pass (null: not a local PostgreSQL). */
  dbCpuSeconds: number | null;
}

/** The months after the seed (2025) and before `today`'s month: never written by the seed or the freshness probe. */
export function importMonths(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let y = 2026; y <= year; y++) {
    for (let m = 1; m <= 12 && (y < year || m < month); m++) months.push(`${y}${String(m).padStart(2, '0')}`);
  }
  return months.slice(-12);
}

async function waitForJob(client: TestClient, id: string): Promise<TJob> {
  for (;;) {
    const response = await client.call(jobEndpoints.get, { params: { id } });
    if (response.status !== 200) throw new Error(`GET job: ${response.status}`);
    const job = response.body;
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function cpuOf(bench: BenchDatabase): Promise<Map<number, number> | null> {
  if (bench.handle.target.kind !== 'postgres') return null;
  const cpu = new Map<number, number>();
  for (const pid of await backendPids(bench.raw)) {
    const seconds = processCpuSeconds(pid);
    if (seconds === null) return null;
    cpu.set(pid, seconds);
  }
  return cpu;
}

/**
 * `total` values in one file: the communes in id order (a national file) × the months × the 50 cells of the
 * monthly set, imported by `client` (a system administrator), then again with every value changed.
 */
export async function measureImportJob(
  bench: BenchDatabase,
  client: TestClient,
  args: { dataSetId: number; total: number; today: string; provinceIds: readonly number[]; elementIds: readonly number[] },
): Promise<ImportJobPass[]> {
  const cells = await dataSetCellCodes(bench.raw, args.dataSetId);
  const communes = await listCommuneCodes2025(bench.raw);
  const months = importMonths(args.today);
  if (months.length === 0) throw new Error(`no month between the seed and ${args.today} to import into`);
  const pairs = months.flatMap((period) => communes.map((unit) => ({ unit, period }))).slice(0, Math.ceil(args.total / cells.length));
  const cleanup = { provinceIds: args.provinceIds, elementIds: args.elementIds, from: months[0] as string, to: months.at(-1) as string };
  const file = (bump: number) => {
    const lines = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup,deleted'];
    pairs.forEach(({ unit, period }, p) => {
      cells.forEach((cell, k) => lines.push(`${cell.element},${period},${unit},${cell.coc},,${((p * 31 + k * 7) % 50) + bump},,,,,`));
    });
    return `${lines.join('\n')}\n`;
  };
  const pass = async (label: string, bump: number, expect: 'imported' | 'updated'): Promise<ImportJobPass> => {
    const csv = file(bump);
    const values = pairs.length * cells.length;
    const cpuBefore = await cpuOf(bench);
    const appBefore = process.cpuUsage();
    const start = performance.now();
    const started = await client.upload(dhis2Endpoints.importDataValueSets, { query: { idScheme: 'CODE' } }, 'bench.csv', csv);
    if (started.status !== 200) throw new Error(`import: ${started.status} ${JSON.stringify(started.body).slice(0, 300)}`);
    const job = await waitForJob(client, (started.body as { jobId: string }).jobId);
    const seconds = (performance.now() - start) / 1000;
    const app = process.cpuUsage(appBefore);
    const cpuAfter = await cpuOf(bench);
    const summary = job.result as unknown as TImportSummary | null;
    if (job.status !== 'succeeded' || !summary || summary.importCount[expect] !== values) {
      throw new Error(`import ${label}: ${job.status} ${JSON.stringify(job).slice(0, 500)} ${JSON.stringify(summary?.importCount)} (expected ${values} ${expect})`);
    }
    let db: number | null = null;
    if (cpuBefore && cpuAfter) {
      db = 0;
      for (const [pid, after] of cpuAfter) db += after - (cpuBefore.get(pid) ?? 0);
    }
    return {
      label,
      values,
      seconds,
      valuesPerSecond: values / seconds,
      megabytes: Buffer.byteLength(csv) / 1e6,
      summary: summary.importCount,
      appCpuSeconds: (app.user + app.system) / 1e6,
      dbCpuSeconds: db,
    };
  };
  await removeImported(bench.raw, cleanup);
  try {
    return [await pass('new values', 1, 'imported'), await pass('changed values (same keys)', 2, 'updated')];
  } finally {
    await removeImported(bench.raw, cleanup);
  }
}
