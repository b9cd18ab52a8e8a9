import type { z } from 'zod';

type Schema = z.ZodType;

/**
 * One HTTP endpoint: the server registers it (validation + OpenAPI) and the web client calls it, both from
 * this single declaration, so request and response shapes are never copied by hand.
 */
export interface Endpoint<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema = Schema,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Fastify-style path: `/api/units/:id`. */
  path: string;
  /** One-line English summary for the OpenAPI document. */
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** `multipart` endpoints take one uploaded file in the field `file` (the body schema then describes other fields). */
  multipart?: boolean;
  response: R;
  /** Public endpoints need no session (login, health). */
  public?: boolean;
  /**
   * Stays open to a user who must change their password first (change password, logout, me); every other
   * endpoint answers 403 `password_change_required` until they do.
   */
  openBeforePasswordChange?: boolean;
  /**
   * An HTML form's target (`application/x-www-form-urlencoded`, posted by the browser without JavaScript): the
   * server answers 303 See Other to the page to open next, never a JSON page; `response` describes that answer.
   */
  form?: boolean;
}

/** Identity helper that keeps the literal type of an endpoint declaration (schemas, `public`, `multipart`). */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

/** Parsed (output) type of a part of an endpoint, or undefined when the endpoint does not declare it. */
export type PartOut<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends Schema } ? z.output<S> : undefined;
/** Input type of a part of an endpoint (what a caller sends). */
export type PartIn<E, K extends 'params' | 'query' | 'body'> = E extends { [P in K]: infer S extends Schema } ? z.input<S> : undefined;

/** What a caller passes: only the parts the endpoint declares. */
export type EndpointInput<E> = (E extends { params: Schema } ? { params: PartIn<E, 'params'> } : { params?: undefined }) &
  (E extends { query: Schema } ? { query?: PartIn<E, 'query'> } : { query?: undefined }) &
  (E extends { body: Schema } ? { body: PartIn<E, 'body'> } : { body?: undefined });

/** What the endpoint answers with on success. */
export type EndpointOutput<E> = E extends { response: infer R extends Schema } ? z.output<R> : never;

/**
 * `/api/units/:id` + `{id: 5}` + `{asOf: '2025-06-30'}` → `/api/units/5?asOf=2025-06-30`. Used by the web client
 * and the test client alike; undefined, null and empty query values are left out.
 */
export function buildUrl(path: string, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const url = path.replace(/:([A-Za-z_]\w*)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}
