import type { TCaseCreate } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { createCaseFromPortal } from '../index.ts';

/**
 * The one place the portal (and Open311) hands a case to the petitions module's intake, inside the portal's
 * transaction: pet-core's createCaseFromPortal with channel and source `portal`, no account, any unit of the
 * country (the citizen chose the commune).
 */
export async function intakeFromPortal(trx: Database, input: TCaseCreate): Promise<{ id: string; provinceId: number; code: string }> {
  const c = await createCaseFromPortal(trx, { source: 'portal' }, input, { all: true });
  return { id: c.id, provinceId: c.provinceId, code: c.code };
}
