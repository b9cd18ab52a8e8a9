import type { FastifyInstance, FastifyReply } from 'fastify';

/** One year, the HSTS preload list's minimum. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Only this origin: Vite emits files, fonts are bundled, no outside host is used. The one inline block allowed is
 * the loading screen's <style> of index.html, by the hash of its text (`styleHashes`, read from the built page).
 */
const csp = (styleHashes: readonly string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(' '),
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join(';');

/**
 * The headers helmet would set with the options we need, written once: computing them per request (helmet runs a
 * dozen middlewares on every response) halved the req/s of a route without database work (bench/RESULTS.md).
 */
export function securityHeaders(https: boolean, styleHashes: readonly string[] = []): Record<string, string> {
  return {
    'content-security-policy': csp(styleHashes),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Security headers on every response: the CSP above, no framing, nosniff, no Referer leaving the app; HSTS only
 * behind HTTPS (`SECURE_COOKIES=true`), or a plain-HTTP trial would be pinned to HTTPS. API answers carry personal
 * data: `Cache-Control: no-store` keeps them out of every cache (a file download sets `private, no-store`).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean; styleHashes?: readonly string[] }): void {
  // A page sends its address to its own origin only: the HTML login form's POST then carries Origin (under
  // no-referrer a browser sends `Origin: null` on a POST) and Referer, which the form's endpoint checks (login
  // CSRF: shared/http/form-route.ts). Nothing leaves for another host; API answers keep no-referrer.
  const page = { ...securityHeaders(options.https, options.styleHashes), 'referrer-policy': 'same-origin' };
  const api = { ...securityHeaders(options.https, options.styleHashes), 'cache-control': 'no-store' };
  // one synchronous hook: no promise per request
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith('/api/') ? api : page);
    done();
  });
}

/** The same headers for the answers Fastify gives before routing (malformed URL, over-long path parameter). */
export function setSecurityHeadersBeforeRouting(reply: FastifyReply, options: { https: boolean }): void {
  reply.headers({ ...securityHeaders(options.https), 'cache-control': 'no-store' });
}
