import { foundationStep } from '#server/demo/foundation-step.ts';
import { quangBinhStep } from '#server/demo/quang-binh-step.ts';
import type { ServerModule } from '#server/shared/module.ts';
import { unitScopeFixtures } from './unit.fixtures.ts';
import { villagesDerived } from './unit-derived.ts';
import { registerUnitRoutes } from './unit.routes.ts';
import { runVillageImport, VILLAGE_IMPORT_JOB } from './village-import.service.ts';

export const unitsModule: ServerModule = {
  name: 'units',
  registerRoutes: (api, context) => registerUnitRoutes(api, context),
  scopeFixtures: unitScopeFixtures,
  jobHandlers: { [VILLAGE_IMPORT_JOB]: runVillageImport },
  demoSteps: [foundationStep, quangBinhStep],
  derivedValues: [villagesDerived],
};

/** A unit in the actor's scope as of a date, or undefined: how other modules check the unit they write to. */
export { findUnit } from './unit.repository.ts';
/** Units a derived value of a province is computed over (organisations' derived values use them too). */
export { listUnitsOfLevel, provinceScope } from './unit-derived.repository.ts';
/** The last day of the 4-level structure and the first of the 2-level one (the 2025 reform's links carry it). */
export { REFORM_DAY, REFORM_LAST_DAY } from './official-import.ts';
