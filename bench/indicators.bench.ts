/**
 * Indicators at national scale (issue 10 item 10, docs/design/indicators.md §9) on the ≈ 10M values of
 * indicators.seed.ts: (a) the dashboard "children of a unit, 12 months, one indicator with two operands" for a
 * province and the nation against the raw-SQL aggregate over the values; (b) freshness: a value written, time
 * until the dashboard read shows it; (c) import throughput of the write path (storeValues, batches of 5,000).
 *   BENCH_RUNS (100) timed runs per dashboard variant (a p95 of 30 is the second-worst run), BENCH_FRESHNESS_RUNS (20), BENCH_IMPORT_VALUES (200000).
 */
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { periodContaining, periodsBetween } from '#contracts/indicators/period.ts';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { buildApp } from '#server/app.ts';
import type { Database } from '#server/db/database.ts';
import { hashPassword } from '#server/modules/auth/password.ts';
import { DHIS2_WRITERS } from '#server/modules/indicators/dhis2-import.service.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { TestClient } from '#test/http-client.ts';
import { startBaselineServer } from './baseline-server.ts';
import { keepAliveClient, type KeepAliveClient } from './keep-alive-client.ts';
import { startAppApart, startBareApart } from './serve-apart.ts';
import { BARE_DASHBOARD_ROUTE, bareDashboardRoute, dashboardPath, measureDashboard, type DashboardResult, type DashboardSubject } from './indicators.dashboard.ts';
import { measureImportJob, type ImportJobPass } from './indicators.import-job.ts';
import { benchSubjects, dataSetElements, elementCocs, findChildren } from './indicators.repository.ts';
import { BENCH_INDICATORS, ensureBenchAdmin } from './indicators.seed.ts';
import { indicatorCounts } from './indicators.seed.repository.ts';
import { measureFreshness, measureImport, repositoryReader, storeValuesWriter, type FigureReader, type FreshnessResult, type ImportPass, type ValueWriter } from './indicators.writes.ts';
import { count, ms, ratio, type BenchContext, type BenchModule, type BenchReport } from './report.ts';

/** Targets of the issue: dashboard p95 ≤ 1.5 × raw SQL p95; visible ≤ 1 s (p95); import ≥ 50,000 values/s. */
export const DASHBOARD_MAX_RATIO = 1.5;
export const FRESHNESS_MAX_MS = 1000;
export const IMPORT_MIN_VALUES_PER_S = 50_000;

const PROVINCE_USER = 'bench.indicators';
const DASHBOARD_ROUTE = '/api/indicators/dashboard/children';

/** A unit administrator of the data sets' owner province: enters values over HTTP, reads its dashboard. */
async function ensureProvinceAdmin(db: Database, provinceId: number): Promise<void> {
  const values = {
    username: PROVINCE_USER,
    password_hash: await hashPassword(BENCH_INDICATORS.password),
    full_name: 'Benchmark (quản trị tỉnh, chỉ tiêu)',
    unit_id: provinceId,
    roles: ['unit_admin'],
    updated_at: new Date(),
  };
  await db
    .insertInto('app_user')
    .values(values)
    .onConflict((oc) => oc.column('username').doUpdateSet({ password_hash: values.password_hash, unit_id: provinceId, disabled: false, must_change_password: false }))
    .execute();
}

async function signIn(base: string, username: string): Promise<TestClient> {
  const client = new TestClient(base);
  const response = await client.login(username, BENCH_INDICATORS.password);
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return client;
}

const httpGet = (client: TestClient) => ({
  async get(path: string): Promise<unknown> {
    const response = await client.request('GET', path);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    return response.body;
  },
});

/** The signed-in client's session over one kept-alive node:http socket (bench/keep-alive-client.ts), on the app or the bare server. */
const keptAlive = (client: TestClient, base: string, clients: KeepAliveClient[]) => {
  const light = keepAliveClient(base, { cookie: client.cookie ?? '' });
  clients.push(light);
  return light;
};

async function run(ctx: BenchContext): Promise<BenchReport> {
  const { bench } = ctx;
  const { db } = bench.handle;
  const subjects = await benchSubjects(bench.raw, BENCH_INDICATORS);
  if (!subjects) throw new Error('no indicator values in the benchmark database: run `npm run bench:seed` (BENCH_VALUES)');
  const runs = Number(process.env.BENCH_RUNS ?? 100);
  const freshnessRuns = Number(process.env.BENCH_FRESHNESS_RUNS ?? 20);
  const importValues = Number(process.env.BENCH_IMPORT_VALUES ?? 200_000);
  const pglite = bench.handle.target.kind === 'pglite';
  const counts = await indicatorCounts(db);
  const owner = subjects.owner;
  const provinceScope = { all: false as const, roots: [owner.path] };
  const subject: DashboardSubject = {
    indicatorId: subjects.indicatorId,
    receivedId: subjects.receivedId,
    resolvedId: subjects.resolvedId,
    periods: periodsBetween('202501', '202512'),
    asOf: ctx.today,
    view: ctx.today >= '2025-07-01' ? 'current' : 'entered',
  };

  await ensureBenchAdmin(db);
  await ensureProvinceAdmin(db, owner.id);
  const app = await buildApp({ db, databaseKind: bench.handle.target.kind, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const dashboardRoute = app.hasRoute({ method: 'GET', url: DASHBOARD_ROUTE });
  const baseline = await startBaselineServer(bench.raw, { units: null, health: null }, { [BARE_DASHBOARD_ROUTE]: bareDashboardRoute(bench.raw, subject) });
  // on PostgreSQL the dashboard's servers (the app and its bare baseline) run apart, as deployed (bench/serve-apart.ts)
  const target = bench.handle.target;
  const apart =
    target.kind === 'postgres'
      ? await Promise.all([startAppApart(target.url), startBareApart('bench/bare-dashboard-server.ts', { DATABASE_URL: target.url, BENCH_SUBJECT: JSON.stringify(subject) })])
      : null;
  const [appBase, bareBase] = apart ? [apart[0].base, apart[1].base] : [base, baseline.base];
  const light: KeepAliveClient[] = [];
  // closed once the dashboards are read: an app apart runs the job queue too, and must not take the import's job
  const closeApart = async () => {
    for (const client of light.splice(0)) client.close();
    for (const server of apart?.splice(0) ?? []) await server.close();
  };
  try {
    // sessions live in the database: a cookie of the app in this process is good on the one apart
    const national = await signIn(base, BENCH_INDICATORS.user);
    const provincial = await signIn(base, PROVINCE_USER);

    // (a) dashboard reads
    const dashboards: DashboardResult[] = [];
    dashboards.push(
      await measureDashboard(
        bench,
        subject,
        { label: `${owner.name} (${owner.communes} communes)`, parent: { id: owner.id, path: owner.path }, provinceIds: [owner.id], scope: provinceScope, bare: keptAlive(provincial, bareBase, light), ...(dashboardRoute ? { http: keptAlive(provincial, appBase, light) } : {}) },
        runs,
      ),
    );
    dashboards.push(
      await measureDashboard(bench, subject, { label: 'nation (34 provinces)', parent: null, provinceIds: subjects.provinceIds, scope: { all: true }, bare: keptAlive(national, bareBase, light), ...(dashboardRoute ? { http: keptAlive(national, appBase, light) } : {}) }, runs),
    );
    await closeApart();

    // (b) freshness
    const communeIds = (await findChildren(db, provinceScope, owner.id, ctx.today)).map((c) => c.id);
    const [cocId] = await elementCocs(bench.raw, subjects.receivedId);
    const probe = { provinceId: owner.id, communeIds, elementId: subjects.receivedId, cocId: cocId as number, runs: freshnessRuns };
    const openPeriod = periodContaining(ctx.today, 'monthly');
    const openSubject = { ...subject, periods: periodsBetween(periodsBetween('202001', openPeriod).at(-12) as string, openPeriod) };
    const httpWriter: ValueWriter = async (w) => {
      const response = await provincial.call(reportEndpoints.putValues, {
        body: { dataSetId: subjects.dataSetId, unitId: w.unitId, period: w.period, values: [{ writeId: uuidv7(), unitId: w.unitId, dataElementId: w.elementId, cocId: w.cocId, value: String(w.num) }] },
      });
      if (response.status !== 200) throw new Error(`PUT values: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    };
    const httpReader: FigureReader = async (childId) => {
      const body = (await httpGet(provincial).get(dashboardPath(openSubject, owner.id))) as { rows: { unitId: number; denominator: number | null }[] };
      return body.rows.find((row) => row.unitId === childId)?.denominator ?? null;
    };
    const freshness: { write: string; read: string; range: string; result: FreshnessResult }[] = [];
    freshness.push({
      write: 'storeValues (one transaction)',
      read: 'repository (children + totals)',
      range: `${subject.periods[0]}–${subject.periods.at(-1)}, cell in ${subject.periods.at(-1)}`,
      result: await measureFreshness(bench, { ...probe, period: subject.periods.at(-1) as string }, storeValuesWriter(bench, subjects.userId), repositoryReader(bench, subject, owner, provinceScope)),
    });
    freshness.push({
      write: 'HTTP PUT /api/indicators/values',
      read: dashboardRoute ? 'HTTP GET …/dashboard/children' : 'repository (children + totals)',
      range: `${openSubject.periods[0]}–${openPeriod} (open month ${openPeriod})`,
      result: await measureFreshness(bench, { ...probe, period: openPeriod }, httpWriter, dashboardRoute ? httpReader : repositoryReader(bench, openSubject, owner, provinceScope)),
    });

    // (c) import throughput
    const passes = await measureImport(bench, { dataSetId: subjects.dataSetId, userId: subjects.userId, total: importValues, provinceIds: subjects.provinceIds });
    const elementIds = (await dataSetElements(bench.raw, subjects.dataSetId)).map((e) => e.id);
    const jobPasses = await measureImportJob(bench, national, { dataSetId: subjects.dataSetId, total: importValues, today: ctx.today, provinceIds: subjects.provinceIds, elementIds });
    return report({ ctx, counts, dashboards, freshness, passes, jobPasses, dashboardRoute, runs, pglite });
  } finally {
    await closeApart();
    await baseline.close();
    await app.close();
  }
}

function report(args: {
  ctx: BenchContext;
  counts: { values: number; changes: number; totals: number };
  dashboards: DashboardResult[];
  freshness: { write: string; read: string; range: string; result: FreshnessResult }[];
  passes: ImportPass[];
  jobPasses: ImportJobPass[];
  dashboardRoute: boolean;
  runs: number;
  pglite: boolean;
}): BenchReport {
  const { counts, dashboards, freshness, passes, jobPasses } = args;
  const table = [['children of', 'variant', 'rows', 'p50 ms', 'p95 ms', 'p95 vs raw']];
  for (const d of dashboards) {
    for (const v of d.variants) {
      const vsRaw = v.name.startsWith('raw') ? '1.00× (baseline)' : ratio(v.p95 / d.rawP95);
      const vsBare = v.name.startsWith('dashboard, HTTP') && d.bareP95 !== null ? `${vsRaw}; ${ratio(v.p95 / d.bareP95)} bare HTTP` : vsRaw;
      table.push([d.label, v.name, count(v.rows), ms(v.p50), ms(v.p95), vsBare]);
    }
  }
  const freshRows = [['write', 'read until visible', 'range', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'reads (max)']];
  for (const f of freshness) {
    freshRows.push([f.write, f.read, f.range, String(f.result.samples.length), ms(f.result.p50), ms(f.result.p95), ms(f.result.max), String(f.result.maxReads)]);
  }
  const importRows = [['write', 'values', 'seconds', 'values/s', 'batch p50 ms', 'batch p95 ms', 'CPU s app / db', 'values per CPU s', 'statuses']];
  for (const p of passes) {
    const cpu = p.appCpuSeconds + (p.dbCpuSeconds ?? 0);
    importRows.push([
      p.label,
      count(p.values),
      p.seconds.toFixed(1),
      count(p.valuesPerSecond),
      ms(p.batchP50),
      ms(p.batchP95),
      `${p.appCpuSeconds.toFixed(1)} / ${p.dbCpuSeconds === null ? (args.pglite ? 'in app' : '?') : p.dbCpuSeconds.toFixed(1)}`,
      count(p.values / cpu),
      Object.entries(p.statuses).map(([k, v]) => `${k} ${count(v)}`).join(', '),
    ]);
  }
  const jobRows = [['CSV by CODE, POST …/dataValueSets → job done', 'values', 'MB', 'seconds', 'values/s', 'CPU s app / db', 'values per CPU s', 'ImportSummary']];
  for (const p of jobPasses) {
    const cpu = p.appCpuSeconds + (p.dbCpuSeconds ?? 0);
    jobRows.push([
      p.label,
      count(p.values),
      p.megabytes.toFixed(1),
      p.seconds.toFixed(1),
      count(p.valuesPerSecond),
      `${p.appCpuSeconds.toFixed(1)} / ${p.dbCpuSeconds === null ? (args.pglite ? 'in app' : '?') : p.dbCpuSeconds.toFixed(1)}`,
      count(p.values / cpu),
      Object.entries(p.summary).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${count(v)}`).join(', '),
    ]);
  }
  const worstFresh = Math.max(...freshness.map((f) => f.result.p95));
  const job = jobPasses[0] as ImportJobPass;
  const created = passes[0] as ImportPass;
  const floor = passes.find((p) => p.label.startsWith('raw SQL'));
  const dashboardRatios = dashboards.map((d) => d.dashboardP95 / d.rawP95);
  const verdicts = [
    ...dashboards.map((d) => ({
      target: `dashboard p95 ≤ ${DASHBOARD_MAX_RATIO}× the raw-SQL aggregate, children of ${d.label}`,
      met: d.dashboardP95 <= DASHBOARD_MAX_RATIO * d.rawP95,
      detail: `${ms(d.dashboardP95)} vs ${ms(d.rawP95)} ms = ${ratio(d.dashboardP95 / d.rawP95)} (${d.dashboardVariant})`,
    })),
    ...dashboards.flatMap((d) =>
      d.bareP95 === null || !args.dashboardRoute
        ? []
        : [{
            target: `dashboard API p95 ≤ ${DASHBOARD_MAX_RATIO}× the same raw SQL behind bare node:http (session lookup, JSON), children of ${d.label}`,
            met: d.dashboardP95 <= DASHBOARD_MAX_RATIO * d.bareP95,
            detail: `${ms(d.dashboardP95)} vs ${ms(d.bareP95)} ms = ${ratio(d.dashboardP95 / d.bareP95)}`,
          }],
    ),
    { target: `a written value shows in the dashboard read within ${FRESHNESS_MAX_MS} ms (p95)`, met: worstFresh <= FRESHNESS_MAX_MS, detail: `worst p95 ${ms(worstFresh)} ms` },
    {
      target: `dataValueSets import ≥ ${count(IMPORT_MIN_VALUES_PER_S)} values/s (CSV upload → job done, new values)`,
      met: job.valuesPerSecond >= IMPORT_MIN_VALUES_PER_S,
      detail:
        `${count(job.valuesPerSecond)} values/s new, ${count(jobPasses[1]?.valuesPerSecond ?? Number.NaN)} values/s changed; the write path alone (storeValues, one batch at a time) ${count(created.valuesPerSecond)} values/s` +
        (floor ? `; the same writes as raw set-based SQL (the floor) ${count(floor.valuesPerSecond)} values/s` : ''),
    },
  ];
  const speedups = dashboards.map((d) => `${d.label}: ${ratio(d.dashboardP95 / d.rawP95)}`).join('; ');
  const province = dashboards[0];
  const pick = (name: string) => province?.variants.find((v) => v.name.startsWith(name));
  const httpVariant = pick('dashboard, HTTP');
  const rawVariant = pick('raw SQL');
  const bareVariant = pick('bare node:http');
  const jobCpu = job.appCpuSeconds + (job.dbCpuSeconds ?? 0);
  const perCpu = job.values / jobCpu;
  const usPerValue = (seconds: number) => ((seconds * 1e6) / job.values).toFixed(0);
  const cpuSplit = job.dbCpuSeconds === null ? `${usPerValue(jobCpu)} µs per value` : `app ${usPerValue(job.appCpuSeconds)} + database ${usPerValue(job.dbCpuSeconds)} µs per value`;
  const cores = availableParallelism();
  const interpretation =
    `The dashboard reads maintained totals, so its cost follows children × periods × operands, not the ${count(counts.values)} values ` +
    `below: p95 at ${speedups} of the raw aggregate over the values (${dashboardRatios.every((r) => r <= DASHBOARD_MAX_RATIO) ? 'target met' : 'target NOT met'}). ` +
    'Under a province the children are communes whose totals rows are their own values (one row per value and view), so the totals read ' +
    'cannot beat the raw aggregate by much; the gain is above (the nation). ' +
    (httpVariant && rawVariant && bareVariant
      ? `Under a province the HTTP answer takes ${ms(httpVariant.p50)} ms (p50) against the raw aggregate's ${ms(rawVariant.p50)} ms and ` +
        `${ms(bareVariant.p50)} ms for bare node:http doing the session lookup, the raw SQL and JSON: what separates the API from the raw ` +
        'aggregate is the cost of any HTTP answer (session, validation, JSON, compression, the client). '
      : '') +
    `Totals are written in the value's transaction, so a value is visible at the first read after commit ` +
    `(worst p95 ${ms(worstFresh)} ms, write included). The DHIS2 import (a CSV uploaded, the job reading, classifying and writing ` +
    `batches of 5,000, ${DHIS2_WRITERS} at a time) stores ${count(job.valuesPerSecond)} new values/s (target ${count(IMPORT_MIN_VALUES_PER_S)}` +
    `${job.valuesPerSecond >= IMPORT_MIN_VALUES_PER_S ? ', met' : ', not met'}); the write path alone, one batch at a time, ${count(created.valuesPerSecond)}/s. ` +
    `In CPU time the import needs ${cpuSplit} (≈ ${count(perCpu)} values per CPU-second), so on these ${cores} cores it cannot exceed ≈ ${count(perCpu * cores)} values/s` +
    (perCpu * cores >= IMPORT_MIN_VALUES_PER_S
      ? '.'
      : args.pglite
        ? ': PGlite runs one statement at a time in this process, so its rate is bounded by one core.'
        : `: ${count(IMPORT_MIN_VALUES_PER_S)}/s needs ≥ ${Math.ceil(IMPORT_MIN_VALUES_PER_S / perCpu)} cores (database and app processes) at this cost per value.`) +
    ' Each value costs a probe for its write id and for its key, a row and a change row, and ≈ 2 totals upserts (its commune in both views; the province rows are shared by the batch).' +
    (floor
      ? ` The floor, raw set-based SQL doing only what any write of new values with history and fresh totals must do (COPY into a temporary table, then values, change rows and totals in one statement each, batches of 50,000), stores ${count(floor.valuesPerSecond)} values/s ` +
        `with ${floor.dbCpuSeconds === null ? 'its CPU in this process' : `database ${((floor.dbCpuSeconds * 1e6) / floor.values).toFixed(0)} µs per value`}: ` +
        `${floor.valuesPerSecond >= IMPORT_MIN_VALUES_PER_S ? 'the target is within reach of the database here' : `below the target on this machine before any parsing, checking or classifying; the import runs at ${(100 * job.valuesPerSecond / floor.valuesPerSecond).toFixed(0)}% of it`}.`
      : '');
  return {
    title: 'Indicators: dashboard from totals, freshness, import write path',
    table,
    extraTables: [
      { caption: 'Freshness: write one value, then read the dashboard until the new figure shows (time from write start):', rows: freshRows },
      { caption: 'DHIS2 import as a user runs it (upload, then the job: read, classify, write; values/s from upload to job done):', rows: jobRows },
      {
        caption:
          'Import write path alone (storeValues, batches of 5,000, each one transaction: write ids, locks, values, change rows, totals deltas), and the floor: the new values as raw set-based SQL (COPY into a temporary table, then values, change rows and totals, one statement each, batches of 50,000):',
        rows: importRows,
      },
    ],
    notes: [
      `Data: ${count(counts.values)} data values, ${count(counts.changes)} change rows, ${count(counts.totals)} data_total rows (npm run bench:seed, BENCH_VALUES).`,
      `Indicator BENCH_TL_DON_THU = 100 × Σ đơn thư đã giải quyết / Σ tiếp nhận (two operands × 2 lĩnh vực), 12 months 202501–202512, as of ${args.ctx.today} (view 'current'). ` +
        `${args.runs} timed runs per variant after 3 warm-up runs, variants interleaved. Before timing, the figures of raw SQL and totals are compared child by child (they agree).`,
      'Raw SQL = values of the subtree from data_value ⋈ admin_unit (province_id filter, ltree subtree, group by the child the unit lies under). ' +
        'Totals read = data_total of the children, scope checked once per child, one index range scan per (child, element) in a lateral join, periods as a key range. ' +
        'Plain IN lists = the same read from unitOwned with `in` lists on every key column (the first form of the dashboard repository\'s sumTotals): it probes admin_unit for every ' +
        'totals row, and PostgreSQL 15 keeps the element and period lists as filters, reading every period of every element of each child. Dashboard, repository = children valid on asOf with child counts, their totals and the unit\'s, the ratio per child.',
      args.dashboardRoute
        ? 'HTTP = GET /api/indicators/dashboard/children as a signed-in user (province: its unit admin; nation: a system admin); the verdicts use it. ' +
          'Bare node:http = the same client and cookie on a server with no framework (bench/baseline-server.ts): the session lookup, the raw SQL above, the ratio per child, JSON.stringify, the app\'s headers: the like-for-like baseline of an HTTP answer. ' +
          (args.pglite
            ? 'Both servers run in this process (PGlite is held by it).'
            : 'On PostgreSQL both servers run in processes of their own, as deployed (bench/serve-apart.ts), and are read over one kept-alive node:http socket asking for gzip (bench/keep-alive-client.ts).')
        : 'GET /api/indicators/dashboard/children is not registered in this build: the verdict uses the repository-level dashboard; the HTTP variant runs by itself once the route exists.',
      'Seed simplifications: the monthly set (20 elements, 50 values per report) is entered by the 3,321 communes of 2025 for all 60 months 2021-01…2025-12 ' +
        '(really the 2019 communes reported the months before 2025-07); the yearly village set follows validity (2019 villages 2021–2024, 2025 villages 2025). ' +
        'Both sets are owned by one province (a data set needs an owner unit; there is no national root) and hold values of every province.',
      'DHIS2 import = a CSV by CODE (communes in id order × months × the 50 cells of the monthly set) uploaded by the system administrator to ' +
        'POST /api/indicators/dataValueSets and timed until GET /api/jobs/:id says succeeded, the ImportSummary counts checked; its values go to the ' +
        'months between the seed and this month (never the open month) and are removed afterwards. CPU: this process (app and client) and every ' +
        'backend of the database over the pass. Write path alone = storeValues, batches of 5,000 one after another (no file, no classification), into ' +
        'months of 2099. Freshness over HTTP writes the open month (entry is closed for older months).',
      'The dashboard reads year rollups (data_total period Y2025) for a range of whole years; the totals-read variants above read the twelve months.',
      ...(args.pglite ? ['PGlite: one connection in WASM inside this process; the raw aggregate and the writes run single-threaded.'] : []),
    ],
    verdicts,
    interpretation,
  };
}

const bench: BenchModule = { order: 30, run };
export default bench;
