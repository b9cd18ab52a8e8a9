import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/shared/module.ts';

/** Task endpoints (contracts/src/programmes/tasks.api.ts). */
export function registerTaskRoutes(_app: FastifyInstance, _context: ModuleContext): void {}
