import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../../../web/scripts/precompress.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/** A built web app as `npm run build:web` leaves it: hashed assets, index.html, favicon, .br/.gz copies. */
const SCRIPT = `export const lines = [${Array.from({ length: 400 }, (_, i) => `"dòng ${i}"`).join(',')}];\n`;
const STYLE = 'body{margin:0}.boot{color:#9f1c1c}';
const HTML = `<!doctype html><html lang="vi"><head><title>Dân vận số</title><style>${STYLE}</style></head><body><div id="root"></div>${'<!-- đệm -->'.repeat(100)}</body></html>`;
const WORKER = `self.addEventListener('fetch', () => {});\n${'// đệm\n'.repeat(100)}`;
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#9f1c1c"/></svg>';

let dist: string;
let t: TestApp;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'dvs-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index-AbC123xy.js'), SCRIPT);
  writeFileSync(join(dist, 'index.html'), HTML);
  writeFileSync(join(dist, 'favicon.svg'), ICON);
  writeFileSync(join(dist, 'sw.js'), WORKER);
  await precompressDirectory(dist);
  t = await startTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The bytes as sent (fetch would decode them), with the headers. */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${t.baseUrl}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the built web app on a slow link (issue 8)', () => {
  it('a hashed script is sent brotli or gzip as the browser accepts, immutable for a year, never re-encoded', async () => {
    const br = await get('/assets/index-AbC123xy.js', 'gzip, deflate, br, zstd');
    expect([br.status, br.headers['content-encoding'], br.headers['vary'], br.headers['cache-control']]).toEqual([
      200,
      'br',
      'accept-encoding',
      'public, max-age=31536000, immutable',
    ]);
    expect(br.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length * 4).toBeLessThan(Buffer.byteLength(SCRIPT));
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.headers['content-security-policy']).toContain("default-src 'self'");

    const gzip = await get('/assets/index-AbC123xy.js', 'gzip');
    expect([gzip.headers['content-encoding'], gzip.headers['cache-control']]).toEqual(['gzip', 'public, max-age=31536000, immutable']);
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-AbC123xy.js');
    expect([plain.headers['content-encoding'], plain.headers['vary'], plain.body.toString()]).toEqual([undefined, 'accept-encoding', SCRIPT]);
    // the copies are not addresses of their own
    expect((await get('/assets/index-AbC123xy.js.br', 'br')).status).toBe(404);
  });

  it('index.html, at / and for any address of the app, is compressed and revalidated on every load (no-cache)', async () => {
    for (const path of ['/', '/index.html', '/login', '/units/12']) {
      const page = await get(path, 'br, gzip');
      expect([path, page.status, page.headers['content-encoding'], page.headers['cache-control']]).toEqual([path, 200, 'br', 'no-cache']);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(page.body).toString()).toBe(HTML);
    }
    // the loading screen's inline style, and nothing else inline, is allowed by its hash
    const hash = createHash('sha256').update(STYLE).digest('base64');
    expect((await get('/', 'br')).headers['content-security-policy']).toContain(`;style-src 'self' 'sha256-${hash}';`);
    // a missing script is a 404, not the page (which the browser would run as a script)
    const missing = await get('/assets/index-Old456zz.js', 'br');
    expect([missing.status, missing.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
  });

  it('the service worker is served at /sw.js as a script, revalidated on every load (a release reaches the phones at once), under the CSP', async () => {
    const worker = await get('/sw.js', 'br, gzip');
    expect([worker.status, worker.headers['cache-control'], worker.headers['content-encoding']]).toEqual([200, 'no-cache', 'br']);
    expect(worker.headers['content-type']).toMatch(/^(?:application|text)\/javascript/);
    expect(brotliDecompressSync(worker.body).toString()).toBe(WORKER);
    // scope / without Service-Worker-Allowed (it sits at the root); script-src and default-src 'self' allow it
    expect(worker.headers['service-worker-allowed']).toBeUndefined();
    expect(worker.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('the favicon is served (200, SVG) and kept a day', async () => {
    const icon = await get('/favicon.svg', 'br, gzip');
    expect([icon.status, icon.headers['cache-control']]).toEqual([200, 'public, max-age=86400']);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const body = icon.headers['content-encoding'] === 'br' ? brotliDecompressSync(icon.body) : icon.body;
    expect(body.toString()).toBe(ICON);
  });

  it('API answers over 1 KB are compressed (brotli, else gzip) and stay no-store; small ones are sent as they are', async () => {
    const gzip = await get('/api/openapi.json', 'gzip');
    expect([gzip.status, gzip.headers['content-encoding'], gzip.headers['vary'], gzip.headers['cache-control']]).toEqual([
      200,
      'gzip',
      'accept-encoding',
      'no-store',
    ]);
    expect(gzip.headers['content-security-policy']).toContain("default-src 'self'");
    const document = gunzipSync(gzip.body).toString();
    expect((JSON.parse(document) as { paths: Record<string, unknown> }).paths['/api/auth/login']).toBeDefined();
    expect(gzip.body.length * 5).toBeLessThan(Buffer.byteLength(document));

    const br = await get('/api/openapi.json', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(document);

    const refused = await get('/api/openapi.json', 'br;q=0, gzip;q=0');
    expect([refused.headers['content-encoding'], refused.body.toString()]).toEqual([undefined, document]);

    const small = await get('/api/health', 'br, gzip');
    expect([small.status, small.headers['content-encoding'], small.headers['cache-control']]).toEqual([200, undefined, 'no-store']);
    expect(small.body.length).toBeLessThan(1024);
  });
});
