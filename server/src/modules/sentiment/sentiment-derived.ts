import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue } from '#server/shared/module.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { listUnitsOfLevel, provinceScope } from '../units/index.ts';

/** The topics shipped with the module (migration 20261231T1200): one derived value each. */
export const DERIVED_TOPICS = ['land', 'policy', 'prices', 'religion', 'security', 'environment', 'other'] as const;
type DerivedTopic = (typeof DERIVED_TOPICS)[number];

export const SENTIMENT_DERIVED = { openAlerts: 'sentiment.open_alerts' } as const;
/** The derived value of reports on a topic ('sentiment.reports_land'); a topic added later has none. */
export const reportsCode = (topic: string) => `sentiment.reports_${topic}`;

/** Reports on a topic per commune in [from, asOf] (a month), each commune of the province valid on asOf (0 included). */
async function computeReports(db: Kysely<DB>, topic: string, args: { provinceId: number; asOf: string; unitIds?: readonly number[]; from?: string }) {
  const from = args.from ?? `${args.asOf.slice(0, 7)}-01`;
  const communes = await listUnitsOfLevel(db, { provinceId: args.provinceId, level: 'commune', asOf: args.asOf, unitIds: args.unitIds });
  if (communes.length === 0) return [];
  // computed for a whole province by the system, not for a user: the province's units are the scope
  const scope = await provinceScope(db, args.provinceId);
  const rows = await unitOwned(db, 'sentiment_report as r', 'r.unit_id', scope)
    .select(['r.commune_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.province_id', '=', args.provinceId)
    .where('r.topic', '=', topic)
    .where('r.reported_on', '>=', from)
    .where('r.reported_on', '<=', args.asOf)
    .where('r.commune_id', 'in', communes)
    .groupBy('r.commune_id')
    .execute();
  const counts = new Map(rows.map((row) => [Number(row.commune_id), Number(row.n)]));
  return communes.map((unitId) => ({ unitId, value: counts.get(unitId) ?? 0 }));
}

/** Alerts of the province raised by `asOf` and not closed by then (closing dated by its workflow move, Vietnam time). */
async function computeOpenAlerts(db: Kysely<DB>, args: { provinceId: number; asOf: string; unitIds?: readonly number[] }) {
  if (args.unitIds && !args.unitIds.includes(args.provinceId)) return [];
  const scope = await provinceScope(db, args.provinceId);
  const row = await unitOwned(db, 'sentiment_alert as a', 'a.unit_id', scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.province_id', '=', args.provinceId)
    .where(sql<boolean>`((a.raised_at at time zone 'UTC') + interval '7 hours')::date <= ${args.asOf}::date`)
    .where(sql<boolean>`not exists (
      select 1 from workflow_transition w
      where w.province_id = a.province_id and w.entity_type = 'sentiment_alert' and w.entity_id = a.id::text and w.to_state = 'closed'
        and ((w.at at time zone 'UTC') + interval '7 hours')::date <= ${args.asOf}::date)`)
    .executeTakeFirstOrThrow();
  return [{ unitId: args.provinceId, value: Number(row.n) }];
}

const reports = (topic: DerivedTopic): DerivedValue => ({
  code: reportsCode(topic),
  name: msg('sentiment.figures.reports', { topic: msg(`sentiment.topic.${topic}`) }),
  valueType: 'integer',
  level: 'commune',
  unitOfMeasure: msg('sentiment.figures.unitReport'),
  periodType: 'monthly',
  compute: (db, args) => computeReports(db, topic, args),
});

/** Reports by topic per commune per month, and open alerts per province (a state on the period's last day). */
export const sentimentDerivedValues: readonly DerivedValue[] = [
  ...DERIVED_TOPICS.map(reports),
  {
    code: SENTIMENT_DERIVED.openAlerts,
    name: msg('sentiment.figures.openAlerts'),
    valueType: 'integer',
    level: 'province',
    unitOfMeasure: msg('sentiment.figures.unitAlert'),
    compute: (db, args) => computeOpenAlerts(db, args),
  },
];
