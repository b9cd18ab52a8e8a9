import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { clock } from '#server/shared/clock.ts';
import { receiveCase } from './case-intake.ts';
import { findNationalField } from './field.repository.ts';

/** A complaint received by the commune, for the foreign-scope test. */
export async function petitionScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const field = await findNationalField(db, 'land');
  const { id } = await db.transaction().execute((trx) =>
    receiveCase(trx, { source: 'portal' }, {
      kind: 'complaint', channel: 'portal', fieldId: field?.id ?? 1, unitId, subject: `Khiếu nại thử ${unitId}`, content: 'Nội dung thử',
      receivedOn: clock.today(), persons: [{ fullName: `Người gửi ${unitId}` }],
    }, { all: true }),
  );
  return { '/api/petitions/:id': { id }, '/api/petitions/:id/duplicates': { id } };
}
