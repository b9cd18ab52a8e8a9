import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { ZUuid, ZUuidParams } from './jobs.ts';

/** The record a file belongs to: a type a module registered ('organization') and its id. */
export const ZFileOwnerQuery = z.object({
  ownerType: z.string().regex(/^[a-z_]{1,50}$/),
  ownerId: z.string().min(1).max(100),
});

/** A file attached to a record; its bytes are at GET /api/files/:id (each download is audited). */
export const ZAttachment = z.object({
  id: ZUuid,
  ownerType: z.string(),
  ownerId: z.string(),
  filename: z.string(),
  /** Read from the file's bytes, not from what the browser said. */
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const fileEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/files',
    summary: 'Files attached to a record in scope, newest first',
    query: ZFileOwnerQuery,
    response: z.array(ZAttachment),
  }),
  upload: endpoint({
    method: 'POST',
    path: '/api/files',
    summary: 'Attach a file (PDF, PNG, JPEG, WebP, DOCX, XLSX, CSV, TXT; up to 5 MB) to a record the user may change',
    query: ZFileOwnerQuery,
    multipart: true,
    response: ZAttachment,
  }),
  download: endpoint({
    method: 'GET',
    path: '/api/files/:id',
    summary: 'The bytes of an attached file (as an attachment download); audited',
    params: ZUuidParams,
    response: z.unknown().describe('file bytes'),
  }),
};
