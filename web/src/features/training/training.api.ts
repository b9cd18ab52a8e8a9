import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { buildUrl } from '#contracts/endpoint.ts';
import { trainingEndpoints, type TCourseInput, type ZCoverageQuery } from '#contracts/training/api.ts';
import { call } from '../../api/client.ts';

const KEY = ['training'] as const;

type CoverageQuery = z.input<typeof ZCoverageQuery>;

export const useCourses = () => useQuery({ queryKey: [...KEY, 'courses'], queryFn: () => call(trainingEndpoints.listCourses, { query: {} }) });

export const useCourse = (id: string) => useQuery({ queryKey: [...KEY, 'course', id], queryFn: () => call(trainingEndpoints.getCourse, { params: { id } }) });

export const useCoverage = (query: CoverageQuery | null) =>
  useQuery({
    queryKey: [...KEY, 'coverage', query],
    queryFn: () => call(trainingEndpoints.coverage, { query: query as CoverageQuery }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

export const useDueList = (query: CoverageQuery | null) =>
  useQuery({
    queryKey: [...KEY, 'due', query],
    queryFn: () => call(trainingEndpoints.dueList, { query: query as CoverageQuery }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateCourse() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: TCourseInput) => call(trainingEndpoints.createCourse, { body }), onSuccess: refresh });
}

export function useSetParticipant(courseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { personId: number; completed: boolean }) => call(trainingEndpoints.setParticipant, { params: { id: courseId }, body }),
    onSuccess: refresh,
  });
}

/** Preview (dryRun) or commit of an attendance list with the user's choices for doubtful rows. */
export function useUploadAttendance(courseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, dryRun, choices }: { file: File; dryRun: boolean; choices: string }) =>
      call(trainingEndpoints.uploadAttendance, { params: { id: courseId }, query: { dryRun: dryRun ? 'true' : 'false', ...(choices ? { choices } : {}) }, file }),
    onSuccess: (result) => {
      if (!result.dryRun) void refresh();
    },
  });
}

export const attendanceTemplateUrl = () => buildUrl(trainingEndpoints.attendanceTemplate.path);
export const dueExportUrl = (query: CoverageQuery) => buildUrl(trainingEndpoints.dueExport.path, undefined, query);
