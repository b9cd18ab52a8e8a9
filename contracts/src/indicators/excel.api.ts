import { z } from 'zod';
import { ZId, ZRowError } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZPeriod, ZRuleViolation } from './reports.api.ts';

/** Rows of the template: the unit's own report ('unit'), or every reporting unit under it in the user's scope. */
export const ZTemplateScope = z.enum(['unit', 'subtree']);

export const ZTemplateQuery = z.object({
  period: ZPeriod,
  /** The reporting unit ('unit'), or the top of the subtree ('subtree'). */
  unitId: ZId,
  scope: ZTemplateScope.default('unit'),
});

export const ZExcelUploadQuery = z.object({
  period: ZPeriod,
  /** true = check and preview only (nothing written). */
  dryRun: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

/** One cell the upload changes: its spreadsheet row, the unit, the column's header, the value before and after. */
export const ZExcelChange = z.object({
  row: z.number().int(),
  unitId: ZId,
  unitName: z.string(),
  column: z.string(),
  dataElementId: ZId,
  cocId: ZId,
  /** As stored now (null: no value). */
  oldValue: z.string().nullable(),
  /** As in the file (null: the cell is empty, the value is removed). */
  newValue: z.string().nullable(),
});
export type TExcelChange = z.infer<typeof ZExcelChange>;

/** Largest number of changes, errors and rule violations listed in a preview (the counts are always complete). */
export const MAX_EXCEL_PREVIEW = 1000;

/**
 * Preview (dryRun) or result of an upload. Nothing is written when `errorCount` > 0: a commit with errors answers
 * 400 with the first error; `written` counts the values stored by a commit.
 */
export const ZExcelUploadResult = z.object({
  dryRun: z.boolean(),
  /** Data rows read (blank rows skipped). */
  rows: z.number().int(),
  /** Reports with at least one change. */
  reports: z.number().int(),
  changes: z.array(ZExcelChange),
  changeCount: z.number().int(),
  errors: z.array(ZRowError),
  errorCount: z.number().int(),
  /** Rows of reports already sent, approved or locked, left unchanged (changing them would be an error). */
  closedRows: z.number().int(),
  /** Rules violated by the values after the upload, on the rows of open reports (they do not stop the upload). */
  violations: z.array(ZRuleViolation.extend({ row: z.number().int(), unitName: z.string() })),
  written: z.number().int(),
});
export type TExcelUploadResult = z.infer<typeof ZExcelUploadResult>;

export const excelEndpoints = {
  excelTemplate: endpoint({
    method: 'GET',
    path: '/api/indicators/forms/:dataSetId/template.xlsx',
    summary: 'Excel template of a data set for a period, pre-filled: one unit, or every reporting unit under it',
    params: z.object({ dataSetId: ZId }),
    query: ZTemplateQuery,
    response: z.unknown().describe('xlsx bytes'),
  }),
  excelUpload: endpoint({
    method: 'POST',
    path: '/api/indicators/forms/:dataSetId/upload',
    summary: 'Upload a filled Excel template: preview (dryRun) with row errors, or store every value in one transaction',
    params: z.object({ dataSetId: ZId }),
    query: ZExcelUploadQuery,
    multipart: true,
    response: ZExcelUploadResult,
  }),
};
