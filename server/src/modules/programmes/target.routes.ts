import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/shared/module.ts';

/** Target endpoints (contracts/src/programmes/targets.api.ts). */
export function registerTargetRoutes(_app: FastifyInstance, _context: ModuleContext): void {}
