/**
 * Where the time of one authenticated GET /api/units goes in the database: the session lookup (with the
 * user's scope from `unit_scope_paths`), that function alone, an index-friendly form of the same function
 * body, and the children query. Driver-level medians, run one after the other (no concurrency).
 */
import { createHash } from 'node:crypto';
import { CHILDREN_SQL, SESSION_SQL } from './baseline-server.ts';
import type { RawClient } from './db.ts';
import { ms, quantile } from './report.ts';

/**
 * The previous scope rule (migration 20261124T1300: the unit plus its direct successors and predecessors, looked
 * up by id), measured beside today's recursive walk over predecessors (20261202T1000) for comparison.
 */
export const SCOPE_PATHS_ANY_SQL = `select coalesce(array_agg(distinct u.path), '{}')::text[] as paths from admin_unit u
  where u.id = any (array(select $1::bigint
    union all select new_unit_id from unit_succession where old_unit_id = $1
    union all select old_unit_id from unit_succession where new_unit_id = $1))`;

async function timeQuery(raw: RawClient, text: string, params: unknown[], runs: number) {
  const samples: number[] = [];
  let rows: unknown[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    rows = await raw.query(text, params);
    if (i >= 3) samples.push(performance.now() - start);
  }
  return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95), rows };
}

/** The cost table (query, median ms, p95 ms) and the sum of the two queries every request runs. */
export async function measureRequestCost(
  raw: RawClient,
  input: { cookie: string; unitId: number; provinceId: number; asOf: string; runs: number },
) {
  const token = decodeURIComponent(input.cookie.replace(/^dvs_session=/, ''));
  const session = await timeQuery(raw, SESSION_SQL, [createHash('sha256').update(token).digest('hex')], input.runs);
  const user = session.rows[0] as { scope_roots: string[] | null } | undefined;
  if (!user) throw new Error('session not found');
  const roots = user.scope_roots === null ? null : `{${user.scope_roots.join(',')}}`;
  const scope = await timeQuery(raw, 'select unit_scope_paths($1)::text[] as paths', [input.unitId], input.runs);
  const scopeAny = await timeQuery(raw, SCOPE_PATHS_ANY_SQL, [input.unitId], input.runs);
  const children = await timeQuery(raw, CHILDREN_SQL, [input.asOf, input.provinceId, roots], input.runs);
  const table = [
    ['query (driver, sequential)', 'median ms', 'p95 ms'],
    ['session lookup (findSessionUser SQL)', ms(session.median), ms(session.p95)],
    ['… of which unit_scope_paths(unit)', ms(scope.median), ms(scope.p95)],
    ['previous rule, one hop both ways (for comparison)', ms(scopeAny.median), ms(scopeAny.p95)],
    [`children of the province (${children.rows.length} rows)`, ms(children.median), ms(children.p95)],
  ];
  return { table, perRequestMs: session.median + children.median, sessionMs: session.median, scopeMs: scope.median, scopeAnyMs: scopeAny.median };
}
