import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  metadataEndpoints,
  type TDataElement,
  type ZDataElementInput,
  type ZDataSetInput,
  type ZIndicatorInput,
} from '#contracts/indicators/metadata.api.ts';
import type { PeriodType } from '#contracts/indicators/period.ts';
import type { ValueType } from '#contracts/indicators/value-type.ts';
import { call } from '../../api/client.ts';
import { t } from '../../i18n/i18n.ts';
import type { KnownElement } from './expression-check.ts';

const KEY = ['indicator-config'] as const;

/** Data sets (report forms) the user reports or reviews. */
export const useDataSets = () => useQuery({ queryKey: [...KEY, 'data-sets'], queryFn: () => call(metadataEndpoints.listDataSets) });

/** Data elements the user may use: national ones and those of their province. */
export const useDataElements = () => useQuery({ queryKey: [...KEY, 'data-elements'], queryFn: () => call(metadataEndpoints.listDataElements) });

export const useIndicators = () => useQuery({ queryKey: [...KEY, 'indicators'], queryFn: () => call(metadataEndpoints.listIndicators) });

/** Disaggregations ('default' first). */
export const useCategoryCombos = () =>
  useQuery({ queryKey: [...KEY, 'category-combos'], queryFn: () => call(metadataEndpoints.listCategoryCombos), staleTime: 60_000 });

/** A create mutation that refreshes every list of the feature. */
function useCreate<I, O>(send: (body: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateDataElement = () => useCreate((body: z.input<typeof ZDataElementInput>) => call(metadataEndpoints.createDataElement, { body }));
export const useCreateIndicator = () => useCreate((body: z.input<typeof ZIndicatorInput>) => call(metadataEndpoints.createIndicator, { body }));
export const useCreateDataSet = () => useCreate((body: z.input<typeof ZDataSetInput>) => call(metadataEndpoints.createDataSet, { body }));

/** "Tháng", "Quý", "6 tháng", "Năm". */
export const periodTypeLabel = (type: PeriodType) => t(`indicatorConfig.periodType.${type}`);
/** "Số nguyên", "Tỷ lệ (%)"… */
export const valueTypeLabel = (type: ValueType) => t(`indicatorConfig.valueType.${type}`);

/** Elements by code, as expressions may read them (for the live check of a formula). */
export function knownElements(elements: readonly TDataElement[]): Map<string, KnownElement> {
  return new Map(elements.map((e) => [e.code, { valueType: e.valueType, cocCodes: new Set(e.optionCombos.map((c) => c.code)) }]));
}
