import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unitEndpoints } from '#contracts/units.ts';
import type { z } from 'zod';
import type { ZCreateVillageRequest } from '#contracts/units.ts';
import { call } from '../../api/client.ts';

/** Children of a unit (or the top units in scope) as of a date; fetched when a tree node opens. */
export const useUnitChildren = (parentId: number | undefined, asOf: string, enabled = true) =>
  useQuery({
    queryKey: ['units', 'children', parentId ?? null, asOf],
    queryFn: () => call(unitEndpoints.children, { query: { parentId, asOf } }),
    enabled,
  });

/** Units whose name matches, diacritics optional. */
export const useUnitSearch = (q: string, asOf: string) =>
  useQuery({
    queryKey: ['units', 'search', q, asOf],
    queryFn: () => call(unitEndpoints.search, { query: { q, asOf } }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

/** One unit with ancestors, predecessors, successors and names it had. */
export const useUnit = (id: number, asOf: string, enabled = true) =>
  useQuery({
    queryKey: ['units', 'detail', id, asOf],
    queryFn: () => call(unitEndpoints.get, { params: { id }, query: { asOf } }),
    enabled,
  });

/** Adds a village to a commune. */
export function useCreateVillage(communeId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ZCreateVillageRequest>) =>
      call(unitEndpoints.createVillage, { params: { id: communeId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Previews (dryRun) or runs a village import from a spreadsheet. */
export const importVillages = (communeId: number, file: File, dryRun: boolean, backfill = false) =>
  call(unitEndpoints.importVillages, {
    params: { id: communeId },
    query: { dryRun: dryRun ? 'true' : 'false', ...(backfill ? { backfill: 'true' as const } : {}) },
    file,
  });

/** Ends a village on a date (merged or dissolved); its history stays. */
export function useCloseVillage(villageId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (validTo: string) => call(unitEndpoints.closeVillage, { params: { id: villageId }, body: { validTo } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Sets the successor of an ended unit (system administrator, with a reason). */
export function useSetSuccessor(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { successorId: number; reason: string }) => call(unitEndpoints.setSuccessor, { params: { id: unitId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** Confirms a likely successor of an ended unit (system administrator, with a reason). */
export function useConfirmSuccessor(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ successorId, reason }: { successorId: number; reason: string }) =>
      call(unitEndpoints.confirmSuccessor, { params: { id: unitId, successorId }, body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}
