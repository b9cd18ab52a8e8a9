import { z } from 'zod';

export const ZHealth = z.object({
  status: z.literal('ok'),
  /** Which engine serves this process. */
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
