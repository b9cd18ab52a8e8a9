import { z } from 'zod';
import { ZId, ZIdParams, zString, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { PERIOD_TYPES } from './period.ts';
import { VALIDATION_OPERATORS } from './validation.ts';
import { VALUE_TYPES } from './value-type.ts';

/** A metadata code: letters, digits, '_' and '-' (also the DHIS2 code used by idScheme=CODE). */
export const ZCode = zString().trim().regex(/^[A-Za-z0-9_-]{1,50}$/, { message: 'chỉ gồm chữ không dấu, số, _ và -, tối đa 50 ký tự' });
/** A DHIS2 uid: 11 characters, a letter first. */
export const ZDhis2Uid = zString().regex(/^[A-Za-z][A-Za-z0-9]{10}$/, { message: 'mã DHIS2 gồm 11 ký tự, bắt đầu bằng chữ' });

export const ZValueType = z.enum(VALUE_TYPES);
export const ZPeriodType = z.enum(PERIOD_TYPES);
export const ZAggregation = z.enum(['sum', 'none']);
export const ZReportingLevel = z.enum(['province', 'district', 'commune', 'village']);

/** One disaggregation of an element ("Nữ", "Đất đai"); the default combo has one, 'default'. */
export const ZOptionCombo = z.object({ id: ZId, code: z.string(), name: z.string(), dhis2Uid: z.string().nullable() });
export type TOptionCombo = z.infer<typeof ZOptionCombo>;

export const ZCategoryCombo = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  categories: z.array(z.object({ id: ZId, code: z.string(), name: z.string(), options: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })) })),
  optionCombos: z.array(ZOptionCombo),
});
export type TCategoryCombo = z.infer<typeof ZCategoryCombo>;

export const ZCategoryComboInput = z.object({
  code: ZCode,
  name: zText(200),
  /**
   * One or two categories, each with its options; the option combos are their cartesian product, named by the
   * options' names joined by ", " ("Nữ, Dân tộc thiểu số") and coded `<combo>_<option>[_<option>]` (GT_DT_NU_DTTS),
   * the code written after the dot in an expression: `#{DE_CODE.GT_DT_NU_DTTS}`.
   */
  categories: z
    .array(z.object({ code: ZCode, name: zText(200), options: z.array(z.object({ code: ZCode, name: zText(200) })).min(1).max(30) }))
    .min(1)
    .max(2),
});

export const ZDataElement = z.object({
  id: ZId,
  code: z.string(),
  dhis2Uid: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  valueType: ZValueType,
  aggregation: ZAggregation,
  unitOfMeasure: z.string().nullable(),
  comboId: ZId,
  optionCombos: z.array(ZOptionCombo),
  source: z.enum(['entered', 'derived']),
  derivedCode: z.string().nullable(),
  zeroSignificant: z.boolean(),
  dataSetId: ZId.nullable(),
});
export type TDataElement = z.infer<typeof ZDataElement>;

export const ZDataElementInput = z.object({
  code: ZCode,
  dhis2Uid: ZDhis2Uid.nullable().optional(),
  name: zText(300),
  shortName: zText(100).optional(),
  valueType: ZValueType,
  /** Ignored for text and percentage (never summed). */
  aggregation: ZAggregation.default('sum'),
  unitOfMeasure: zText(50).nullable().optional(),
  comboId: ZId.optional(),
  zeroSignificant: z.boolean().default(true),
});

export const ZValidationRule = z.object({
  id: ZId,
  code: z.string(),
  leftSide: z.string(),
  operator: z.enum(VALIDATION_OPERATORS),
  rightSide: z.string(),
  severity: z.enum(['error', 'warning']),
  missing: z.enum(['skip_if_any_missing', 'never_skip']),
  message: z.string(),
});
export type TValidationRule = z.infer<typeof ZValidationRule>;
export const ZValidationRuleInput = ZValidationRule.omit({ id: true }).extend({
  code: ZCode,
  leftSide: zText(1000),
  rightSide: zText(1000),
  message: zText(500),
  missing: z.enum(['skip_if_any_missing', 'never_skip']).default('skip_if_any_missing'),
});

export const ZDataSetElement = z.object({ dataElementId: ZId, section: z.string().nullable(), sort: z.number().int(), required: z.boolean() });

export const ZDataSet = z.object({
  id: ZId,
  code: z.string(),
  dhis2Uid: z.string().nullable(),
  name: z.string(),
  periodType: ZPeriodType,
  dueDays: z.number().int(),
  lockDays: z.number().int(),
  ownerUnitId: ZId,
  ownerUnitName: z.string(),
  active: z.boolean(),
  /** Reporting units: every unit of these levels under the owner, plus these units. */
  levels: z.array(ZReportingLevel),
  unitIds: z.array(ZId),
  elements: z.array(ZDataSetElement),
  rules: z.array(ZValidationRule),
});
export type TDataSet = z.infer<typeof ZDataSet>;

export const ZDataSetInput = z.object({
  code: ZCode,
  dhis2Uid: ZDhis2Uid.nullable().optional(),
  name: zText(300),
  periodType: ZPeriodType,
  dueDays: z.coerce.number().int().min(0).max(366),
  lockDays: z.coerce.number().int().min(0).max(732),
  ownerUnitId: ZId,
  levels: z.array(ZReportingLevel).max(4).default([]),
  unitIds: z.array(ZId).max(5000).default([]),
  elements: z.array(z.object({ dataElementId: ZId, section: zText(200).nullable().optional(), required: z.boolean().default(false) })).min(1).max(300),
  rules: z.array(ZValidationRuleInput).max(200).default([]),
});

export const ZIndicator = z.object({
  id: ZId,
  code: z.string(),
  dhis2Uid: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  numerator: z.string(),
  denominator: z.string(),
  factor: z.number(),
  decimals: z.number().int(),
  unitOfMeasure: z.string().nullable(),
  target: z.number().nullable(),
  targetDirection: z.enum(['higher', 'lower']).nullable(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorInput = z.object({
  code: ZCode,
  dhis2Uid: ZDhis2Uid.nullable().optional(),
  name: zText(300),
  description: zText(2000).nullable().optional(),
  numerator: zText(1000),
  denominator: zText(1000).default('1'),
  factor: z.number().positive().max(1e6).default(1),
  decimals: z.number().int().min(0).max(4).default(1),
  unitOfMeasure: zText(50).nullable().optional(),
  target: z.number().min(-1e12).max(1e12).nullable().optional(),
  targetDirection: z.enum(['higher', 'lower']).nullable().optional(),
});

export const metadataEndpoints = {
  listCategoryCombos: endpoint({ method: 'GET', path: '/api/indicators/category-combos', summary: 'Disaggregations', response: z.array(ZCategoryCombo) }),
  createCategoryCombo: endpoint({
    method: 'POST',
    path: '/api/indicators/category-combos',
    summary: 'Define a disaggregation (categories, options, their combinations)',
    body: ZCategoryComboInput,
    response: ZCategoryCombo,
  }),
  listDataElements: endpoint({ method: 'GET', path: '/api/indicators/data-elements', summary: 'Data elements', response: z.array(ZDataElement) }),
  createDataElement: endpoint({ method: 'POST', path: '/api/indicators/data-elements', summary: 'Define a data element', body: ZDataElementInput, response: ZDataElement }),
  listDataSets: endpoint({
    method: 'GET',
    path: '/api/indicators/data-sets',
    summary: 'Data sets (report forms) the user reports or reviews',
    response: z.array(ZDataSet),
  }),
  getDataSet: endpoint({ method: 'GET', path: '/api/indicators/data-sets/:id', summary: 'One data set', params: ZIdParams, response: ZDataSet }),
  createDataSet: endpoint({ method: 'POST', path: '/api/indicators/data-sets', summary: 'Define a data set', body: ZDataSetInput, response: ZDataSet }),
  listIndicators: endpoint({ method: 'GET', path: '/api/indicators/indicators', summary: 'Indicators', response: z.array(ZIndicator) }),
  getIndicator: endpoint({ method: 'GET', path: '/api/indicators/indicators/:id', summary: 'One indicator', params: ZIdParams, response: ZIndicator }),
  createIndicator: endpoint({ method: 'POST', path: '/api/indicators/indicators', summary: 'Define an indicator', body: ZIndicatorInput, response: ZIndicator }),
};
