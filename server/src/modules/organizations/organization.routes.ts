import type { FastifyInstance } from 'fastify';
import { organizationEndpoints } from '#contracts/organizations.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { clock } from '#server/shared/clock.ts';
import { addAbbreviation, addSuccessor } from './history/organization-history.service.ts';
import { importMembers } from './member-import.service.ts';
import { createOrganization, getOrganizationDetail, listOrganizations, updateOrganization } from './organization.service.ts';

/** Organisation registry of each unit and member import (DOMAIN.md capability 1). */
export function registerOrganizationRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, organizationEndpoints.list, async ({ actor, query }) =>
    listOrganizations(db, actor, query.unitId, query.asOf ?? clock.today(), query.type),
  );
  registerEndpoint(app, organizationEndpoints.get, async ({ actor, params, query }) =>
    getOrganizationDetail(db, actor, params.id, query.asOf ?? clock.today()),
  );
  registerEndpoint(app, organizationEndpoints.create, async ({ actor, body }) => createOrganization(context, actor, body));
  registerEndpoint(app, organizationEndpoints.update, async ({ actor, params, body }) => updateOrganization(context, actor, params.id, body));
  registerEndpoint(app, organizationEndpoints.addSuccessor, async ({ actor, params, body }) => {
    await addSuccessor(db, actor, params.id, body);
    return getOrganizationDetail(db, actor, params.id, clock.today());
  });
  registerEndpoint(app, organizationEndpoints.addAbbreviation, async ({ actor, params, body }) => {
    await addAbbreviation(db, actor, params.id, body);
    return getOrganizationDetail(db, actor, params.id, clock.today());
  });
  registerEndpoint(app, organizationEndpoints.importMembers, async ({ actor, params, query, file }) =>
    importMembers(context, actor, params.id, file, query),
  );
}
