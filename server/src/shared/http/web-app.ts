import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { APP_PAGE, escapeHtml, isPublicPage, nextFieldWith } from '#contracts/app-page.ts';
import { msg } from '../messages.ts';
import { chooseEncoding, compressBody } from './compress.ts';
import { sameOriginPath } from './form-route.ts';

/** Vite's output folder for files named by their content hash (`index-Bwv422Nv.js`): never change, cached a year. */
const HASHED = /[\\/]assets[\\/][^\\/]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * index.html names the hashed files of the current release, and sw.js (the service worker: web/scripts/
 * service-worker.ts) lists them: both asked again (revalidated) each time, so a release reaches the phones at once.
 */
const HTML = /[\\/](?:index\.html|sw\.js)(\.br|\.gz)?$/;
const REVALIDATE = 'no-cache';
/** Other fixed names (favicon.svg): a day, as the browser asks for the icon on every navigation. */
const DAY = 'public, max-age=86400';

/** The Cache-Control of a file of the built web app, from its path on disk (a `.br`/`.gz` copy counts as its file). */
export const webCacheControl = (path: string): string => (HASHED.test(path) ? IMMUTABLE : HTML.test(path) ? REVALIDATE : DAY);

/**
 * CSP sources (`sha256-…`) of the inline <style> blocks of the built index.html: the loading screen's style, which
 * must paint before the app's stylesheets arrive. Read from the build, as Vite rewrites the block's text.
 */
export function inlineStyleHashes(root: string): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) => `sha256-${createHash('sha256').update(match[1] ?? '').digest('base64')}`,
  );
}

/** What the page says to one visitor: whether they have a session, the page to open after signing in, an error. */
export interface PageState {
  signedIn: boolean;
  next: string;
  error: string | null;
}

/**
 * The page for one visitor, from the built index.html (markers: contracts/src/app-page.ts): a signed-in visitor
 * gets the loading screen and never the login form; a signed-out one gets the HTML login form instead, its hidden
 * `next` field naming the page they opened and, after a failed attempt, the error. A page without the markers is
 * sent as it is.
 */
export function renderAppPage(template: string, state: PageState): string {
  const inStart = template.indexOf(APP_PAGE.signedInStart);
  const outStart = template.indexOf(APP_PAGE.signedOutStart);
  const end = template.indexOf(APP_PAGE.end);
  if (inStart < 0 || outStart < inStart || end < outStart) return template;
  if (state.signedIn) return template.slice(0, outStart) + template.slice(end);
  const form = template
    .slice(outStart, end)
    .replace(APP_PAGE.nextField, nextFieldWith(state.next))
    .replace(APP_PAGE.error, state.error === null ? '' : `<div class="alert" role="alert"><p>${escapeHtml(state.error)}</p></div>`);
  return template.slice(0, inStart) + form + template.slice(end);
}

/** The page to open after signing in, for a visit of `url`: the login page's `next`, else the page itself. */
export function nextOfVisit(url: string): string {
  const parsed = new URL(url, 'http://app.invalid');
  if (parsed.pathname === '/login') return sameOriginPath(parsed.searchParams.get('next'));
  return sameOriginPath(parsed.pathname + parsed.search);
}

export interface WebAppOptions {
  /** Whether the request carries a live session (the auth module answers: app.ts). */
  signedIn(request: FastifyRequest): Promise<boolean>;
  /** The error the login page shows for its query (`?loi=…`), or null. */
  loginError(query: URLSearchParams): string | null;
}

/**
 * Serves the built web app (`npm run build:web`): the brotli or gzip copy the build wrote beside each file when the
 * browser accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), hashed files immutable for a year. The page
 * (index.html), at / and for any other GET outside /api/ and /assets/ (the app's own routes; the app shows its
 * not-found page), is written per visitor (`renderAppPage`: the HTML login form for a visitor without a session),
 * compressed as sent, `no-cache`. The copies are not routes of their own.
 */
export async function serveWebApp(app: FastifyInstance, root: string, options: WebAppOptions): Promise<void> {
  const template = readFileSync(join(root, 'index.html'), 'utf8');
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz', '**/index.html'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', webCacheControl(path));
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    // a file of another release (or none): not the app's page, which the browser would take for a script
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') {
      return reply.code(404).send({ error: 'not_found', message: msg('http.routeNotFound') });
    }
    const url = new URL(request.url, 'http://app.invalid');
    const signedIn = await options.signedIn(request);
    const page = renderAppPage(template, {
      // --- pet-portal --- the citizens' portal is for visitors without an account: no login form there
      signedIn: signedIn || isPublicPage(url.pathname),
      next: nextOfVisit(request.url),
      error: signedIn || url.pathname !== '/login' ? null : options.loginError(url.searchParams),
    });
    // the page differs by session (the cookie) and by encoding
    reply.header('cache-control', REVALIDATE).header('vary', 'cookie, accept-encoding').type('text/html; charset=utf-8');
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    if (!encoding) return reply.send(page);
    return reply.header('content-encoding', encoding).send(await compressBody(encoding, Buffer.from(page)));
  });
}
