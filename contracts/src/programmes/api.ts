import { programmeEndpoints } from './programmes.api.ts';
import { targetEndpoints } from './targets.api.ts';
import { taskEndpoints } from './tasks.api.ts';

/** Every endpoint of the programmes module (DOMAIN.md capability 2; issue 11). */
export const programmesEndpoints = {
  ...programmeEndpoints,
  ...targetEndpoints,
  ...taskEndpoints,
};
