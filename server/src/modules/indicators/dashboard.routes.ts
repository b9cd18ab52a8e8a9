import type { FastifyInstance } from 'fastify';
import { dashboardEndpoints } from '#contracts/indicators/dashboard.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { dashboardChildren, dashboardOutlines, dashboardSheet, dashboardTrend } from './dashboard.service.ts';

/** RFC 6266 filename: ASCII fallback plus the UTF-8 name. */
const disposition = (filename: string) => `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Dashboards: an indicator over a period range for a unit's children, its trend, the table in Excel, the map. */
export function registerDashboardRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, dashboardEndpoints.dashboardChildren, async ({ actor, query }) => dashboardChildren(db, actor, query));
  registerEndpoint(app, dashboardEndpoints.dashboardTrend, async ({ actor, query }) => dashboardTrend(db, actor, query));
  registerEndpoint(app, dashboardEndpoints.dashboardChildrenXlsx, async ({ actor, query, reply }) => {
    const { filename, data } = await dashboardSheet(db, actor, query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', disposition(filename))
      .header('cache-control', 'private, no-store')
      .send(data);
  });
  registerEndpoint(app, dashboardEndpoints.provinceOutlines, async ({ actor }) => dashboardOutlines(actor));
}
