import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, TEST_PASSWORD } from '#test/factories.ts';
import { TestClient } from '#test/http-client.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  https = await startTestApp({ secureCookies: true });
});
afterAll(async () => {
  await t.close();
  await https.close();
});

const CSP = "default-src 'self';script-src 'self';style-src 'self';img-src 'self';font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

describe('A7 security headers', () => {
  it('A7 security headers: CSP with self only and frame-ancestors none, nosniff, Referrer-Policy on every response', async () => {
    const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
    const client = new TestClient(t.baseUrl);
    await client.login(user.username, TEST_PASSWORD);
    const responses = [
      await client.request('GET', '/api/health'),
      await client.request('GET', '/api/auth/me'),
      await client.request('GET', '/api/units/999999'),
      await client.request('GET', '/api/units/%E0%A4%A'),
      await client.request('GET', '/nowhere'),
      await new TestClient(t.baseUrl).request('GET', '/api/users'),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 400, 404, 401]);
    for (const [index, response] of responses.entries()) {
      expect(response.headers.get('content-security-policy'), `response ${index}`).toBe(CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // pages (here /nowhere) send their address to their own origin only, for the login form's Origin check
      expect(response.headers.get('referrer-policy'), `response ${index}`).toBe(index === 4 ? 'same-origin' : 'no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('A7 security headers: Cache-Control no-store on API responses, personal data or errors', async () => {
    const user = await buildUser(t.db, { unitId: null, roles: ['system_admin'] });
    const client = new TestClient(t.baseUrl);
    const login = await client.login(user.username, TEST_PASSWORD);
    expect(login.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/auth/me', '/api/users', '/api/health', '/api/units/999999', '/api/openapi.json', '/api/units/%E0%A4%A']) {
      expect((await client.request('GET', path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('A7 security headers: HSTS only when SECURE_COOKIES=true', async () => {
    const response = await new TestClient(https.baseUrl).request('GET', '/api/health');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await new TestClient(t.baseUrl).request('GET', '/api/health')).headers.get('strict-transport-security')).toBeNull();
  });
});
