import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';

/** What the app hands every module when it registers it. */
export interface ModuleContext {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Login attempts per minute per IP. */
  loginRateLimit: number;
}

/**
 * One capability as the server sees it: everything the app needs from a module, exported once from
 * `modules/<module>/index.ts` and listed once in `modules/registry.ts`. The app, the OpenAPI document, the demo
 * loader and the cross-module tests iterate the registry; no shared file names a module's internals.
 */
export interface ServerModule {
  /** Folder name, e.g. 'organizations'. */
  name: string;
  /** Registers the module's endpoints inside the /api scope. */
  registerRoutes(api: FastifyInstance, context: ModuleContext): void;
  /** The module's demo data, applied in order by the demo loader, each step once per database (demo_step). */
  demoSteps?: readonly DemoStep[];
}

/** What a demo step gets besides its transaction. */
export interface DemoContext {
  /** The server clock's today (Vietnam time). */
  today: string;
}

/**
 * One versioned piece of demo data. The loader runs it in its own transaction and records (name, version) in
 * demo_step, so a step added later (a new module's demo, or a new version) reaches an existing database on the
 * next start while the steps already applied are skipped. Returns a one-line summary for the start log.
 */
export interface DemoStep {
  name: string;
  version: number;
  run(trx: Kysely<DB>, context: DemoContext): Promise<string>;
}
