import type { ServerModule } from '#server/shared/module.ts';
import { unitScopeFixtures } from './unit.fixtures.ts';
import { registerUnitRoutes } from './unit.routes.ts';

export const unitsModule: ServerModule = {
  name: 'units',
  registerRoutes: (api, { db }) => registerUnitRoutes(api, db),
  scopeFixtures: unitScopeFixtures,
};

/** A unit in the actor's scope as of a date, or undefined: how other modules check the unit they write to. */
export { findUnit } from './unit.repository.ts';
