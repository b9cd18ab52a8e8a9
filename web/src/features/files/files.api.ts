import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { buildUrl } from '#contracts/endpoint.ts';
import { fileEndpoints } from '#contracts/files.ts';
import { call } from '../../api/client.ts';

/** Files attached to a record, newest first. */
export const useAttachments = (ownerType: string, ownerId: string) =>
  useQuery({
    queryKey: ['files', ownerType, ownerId],
    queryFn: () => call(fileEndpoints.list, { query: { ownerType, ownerId } }),
  });

/** Attaches a file to a record; refreshes its list. */
export function useAttachFile(ownerType: string, ownerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => call(fileEndpoints.upload, { query: { ownerType, ownerId }, file }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['files', ownerType, ownerId] }),
  });
}

/** Where the browser downloads a file (a plain link: the session cookie goes with it; the server audits it). */
export const downloadUrl = (id: string) => buildUrl(fileEndpoints.download.path, { id });
