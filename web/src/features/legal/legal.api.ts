import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { legalEndpoints, type DeadlineUnit } from '#contracts/legal/api.ts';
import { call } from '../../api/client.ts';

export const useCalendarYears = () => useQuery({ queryKey: ['legal', 'years'], queryFn: () => call(legalEndpoints.calendarYears, {}) });

export const useCalendarYear = (year: number) =>
  useQuery({ queryKey: ['legal', 'year', year], queryFn: () => call(legalEndpoints.calendarYear, { query: { year } }) });

export function useSetCalendarDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { date: string; working: boolean }) => call(legalEndpoints.setCalendarDay, { body: { date: input.date, working: input.working } }),
    onSuccess: (year) => {
      client.setQueryData(['legal', 'year', year.year], year);
      void client.invalidateQueries({ queryKey: ['legal', 'years'] });
      void client.invalidateQueries({ queryKey: ['legal', 'edits'] });
    },
  });
}

export function useUpdateCalendarYear(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: 'provisional' | 'confirmed'; seenVersion: number }) => call(legalEndpoints.updateCalendarYear, { params: { year }, body: input }),
    onSuccess: (updated) => {
      client.setQueryData(['legal', 'year', year], updated);
      void client.invalidateQueries({ queryKey: ['legal', 'years'] });
    },
  });
}

export const useRuleSets = () => useQuery({ queryKey: ['legal', 'ruleSets'], queryFn: () => call(legalEndpoints.ruleSets, {}) });

export const useRuleSet = (code: string | undefined) =>
  useQuery({
    queryKey: ['legal', 'ruleSet', code],
    queryFn: () => call(legalEndpoints.ruleSet, { query: { code: code ?? '' } }),
    enabled: Boolean(code),
  });

export function useUpdateRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; count: number; unit: DeadlineUnit; unconfirmed: boolean; seenVersion: number }) =>
      call(legalEndpoints.updateRule, { params: { id: input.id }, body: { count: input.count, unit: input.unit, unconfirmed: input.unconfirmed, seenVersion: input.seenVersion } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['legal'] }),
  });
}

export const useLegalEdits = () => useQuery({ queryKey: ['legal', 'edits'], queryFn: () => call(legalEndpoints.edits, { query: { limit: 20 } }) });

export interface DeadlineForm {
  kind: 'complaint' | 'denunciation' | 'petition' | 'feedback';
  receivedOn: string;
  acceptedOn?: string;
  decidedOn?: string;
  remoteArea: boolean;
  complex: boolean;
  secondInstance: boolean;
  extensions: number;
}

export const useDeadlines = (form: DeadlineForm | null) =>
  useQuery({
    queryKey: ['legal', 'deadlines', form],
    enabled: form !== null,
    queryFn: () =>
      call(legalEndpoints.deadlines, {
        query: {
          kind: form?.kind ?? 'complaint',
          receivedOn: form?.receivedOn ?? '',
          acceptedOn: form?.acceptedOn || undefined,
          decidedOn: form?.decidedOn || undefined,
          remoteArea: form?.remoteArea ? 'true' : 'false',
          complex: form?.complex ? 'true' : 'false',
          secondInstance: form?.secondInstance ? 'true' : 'false',
          extensions: form?.extensions ?? 0,
        },
      }),
  });
