import type { TCaseCreate } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { createCaseFromPortal } from '../index.ts';

/**
 * The one place the portal (and Open311) hands a case to the petitions module's intake: pet-core's
 * createCaseFromPortal, inside the portal's transaction (channel and source `portal`, no account).
 */
export async function intakeFromPortal(trx: Database, input: TCaseCreate): Promise<{ id: string; provinceId: number; code: string }> {
  return createCaseFromPortal(trx, input);
}
