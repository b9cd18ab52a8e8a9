import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this an answer fits in a packet or two: compressing costs more than it saves. */
export const COMPRESS_MIN_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** Text compresses; spreadsheets (zip), images and PDFs are compressed already. */
const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|[\w.+-]+\+json|xml|javascript)|image\/svg\+xml)/;

/**
 * The encoding to answer in from an Accept-Encoding header: brotli, else gzip, else none. A coding with q=0 is
 * refused; `*` stands for the codings not named.
 */
export function chooseEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: Encoding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/**
 * Up to this size an answer is compressed on the event loop: about 0.1 ms for a dashboard's 24 KB, where a trip
 * through the thread pool costs 0.2–0.5 ms in hand-offs alone. Larger answers go to the thread pool.
 */
export const COMPRESS_SYNC_MAX_BYTES = 64 * 1024;

/** The body in `encoding` (brotli quality 4 or gzip 6): for answers written per request. */
export const compressBody = async (encoding: Encoding, body: Buffer): Promise<Buffer> => {
  // quality 4: most of brotli's gain at gzip's speed (the answer is compressed on every request)
  const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } };
  if (body.length <= COMPRESS_SYNC_MAX_BYTES) return encoding === 'br' ? brotliCompressSync(body, brotliOptions) : gzipSync(body, { level: 6 });
  return encoding === 'br' ? brotli(body, brotliOptions) : gz(body, { level: 6 });
};

function varyOnAcceptEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const listed = String(vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase());
  if (!listed.includes('accept-encoding') && !listed.includes('*')) reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
}

/**
 * Compresses text API answers over 1 KB (JSON, the OpenAPI document, CSV) for browsers on slow links. Streams (file
 * downloads), formats compressed already (.xlsx is a zip) and answers that carry an encoding are sent as they are.
 * Answers over COMPRESS_SYNC_MAX_BYTES are compressed in the thread pool (node:zlib's async calls), not on the event loop.
 */
export function registerApiCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') || reply.hasHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESS_MIN_BYTES || !COMPRESSIBLE_TYPE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    varyOnAcceptEncoding(reply);
    if (!encoding) return payload;
    const compressed = await compressBody(encoding, body);
    if (compressed.length >= body.length) return payload;
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
