import type { Database } from '#server/db/database.ts';
import { conflict, invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { takenCodes, uidTaken, type CodedTable, type UidTable } from './metadata-write.repository.ts';

/** 409 naming the first of `codes` already used in `table`, checked inside the write's transaction. */
export async function refuseTakenCodes(db: Database, table: CodedTable, codes: readonly string[]): Promise<void> {
  const [taken] = await takenCodes(db, table, codes);
  if (taken !== undefined) throw conflict(msg('indicators.metadata.codeTaken', { code: taken }));
}

/** 409 when the DHIS2 uid is already used in `table`. */
export async function refuseTakenUid(db: Database, table: UidTable, uid: string | null | undefined): Promise<void> {
  if (uid && (await uidTaken(db, table, uid))) throw conflict(msg('indicators.metadata.uidTaken', { uid }));
}

/** 400 on the first code that repeats within one request, naming its field (`field(i)` for the i-th code). */
export function refuseRepeatedCodes(codes: readonly string[], field: (index: number) => string): void {
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (seen.has(code)) throw invalidField(field(index), msg('indicators.metadata.codeRepeated', { code }), 'code');
    seen.add(code);
  });
}

const isUniqueViolation = (error: unknown): error is { code: string; detail?: string } =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Runs a write; a unique violation (another user saved the same code between our check and our insert) becomes
 * 409 naming the value from the database's detail ("Key (code)=(X) already exists.") rather than a 500.
 */
export async function conflictOnDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const code = /=\((.*)\) already exists/.exec(error.detail ?? '')?.[1] ?? '';
    throw conflict(msg('indicators.metadata.codeTaken', { code }));
  }
}
