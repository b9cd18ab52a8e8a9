import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { grassrootsEndpoints, type ZBriefingListQuery, type ZVisitListQuery } from '#contracts/grassroots/api.ts';
import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import { call } from '../../api/client.ts';

const KEY = ['grassroots'] as const;
/** What the visit form needs is kept a day, so it still opens with no signal. */
const FORM_DATA = { staleTime: 5 * 60_000, gcTime: 24 * 3600_000 } as const;

export const usePurposes = () => useQuery({ queryKey: [...KEY, 'purposes'], queryFn: () => call(grassrootsEndpoints.listPurposes, {}), ...FORM_DATA });
export const useCadres = () => useQuery({ queryKey: [...KEY, 'cadres'], queryFn: () => call(grassrootsEndpoints.listCadres, { query: {} }), ...FORM_DATA });
export const usePlaces = (unitId: number | null) =>
  useQuery({ queryKey: [...KEY, 'places', unitId], queryFn: () => call(grassrootsEndpoints.listPlaces, { query: unitId ? { unitId } : {} }), ...FORM_DATA });

export const useVisits = (query: Partial<z.input<typeof ZVisitListQuery>>) =>
  useQuery({ queryKey: [...KEY, 'visits', query], queryFn: () => call(grassrootsEndpoints.listVisits, { query }), placeholderData: keepPreviousData });

export const useFieldDays = (month: string) =>
  useQuery({ queryKey: [...KEY, 'field-days', month], queryFn: () => call(grassrootsEndpoints.fieldDays, { query: { month } }), placeholderData: keepPreviousData });

export const useBriefings = (query: Partial<z.input<typeof ZBriefingListQuery>>) =>
  useQuery({ queryKey: [...KEY, 'briefings', query], queryFn: () => call(grassrootsEndpoints.listBriefings, { query }), placeholderData: keepPreviousData, ...FORM_DATA, staleTime: 0 });
/** The members registered in a bloc or team on a day (the attendance list), kept for offline use. */
export const useBriefingMembers = (organizationId: number | null, asOf: string) =>
  useQuery({
    queryKey: [...KEY, 'briefing-members', organizationId, asOf],
    queryFn: () => call(grassrootsEndpoints.briefingMembers, { params: { organizationId: organizationId as number }, query: { asOf } }),
    enabled: organizationId !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    ...FORM_DATA,
  });
/** The topics of public sentiment, which a briefing's issues are tagged with. */
export const useSentimentTopics = () => useQuery({ queryKey: [...KEY, 'sentiment-topics'], queryFn: () => call(sentimentEndpoints.listTopics, {}), ...FORM_DATA });
