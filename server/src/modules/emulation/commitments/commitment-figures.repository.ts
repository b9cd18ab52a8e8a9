import { sql, type Kysely } from 'kysely';
import type { TRegistrantKind } from '#contracts/emulation/commitment.api.ts';
import type { DB } from '#server/db/schema.ts';

/**
 * The SQL of the commitments' derived values: sums per commune of one province (province_id first; the communes
 * are those the derived store lists for the province, so no user scope applies here).
 */

/** Registrations of a kind per commune (the commune's own counts and its villages'), in the campaigns of `year`. */
export async function registeredByCommune(db: Kysely<DB>, args: { provinceId: number; year: number; kind: TRegistrantKind; communeIds: readonly number[] }) {
  if (args.communeIds.length === 0) return new Map<number, number>();
  const { rows } = await sql<{ unit_id: number; value: number }>`
    select a.id as unit_id, sum(c.registered)::int as value
    from emulation_commitment_count c
    join emulation_campaign k on k.id = c.campaign_id and k.year = ${args.year}
    join admin_unit u on u.id = c.unit_id
    join admin_unit a on a.id = any(${[...args.communeIds]}::bigint[]) and u.path <@ a.path
    where c.province_id = ${args.provinceId} and c.registrant_kind = ${args.kind}
    group by a.id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.value)]));
}

/** Breaches per commune (its own and its villages') that happened in [from, to]. */
export async function breachesByCommune(db: Kysely<DB>, args: { provinceId: number; from: string; to: string; communeIds: readonly number[] }) {
  if (args.communeIds.length === 0) return new Map<number, number>();
  const { rows } = await sql<{ unit_id: number; value: number }>`
    select a.id as unit_id, count(*)::int as value
    from emulation_commitment_breach b
    join admin_unit u on u.id = b.unit_id
    join admin_unit a on a.id = any(${[...args.communeIds]}::bigint[]) and u.path <@ a.path
    where b.province_id = ${args.provinceId} and b.occurred_on between ${args.from}::date and ${args.to}::date
    group by a.id`.execute(db);
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.value)]));
}
