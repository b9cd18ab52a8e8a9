/**
 * Vite plugin: writes `sw.js`, the service worker that lets the app shell and the offline forms (the field-visit
 * log, the sentiment report) open with no connection after one visit online (issue 14 item 5). The worker is a
 * few dozen lines written here from the build's own file list, no library:
 * - install: caches the first load (the entry chunk, its imports, stylesheets, fonts), the chunks of the offline
 *   forms and the app page as this visitor gets it (signed in: the loading screen);
 * - `/assets/*` (hashed, immutable): cache first, anything fetched is kept;
 * - navigations (outside /api/): network first, the last page answered kept as the fallback;
 * - `/api/`: never cached, except the GETs the offline forms read (`OFFLINE_API`): network first, the cached
 *   answer when the network fails. A login, a logout or a 401 from /api/auth/me drops them, so a cadre on a
 *   shared computer (seed 001) never leaves protected answers readable by the next one. On activation and after
 *   a login they are fetched once (`warm`, the URLs the forms ask for), so the forms open offline even when only
 *   another page was opened online; an answer the user may not read (403) is not kept;
 * - activate: caches of other builds (the version is a hash of the build's file names) are deleted.
 * The page registers it after load in production builds (web/src/main.tsx); the server sends it `no-cache`.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** Modules whose chunks the offline forms need: their pages, catalogues and outbox targets. */
const OFFLINE_MODULES = /[\\/]features[\\/](?:grassroots[\\/](?:LogVisitPage\.tsx|messages\.vi\.ts|outbox\.ts)|sentiment[\\/](?:SentimentPage\.tsx|messages\.vi\.ts|outbox\.ts))$/;

/**
 * The API GETs the offline forms read (paths, query strings aside), answered from the cache when the network
 * fails: the session (who is signed in, the CSRF token), the visit form's pickers, the report form's topics,
 * places and reporting teams.
 */
export const OFFLINE_API: readonly RegExp[] = [
  /^\/api\/auth\/me$/,
  /^\/api\/grassroots\/(?:purposes|cadres|places)$/,
  /^\/api\/sentiment\/(?:topics|teams)$/,
  /^\/api\/units(?:\/\d+)?$/,
];

/** Requests after which the cached API answers belong to nobody: a new session, or none. */
const SESSION_CHANGES = /^\/api\/auth\/(?:login|login-form|logout)$/;

interface BundleChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  moduleIds: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}
interface BundleAsset {
  type: 'asset';
  fileName: string;
}

/** The files to cache at install: the entry's and the offline forms' chunks with their static imports and styles, the fonts, the icon. */
export function precacheList(bundle: Record<string, BundleChunk | BundleAsset>): string[] {
  const files = new Set<string>();
  const add = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || files.has(fileName)) return;
    files.add(fileName);
    if (chunk.type !== 'chunk') return;
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const imported of chunk.imports) add(imported);
  };
  for (const item of Object.values(bundle)) {
    if (item.type === 'chunk' && (item.isEntry || item.moduleIds.some((id) => OFFLINE_MODULES.test(id)))) add(item.fileName);
    if (item.type === 'asset' && /\.(?:woff2|svg)$/.test(item.fileName)) files.add(item.fileName);
  }
  return [...files].filter((file) => !file.endsWith('.html')).map((file) => `/${file}`).sort();
}

/** The worker's source for a build: `version` names its caches, `precache` the files cached at install. */
export function serviceWorkerSource(version: string, precache: readonly string[]): string {
  return `// Dân vận số: the app shell and the offline forms with no connection (web/scripts/service-worker.ts)
const SHELL = 'dvs-shell-${version}';
const API = 'dvs-api-${version}';
const PAGE = '/';
const PRECACHE = ${JSON.stringify(precache)};
const OFFLINE_API = [${OFFLINE_API.map(String).join(', ')}];
const SESSION_CHANGES = ${String(SESSION_CHANGES)};

/** Incremented on every login and logout: a warm-up begun under the last session keeps nothing. */
let session = 0;
/** Kept in the API cache once warm() has run for the session (dropped with the cache at the next login or logout). */
const WARMED = '/__dvs-warmed';

/** The offline forms' reads for the signed-in user, as the pages ask for them (grassroots.api.ts, sentiment.api.ts). */
const warmPaths = (me) => [
  '/api/grassroots/purposes', '/api/grassroots/cadres', '/api/grassroots/places', '/api/sentiment/topics',
  ...(me.unitId ? ['/api/units/' + me.unitId, '/api/units?parentId=' + me.unitId, '/api/sentiment/teams?unitId=' + me.unitId] : []),
];

async function warm() {
  const started = session;
  const get = (path) => fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const meResponse = await get('/api/auth/me');
  if (!meResponse.ok) return;
  const me = await meResponse.clone().json();
  const answers = [['/api/auth/me', meResponse]];
  for (const path of warmPaths(me)) {
    const response = await get(path).catch(() => null);
    if (response && response.ok) answers.push([path, response]);
  }
  if (session !== started) return;
  const cache = await caches.open(API);
  for (const [path, response] of answers) await cache.put(path, response);
  await cache.put(WARMED, new Response(String(me.id)));
}

/** The app page as this visitor gets it now (the login page itself, with its error, is not kept). */
async function keepPage(response) {
  if (response.ok && response.type === 'basic') await (await caches.open(SHELL)).put(PAGE, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(SHELL)).addAll(PRECACHE);
    await keepPage(await fetch(PAGE, { credentials: 'same-origin' }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('dvs-') && name !== SHELL && name !== API) await caches.delete(name);
    await self.clients.claim();
    await warm().catch(() => undefined);
  })());
});

async function page(request, url) {
  try {
    const response = await fetch(request);
    if (url.pathname !== '/login') await keepPage(response.clone());
    return response;
  } catch (error) {
    const cached = await caches.match(PAGE, { cacheName: SHELL, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: SHELL, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

async function api(event, url) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(API);
      await cache.put(request, response.clone());
      // signed in (the page checks on every load): the forms' reads are fetched once per session
      if (url.pathname === '/api/auth/me' && !(await cache.match(WARMED))) event.waitUntil(warm().catch(() => undefined));
    } else if (response.status === 401 && url.pathname === '/api/auth/me') await caches.delete(API);
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: API, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** A login or logout: the cached answers go before the request leaves; once signed in, the page is fetched again. */
async function sessionChange(event) {
  session += 1;
  await caches.delete(API);
  const response = await fetch(event.request);
  session += 1;
  if (response.ok) {
    event.waitUntil((async () => {
      await keepPage(await fetch(PAGE, { credentials: 'same-origin' }));
      await warm();
    })().catch(() => undefined));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (SESSION_CHANGES.test(url.pathname)) {
    session += 1;
    if (request.mode === 'navigate') event.waitUntil(caches.delete(API));
    else event.respondWith(sessionChange(event));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/')) {
    if (OFFLINE_API.some((path) => path.test(url.pathname))) event.respondWith(api(event, url));
  } else if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
  }
});
`;
}

export function serviceWorker(): Plugin {
  return {
    name: 'dvs-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, BundleChunk | BundleAsset>;
      const version = createHash('sha256').update(Object.keys(files).sort().join('\n')).digest('hex').slice(0, 12);
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, precacheList(files)) });
    },
  };
}
