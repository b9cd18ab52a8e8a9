import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '#server/shared/module.ts';

/** Entry forms, values, report workflow and completeness. */
export function registerReportRoutes(_app: FastifyInstance, _context: ModuleContext): void {}
