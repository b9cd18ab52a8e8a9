import type { FastifyInstance } from 'fastify';
import { trainingEndpoints as e } from '#contracts/training/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { buildAttendanceTemplate, uploadAttendance } from './attendance-import.service.ts';
import * as service from './training.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Courses and participants, the attendance import, coverage and the due lists. */
export function registerTrainingRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  const sendXlsx = (reply: { header(name: string, value: string): unknown; send(data: Buffer): unknown }, file: { filename: string; data: Buffer }) => {
    reply.header('content-type', XLSX);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(file.data);
  };
  registerEndpoint(app, e.listCourses, async ({ actor, query }) => service.listCourses(db, actor, query));
  registerEndpoint(app, e.createCourse, async ({ actor, body }) => service.createCourse(context, actor, body));
  registerEndpoint(app, e.getCourse, async ({ actor, params }) => service.courseDetail(db, actor, params.id));
  registerEndpoint(app, e.setParticipant, async ({ actor, params, body }) => service.setParticipant(context, actor, params.id, body));
  registerEndpoint(app, e.attendanceTemplate, async ({ actor, reply }) => sendXlsx(reply, await buildAttendanceTemplate(actor)));
  registerEndpoint(app, e.uploadAttendance, async ({ actor, params, query, file }) => uploadAttendance(context, actor, params.id, query, file));
  registerEndpoint(app, e.coverage, async ({ actor, query }) => service.coverage(db, actor, query));
  registerEndpoint(app, e.dueList, async ({ actor, query }) => service.dueList(db, actor, query));
  registerEndpoint(app, e.dueExport, async ({ actor, query, reply }) => sendXlsx(reply, await service.dueExport(db, actor, query)));
}
