import type { ServerModule } from '#server/shared/module.ts';
import { MEMBER_IMPORT_JOB, runMemberImport } from './member-import.service.ts';
import { organizationFileOwner } from './organization-files.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';

export const organizationsModule: ServerModule = {
  name: 'organizations',
  registerRoutes: (api, context) => registerOrganizationRoutes(api, context),
  jobHandlers: { [MEMBER_IMPORT_JOB]: runMemberImport },
  fileOwners: { organization: organizationFileOwner },
};
