import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '#contracts/api.ts';
import type { Endpoint } from '#contracts/endpoint.ts';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { errorBody, TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let admin: TestClient;
let operations: { method: string; path: string }[];
beforeAll(async () => {
  t = await startTestApp();
  const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
  admin = new TestClient(t.baseUrl);
  await admin.login(user.username, TEST_PASSWORD);
  const doc = (await admin.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json')).body;
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

const allEndpoints = Object.values(api).flatMap((group) => Object.values(group) as Endpoint[]);
/** OpenAPI writes `/api/units/{id}`; we fill path ids with a value per case. */
const fill = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
const isVietnameseError = (body: unknown) =>
  typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' && (body as { message: string }).message.length > 5;

describe('the OpenAPI document', () => {
  it('lists every endpoint of the contracts with its request and response schemas', async () => {
    const listed = new Set(operations.map((op) => `${op.method} ${op.path}`));
    for (const endpoint of allEndpoints) {
      expect(listed, `${endpoint.method} ${endpoint.path}`).toContain(`${endpoint.method} ${endpoint.path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const doc = (await admin.request<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>('GET', '/api/openapi.json')).body;
    expect(doc.paths['/api/units/{id}']?.get?.responses['200']).toBeDefined();
  });
});

describe('bad input on every route never gives a 500', () => {
  const cases: { name: string; body?: string; id: string; query?: string; contentType?: string }[] = [
    { name: 'malformed JSON', body: '{"name": ', id: '1' },
    { name: 'wrong types', body: '{"name": 12, "type": [], "unitId": "x", "username": {}, "roles": "all"}', id: '1' },
    { name: 'a JSON array', body: '[1,2,3]', id: '1' },
    { name: 'an unknown id', body: '{}', id: '99999999' },
    { name: 'a non-numeric id', body: '{}', id: 'abc' },
    { name: 'bad query values', body: '{}', id: '1', query: '?asOf=hôm-nay&limit=-5&parentId=x&unitId=y&dryRun=maybe&q=' },
    { name: 'an oversized body', body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), id: '1' },
    { name: 'a text/plain body', body: 'hello', id: '1', contentType: 'text/plain' },
  ];
  for (const c of cases) {
    it(`answers 4xx with a Vietnamese message for ${c.name}`, async () => {
      for (const op of operations) {
        if (op.path === '/api/auth/logout' || op.path === '/api/openapi.json') continue;
        const path = fill(op.path, c.id) + (c.query ?? '');
        const response = await admin.request(op.method, path, op.method === 'GET' ? undefined : c.body, { contentType: c.contentType });
        const label = `${op.method} ${path.slice(0, 80)} → ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400) expect(isVietnameseError(response.body), label).toBe(true);
      }
    });
  }

  it('names the field in Vietnamese for a validation error', async () => {
    const response = await admin.request('POST', '/api/auth/login', '{"username": "", "password": "x"}');
    expect(response.status).toBe(400);
    expect(errorBody(response).message).toContain('Tên đăng nhập (username)');
  });
});
