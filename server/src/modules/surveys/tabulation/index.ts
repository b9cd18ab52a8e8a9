/**
 * The tabulation part of the surveys module (issue 13 must-have 4): what the module's root mounts and what other
 * parts may call. The root calls `registerTabulationRoutes(api, context)` in its registerRoutes.
 */
export { registerTabulationRoutes } from './tabulation.routes.ts';
export { getTabulation } from './tabulation.service.ts';
export { RESPONSE_KEYS } from './tabulation.repository.ts';
export { percentOf, tabulate, type TallyRow } from './tabulate.ts';
