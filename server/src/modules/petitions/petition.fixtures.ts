import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { clock } from '#server/shared/clock.ts';
import { receiveCase } from './case-intake.ts';
import { findAnyUnit } from './case.repository.ts';
import { findNationalField } from './field.repository.ts';

/** A complaint received by the commune, for the foreign-scope test. */
export async function petitionScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const field = await findNationalField(db, 'land');
  // a unit of 2019 ended on 30/06/2025: the case was received while it was in force
  const unit = await findAnyUnit(db, unitId);
  const receivedOn = unit?.valid_to && unit.valid_to < clock.today() ? unit.valid_to : clock.today();
  const { id } = await db.transaction().execute((trx) =>
    receiveCase(trx, { source: 'portal' }, {
      kind: 'complaint', channel: 'portal', fieldId: field?.id ?? 1, unitId, subject: `Khiếu nại thử ${unitId}`, content: 'Nội dung thử',
      receivedOn, persons: [{ fullName: `Người gửi ${unitId}` }],
    }, { all: true }),
  );
  return { '/api/petitions/:id': { id }, '/api/petitions/:id/duplicates': { id } };
}
