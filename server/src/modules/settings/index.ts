import type { ServerModule } from '#server/shared/module.ts';
import { registerSettingsRoutes } from './settings.routes.ts';

/** A province's settings for what the 2025 reorganisation left open (issue 9 item 10; contracts/src/settings.ts). */
export const settingsModule: ServerModule = {
  name: 'settings',
  registerRoutes: (api, context) => registerSettingsRoutes(api, context),
  // the settings in force for a commune are its province's: another province's commune reads none of them
  scopeFixtures: async (_db, unitId) => ({ '/api/units/:id/settings': { id: unitId } }),
};

/** The value in force of one setting of a province, its default when the province never set it. */
export { provinceSetting, unitSetting } from './settings.service.ts';
