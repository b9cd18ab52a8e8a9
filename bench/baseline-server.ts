/**
 * The baselines of the HTTP benchmark: a bare `node:http` server with no framework, no validation and no ORM,
 * sending the same security headers as the app (a server without them would not be a like-for-like baseline).
 *   /static/units, /static/health → JSON.stringify of a fixed object (same payload as the app's response)
 *   /raw/units?parentId&asOf      → the app's two queries (session lookup, children as of a date) sent to the
 *                                   driver by hand, rows mapped to the contract shape, JSON.stringify
 *   routes of other benchmarks    → the session lookup, then the benchmark's raw SQL (RawRoute), JSON.stringify
 */
import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { securityHeaders } from '#server/shared/http/security-headers.ts';
import type { RawClient } from './db.ts';

/** The session lookup of `findSessionUser` (token hash as $1), with the user's scope roots. */
export const SESSION_SQL = `select u.id, u.username, u.full_name, u.roles, u.unit_id, u.organization_id, u.must_change_password,
    s.csrf_token, unit.full_name as unit_name, unit.level as unit_level,
    case when u.unit_id is null then null else unit_scope_paths(u.unit_id)::text[] end as scope_roots
  from app_session s join app_user u on u.id = s.user_id left join admin_unit unit on unit.id = u.unit_id
  where s.token_hash = $1 and s.expires_at > now() and u.disabled = false`;

/** The children query of `listChildren`; $1 asOf, $2 parentId, $3 scope roots as an ltree[] literal (null = every unit). */
export const CHILDREN_SQL = `select u.id, u.structure, u.code, coalesce(h.name, u.name) as name,
    coalesce(h.full_name, u.full_name) as full_name, u.level, coalesce(h.type, u.type) as type, u.parent_id,
    u.valid_from, u.valid_to,
    (select count(*)::int from admin_unit c where c.parent_id = u.id
       and (c.valid_from is null or c.valid_from <= $1::date) and (c.valid_to is null or c.valid_to >= $1::date)) as child_count
  from admin_unit u
  left join admin_unit_history h on h.unit_id = u.id and (h.valid_from is null or h.valid_from <= $1::date) and h.valid_to >= $1::date
  where (u.valid_from is null or u.valid_from <= $1::date) and (u.valid_to is null or u.valid_to >= $1::date)
    and ($3::text is null or u.path <@ $3::text::ltree[])
    and u.parent_id = $2
  order by array_position(array['province','district','commune','village'], u.level), u.code, u.name`;

interface ChildRow {
  id: number;
  structure: string;
  code: string | null;
  name: string;
  full_name: string;
  level: string;
  type: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  child_count: number;
}

/** What the app sends with every API answer (issue 7 A7): a bare server that is to be a fair baseline sends it too. */
const API_HEADERS = { ...securityHeaders(false), 'cache-control': 'no-store' };

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { ...API_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** The session lookup by hand (the cookie's token hashed as the app does); null without a valid session. */
async function sessionOf(raw: RawClient, cookie: string | undefined): Promise<SessionRow | null> {
  const token = /(?:^|;\s*)dvs_session=([^;]+)/.exec(cookie ?? '')?.[1];
  if (!token) return null;
  const [user] = await raw.query<SessionRow>(SESSION_SQL, [createHash('sha256').update(decodeURIComponent(token)).digest('hex')]);
  return user ?? null;
}

/** The signed-in user as the bare routes need it: the scope roots (null = every unit). */
export interface SessionRow {
  scope_roots: string[] | null;
}

/** A bare route of another benchmark: after the session lookup, its own SQL through the driver; the value is sent as JSON. */
export type RawRoute = (raw: RawClient, query: URLSearchParams, user: SessionRow) => Promise<unknown>;

async function rawRoute(raw: RawClient, route: RawRoute, cookie: string | undefined, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const user = await sessionOf(raw, cookie);
  if (!user) return sendJson(res, 401, { error: 'unauthorized' });
  sendJson(res, 200, await route(raw, query, user));
}

async function rawUnits(raw: RawClient, cookie: string | undefined, query: URLSearchParams, res: ServerResponse): Promise<void> {
  const user = await sessionOf(raw, cookie);
  if (!user) return sendJson(res, 401, { error: 'unauthorized' });
  const roots = user.scope_roots === null ? null : `{${user.scope_roots.join(',')}}`;
  const rows = await raw.query<ChildRow>(CHILDREN_SQL, [query.get('asOf'), Number(query.get('parentId')), roots]);
  sendJson(
    res,
    200,
    rows.map((row) => ({
      id: row.id,
      structure: row.structure,
      code: row.code,
      name: row.name,
      fullName: row.full_name,
      level: row.level,
      type: row.type,
      parentId: row.parent_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      childCount: row.child_count,
    })),
  );
}

/** Fixed payloads the static routes serialise on every request. */
export interface StaticPayloads {
  units: unknown;
  health: unknown;
}

/** Starts the baseline server on 127.0.0.1 (random port); returns its base URL and a close function. */
export async function startBaselineServer(
  raw: RawClient,
  payloads: StaticPayloads,
  routes: Readonly<Record<string, RawRoute>> = {},
): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/static/units') return sendJson(res, 200, payloads.units);
    if (url.pathname === '/static/health') return sendJson(res, 200, payloads.health);
    if (url.pathname === '/raw/units') {
      rawUnits(raw, req.headers.cookie, url.searchParams, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
      return;
    }
    const route = routes[url.pathname];
    if (route) {
      rawRoute(raw, route, req.headers.cookie, url.searchParams, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
      return;
    }
    sendJson(res, 404, { error: 'not_found' });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
