import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { msg } from '../messages.ts';

/** Vite's output folder for files named by their content hash (`index-Bwv422Nv.js`): never change, cached a year. */
const HASHED = /[\\/]assets[\\/][^\\/]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the hashed files of the current release: asked again (revalidated) each time. */
const HTML = /[\\/]index\.html(\.br|\.gz)?$/;
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

/**
 * Serves the built web app (`npm run build:web`): the brotli or gzip copy the build wrote beside each file when the
 * browser accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), hashed files immutable for a year, index.html
 * `no-cache`, and index.html for any other GET outside /api/ and /assets/ (the app's own routes; the app shows
 * its not-found page). The copies are not routes of their own.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', webCacheControl(path));
    },
  });
  app.setNotFoundHandler((request, reply) => {
    // a file of another release (or none): not the app's page, which the browser would take for a script
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') {
      return reply.code(404).send({ error: 'not_found', message: msg('http.routeNotFound') });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
