import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvince, buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient, type TestResponse } from '#test/http-client.ts';
import { fuzzRequests, type FuzzRequest, type OpenApiDocument } from '#test/openapi-fuzz.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * Every operation of the OpenAPI document, sent input it must refuse cleanly (odd ids in the path, odd query
 * values, bodies with a wrong field, at their limits, not JSON, broken files), as a system administrator and as a
 * province's administrator: no answer may be a 5xx, and every refusal says in Vietnamese what is wrong.
 */

let t: TestApp;
let doc: OpenApiDocument;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await new TestClient(t.baseUrl).request<OpenApiDocument>('GET', '/api/openapi.json')).body;
});
afterAll(async () => {
  await t.close();
});

async function send(client: TestClient, request: FuzzRequest): Promise<TestResponse> {
  if (request.file) {
    const form = new FormData();
    form.append(request.file.field, new Blob([request.file.bytes]), request.file.name);
    return client.request(request.method, request.path, form);
  }
  if (request.raw) return client.request(request.method, request.path, request.raw.text, { contentType: request.raw.contentType });
  return client.request(request.method, request.path, request.body);
}

/** Sends the requests one after the other; the failures as lines naming the request (replayable from the seed). */
async function probe(client: TestClient, username: string, requests: FuzzRequest[]) {
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (const request of requests) {
    const response = await send(client, request);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const name = `${request.method} ${request.path.slice(0, 160)} [${request.probe}]`;
    if (response.status >= 500) failures.push(`${response.status} ${name}: ${JSON.stringify(response.body).slice(0, 200)}`);
    else if (response.status >= 400 && response.status !== 404 && response.status !== 405) {
      // GeoReport v2 (/open311) answers errors as its spec says: [{ code, description }]
      const body = response.body as { message?: unknown } | { description?: unknown }[] | null;
      const message = Array.isArray(body) ? body[0]?.description : body?.message;
      // a refusal names the problem in Vietnamese (its letters carry diacritics), not a bare code
      if (typeof message !== 'string' || !/[à-ỹđ]/i.test(message)) failures.push(`${response.status} without a Vietnamese message: ${name}: ${JSON.stringify(response.body).slice(0, 200)}`);
    }
    // a request that ended the session (a password change, a move) would turn every later one into a 401
    if (response.status === 401) await client.login(username, TEST_PASSWORD);
  }
  return { failures, statuses };
}

const skipAuth = (_method: string, path: string) => path.startsWith('/api/auth/');

describe('A8 OpenAPI fuzz', () => {
  it('A8 OpenAPI fuzz: no endpoint answers 5xx to odd input from a system administrator', async () => {
    const admin = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
    const client = new TestClient(t.baseUrl);
    await client.login(admin.username, TEST_PASSWORD);
    const requests = fuzzRequests(doc, 20261205, 4, skipAuth);
    expect(requests.length).toBeGreaterThan(4 * 200);
    const { failures, statuses } = await probe(client, admin.username, requests);
    expect(failures).toEqual([]);
    // the probe reached the handlers: some requests were answered, not only refused
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
  }, 240_000);

  it("A8 OpenAPI fuzz: no endpoint answers 5xx to odd input from a province's administrator", async () => {
    const province = await buildProvince(t.db);
    const user = await buildUser(t.db, { unitId: province.provinceId, roles: ['unit_admin'] });
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    const { failures } = await probe(client, user.username, fuzzRequests(doc, 7, 3, skipAuth));
    expect(failures).toEqual([]);
  }, 240_000);
});
