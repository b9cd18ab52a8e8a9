import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { CopyIn } from './copy.ts';

/** FIFO lock. PGlite has one connection: a transaction must own it from BEGIN to COMMIT, or two interleave. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

/**
 * How long a chain of queries may keep the event loop before it lets it turn. PGlite runs in this thread and answers
 * without I/O, so its promises settle as microtasks: a background job's thousands of statements in a row would
 * otherwise hold every timer and HTTP request until the job ends (a demo backfill held them for a minute).
 */
export const TURN_EVERY_MS = 20;

class PGliteConnection implements DatabaseConnection {
  #lastTurn = performance.now();

  constructor(private readonly pg: PGlite) {}

  /** Lets the event loop run its timers and I/O when the queries since the last turn have kept it TURN_EVERY_MS. */
  async #turn(): Promise<void> {
    if (performance.now() - this.#lastTurn < TURN_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.#lastTurn = performance.now();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    await this.#turn();
    const [first] = query.parameters;
    if (first instanceof CopyIn) {
      // COPY … FROM STDIN (copy.ts): PGlite reads the rows from a blob
      const parts: BlobPart[] = [];
      if (typeof first.text === 'string') parts.push(first.text);
      else for await (const chunk of first.text) parts.push(chunk as BlobPart);
      const copied = await this.pg.query(query.sql.replace(/from stdin$/, "from '/dev/blob'"), [], { blob: new Blob(parts) });
      return { rows: [], numAffectedRows: BigInt(copied.affectedRows ?? 0) };
    }
    // Without parameters use the simple protocol, which (like pg) accepts several statements: migrations need it.
    const result =
      query.parameters.length === 0
        ? ((await this.pg.exec(query.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.pg.query<R>(query.sql, [...query.parameters], { rowMode: 'object' });
    const affected = result.affectedRows;
    return { rows: result.rows as R[], ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  #release: (() => void) | undefined;

  constructor(private readonly pg: PGlite) {
    this.#connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

/** Kysely dialect over one PGlite instance; queries and whole transactions are serialised by a mutex. */
export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
