import type { ServerModule } from '#server/shared/module.ts';
import { organizationScopeFixtures } from './organization.fixtures.ts';
import { MEMBER_IMPORT_JOB, runMemberImport } from './member-import.service.ts';
import { communeBlocs911, villagesWithTeam } from './organization-derived.ts';
import { organizationFileOwner } from './organization-files.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';

export const organizationsModule: ServerModule = {
  name: 'organizations',
  registerRoutes: (api, context) => registerOrganizationRoutes(api, context),
  scopeFixtures: organizationScopeFixtures,
  jobHandlers: { [MEMBER_IMPORT_JOB]: runMemberImport },
  fileOwners: { organization: organizationFileOwner },
  derivedValues: [villagesWithTeam, communeBlocs911],
};

/** An organisation in the actor's scope (member count as of a date), or undefined: people's roles are held in one. */
export { findOrganization } from './organization.repository.ts';
/** Refreshes the derived values a change of an organisation or of its roles moves (people's role writes call it). */
export { touchOrganization } from './organization-derived.ts';
/**
 * An organisation's id with those of every body it took over, transitively (issue 9 item 8): records of a body
 * merged, renamed, re-parented or abolished into another read under the one that took its duty over.
 */
export { findWithPredecessors as organizationWithPredecessors } from './history/organization-history.repository.ts';
