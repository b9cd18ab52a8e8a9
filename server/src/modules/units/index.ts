import { foundationStep } from '#server/demo/foundation-step.ts';
import { quangBinhStep } from '#server/demo/quang-binh-step.ts';
import type { ServerModule } from '#server/shared/module.ts';
import { registerUnitRoutes } from './unit.routes.ts';

export const unitsModule: ServerModule = {
  name: 'units',
  registerRoutes: (api, { db }) => registerUnitRoutes(api, db),
  demoSteps: [foundationStep, quangBinhStep],
};
