import { MAX_EXCEL_PREVIEW, type TExcelUploadResult } from '#contracts/indicators/excel.api.ts';
import { periodLabel } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { rejectedMessage } from '#server/platform/jobs/import-job.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, invalidField } from '#server/shared/errors.ts';
import type { Upload } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import { checkSheetUpload, readSheetTable } from '#server/shared/spreadsheet.ts';
import { recordAudit } from '../audit/index.ts';
import { checkUpload, type CheckedUpload } from './excel-check.ts';
import { loadExcelContext, type ExcelContext } from './excel-context.ts';
import { FIRST_DATA_ROW, locateLayout, type SheetLayout } from './excel-sheet.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { entryBlocker } from './report.rules.ts';
import { openReportForWrite } from './report-write.ts';
import { storeValues } from './value-store.ts';

/** Reads the upload and finds its columns; a file that is not a template of this data set and period is a 400. */
async function readTemplate(context: ExcelContext, upload: Upload): Promise<{ table: string[][]; layout: SheetLayout }> {
  await checkSheetUpload(upload);
  // fixed columns, values, the template's id cell, and a little room for columns users add
  const table = await readSheetTable(upload, { maxColumns: context.columns.length + 10, headerRows: FIRST_DATA_ROW - 1 });
  const layout = locateLayout(table, context.columns, [msg('indicators.excel.unitIdHeader')]);
  if ('problem' in layout) {
    if (layout.problem === 'noUnitColumn') throw invalidField('file', msg('indicators.excel.noUnitColumn'));
    throw invalidField('file', msg('indicators.excel.duplicateColumn', { column: layout.column }));
  }
  const meta = layout.meta;
  if (meta && (meta.dataSetId !== context.dataSet.id || meta.period !== context.period)) {
    throw invalidField('file', msg('indicators.excel.otherTemplate', { period: meta.period, dataSet: context.dataSet.name, expected: periodLabel(context.period) }));
  }
  if (layout.columns.size === 0) throw invalidField('file', msg('indicators.excel.noValueColumns', { dataSet: context.dataSet.name }));
  return { table, layout };
}

function present(checked: CheckedUpload, dryRun: boolean, written: number): TExcelUploadResult {
  return {
    dryRun,
    rows: checked.rows,
    reports: checked.reports.length,
    changes: checked.changes.slice(0, MAX_EXCEL_PREVIEW),
    changeCount: checked.changes.length,
    errors: checked.errors.slice(0, MAX_EXCEL_PREVIEW),
    errorCount: checked.errors.length,
    closedRows: checked.closedRows,
    violations: checked.violations.slice(0, MAX_EXCEL_PREVIEW),
    written,
  };
}

/** A commit refused for row errors: nothing written; the message names the first error, `fields` the first ones. */
function rejected(errors: CheckedUpload['errors']): AppError {
  const fields = errors.slice(0, 100).map((e) => ({ field: msg('indicators.excel.rowField', { row: e.row, column: e.field }), message: e.message }));
  return new AppError(400, 'validation', rejectedMessage(errors), fields);
}

/**
 * Upload of a filled template. The policy and the data set are checked before the file is read. A preview
 * (dryRun) answers the changes (old → new), the row errors and the rules the new values violate; a commit checks
 * everything again inside one transaction, locks the reports it changes (in key order), refuses any report that
 * is no longer open, stores every value through the one write path (source 'excel') and audits once. Any error:
 * nothing is written.
 *
 * Synchronous, not a job: a template holds the reporting rows under one user (a province's communes, or a
 * commune's villages; the read caps at 20,000 rows), checked with a fixed number of set-wise queries and written
 * by storeValues in a few multi-row statements, so it answers in seconds, and the preview the user confirms is
 * the check the commit repeats.
 */
export async function uploadExcel(db: Database, actor: Actor, dataSetId: number, period: string, upload: Upload, dryRun: boolean): Promise<TExcelUploadResult> {
  authorize(indicatorPolicy.enter(actor), msg('indicators.report.noEnterRight'));
  const context = await loadExcelContext(db, actor, dataSetId, period);
  const { table, layout } = await readTemplate(context, upload);
  if (dryRun) return present(await checkUpload(db, actor, context, table, layout), true, 0);
  return db.transaction().execute(async (trx) => {
    const checked = await checkUpload(trx, actor, context, table, layout);
    if (checked.errors.length > 0) throw rejected(checked.errors);
    for (const { key, name } of checked.reports) {
      const report = await openReportForWrite(trx, actor.scope, key);
      const blocker = entryBlocker({ period, lockDays: context.dataSet.lockDays, today: clock.today(), state: report.state });
      if (blocker) throw conflict(msg('indicators.excel.reportClosed', { unit: name, reason: blocker }));
    }
    const results = await storeValues(trx, checked.writes, { userId: actor.userId, source: 'excel' });
    const written = results.filter((r) => r.status !== 'unchanged' && r.status !== 'duplicate').length;
    if (written > 0) {
      await recordAudit(trx, actor, {
        action: 'import',
        entity: 'data_set',
        entityId: dataSetId,
        unitId: actor.unitId ?? checked.reports[0]?.key.unitId ?? null,
        after: { period, file: upload.filename, rows: checked.rows, reports: checked.reports.map((r) => r.key.unitId), values: written },
      });
    }
    return present(checked, false, written);
  });
}
