import type { ServerModule } from '#server/shared/module.ts';
import { personScopeFixtures } from './person.fixtures.ts';
import { registerPersonRoutes } from './person.routes.ts';

export const peopleModule: ServerModule = {
  name: 'people',
  registerRoutes: (api, context) => registerPersonRoutes(api, context),
  scopeFixtures: personScopeFixtures,
};

/** The roles of an organisation current on a date, as the contract shows them. */
export { listOrganizationRoles } from './role.service.ts';
/** Member import (modules/organizations) writes people and roles inside its own transaction with these. */
export { findPeopleByNames, insertPeople } from './person.repository.ts';
export { insertRoles, openRolesIn } from './role.repository.ts';
