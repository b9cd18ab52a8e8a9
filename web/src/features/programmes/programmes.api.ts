import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fileEndpoints } from '#contracts/files.ts';
import { programmeEndpoints, type TPackLoadInput, type TProgrammeStatus, type TTargetInput, type TTargetUpdate, type ZProgrammeInput } from '#contracts/programmes/programmes.api.ts';
import { targetEndpoints, type TEvaluationQuery } from '#contracts/programmes/targets.api.ts';
import {
  taskEndpoints, type TAssignmentInput, type TProgressInput, type TTaskInput, type TTaskStatus, type ZBudgetLineInput, type ZReviewInput, type ZReviewPatch,
} from '#contracts/programmes/tasks.api.ts';
import { call } from '../../api/client.ts';

const KEY = ['programmes'] as const;

/** Programmes the user may read (issued in or above their scope), filtered by status and a search. */
export const useProgrammes = (filter: { status?: TProgrammeStatus | undefined; q?: string | undefined }) =>
  useQuery({
    queryKey: [...KEY, 'list', filter],
    queryFn: () =>
      call(programmeEndpoints.listProgrammes, { query: { ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}) } }),
    placeholderData: keepPreviousData,
  });

/** One programme: header, targets as stored, solution groups, implementation plans, document files. */
export const useProgramme = (id: number) =>
  useQuery({ queryKey: [...KEY, 'detail', id], queryFn: () => call(programmeEndpoints.getProgramme, { params: { id } }) });

/** Every target with its figure and status at a unit for a year, and the units' statuses at a level. */
export const useEvaluation = (id: number, query: TEvaluationQuery) =>
  useQuery({
    queryKey: [...KEY, 'evaluation', id, query],
    queryFn: () => call(targetEndpoints.programmeEvaluation, { params: { id }, query }),
    placeholderData: keepPreviousData,
  });

/** Drill-down of one target: the units that pull it down, furthest first, and its trend over the years. */
export const useTargetUnits = (id: number, targetId: number | null, query: TEvaluationQuery) =>
  useQuery({
    queryKey: [...KEY, 'target-units', id, targetId, query],
    queryFn: () => call(targetEndpoints.targetUnits, { params: { id, targetId: targetId ?? 0 }, query }),
    enabled: targetId !== null,
  });

/** Solution groups and tasks with their assignments and status today. */
export const useTasks = (id: number, status?: TTaskStatus) =>
  useQuery({
    queryKey: [...KEY, 'tasks', id, status ?? 'all'],
    queryFn: () => call(taskEndpoints.listTasks, { params: { id }, query: status ? { status } : {} }),
  });

/** Every progress report of a task, newest first. */
export const useProgressHistory = (taskId: number, enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'progress', taskId], queryFn: () => call(taskEndpoints.progressHistory, { params: { taskId } }), enabled });

/** A progress report (note, percent), then its file if one was chosen; refreshes the tasks and the history. */
export function useReportProgress(taskId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, file }: { body: TProgressInput; file: File | null }) => {
      const report = await call(taskEndpoints.reportProgress, { params: { taskId }, body });
      if (file) await call(fileEndpoints.upload, { query: { ownerType: 'task_progress', ownerId: report.id }, file });
      return report;
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const useReviews = (id: number) =>
  useQuery({ queryKey: [...KEY, 'reviews', id], queryFn: () => call(taskEndpoints.listReviews, { params: { id } }) });

export function useMarkReviewDone(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reviewId: number) => call(taskEndpoints.markReviewDone, { params: { id, reviewId }, body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Everything a review gathers for its period, in one answer. */
export const useReviewWorkspace = (id: number, reviewId: number) =>
  useQuery({ queryKey: [...KEY, 'workspace', id, reviewId], queryFn: () => call(taskEndpoints.reviewWorkspace, { params: { id, reviewId } }) });

export const useBudget = (id: number) =>
  useQuery({ queryKey: [...KEY, 'budget', id], queryFn: () => call(taskEndpoints.budget, { params: { id }, query: {} }) });

export interface AssignmentFilter {
  body?: string | undefined;
  status?: TTaskStatus | undefined;
  dueBefore?: string | undefined;
  /** One body (with the bodies it took over), across every programme read. */
  organizationId?: number | undefined;
}

/** The assigning unit's table of every assignment across bodies, or one body's. */
export const useAssignmentTable = (filter: AssignmentFilter) =>
  useQuery({
    queryKey: [...KEY, 'assignments', filter],
    queryFn: () =>
      call(taskEndpoints.assignmentTable, {
        query: {
          ...(filter.body ? { body: filter.body } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.dueBefore ? { dueBefore: filter.dueBefore } : {}),
          ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
        },
      }),
    placeholderData: keepPreviousData,
  });

/** Packs shipped with the application (the seed documents). */
export const usePacks = (enabled: boolean) =>
  useQuery({ queryKey: [...KEY, 'packs'], queryFn: () => call(programmeEndpoints.listPacks), enabled, staleTime: Infinity });

/** Loads a pack (or counts what it would create, with dryRun). */
export function useLoadPack() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPackLoadInput) => call(programmeEndpoints.loadPack, { body }),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: KEY });
    },
  });
}

export function useCreateProgramme() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZProgrammeInput>) => call(programmeEndpoints.createProgramme, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** What is due for the user's unit: reviews within 30 days or late, overdue tasks it issued or carries. */
export const useProgrammesDue = () => useQuery({ queryKey: [...KEY, 'due'], queryFn: () => call(taskEndpoints.due, { query: {} }) });

// --- prog: edit forms ---

/** A write that refreshes every programmes query once done (tasks, budget, reviews, the programme itself). */
function useProgrammeWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateTask = (id: number) => useProgrammeWrite((body: TTaskInput) => call(taskEndpoints.createTask, { params: { id }, body }));
export const useUpdateTask = () =>
  useProgrammeWrite(({ taskId, body }: { taskId: number; body: Partial<TTaskInput> }) => call(taskEndpoints.updateTask, { params: { taskId }, body }));
export const useAssign = () =>
  useProgrammeWrite(({ taskId, body }: { taskId: number; body: TAssignmentInput }) => call(taskEndpoints.assign, { params: { taskId }, body }));
export const useUnassign = () => useProgrammeWrite((assignmentId: number) => call(taskEndpoints.unassign, { params: { assignmentId } }));

export const useCreateBudgetLine = (id: number) =>
  useProgrammeWrite((body: z.input<typeof ZBudgetLineInput>) => call(taskEndpoints.createBudgetLine, { params: { id }, body }));
export const useUpdateBudgetLine = (id: number) =>
  useProgrammeWrite(({ lineId, body }: { lineId: number; body: Partial<z.input<typeof ZBudgetLineInput>> }) => call(taskEndpoints.updateBudgetLine, { params: { id, lineId }, body }));
export const useDeleteBudgetLine = (id: number) => useProgrammeWrite((lineId: number) => call(taskEndpoints.deleteBudgetLine, { params: { id, lineId } }));

export const useCreateReview = (id: number) => useProgrammeWrite((body: z.input<typeof ZReviewInput>) => call(taskEndpoints.createReview, { params: { id }, body }));
export const useUpdateReview = (id: number) =>
  useProgrammeWrite(({ reviewId, body }: { reviewId: number; body: z.input<typeof ZReviewPatch> }) => call(taskEndpoints.updateReview, { params: { id, reviewId }, body }));

export const useCreateTarget = (id: number) => useProgrammeWrite((body: TTargetInput) => call(programmeEndpoints.createTarget, { params: { id }, body }));
export const useUpdateTarget = (id: number) =>
  useProgrammeWrite(({ targetId, body }: { targetId: number; body: TTargetUpdate }) => call(programmeEndpoints.updateTarget, { params: { id, targetId }, body }));
