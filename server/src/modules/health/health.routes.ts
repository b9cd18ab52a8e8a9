import type { FastifyInstance } from 'fastify';
import { healthEndpoints } from '#contracts/health.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';

export function registerHealthRoutes(app: FastifyInstance, databaseKind: 'pglite' | 'postgres', demo: boolean): void {
  registerEndpoint(app, healthEndpoints.health, async () => ({ status: 'ok' as const, database: databaseKind, version: '0.1.0', demo }));
}
