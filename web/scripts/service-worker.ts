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
 *   shared computer (seed 001) never leaves protected answers readable by the next one;
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

async function api(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(API)).put(request, response.clone());
    else if (response.status === 401 && url.pathname === '/api/auth/me') await caches.delete(API);
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: API, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** A login or logout: the cached answers go before the request leaves; once signed in, the page is fetched again. */
async function sessionChange(event) {
  await caches.delete(API);
  const response = await fetch(event.request);
  if (response.ok && event.request.mode !== 'navigate') event.waitUntil(fetch(PAGE, { credentials: 'same-origin' }).then(keepPage).catch(() => undefined));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (SESSION_CHANGES.test(url.pathname)) {
    if (request.mode === 'navigate') event.waitUntil(caches.delete(API));
    else event.respondWith(sessionChange(event));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/')) {
    if (OFFLINE_API.some((path) => path.test(url.pathname))) event.respondWith(api(request, url));
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
