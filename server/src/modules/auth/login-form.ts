/**
 * The HTML login form of index.html (web/scripts/static-login.ts): usable before the scripts arrive on a slow link,
 * and without JavaScript. It posts to /api/auth/login-form, which signs in exactly as the JSON login does
 * (auth.service.ts `login`: per-IP rate limit shared with it, login throttle, argon2, audit) and answers 303: to the
 * page the visitor opened, to the password change when one is required, or back to the login page with the error as
 * a code (`/login?loi=bad_credentials`), which the server writes into the page as the catalogue's message.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_PAGE } from '#contracts/app-page.ts';
import { AppError, RetryLaterError } from '#server/shared/errors.ts';
import { sameOriginPath } from '#server/shared/http/form-route.ts';
import { msg } from '#server/shared/messages.ts';
import { throttledMessage } from './login-throttle.ts';

/** The React route of the forced password change. */
const PASSWORD_REQUIRED_PATH = '/password/required';
const LOGIN_PATH = '/login';
/** The longest wait a page will say (the throttle's ceiling is 15 min; the per-IP window is a minute). */
const MAX_WAIT_SECONDS = 3600;

/** Where a signed-in visitor goes: the forced password change first, else the page they opened (never the login page). */
export function afterLoginLocation(next: string | undefined, mustChangePassword: boolean): string {
  if (mustChangePassword) return PASSWORD_REQUIRED_PATH;
  const path = sameOriginPath(next);
  return path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}?`) ? '/' : path;
}

/** The error codes the login page shows (anything else reads as a system error). */
type FailureCode = 'bad_credentials' | 'login_throttled' | 'rate_limited' | 'validation' | 'internal';

function failureOf(error: unknown, reply: FastifyReply): { code: FailureCode; wait?: number } {
  if (error instanceof RetryLaterError) return { code: 'login_throttled', wait: error.retryAfterSeconds };
  if (error instanceof AppError && error.code === 'bad_credentials') return { code: 'bad_credentials' };
  if (error instanceof AppError && error.status === 400) return { code: 'validation' };
  if ((error as { statusCode?: unknown }).statusCode === 429) {
    const wait = Number(reply.getHeader('retry-after'));
    return { code: 'rate_limited', ...(Number.isFinite(wait) && wait > 0 ? { wait } : {}) };
  }
  return { code: 'internal' };
}

/** The login page again, with the error and the page to open afterwards: `/login?loi=…&cho=…&next=…`. */
export function loginFailureLocation(error: unknown, request: FastifyRequest, reply: FastifyReply): string {
  const next = (request.body as { next?: unknown } | undefined)?.next;
  const { code, wait } = failureOf(error, reply);
  const query = new URLSearchParams({ [APP_PAGE.errorParam]: code });
  if (wait !== undefined) query.set(APP_PAGE.waitParam, String(Math.ceil(wait)));
  const target = afterLoginLocation(typeof next === 'string' ? next : undefined, false);
  if (target !== '/') query.set('next', target);
  return `${LOGIN_PATH}?${query.toString()}`;
}

/**
 * The message the login page shows for `?loi=…&cho=…` (the same words the JSON login answers with), or null for no
 * or an unknown code: the page never echoes what the address says, it looks the code up.
 */
export function loginPageNotice(query: URLSearchParams): string | null {
  const code = query.get(APP_PAGE.errorParam);
  if (!code) return null;
  const raw = Number(query.get(APP_PAGE.waitParam));
  const wait = Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_WAIT_SECONDS) : null;
  switch (code) {
    case 'bad_credentials':
      return msg('auth.badCredentials');
    case 'login_throttled':
      return wait === null ? msg('http.rateLimited') : throttledMessage(wait);
    case 'rate_limited':
      return msg('http.rateLimited');
    case 'validation':
      return msg('auth.form.missing');
    case 'internal':
      return msg('http.internal');
    default:
      return null;
  }
}
