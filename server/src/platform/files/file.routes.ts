import type { FastifyInstance } from 'fastify';
import { fileEndpoints } from '#contracts/files.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { downloadFile, listFiles, uploadFile, type FilesDeps } from './file.service.ts';

/** RFC 6266 filename: ASCII fallback plus the UTF-8 name (Vietnamese file names survive). */
const disposition = (filename: string) =>
  `attachment; filename="${filename.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'tep'}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Attachments: list and upload on an owner record, download by id. */
export function registerFileRoutes(app: FastifyInstance, deps: FilesDeps): void {
  registerEndpoint(app, fileEndpoints.list, async ({ actor, query }) => listFiles(deps, actor, query.ownerType, query.ownerId));
  registerEndpoint(app, fileEndpoints.upload, async ({ actor, query, file }) => uploadFile(deps, actor, query.ownerType, query.ownerId, file));
  registerEndpoint(app, fileEndpoints.download, async ({ actor, params, reply }) => {
    const { attachment, data } = await downloadFile(deps, actor, params.id);
    return reply
      .header('content-type', attachment.mimeType)
      .header('content-disposition', disposition(attachment.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(data);
  });
}
