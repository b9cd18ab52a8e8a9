import { z } from 'zod';

export const ZHealth = z.object({
  status: z.literal('ok'),
  /** Which engine serves this process. */
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  /** Demo mode: the data is a sample, and every page says so. */
  demo: z.boolean(),
});
