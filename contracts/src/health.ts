import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const ZHealth = z.object({
  status: z.literal('ok'),
  /** Which engine serves this process. */
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Demo mode: the data is a sample, and every page says so. */
  demo: z.boolean(),
});

/** Its own file, not api.ts: the web shell calls it on every page, and api.ts imports every module's contracts. */
export const healthEndpoints = {
  health: endpoint({ method: 'GET', path: '/api/health', summary: 'Liveness and database kind', response: ZHealth, public: true }),
};
