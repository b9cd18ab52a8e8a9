import { z } from 'zod';
import { ZDate, zString } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUuid } from '../jobs.ts';
import { ZPeriod } from './reports.api.ts';

/**
 * DHIS2 `dataValueSets` exchange (docs/design/indicators.md §8). Import behaviour follows DHIS2 2.42 (tag 2.42.5.2,
 * the legacy importer): imported / updated / ignored / deleted counts and per-value conflicts; deviations are
 * listed in docs/design/dhis2-exchange.md.
 */

export const ID_SCHEMES = ['UID', 'CODE'] as const;
export type TIdScheme = (typeof ID_SCHEMES)[number];
/** `uid` or `code`, in any case (DHIS2 reads both). */
export const ZIdScheme = zString()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.enum(ID_SCHEMES));

export const IMPORT_STRATEGIES = ['CREATE', 'UPDATE', 'CREATE_AND_UPDATE', 'DELETE'] as const;
export type TImportStrategy = (typeof IMPORT_STRATEGIES)[number];
/** DHIS2's older names of the same strategies. */
const STRATEGY_ALIASES: Record<string, TImportStrategy> = { NEW: 'CREATE', UPDATES: 'UPDATE', NEW_AND_UPDATES: 'CREATE_AND_UPDATE', DELETES: 'DELETE' };
export const ZImportStrategy = zString()
  .transform((value) => {
    const upper = value.trim().toUpperCase();
    return STRATEGY_ALIASES[upper] ?? upper;
  })
  .pipe(z.enum(IMPORT_STRATEGIES));

/** A query flag: true/false in any case. */
const zFlag = (fallback: boolean) =>
  zString()
    .transform((value) => value.trim().toLowerCase())
    .pipe(z.enum(['true', 'false']))
    .transform((value) => value === 'true')
    .default(fallback);

/** An identifier as a DHIS2 file gives it: a uid or a code. */
const zIdentifier = zString().trim().min(1).max(50);

export const ZDhis2ImportQuery = z.object({
  /** Classify and count every value, write nothing. */
  dryRun: zFlag(false),
  importStrategy: ZImportStrategy.default('CREATE_AND_UPDATE'),
  idScheme: ZIdScheme.optional(),
  dataElementIdScheme: ZIdScheme.optional(),
  orgUnitIdScheme: ZIdScheme.optional(),
  categoryOptionComboIdScheme: ZIdScheme.optional(),
  dataSetIdScheme: ZIdScheme.optional(),
  /** The data set of a CSV file (a CSV has no header for it). */
  dataSet: zIdentifier.optional(),
});
export type TDhis2ImportQuery = z.output<typeof ZDhis2ImportQuery>;

export const ZImportCount = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  ignored: z.number().int(),
  deleted: z.number().int(),
});

/** One problem, with the 0-based positions of the values it concerns in the file (data rows for CSV). */
export const ZImportConflict = z.object({
  /** The identifier or value at fault, as the file gave it. */
  object: z.string(),
  /** Why, in Vietnamese. */
  value: z.string(),
  /** DHIS2 2.42 code (E7610 …), E8128 for a duplicate, or our own DVS1xx. */
  errorCode: z.string(),
  indexes: z.array(z.number().int()),
});
export type TImportConflict = z.infer<typeof ZImportConflict>;

export const IMPORT_STATUSES = ['SUCCESS', 'WARNING', 'ERROR'] as const;

/** DHIS2's ImportSummary (2.42 shape), stored as the import job's result. */
export const ZImportSummary = z.object({
  responseType: z.literal('ImportSummary'),
  status: z.enum(IMPORT_STATUSES),
  description: z.string(),
  importOptions: z.object({
    dryRun: z.boolean(),
    importStrategy: z.enum(IMPORT_STRATEGIES),
    /** How the file was read: JSON, or CSV by column names or by position (2.42). */
    format: z.enum(['json', 'csv']),
  }),
  importCount: ZImportCount,
  conflicts: z.array(ZImportConflict),
  rejectedIndexes: z.array(z.number().int()),
  /** Completion is not registered by an import (reports are submitted in the app): always "false". */
  dataSetComplete: z.literal('false'),
  /** More conflicts or indexes than the summary keeps (1,000 conflicts, 1,000 indexes each, 100,000 rejected). */
  truncated: z.boolean(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

/** The import job's target: a page finds the user's running import again after a reload. */
export const DHIS2_IMPORT_TARGET = 'indicators:dataValueSets';

export const ZDhis2ImportStarted = z.object({
  /** Watch it at GET /api/jobs/:id; its result is the ImportSummary. */
  jobId: ZUuid,
  dryRun: z.boolean(),
});

export const ZDhis2ExportQuery = z
  .object({
    /** Periods lying wholly between the two dates (DHIS2's startDate/endDate). */
    startDate: ZDate.optional(),
    endDate: ZDate.optional(),
    /** The data set, under `idScheme`. */
    dataSet: zIdentifier,
    /** Or one period. */
    period: ZPeriod.optional(),
    /** The unit, under `idScheme`. */
    orgUnit: zIdentifier,
    /** Include every unit below it. */
    children: zFlag(false),
    /** Identifiers written for elements, units, disaggregations and the data set (and read for dataSet, orgUnit). */
    idScheme: ZIdScheme.default('UID'),
  })
  .refine((query) => (query.period !== undefined) !== (query.startDate !== undefined && query.endDate !== undefined), {
    message: 'cần kỳ báo cáo (period) hoặc khoảng ngày (startDate, endDate)',
    path: ['period'],
  });
export type TDhis2ExportQuery = z.output<typeof ZDhis2ExportQuery>;

/** The 11 columns DHIS2 2.42 writes (and reads by position). */
export const DHIS2_CSV_COLUMNS = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;

export const dhis2Endpoints = {
  importDataValueSets: endpoint({
    method: 'POST',
    path: '/api/indicators/dataValueSets',
    summary: 'Import a DHIS2 dataValueSets file (.json or .csv, up to 200 MB) as a background job; its result is the ImportSummary',
    query: ZDhis2ImportQuery,
    multipart: true,
    response: ZDhis2ImportStarted,
  }),
  exportDataValueSetsJson: endpoint({
    method: 'GET',
    path: '/api/indicators/dataValueSets.json',
    summary: 'Export the values of a data set, period(s) and unit (and below) as DHIS2 dataValueSets JSON',
    query: ZDhis2ExportQuery,
    response: z.unknown().describe('{ dataSet, dataValues: [...] }, streamed'),
  }),
  exportDataValueSetsCsv: endpoint({
    method: 'GET',
    path: '/api/indicators/dataValueSets.csv',
    summary: 'Export the same values as DHIS2 2.42 CSV (11 columns with a header row)',
    query: ZDhis2ExportQuery,
    response: z.unknown().describe('text/csv, streamed'),
  }),
};
