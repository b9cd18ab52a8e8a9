import type { FastifyInstance } from 'fastify';
import type { Database } from '#server/db/database.ts';

/** What the app hands every module when it registers it. */
export interface ModuleContext {
  db: Database;
  databaseKind: 'pglite' | 'postgres';
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Login attempts per minute per IP. */
  loginRateLimit: number;
  /** Demo mode: sample data, shown as such on every page. */
  demo: boolean;
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
}
