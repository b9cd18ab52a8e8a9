import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Endpoint, PartOut } from '#contracts/endpoint.ts';
import type { Actor } from '../actor.ts';
import { AppError, fieldMessage, passwordChangeRequired, unauthorized } from '../errors.ts';
import { msg } from '../messages.ts';

/** An uploaded file of a multipart endpoint. */
export interface Upload {
  filename: string;
  data: Buffer;
}

/** What a handler receives: parsed inputs, the signed-in actor, and the raw request/reply for cookies. */
export interface HandlerContext<E extends Endpoint> {
  params: PartOut<E, 'params'>;
  query: PartOut<E, 'query'>;
  body: PartOut<E, 'body'>;
  actor: E extends { public: true } ? Actor | null : Actor;
  file: E extends { multipart: true } ? Upload : undefined;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type Handler<E extends Endpoint> = (ctx: HandlerContext<E>) => Promise<z.input<E['response']>>;

export interface RouteOptions {
  /** Requests per minute per IP, for endpoints worth guessing (login). */
  rateLimitPerMinute?: number;
  /** Routes of one group share their per-IP count (the JSON login and the HTML login form). */
  rateLimitGroup?: string;
  /** A multipart endpoint taking larger files than MAX_UPLOAD_BYTES (DHIS2 data files), and the message naming its limit. */
  upload?: { maxBytes: number; tooLarge: string };
}

/** Largest accepted upload (Excel/CSV imports). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Registers one contract endpoint: zod validation of params/query/body (400 with a Vietnamese message naming the
 * field), the response schema for serialisation and OpenAPI, the session requirement, the forced password change
 * (only endpoints flagged `openBeforePasswordChange` answer until it is done), and CSRF on writes.
 */
export function registerEndpoint<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: Handler<E>,
  options: RouteOptions = {},
): void {
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      summary: endpoint.summary,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body && !endpoint.multipart ? { body: endpoint.body } : {}),
      ...(endpoint.multipart ? { consumes: ['multipart/form-data'] } : {}),
      response: { 200: endpoint.response },
    },
    ...(options.rateLimitPerMinute
      ? {
          config: {
            rateLimit: {
              max: options.rateLimitPerMinute,
              timeWindow: '1 minute',
              ...(options.rateLimitGroup ? { groupId: options.rateLimitGroup } : {}),
            },
          },
        }
      : {}),
    // Who may call is decided before the body is read or validated: a stranger learns nothing from 400s.
    // synchronous: no promise on every request
    onRequest: (request, _reply, done) => {
      if (endpoint.public) return done();
      if (!request.actor) return done(unauthorized());
      // A temporary or reset password opens only the way to change it (the web's redirect is a courtesy).
      if (!endpoint.openBeforePasswordChange && request.sessionUser?.must_change_password) return done(passwordChangeRequired());
      done();
    },
    handler: async (request, reply) => {
      const actor = request.actor;
      if (actor && endpoint.method !== 'GET') request.checkCsrf();
      const file = endpoint.multipart ? await readUpload(request, options.upload) : undefined;
      const ctx = {
        params: request.params,
        query: request.query,
        body: request.body,
        actor,
        file,
        request,
        reply,
      } as HandlerContext<E>;
      return handler(ctx);
    },
  });
}

async function readUpload(request: FastifyRequest, limit?: RouteOptions['upload']): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError(400, 'validation', fieldMessage('file', msg('upload.notMultipart')), [{ field: 'file', message: msg('common.required') }]);
  }
  const part = await request.file({ limits: { fileSize: limit?.maxBytes ?? MAX_UPLOAD_BYTES, files: 1 } });
  if (!part) throw new AppError(400, 'validation', fieldMessage('file', msg('upload.missing')), [{ field: 'file', message: msg('common.required') }]);
  const data = await part.toBuffer();
  // the plugin stops reading at the limit and may hand back the first 5 MB as if they were the whole file
  if (part.file.truncated) {
    const problem = limit?.tooLarge ?? msg('upload.tooLarge');
    throw new AppError(413, 'too_large', fieldMessage('file', problem), [{ field: 'file', message: limit?.tooLarge ?? msg('upload.tooLargeField') }]);
  }
  return { filename: part.filename, data };
}
