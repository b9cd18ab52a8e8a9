import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** One year, the HSTS preload list's minimum. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Only this origin: Vite emits files (no inline script or style), fonts are bundled, no outside host is used. */
const CSP_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every response (helmet): the CSP above, no framing, nosniff, no Referer leaving the app;
 * HSTS only behind HTTPS (`SECURE_COOKIES=true`), or a plain-HTTP trial would be pinned to HTTPS. API answers carry
 * personal data: `Cache-Control: no-store` keeps them out of every cache.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: options.https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}

/**
 * The same headers for the answers Fastify gives before routing (malformed URL, over-long path parameter), which
 * no hook sees. Kept to what matters for a small JSON error.
 */
export function setSecurityHeadersBeforeRouting(reply: FastifyReply, options: { https: boolean }): void {
  const csp = Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';');
  reply.headers({
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...(options.https ? { 'strict-transport-security': HSTS } : {}),
  });
}
