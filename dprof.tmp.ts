import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '#server/app.ts';
import { openDatabase } from '#server/db/database.ts';
import { dashboardChildren } from '#server/modules/indicators/dashboard.service.ts';
import { TestClient } from '#test/http-client.ts';

const h = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL as string });
const app = await buildApp({ db: h.db, databaseKind: 'postgres', loginRateLimit: 1000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const client = new TestClient(base);
const r = await client.login('bench.indicators', 'BenchMatKhau2025');
if (r.status !== 200) throw new Error('login');
const ind = (await sql<{ id: number }>`select id from indicator where code = 'BENCH_TL_DON_THU'`.execute(h.db)).rows[0]!.id;
const owner = (await sql<{ id: number; path: string }>`select d.owner_unit_id as id, u.path from data_set d join admin_unit u on u.id = d.owner_unit_id where d.code = 'BENCH_THANG'`.execute(h.db)).rows[0]!;
const path = `/api/indicators/dashboard/children?indicatorId=${ind}&unitId=${owner.id}&from=${process.env.FROM ?? '202501'}&to=${process.env.TO ?? '202512'}&asOf=2026-12-02`;
const actor = { userId: 1, username: 'x', roles: new Set(['unit_admin']), unitId: owner.id, unitLevel: 'province', organizationId: null, scope: { all: false, roots: [owner.path] }, ip: null } as never;
const q = { indicatorId: ind, unitId: owner.id, from: process.env.FROM ?? '202501', to: process.env.TO ?? '202512', asOf: '2026-12-02' };
const stat = (name: string, times: number[]) => { times.sort((a, b) => a - b); console.log(name, 'p50', times[Math.floor(times.length / 2)]!.toFixed(1), 'p95', times[Math.floor(times.length * 0.95)]!.toFixed(1)); };
for (let round = 0; round < 2; round++) {
  const http: number[] = []; const svc: number[] = []; const ping: number[] = [];
  for (let i = 0; i < 100; i++) {
    let t = performance.now();
    const res = await client.request('GET', path);
    if (res.status !== 200) throw new Error(String(res.status));
    http.push(performance.now() - t);
    t = performance.now();
    await dashboardChildren(h.db, actor, q);
    svc.push(performance.now() - t);
    t = performance.now();
    await client.request('GET', '/api/health');
    ping.push(performance.now() - t);
  }
  stat('http', http); stat('service', svc); stat('GET /api/health', ping);
}
await app.close();
await h.close();
