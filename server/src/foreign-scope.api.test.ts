import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '#contracts/auth.ts';
import { api } from '#contracts/api.ts';
import { SERVER_MODULES } from '#server/modules/registry.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { buildProvince, buildUser, TEST_PASSWORD, type TestProvince } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

interface Operation {
  /** Contract form: /api/people/:id */
  path: string;
  pathParams: string[];
  queryParams: string[];
}

/** One side of a pair: a signed-in administrator and the fixtures of every module in a commune of their scope. */
interface Side {
  name: string;
  client: TestClient;
  fixtures: ScopeFixture;
  /** Every unit of the side's territory, to recognise its data in an answer. */
  unitIds: Set<number>;
}

let t: TestApp;
let operations: Operation[];
// --- pet-portal ---
const PUBLIC_PATHS = new Set(Object.values(api).flatMap((group) => Object.values(group).flatMap((e: { path: string; public?: boolean }) => (e.public ? [e.path] : []))));
beforeAll(async () => {
  t = await startTestApp();
  const reader = await signIn(null, ['system_admin']);
  const doc = (await reader.request<{ paths: Record<string, { get?: { parameters?: { in: string; name: string }[] } }> }>('GET', '/api/openapi.json')).body;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    methods.get
      ? [
          {
            path: path.replace(/\{(\w+)\}/g, ':$1'),
            pathParams: (methods.get.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
            queryParams: (methods.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          },
        ]
      : [],
  );
  // --- pet-portal --- public endpoints (the citizens' portal, Open311, health) serve public data to anyone: no scope to probe
  operations = operations.filter((op) => !PUBLIC_PATHS.has(op.path));
});
afterAll(() => t.close());

async function signIn(unitId: number | null, roles: TRole[]) {
  const user = await buildUser(t.db, { unitId, roles });
  const client = new TestClient(t.baseUrl);
  await client.login(user.username, TEST_PASSWORD);
  return client;
}

/** Every module's fixtures in one commune, merged by contract path. */
async function fixturesIn(communeId: number): Promise<ScopeFixture> {
  const merged: ScopeFixture = {};
  for (const module of SERVER_MODULES) Object.assign(merged, await module.scopeFixtures?.(t.db, communeId, t.files));
  return merged;
}

async function side(name: string, homeUnitId: number, communeId: number, territory: TestProvince | number[]): Promise<Side> {
  const fixtures = await fixturesIn(communeId);
  const unitIds = Array.isArray(territory) ? territory : [territory.provinceId, ...territory.communeIds, ...territory.villageIds];
  return {
    name,
    client: await signIn(homeUnitId, ['unit_admin', 'commission_officer']),
    fixtures,
    unitIds: new Set([...unitIds, Number(fixtures['/api/units/:id']?.id ?? -1)]),
  };
}

/** The URL of `op` named with `fixtures`; throws when a path parameter has no fixture (the module must add one). */
function url(op: Operation, fixtures: ScopeFixture): string {
  const given = fixtures[op.path] ?? {};
  const missing = op.pathParams.filter((name) => given[name] === undefined);
  if (missing.length > 0) throw new Error(`no scopeFixtures entry supplies ${missing.join(', ')} for GET ${op.path}`);
  const path = op.path.replace(/:(\w+)/g, (_m, name: string) => String(given[name]));
  const query = op.queryParams.filter((name) => given[name] !== undefined).map((name) => `${name}=${given[name]}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** Objects anywhere in `body` that belong to one of `unitIds` (by unitId, or parentId for units). */
function dataOf(body: unknown, unitIds: Set<number>): unknown[] {
  if (Array.isArray(body)) return body.flatMap((item) => dataOf(item, unitIds));
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const own = [record.unitId, record.parentId].some((value) => typeof value === 'number' && unitIds.has(value)) ? [record] : [];
  return [...own, ...Object.values(record).flatMap((value) => dataOf(value, unitIds))];
}

/** Calls every GET endpoint as `reader` with `owner`'s fixtures: path ids must answer 404/403, lists nothing of owner. */
async function probe(reader: Side, owner: Side) {
  const leaks: string[] = [];
  for (const op of operations) {
    if (op.path === '/api/openapi.json') continue;
    const own = await reader.client.request('GET', url(op, reader.fixtures));
    // the fixtures are real: the reader's own records answer 200
    if (op.pathParams.length > 0) expect(own.status, `${reader.name} GET ${url(op, reader.fixtures)}`).toBe(200);
    const target = url(op, owner.fixtures);
    const response = await reader.client.request('GET', target);
    const label = `${reader.name} → ${owner.name}: GET ${target} answered ${response.status}`;
    if (op.pathParams.length > 0) {
      if (response.status !== 404 && response.status !== 403) leaks.push(label);
    } else if (response.status === 200 && dataOf(response.body, owner.unitIds).length > 0) {
      leaks.push(`${label} with ${JSON.stringify(dataOf(response.body, owner.unitIds)[0]).slice(0, 120)}`);
    } else if (response.status >= 500) leaks.push(label);
  }
  return leaks;
}

describe('foreign scope, on every GET endpoint of the OpenAPI document', () => {
  it('B2 scope: every GET endpoint with a path parameter has a module fixture supplying it', async () => {
    const withParams = operations.filter((op) => op.pathParams.length > 0);
    expect(withParams.map((op) => op.path)).toEqual(
      expect.arrayContaining(['/api/units/:id', '/api/organizations/:id', '/api/people/:id', '/api/users/:id']),
    );
    const fixtures = await fixturesIn((await buildProvince(t.db)).communeIds[0] as number);
    const unsupplied = withParams.filter((op) => op.pathParams.some((name) => fixtures[op.path]?.[name] === undefined));
    expect(unsupplied.map((op) => op.path)).toEqual([]);
  });

  it("B2 scope: administrators of two provinces get 404/403 for each other's ids, and no list shows the other's data", async () => {
    const [a, b] = [await buildProvince(t.db), await buildProvince(t.db)];
    const sideA = await side('province A', a.provinceId, a.communeIds[0] as number, a);
    const sideB = await side('province B', b.provinceId, b.communeIds[0] as number, b);
    expect([...(await probe(sideA, sideB)), ...(await probe(sideB, sideA))]).toEqual([]);
  });

  it("B2 scope: administrators of two communes of one province get 404/403 for each other's ids", async () => {
    const province = await buildProvince(t.db);
    const [c1, c2] = province.communeIds as [number, number];
    const [v1, v2] = province.villagesByCommune as [number[], number[]];
    const side1 = await side('commune 1', c1, c1, [c1, ...v1]);
    const side2 = await side('commune 2', c2, c2, [c2, ...v2]);
    expect([...(await probe(side1, side2)), ...(await probe(side2, side1))]).toEqual([]);
  });

  it("B2 scope: two 2019 communes merged into one see neither each other's records nor those of the 2025 commune they went into", async () => {
    // authority never flows sideways: the merge gives neither old commune the other's records
    const { rows } = await sql<{ a: number; b: number; successor: number }>`
      select min(s.old_unit_id) as a, max(s.old_unit_id) as b, s.new_unit_id as successor from unit_succession s
      join admin_unit o on o.id = s.old_unit_id and o.level = 'commune'
      where s.effective_date = '2025-07-01'
      group by s.new_unit_id having count(*) >= 2 order by s.new_unit_id limit 1`.execute(t.db);
    const { a, b, successor } = rows[0] as { a: number; b: number; successor: number };
    const sideA = await side('2019 commune A', a, a, [a]);
    const sideB = await side('2019 commune B', b, b, [b]);
    // nor the records made since on the 2025 commune they went into (that account sees theirs: history flows forward)
    const after = await side('2025 successor', successor, successor, [successor]);
    expect([...(await probe(sideA, sideB)), ...(await probe(sideB, sideA)), ...(await probe(sideA, after))]).toEqual([]);
    expect((await after.client.request('GET', url({ path: '/api/units/:id', pathParams: ['id'], queryParams: [] }, sideA.fixtures))).status).toBe(200);
  });
});
