import type { TPetitionFigureRow, TPetitionFigures, TPetitionFiguresQuery } from '#contracts/petitions/figures.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { findUnit } from '../../units/index.ts';
import { actorProvinces } from '../field.service.ts';
import { petitionPolicy } from '../petition.policy.ts';
import { figureCounts, unitNames, type FigureCounts } from './figures.repository.ts';
import { RESOLUTION_TARGET, resolutionRate } from './figures.rules.ts';

/** Longest range asked at once: five years. */
const MAX_DAYS = 5 * 366;

const present = (counts: FigureCounts, name: string): TPetitionFigureRow => ({
  unitId: counts.key,
  name,
  received: counts.received,
  resolved: counts.resolved,
  resolvedOnTime: counts.resolvedOnTime,
  kdToResolve: counts.kdToResolve,
  kdResolved: counts.kdResolved,
  resolutionRate: resolutionRate(counts.kdResolved, counts.kdToResolve),
});

/**
 * The figures of the cases in the actor's scope over [from, to], by province or commune, with their total (the
 * resolution rate of the total is computed from the summed counts, never averaged).
 */
export async function petitionFigures(db: Database, actor: Actor, query: TPetitionFiguresQuery): Promise<TPetitionFigures> {
  authorize(petitionPolicy.read(actor));
  if (query.to < query.from) throw invalidField('to', msg('petitions.figures.toBeforeFrom'));
  if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 > MAX_DAYS) throw invalidField('to', msg('petitions.figures.rangeTooLong'));
  let underPath: string | undefined;
  if (query.unitId !== undefined) {
    const unit = await findUnit(db, actor.scope, query.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    underPath = unit.path;
  }
  const rows = await figureCounts(db, actor.scope, {
    from: query.from,
    to: query.to,
    by: query.by,
    provinceIds: await actorProvinces(db, actor),
    underPath,
  });
  const names = await unitNames(db, rows.flatMap((row) => (row.key === null ? [] : [row.key])));
  const total = rows.reduce<FigureCounts>(
    (sum, row) => ({
      key: null,
      received: sum.received + row.received,
      resolved: sum.resolved + row.resolved,
      resolvedOnTime: sum.resolvedOnTime + row.resolvedOnTime,
      kdToResolve: sum.kdToResolve + row.kdToResolve,
      kdResolved: sum.kdResolved + row.kdResolved,
    }),
    { key: null, received: 0, resolved: 0, resolvedOnTime: 0, kdToResolve: 0, kdResolved: 0 },
  );
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    target: RESOLUTION_TARGET,
    rows: rows.map((row) => present(row, row.key === null ? msg('petitions.figures.noCommune') : (names.get(row.key) ?? String(row.key)))),
    total: present(total, ''),
  };
}
