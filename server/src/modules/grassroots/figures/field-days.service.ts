import { monthBounds } from '#contracts/grassroots/days.ts';
import type { TFieldDays } from '#contracts/grassroots/visit.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { notFound } from '#server/shared/errors.ts';
import { findUnit } from '../../units/index.ts';
import { grassrootsPolicy } from '../grassroots.policy.ts';
import { provincesOf, provinceOfUnit } from '../visits/visit.repository.ts';
import { FIGURE_LEVELS, monthFigures, type CadreFigures, type UnitFigures } from './field-days.ts';

const share = (meeting: number, cadres: number) => (cadres === 0 ? null : Math.round((meeting * 1000) / cadres) / 10);

/**
 * Field days of a month for the bodies (commune and province level) of the reader's scope, or of a unit's subtree:
 * per unit and per cadre, fewest days first. The same computation as the stored derived values, so the page and
 * the indicators agree.
 */
export async function fieldDays(db: Database, actor: Actor, query: { unitId?: number | undefined; month: string }): Promise<TFieldDays> {
  authorize(grassrootsPolicy.read(actor));
  const { start, end: monthEnd } = monthBounds(query.month);
  const today = clock.today();
  const end = monthEnd < today ? monthEnd : today;
  let scope = actor.scope;
  let provinces = await provincesOf(db, actor.scope);
  if (query.unitId) {
    const unit = await findUnit(db, actor.scope, query.unitId, end < start ? start : end);
    if (!unit) throw notFound('entity.unit');
    scope = { all: false, roots: [unit.path] };
    const province = await provinceOfUnit(db, unit.id);
    provinces = province === null ? [] : [province];
  }
  if (provinces === null) provinces = []; // the whole country: ask by province (unitId)
  const units = new Map<number, UnitFigures & { name: string; level: string }>();
  const cadres: CadreFigures[] = [];
  if (end >= start) {
    for (const provinceId of provinces) {
      const figures = await monthFigures(db, scope, { provinceId, start, end, levels: FIGURE_LEVELS });
      cadres.push(...figures.cadres);
      for (const cadre of figures.cadres) if (!units.has(cadre.unit_id)) units.set(cadre.unit_id, { ...(figures.units.get(cadre.unit_id) as UnitFigures), name: cadre.unit_name, level: cadre.unit_level });
    }
  }
  const rows = [...units].map(([unitId, u]) => ({
    unitId, unitName: u.name, level: u.level, cadres: u.cadres, meeting: u.meeting, share: share(u.meeting, u.cadres), fieldDays: u.fieldDays, committeeAtCellMeetings: u.committeeAtCellMeetings,
  }));
  rows.sort((a, b) => (a.level === b.level ? a.unitName.localeCompare(b.unitName, 'vi') : a.level === 'province' ? -1 : 1));
  const sum = (key: 'cadres' | 'meeting' | 'fieldDays' | 'committeeAtCellMeetings') => rows.reduce((total, row) => total + row[key], 0);
  return {
    month: query.month,
    units: rows,
    cadres: cadres
      .map((c) => ({ personId: c.person_id, personName: c.person_name, unitId: c.unit_id, unitName: c.unit_name, organizationName: c.organization_name, title: c.title, days: c.days, meets: c.meets }))
      .sort((a, b) => a.days - b.days || a.personName.localeCompare(b.personName, 'vi')),
    total: { cadres: sum('cadres'), meeting: sum('meeting'), share: share(sum('meeting'), sum('cadres')), fieldDays: sum('fieldDays'), committeeAtCellMeetings: sum('committeeAtCellMeetings') },
  };
}
