import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { PeriodType } from '#contracts/indicators/period.ts';
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
  /** Derived values of every module, and how a module refreshes them after a write (stored by the indicators module). */
  derived: DerivedValues;
}

/**
 * A figure a module computes from its own records (villages with a Tổ dân vận), stored as a data element with
 * `source = 'derived'` so it aggregates, restructures and exports like an entered value (docs/design/indicators.md §2).
 */
export interface DerivedValue {
  /** Global code, module-prefixed: 'organizations.villages_with_team'. Becomes data_element.derived_code. */
  code: string;
  /** The data element's code in formulas and exports ('ORG_VILLAGES_WITH_TEAM'); default: `code` upper-cased, '.' → '_'. */
  elementCode?: string;
  /** Vietnamese name of the data element: msg('indicators.derived.…'). */
  name: string;
  // --- grassroots: 'number' for field days (half days) ---
  valueType: 'integer' | 'yes_no' | 'number';
  /** Level of the units the value is computed for; totals carry it up. */
  // --- pet-recv: province-level values (Front supervisions of the province) ---
  level: 'village' | 'commune' | 'province';
  unitOfMeasure?: string;
  /**
   * Values as of `asOf` (the period's last day, or today for the open period): one per unit of `level` valid on
   * `asOf` in one (2025) province, its predecessors' units included, 0 included; only those of `unitIds` when
   * given (a touched unit left out counts as 0). Reads only the module's own tables (and units).
   */
  compute(
    db: Kysely<DB>,
    args: {
      provinceId: number;
      asOf: string;
      unitIds?: readonly number[];
      /* --- pet-figures --- */ from?: string;
      /** Shared by the values computed together (one `touchAll`, one backfill transaction): see `group`. */
      memo?: DerivedMemo;
    },
  ): Promise<ReadonlyArray<{ unitId: number; value: number }>>;
  /**
   * Values read from one shared computation (four measures of one aggregate): the backfill computes the values of a
   * group in one transaction per day with one `memo`, so `compute` runs the shared statement once through
   * `memo.once(key, …)` with a key naming every argument it depends on. Values of a group share `periodType`.
   */
  group?: string;
  // --- pet-figures ---
  /**
   * A count of events in each period (cases received in March) rather than a state on a day: stored only for the
   * periods of this type (the totals of longer periods add them up, so nothing is counted twice), and `compute`
   * gets `from`, the period's first day, besides `asOf` (its last day, or today for the open period). Unset: a
   * state as of `asOf`, stored for every period type.
   */
  periodType?: PeriodType;
}

/**
 * Results shared by the derived values computed together, for one `touchAll` or one backfill transaction, never
 * longer (several app processes: nothing outlives the transaction that read it).
 */
export interface DerivedMemo {
  /** The result of `compute` for `key`: run on the first call, the same promise after. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** `ModuleContext.derived`: the registered derived values and the refresh a module calls after writing its records. */
export interface DerivedValues {
  /** Every module's derived values, by code. */
  readonly registered: ReadonlyMap<string, DerivedValue>;
  /**
   * Recomputes `code` for these units in the caller's transaction, for the open periods (those containing today,
   * every period type), and stores the values through the one write path (change log by `actor`, totals), so the
   * province's figure is fresh at commit. Units of another level than the value's are mapped to their ancestor of
   * that level (an organisation in a village touches the village); units above that level are ignored.
   */
  touch(
    trx: Kysely<DB>,
    /** null: no account made the write (a citizen's filing on the portal); only derived values are stored so */
    actor: { userId: number | null },
    code: string,
    unitIds: readonly number[],
    // --- pet-figures ---
    /** Events dated in closed periods (a case received last month, now resolved): their periods are refreshed too (values with a `periodType`). */
    options?: { days?: readonly string[] },
  ): Promise<void>;
  /**
   * `touch` of several values in the order given (the caller's fixed lock order), sharing one `DerivedMemo`: values
   * of a `group` touched for the same units compute their shared statement once.
   */
  touchAll(
    trx: Kysely<DB>,
    actor: { userId: number | null },
    touches: ReadonlyArray<{ code: string; unitIds: readonly number[] }>,
    options?: { days?: readonly string[] },
  ): Promise<void>;
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
  /** Figures the module computes from its records, stored and summed like entered values. */
  derivedValues?: readonly DerivedValue[];
  /** The one module that stores derived values (indicators) builds `ModuleContext.derived` from every module's list. */
  derivedStore?(registered: ReadonlyMap<string, DerivedValue>): DerivedValues;
  /**
   * Runs once per app before it serves (after migrations): idempotent, and safe when several app processes start
   * at once against one database.
   */
  start?(context: ModuleContext): Promise<void>;
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
