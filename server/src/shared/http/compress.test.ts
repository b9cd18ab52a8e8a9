import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, COMPRESS_SYNC_MAX_BYTES, registerApiCompression } from './compress.ts';

describe('chooseEncoding (Accept-Encoding → the coding of an API answer)', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(
      [
        'gzip, deflate, br, zstd',
        'gzip, deflate',
        'br;q=0, gzip',
        'BR;Q=0.5, gzip;q=1',
        'br;q=0, gzip;q=0',
        'identity',
        '*',
        '*, br;q=0',
        'deflate',
        '',
        undefined,
      ].map(chooseEncoding),
    ).toEqual(['br', 'gzip', 'gzip', 'br', null, null, 'br', 'gzip', null, null, null]);
  });
});

describe('API compression', () => {
  it('compresses text answers over 1 KB only, and never a spreadsheet (a zip) or an answer it would not shrink', async () => {
    const app = Fastify();
    registerApiCompression(app);
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: i, name: `Xã số ${i}` }));
    const zip = randomBytes(4000);
    app.get('/api/rows', async () => rows);
    app.get('/api/small', async () => ({ ok: true }));
    const noise = randomBytes(3000);
    app.get('/api/noise', async (_request, reply) => reply.type('text/plain').send(noise));
    app.get('/api/sheet', async (_request, reply) =>
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(zip),
    );
    app.get('/page', async (_request, reply) => reply.type('text/html').send('<p>trang</p>'.repeat(200)));
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });

    const json = await get('/api/rows');
    expect([json.headers['content-encoding'], json.headers['vary']]).toEqual(['gzip', 'accept-encoding']);
    expect(JSON.parse(gunzipSync(json.rawPayload).toString())).toEqual(rows);
    expect(Number(json.headers['content-length'])).toBe(json.rawPayload.length);
    expect((await get('/api/small')).headers['content-encoding']).toBeUndefined();
    const sheet = await get('/api/sheet');
    expect([sheet.headers['content-encoding'], Buffer.compare(sheet.rawPayload, zip)]).toEqual([undefined, 0]);
    // random bytes do not shrink: sent as they are
    const incompressible = await get('/api/noise');
    expect([incompressible.headers['content-encoding'], Buffer.compare(incompressible.rawPayload, noise)]).toEqual([undefined, 0]);
    // outside /api/ the built files come compressed from the build (web-app.ts), not from this hook
    expect((await get('/page')).headers['content-encoding']).toBeUndefined();
    await app.close();
  });
});

describe('API compression of small and large answers', () => {
  it('answers the same bytes whether compressed on the event loop (small) or in the thread pool (large), in gzip and brotli', async () => {
    const app = Fastify();
    registerApiCompression(app);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, name: `Phường số ${i}`, note: 'ghi chú '.repeat(i % 7) }));
    const small = rows(200);
    const large = rows(3000);
    app.get('/api/small', async () => small);
    app.get('/api/large', async () => large);
    const sizes: number[] = [];
    for (const [url, body] of [['/api/small', small], ['/api/large', large]] as const) {
      sizes.push(Buffer.byteLength(JSON.stringify(body)));
      const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect([gz.headers['content-encoding'], JSON.parse(gunzipSync(gz.rawPayload).toString())]).toEqual(['gzip', body]);
      const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect([br.headers['content-encoding'], JSON.parse(brotliDecompressSync(br.rawPayload).toString())]).toEqual(['br', body]);
    }
    // one answer on each side of the limit
    expect([sizes[0] as number < COMPRESS_SYNC_MAX_BYTES, sizes[1] as number > COMPRESS_SYNC_MAX_BYTES]).toEqual([true, true]);
    await app.close();
  });
});
