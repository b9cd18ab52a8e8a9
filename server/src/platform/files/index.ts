import type { ServerModule } from '#server/shared/module.ts';
import { registerFileRoutes } from './file.routes.ts';

/** Attachments of any record whose module registered a `fileOwners` resolver. */
export const filesModule: ServerModule = {
  name: 'files',
  registerRoutes: (api, { db, files, fileOwners }) => registerFileRoutes(api, { db, files, fileOwners }),
};
