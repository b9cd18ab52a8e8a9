import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  sentimentEndpoints as e, type TSentimentAlertStatus, type TSentimentPeriodQuery, type TSentimentRuleChange, type TSentimentRuleInput, type ZSentimentListQuery,
} from '#contracts/sentiment/api.ts';
import { hotspotEndpoints } from '#contracts/petitions/portal.api.ts';
import { unitEndpoints } from '#contracts/units.ts';
import { call } from '../../api/client.ts';

const KEY = ['sentiment'] as const;
/** The form's lists are kept for the day: the form must open with no connection once it has been opened. */
const DAY = 24 * 60 * 60 * 1000;

export const useTopics = () => useQuery({ queryKey: [...KEY, 'topics'], queryFn: () => call(e.listTopics, {}), staleTime: DAY, gcTime: DAY });

/** The places a report may name: the home unit and its children (a commune's villages), in force today. */
export const usePlaces = (unitId: number | null) =>
  useQuery({
    queryKey: [...KEY, 'places', unitId],
    queryFn: async () => {
      const [unit, children] = await Promise.all([
        call(unitEndpoints.get, { params: { id: unitId ?? 0 }, query: {} }),
        call(unitEndpoints.children, { query: { parentId: unitId ?? 0 } }),
      ]);
      return { unit: unit.unit, children };
    },
    enabled: unitId !== null,
    staleTime: DAY,
    gcTime: DAY,
  });

/** The Tổ dân vận and Khối dân vận of the home unit and its children: who a report may name as its sender. */
export const useTeams = (unitId: number | null) =>
  useQuery({
    queryKey: [...KEY, 'teams', unitId],
    queryFn: () => call(e.listTeams, { query: { unitId: unitId ?? 0 } }),
    enabled: unitId !== null,
    staleTime: DAY,
    gcTime: DAY,
  });

export const useReports = (query: Partial<z.input<typeof ZSentimentListQuery>>) =>
  useQuery({ queryKey: [...KEY, 'reports', query], queryFn: () => call(e.listReports, { query }), placeholderData: keepPreviousData });

export const useTable = (query: TSentimentPeriodQuery) =>
  useQuery({ queryKey: [...KEY, 'table', query], queryFn: () => call(e.table, { query }), placeholderData: keepPreviousData });

export const useMap = (query: TSentimentPeriodQuery) =>
  useQuery({ queryKey: [...KEY, 'map', query], queryFn: () => call(e.map, { query }), placeholderData: keepPreviousData });

export const useAlerts = (status: TSentimentAlertStatus | '') =>
  useQuery({ queryKey: [...KEY, 'alerts', status], queryFn: () => call(e.listAlerts, { query: status ? { status } : {} }), placeholderData: keepPreviousData });

export const useAlert = (id: string | null) =>
  useQuery({ queryKey: [...KEY, 'alert', id], queryFn: () => call(e.getAlert, { params: { id: id ?? '' } }), enabled: id !== null });

/**
 * Hot-spot cases of the petitions module in the alert's commune (its province's hot spots, cases flagged "điểm
 * nóng"), for the link from an alert: linked, never copied. Only for readers of petitions.
 */
export const useCommuneHotspots = (provinceId: number, communeId: number, enabled: boolean) =>
  useQuery({
    queryKey: ['petitions', 'hotspots', { provinceId, flag: 'hot_spot' }],
    queryFn: () => call(hotspotEndpoints.hotspots, { query: { provinceId, flag: 'hot_spot' } }),
    select: (data) => data.communes.find((commune) => commune.communeId === communeId)?.cases ?? 0,
    enabled,
  });

function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useMoveAlert = () =>
  useWrite((input: { id: string; seenState: TSentimentAlertStatus; seenVersion: number; to: TSentimentAlertStatus; reason?: string }) =>
    call(e.moveAlert, { params: { id: input.id }, body: { seenState: input.seenState, seenVersion: input.seenVersion, to: input.to, reason: input.reason ?? null } }),
  );

export const useAddNote = () => useWrite((input: { id: string; noteId: string; text: string }) => call(e.addAlertNote, { params: { id: input.id }, body: { id: input.noteId, text: input.text } }));

/** The early-warning rules that apply to the provinces of the scope (the national default and their own). */
export const useRules = () => useQuery({ queryKey: [...KEY, 'rules'], queryFn: () => call(e.listRules, { query: {} }) });

export const useCreateRule = () => useWrite((input: TSentimentRuleInput) => call(e.createRule, { body: input }));

export const useChangeRule = () => useWrite((input: { id: number; change: TSentimentRuleChange }) => call(e.changeRule, { params: { id: input.id }, body: input.change }));
