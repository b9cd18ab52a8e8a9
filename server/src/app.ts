import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from './db/database.ts';
import { hasSession, loginPageNotice } from './modules/auth/index.ts';
import { registerSessionHook } from './modules/auth/session.hook.ts';
import { SERVER_MODULES } from './modules/registry.ts';
import { frameworkErrors, installErrorHandler } from './shared/http/error-handler.ts';
import { MAX_UPLOAD_BYTES } from './shared/http/endpoint-route.ts';
import { databaseRateLimitStore } from './shared/http/rate-limit-store.ts';
import { registerSecurityHeaders } from './shared/http/security-headers.ts';
import { registerApiCompression } from './shared/http/compress.ts';
import { inlineStyleHashes, serveWebApp } from './shared/http/web-app.ts';
import type { ModuleContext } from './shared/module.ts';
import { derivedValuesOf } from './shared/derived-values.ts';
import { systemClock, useClock, type Clock } from './shared/clock.ts';
import { localBlobStore, type BlobStore } from './platform/files/blob-store.ts';
import { JobQueue } from './platform/jobs/job-queue.ts';
import { msg } from './shared/messages.ts';

export interface AppOptions {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  secureCookies?: boolean;
  loginRateLimit?: number;
  /** Directory of the built web app; served with SPA fallback when it exists. */
  webDist?: string;
  logger?: boolean;
  /** Take the client address from X-Forwarded-For: only behind a reverse proxy, or clients could fake their IP. */
  trustProxy?: boolean;
  /** Demo mode (`DEMO`): the web shows a "sample data" banner on every page. */
  demo?: boolean;
  /** The process clock (tests pass a fixed one); the system clock by default. */
  clock?: Clock;
  /** Where file bytes go (main.ts: DATA_DIR/files or S3); tests and benches get a temporary directory. */
  files?: BlobStore;
  /** How often the job worker looks for work when idle (ms). */
  jobPollMs?: number;
}

/** Composes the HTTP app from the modules. No business logic here. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  useClock(options.clock ?? systemClock);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: frameworkErrors({ https: options.secureCookies ?? false }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  const webDist = options.webDist && resolve(options.webDist);
  const webApp = webDist && existsSync(join(webDist, 'index.html')) ? webDist : null;
  registerSecurityHeaders(app, { https: options.secureCookies ?? false, styleHashes: webApp ? inlineStyleHashes(webApp) : [] });
  registerApiCompression(app);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  // counted in the database, so several app processes share one count (SCALE.md rule 7)
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(options.db) });
  await app.register(swagger, {
    openapi: {
      info: { title: msg('app.apiTitle'), version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dvs_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  const { db } = options;
  registerSessionHook(app, db);
  const files = options.files ?? localBlobStore(mkdtempSync(join(tmpdir(), 'dvs-files-')));
  const derived = derivedValuesOf(SERVER_MODULES);
  const jobs = new JobQueue(db, files, new Map(SERVER_MODULES.flatMap((m) => Object.entries(m.jobHandlers ?? {}))), options.jobPollMs, derived);
  const context: ModuleContext = {
    db,
    databaseKind: options.databaseKind,
    secureCookies: options.secureCookies ?? false,
    loginRateLimit: options.loginRateLimit ?? 20,
    demo: options.demo ?? false,
    files,
    jobs,
    fileOwners: new Map(SERVER_MODULES.flatMap((m) => Object.entries(m.fileOwners ?? {}))),
    derived,
  };
  for (const module of SERVER_MODULES) await module.start?.(context);
  await app.register(async (api) => {
    for (const module of SERVER_MODULES) module.registerRoutes(api, context);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (webApp) {
    await serveWebApp(app, webApp, { signedIn: (request) => hasSession(db, request), loginError: loginPageNotice });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send({ error: 'not_found', message: msg('http.routeNotFound') }),
    );
  }
  // the worker runs as long as the app: started once it is ready, stopped (after its job in hand) on close
  app.addHook('onClose', () => jobs.stop());
  await app.ready();
  jobs.start();
  return app;
}
