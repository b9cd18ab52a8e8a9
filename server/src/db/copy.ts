import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './database.ts';
import { PREPARED_MARK, preparedName } from './prepared.ts';

/**
 * COPY … FROM STDIN on both engines, for the bulk writes (a survey import's responses): rows go over as PostgreSQL's
 * text format instead of bound parameters, which the server parses several times faster than one large jsonb
 * parameter. The rows travel as the statement's only parameter, a CopyIn, which each driver recognises: node-postgres
 * through pg-copy-streams on the transaction's own connection (copyingPool), PGlite from a blob (pglite-dialect.ts).
 */
export class CopyIn {
  /** The lines: all at once, or a stream written while the COPY runs (an import's one COPY for all its rows). */
  constructor(readonly text: string | Readable) {}
}

export type CopyValue = string | number | boolean | null | undefined;

/** One field in COPY's text format: null as \N; backslash, tab, newline and carriage return escaped. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c) : text;
}

/**
 * JSON text (JSON.stringify's) as one field: JSON writes no raw tab, newline or carriage return (inside strings they
 * are escaped), so only its backslashes are doubled; a long answer is searched once, natively, not by a regex.
 */
export function copyJson(json: string): string {
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The COPY statement for a table and its columns (names of our own schema, checked all the same). */
export function copyStatement(table: string, columns: readonly string[]): string {
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  return `copy ${table} (${columns.join(', ')}) from stdin`;
}

/** Copies rows (values in the columns' order) into a table, in the caller's transaction: how many were copied. */
export async function copyRows(db: Database, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<number> {
  if (rows.length === 0) return 0;
  return copyText(db, table, columns, rows.map((row) => row.map(copyField).join('\t')).join('\n') + '\n');
}

/**
 * Copies lines already in COPY's text format (each field through copyField, each line ended by \n), given whole or
 * as a stream that ends when the last line is written (destroying it makes the COPY fail).
 */
export async function copyText(db: Database, table: string, columns: readonly string[], text: string | Readable): Promise<number> {
  const result = await db.executeQuery(CompiledQuery.raw(copyStatement(table, columns), [new CopyIn(text)]));
  return Number(result.numAffectedRows ?? 0);
}

/** COPY FROM STDIN on a node-postgres client, answered as Kysely reads a query's result. */
async function copyOnClient(client: pg.PoolClient, statement: string, copy: CopyIn) {
  const stream = client.query(copyFrom(statement));
  await pipeline(typeof copy.text === 'string' ? Readable.from([copy.text]) : copy.text, stream);
  // Kysely reads numAffectedRows from INSERT-like commands only
  return { command: 'INSERT' as const, rowCount: stream.rowCount, rows: [] };
}

/**
 * A node-postgres pool whose clients run a CopyIn parameter as COPY FROM STDIN (see CopyIn) and, unless turned off,
 * a statement marked PREPARED_MARK as a named prepared statement (see prepared.ts).
 */
export function copyingPool(pool: pg.Pool, options: { preparedStatements: boolean } = { preparedStatements: true }): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      const query = (statement: unknown, parameters?: readonly unknown[]) => {
        if (typeof statement !== 'string') return client.query(statement as string, parameters as unknown[]);
        if (parameters?.[0] instanceof CopyIn) return copyOnClient(client, statement, parameters[0]);
        if (options.preparedStatements && statement.startsWith(PREPARED_MARK)) return client.query({ name: preparedName(statement), text: statement, values: parameters as unknown[] });
        return client.query(statement, parameters as unknown[]);
      };
      return { query, release: (destroy?: boolean) => client.release(destroy) } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
