import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { notFound } from '#server/shared/errors.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { ensureReport, findReportByKey, lockReport, type ReportRow } from './report.repository.ts';

/** The key of one report: a data set, a reporting unit, a period, in the unit's 2025 province. */
export interface ReportKey {
  provinceId: number;
  dataSetId: number;
  unitId: number;
  period: string;
}

/**
 * Before values of a report are written (form or Excel upload), inside the writer's transaction: creates the
 * report on its first write, locks its row (values and transitions of one report serialise) and reads it again
 * after the lock, so the state the caller checks is the one that holds until commit.
 */
export async function openReportForWrite(trx: Database, scope: Scope, key: ReportKey): Promise<ReportRow> {
  await ensureReport(trx, { id: uuidv7(), ...key, at: clock.now() });
  const report = await findReportByKey(trx, scope, key);
  if (!report) throw notFound('entity.report');
  await lockReport(trx, key.provinceId, report.id);
  return (await findReportByKey(trx, scope, key)) ?? report;
}
