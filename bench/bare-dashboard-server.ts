/**
 * The bare node:http baseline of the indicators dashboard as a process of its own (bench/serve-apart.ts starts it):
 * DATABASE_URL, BENCH_SUBJECT (JSON: receivedId, resolvedId). Prints "BASE <url>" once it listens; ends on SIGTERM.
 */
import { startBaselineServer } from './baseline-server.ts';
import { openBenchDatabase } from './db.ts';
import { BARE_DASHBOARD_ROUTE, bareDashboardRoute } from './indicators.dashboard.ts';

const subject = JSON.parse(process.env.BENCH_SUBJECT ?? '{}') as { receivedId: number; resolvedId: number };
const bench = await openBenchDatabase();
const server = await startBaselineServer(bench.raw, { units: null, health: null }, { [BARE_DASHBOARD_ROUTE]: bareDashboardRoute(bench.raw, subject) });
console.log(`BASE ${server.base}`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => bench.close())
    .then(() => process.exit(0));
});
