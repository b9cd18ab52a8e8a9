import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Endpoint, PartOut } from '#contracts/endpoint.ts';
import { escapeHtml } from '#contracts/app-page.ts';
import { AppError } from '../errors.ts';
import { msg } from '../messages.ts';
import type { RouteOptions } from './endpoint-route.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded';
/** A login form is a few hundred bytes. */
const FORM_BODY_LIMIT = 16 * 1024;

/**
 * A path of this app to send the browser to, from a form's or a query's value: `/units/12?asOf=…` stays, anything
 * that would leave the app (`https://x`, `//x`, `/\x`, which browsers read as `//x`) or that is not a page (`/api/…`)
 * gives `fallback`. Parsed as a URL against a placeholder origin, so what the browser will resolve is what is checked.
 */
export function sameOriginPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/')) return fallback;
  const base = 'http://app.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return fallback;
  return url.pathname + url.search + url.hash;
}

/**
 * Whether a POST comes from a page of this app (login CSRF: another site must not sign a visitor in to an account of
 * its choosing). Browsers send `Origin` on every POST; `Referer` (the app's pages send it to their own origin) stands
 * in when Origin is absent or "null". Compared with the Host the request was sent to.
 */
export function isSameOriginPost(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  const source = origin && origin !== 'null' ? origin : referer;
  if (!source) return false;
  try {
    const url = new URL(source);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === request.host;
  } catch {
    return false;
  }
}

const crossSite = () => new AppError(403, 'cross_site', msg('auth.form.crossSite'));
const wantsHtml = (request: FastifyRequest) => /text\/html/.test(request.headers.accept ?? '');

/** A refusal as a page, for a browser that posted the form (no JSON page in a browser). */
function sendRefusalPage(reply: FastifyReply, error: AppError): void {
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(msg('auth.form.pageTitle'))}</title></head><body><p>${escapeHtml(error.message)}</p><p><a href="/login">${escapeHtml(msg('auth.form.backToLogin'))}</a></p></body></html>`;
  void reply.code(error.status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
}

export interface FormRouteOptions extends Pick<RouteOptions, 'rateLimitPerMinute' | 'rateLimitGroup'> {
  /**
   * Where the browser goes when the attempt fails (the form again, with the error), from the error, the request (its
   * body is parsed unless the failure came before it: the rate limit) and the reply (Retry-After).
   */
  failureLocation: (error: unknown, request: FastifyRequest, reply: FastifyReply) => string;
}

export interface FormContext<E extends Endpoint> {
  body: PartOut<E, 'body'>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Registers an HTML form's endpoint (`form: true` in its contract): the body is `application/x-www-form-urlencoded`
 * (parsed only on this route, so no JSON endpoint accepts a cross-site form post), the post must come from a page of
 * this app (403 otherwise, a page for a browser), and every outcome the user can act on is a 303 See Other: the
 * handler's `Location` on success, `failureLocation(error)` for a refused attempt, bad input or the rate limit. The
 * contract's body schema validates (and appears in OpenAPI with the form's content type).
 */
export function registerFormEndpoint<E extends Endpoint & { form: true; body: NonNullable<Endpoint['body']> }>(
  app: FastifyInstance,
  endpoint: E,
  handler: (ctx: FormContext<E>) => Promise<string>,
  options: FormRouteOptions,
): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.route({
      method: endpoint.method,
      url: endpoint.path,
      schema: {
        summary: endpoint.summary,
        consumes: [FORM_TYPE],
        body: endpoint.body,
        response: { 303: endpoint.response },
      },
      attachValidation: true,
      ...(options.rateLimitPerMinute
        ? {
            config: {
              rateLimit: {
                max: options.rateLimitPerMinute,
                timeWindow: '1 minute',
                ...(options.rateLimitGroup ? { groupId: options.rateLimitGroup } : {}),
              },
            },
          }
        : {}),
      // before the rate limit counts it and before the body is read
      onRequest: (request, _reply, done) => done(isSameOriginPost(request) ? undefined : crossSite()),
      preValidation: (request, _reply, done) => {
        const type = request.headers['content-type'] ?? '';
        done(type.split(';')[0]?.trim().toLowerCase() === FORM_TYPE ? undefined : new AppError(415, 'unsupported_media_type', msg('auth.form.notForm')));
      },
      errorHandler: (error, request, reply) => {
        if (error instanceof AppError && (error.code === 'cross_site' || error.status === 415)) {
          if (error.code === 'cross_site' && wantsHtml(request)) return sendRefusalPage(reply, error);
          throw error; // the app's handler: a JSON error for a client that is not a browser's form
        }
        if ((error as { statusCode?: number }).statusCode === 500 || (!(error instanceof AppError) && !(error as { statusCode?: number }).statusCode)) {
          request.log.error({ err: error }, 'form endpoint failed');
        }
        void reply.redirect(options.failureLocation(error, request, reply), 303);
      },
      handler: async (request, reply) => {
        if (request.validationError) throw new AppError(400, 'validation', msg('http.invalidPart', { part: msg('http.part.body') }));
        const location = await handler({ body: request.body as PartOut<E, 'body'>, request, reply });
        return reply.redirect(location, 303);
      },
    });
  });
}
