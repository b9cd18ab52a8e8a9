import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/shared/module.ts';

/** Programme endpoints (contracts/src/programmes/programmes.api.ts). */
export function registerProgrammeRoutes(_app: FastifyInstance, _context: ModuleContext): void {}
