import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  receptionEndpoints as e,
  type TRecommendation,
  type ZDialogueInput,
  type ZFrontActivityInput,
  type ZScheduleInput,
  type ZSessionInput,
} from '#contracts/reception/api.ts';
import { call } from '../../api/client.ts';

const KEY = ['reception'] as const;

export const useCompliance = (month: string) =>
  useQuery({ queryKey: [...KEY, 'compliance', month], queryFn: () => call(e.compliance, { query: { month } }), placeholderData: keepPreviousData });
export const useSchedules = () => useQuery({ queryKey: [...KEY, 'schedules'], queryFn: () => call(e.listSchedules, { query: {} }) });
export const useSessions = () => useQuery({ queryKey: [...KEY, 'sessions'], queryFn: () => call(e.listSessions, { query: { limit: 100 } }) });
export const useDialogues = () => useQuery({ queryKey: [...KEY, 'dialogues'], queryFn: () => call(e.listDialogues, { query: { limit: 100 } }) });
export const useFrontActivities = () => useQuery({ queryKey: [...KEY, 'front'], queryFn: () => call(e.listFrontActivities, { query: { limit: 100 } }) });
export const useRecommendations = (state: TRecommendation['state'] | '') =>
  useQuery({
    queryKey: [...KEY, 'recommendations', state],
    queryFn: () => call(e.listRecommendations, { query: state ? { state } : {} }),
    placeholderData: keepPreviousData,
  });

/** A write that refreshes every reception list (compliance moves with sessions, recommendations with their sources). */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateSchedule = () => useWrite((body: z.input<typeof ZScheduleInput>) => call(e.createSchedule, { body }));
export const useCreateSession = () => useWrite((body: z.input<typeof ZSessionInput>) => call(e.createSession, { body }));
export const useCreateDialogue = () => useWrite((body: z.input<typeof ZDialogueInput>) => call(e.createDialogue, { body }));
export const useCreateFrontActivity = () => useWrite((body: z.input<typeof ZFrontActivityInput>) => call(e.createFrontActivity, { body }));
export const useAnswerRecommendation = () =>
  useWrite((input: { id: string; answerText: string; answeredOn: string; seenVersion: number }) =>
    call(e.answerRecommendation, { params: { id: input.id }, body: { answerText: input.answerText, answeredOn: input.answeredOn, seenVersion: input.seenVersion } }),
  );
export const useCloseRecommendation = () =>
  useWrite((input: { id: string; closedOn: string; seenVersion: number }) =>
    call(e.closeRecommendation, { params: { id: input.id }, body: { closedOn: input.closedOn, seenVersion: input.seenVersion } }),
  );
