import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import type { BlobStore } from '#server/platform/files/blob-store.ts';
import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import type { JobHandler, JobQueue } from '#server/platform/jobs/job-queue.ts';

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
  /** File bytes by sha256 (DATA_DIR/files or S3). */
  files: BlobStore;
  /** Background jobs: `enqueue` in the request's transaction, then `kick`. */
  jobs: JobQueue;
  /** Owner resolvers of every module, by owner type (used by the files module). */
  fileOwners: ReadonlyMap<string, FileOwnerResolver>;
}

/**
 * Records a module owns, made in one unit for the generic foreign-scope test: by contract path
 * (`/api/people/:id`), the path and query parameters that name them (`{ id: 12 }`, `{ unitId: 3 }`).
 */
export type ScopeFixture = Record<string, Record<string, number | string>>;

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
  /**
   * Creates one record of each kind the module owns under the commune `unitId` and names them per GET endpoint.
   * The foreign-scope test (server/src/foreign-scope.api.test.ts) calls every GET endpoint with another scope's
   * fixtures and fails on a GET endpoint with a path parameter that no module's fixture supplies.
   */
  scopeFixtures?(db: Database, unitId: number, files: BlobStore): Promise<ScopeFixture>;
  /** Background jobs the module runs, by kind ('units.village-import'). */
  jobHandlers?: Record<string, JobHandler>;
  /** Records of the module that may own files, by owner type ('organization'). */
  fileOwners?: Record<string, FileOwnerResolver>;
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
