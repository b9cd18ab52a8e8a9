import { z } from 'zod';
import { ZDate, ZId, zString, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUuid } from '../jobs.ts';
import { ZDataElement, ZDataSet, ZValidationRule } from './metadata.api.ts';
import { parsePeriod } from './period.ts';

/** A period id as DHIS2 writes it ('202503', '2025Q1', '2025S1', '2025'; '2025-03' is read as '202503'). */
export const ZPeriod = zString()
  .trim()
  .refine((value) => parsePeriod(value) !== null, { message: 'kỳ báo cáo không hợp lệ (ví dụ 202503, 2025Q1, 2025S1, 2025)' })
  .transform((value) => (parsePeriod(value) as { id: string }).id);

export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned', 'approved'] as const;
export const ZReportState = z.enum(REPORT_STATES);
export type TReportState = z.infer<typeof ZReportState>;

export const ZPeriodInfo = z.object({
  id: z.string(),
  label: z.string(),
  start: ZDate,
  end: ZDate,
  /** Due date: first submissions after it are late. */
  due: ZDate,
  /** Entry closes after this date (except for a report returned for correction). */
  lock: ZDate,
});
export type TPeriodInfo = z.infer<typeof ZPeriodInfo>;

export const ZTransitionRecord = z.object({
  from: ZReportState,
  to: ZReportState,
  at: z.string(),
  by: z.string(),
  reason: z.string().nullable(),
});

export const ZReport = z.object({
  id: ZUuid,
  dataSetId: ZId,
  unitId: ZId,
  unitName: z.string(),
  period: z.string(),
  state: ZReportState,
  version: z.number().int(),
  holderUnitId: ZId,
  holderUnitName: z.string(),
  firstSubmittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  approvedAt: z.string().nullable(),
  /** Moves the signed-in user may make now, by target state. */
  actions: z.array(ZReportState),
  /** Returned: the latest reason. */
  lastReason: z.string().nullable(),
  history: z.array(ZTransitionRecord),
});
export type TReport = z.infer<typeof ZReport>;

export const ZCellValue = z.object({
  unitId: ZId,
  dataElementId: ZId,
  cocId: ZId,
  num: z.number().nullable(),
  txt: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
  storedBy: z.string().nullable(),
  storedAt: z.string(),
});
export type TCellValue = z.infer<typeof ZCellValue>;

export const ZRuleViolation = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  left: z.number().nullable(),
  right: z.number().nullable(),
  /** The form row (unit) it was found on. */
  unitId: ZId,
});
export type TRuleViolation = z.infer<typeof ZRuleViolation>;

export const ZForm = z.object({
  dataSet: ZDataSet,
  elements: z.array(ZDataElement),
  rules: z.array(ZValidationRule),
  unit: z.object({ id: ZId, name: z.string(), level: z.string() }),
  period: ZPeriodInfo,
  previousPeriod: ZPeriodInfo,
  /** The units whose values the form holds: the unit itself, or a commune's villages for village-level sets. */
  rows: z.array(z.object({ unitId: ZId, name: z.string() })),
  values: z.array(ZCellValue),
  previous: z.array(ZCellValue),
  report: ZReport.nullable(),
  /** Whether the signed-in user may change values now, and if not why (Vietnamese). */
  editable: z.boolean(),
  notEditableReason: z.string().nullable(),
  violations: z.array(ZRuleViolation),
});
export type TForm = z.infer<typeof ZForm>;

export const ZFormQuery = z.object({ unitId: ZId, period: ZPeriod });

export const ZValuesInput = z.object({
  dataSetId: ZId,
  /** The reporting unit (the commune for a village-level set). */
  unitId: ZId,
  period: ZPeriod,
  values: z
    .array(
      z.object({
        /** UUIDv7 made by the browser: the same write sent twice is stored once. */
        writeId: ZUuid,
        unitId: ZId,
        dataElementId: ZId,
        cocId: ZId,
        /** As typed; empty = remove the value. */
        value: zString().max(2000).nullable(),
        comment: zText(1000, 0).nullable().optional(),
      }),
    )
    .min(1)
    .max(2000),
});

export const ZValuesResult = z.object({
  results: z.array(z.object({ writeId: ZUuid, status: z.enum(['created', 'updated', 'deleted', 'unchanged', 'duplicate']), version: z.number().int() })),
  report: ZReport,
  violations: z.array(ZRuleViolation),
});

export const ZTransitionInput = z.object({
  to: ZReportState,
  seenState: ZReportState,
  seenVersion: z.number().int().min(0),
  reason: zText(1000, 0).nullable().optional(),
});

export const ZReportListQuery = z.object({ dataSetId: ZId, period: ZPeriod, unitId: ZId.optional() });

export const ZCompleteness = z.object({
  dataSetId: ZId,
  period: ZPeriodInfo,
  unit: z.object({ id: ZId, name: z.string() }),
  expected: z.number().int(),
  submitted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  approved: z.number().int(),
  returned: z.number().int(),
  missing: z.number().int(),
  /** Every reporting unit under the unit with its report (null = nothing entered yet). */
  units: z.array(
    z.object({
      unitId: ZId,
      name: z.string(),
      parentName: z.string().nullable(),
      report: z.object({ id: ZUuid, state: ZReportState, version: z.number().int(), onTime: z.boolean().nullable(), firstSubmittedAt: z.string().nullable() }).nullable(),
    }),
  ),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;

export const ZValueHistoryQuery = z.object({ unitId: ZId, period: ZPeriod, dataElementId: ZId, cocId: ZId });
export const ZValueHistory = z.array(
  z.object({ version: z.number().int(), oldValue: z.string().nullable(), newValue: z.string().nullable(), deleted: z.boolean(), at: z.string(), by: z.string().nullable(), source: z.string() }),
);

export const reportEndpoints = {
  getForm: endpoint({
    method: 'GET',
    path: '/api/indicators/forms/:dataSetId',
    summary: 'The entry form of a data set for a unit and period: values, last period, report, rules',
    params: z.object({ dataSetId: ZId }),
    query: ZFormQuery,
    response: ZForm,
  }),
  putValues: endpoint({
    method: 'PUT',
    path: '/api/indicators/values',
    summary: 'Store values of a report (idempotent by write id); answers the rule violations',
    body: ZValuesInput,
    response: ZValuesResult,
  }),
  valueHistory: endpoint({
    method: 'GET',
    path: '/api/indicators/values/history',
    summary: 'Every change of one value, newest first',
    query: ZValueHistoryQuery,
    response: ZValueHistory,
  }),
  transitionReport: endpoint({
    method: 'POST',
    path: '/api/indicators/reports/:id/transitions',
    summary: 'Submit, accept, return, approve or unapprove a report',
    params: z.object({ id: ZUuid }),
    body: ZTransitionInput,
    response: ZReport,
  }),
  getReport: endpoint({ method: 'GET', path: '/api/indicators/reports/:id', summary: 'One report with its history', params: z.object({ id: ZUuid }), response: ZReport }),
  completeness: endpoint({
    method: 'GET',
    path: '/api/indicators/completeness',
    summary: 'Expected, submitted, on time, late and missing reports of a data set and period under a unit',
    query: ZReportListQuery,
    response: ZCompleteness,
  }),
};
