import { Readable } from 'node:stream';
import { DEFAULT_COC_UID, parseLocalUid } from '#contracts/indicators/dhis2-ids.ts';
import { DHIS2_CSV_COLUMNS, type TDhis2ExportQuery, type TIdScheme } from '#contracts/indicators/dhis2.api.ts';
import { periodEnd, periodsOverlapping, periodStart } from '#contracts/indicators/period.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { elementLookup, Lookup, optionComboLookup, UnitLookup, type DataSetEntry, type ElementEntry, type OptionComboEntry } from './dhis2-catalogue.ts';
import { exportValuesPage, findUnitsByIdentifier, listOptionCombos, type ExportFilter, type ExportRow } from './dhis2.repository.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { dataSetsInScope, listElementRows } from './metadata.repository.ts';
import { findProvinceIds } from './totals.repository.ts';

/** Values read per query (keyset pagination). */
const PAGE = 5000;
const REFORM = '2025-07-01';

/** What an export writes, resolved before the first byte is sent (so a bad request still answers 404/400). */
export interface ExportPlan {
  scheme: TIdScheme;
  dataSetIdentifier: string;
  filter: ExportFilter;
  elements: Lookup<ElementEntry>;
  optionCombos: Lookup<OptionComboEntry>;
  units: UnitLookup;
  defaultCocId: number;
}

/** DHIS2's timestamp form: 2026-01-01T12:00:00.000+0000. */
const timestamp = (value: Date | string) => new Date(value).toISOString().replace('Z', '+0000');

/**
 * Checks the right to exchange, finds the data set and the unit in the actor's scope (by the same identifiers an
 * import reads), and the periods: one, or those lying wholly between startDate and endDate, of the data set's type.
 */
export async function planExport(db: Database, actor: Actor, query: TDhis2ExportQuery): Promise<ExportPlan> {
  authorize(indicatorPolicy.exchange(actor));
  const scheme = query.idScheme;
  const dataSetRows = await dataSetsInScope(db, actor.scope).execute();
  const dataSets = new Lookup<DataSetEntry>(
    'dataSet',
    dataSetRows.map((row) => ({ id: row.id, code: row.code, uid: row.dhis2_uid, periodType: row.period_type, villageLevel: false })),
  );
  const dataSet = dataSets.find(scheme, query.dataSet);
  if (!dataSet) throw notFound('entity.dataSet');
  const periods = query.period
    ? [query.period]
    : periodsOverlapping(query.startDate as string, query.endDate as string, dataSet.periodType).filter(
        (period) => periodStart(period) >= (query.startDate as string) && periodEnd(period) <= (query.endDate as string),
      );
  const lastEnd = periods.length > 0 ? periodEnd(periods[periods.length - 1] as string) : REFORM;
  const local = parseLocalUid(query.orgUnit);
  const candidates = await findUnitsByIdentifier(db, actor.scope, {
    uid: query.orgUnit,
    code: scheme === 'CODE' ? query.orgUnit : null,
    id: local?.kind === 'unit' ? local.id : null,
  });
  const units = new UnitLookup(candidates.map((row) => ({ ...row, parentId: null, level: 'commune' as const })));
  const unit = units.find(scheme, query.orgUnit, lastEnd);
  if (!unit) throw notFound('entity.unit');
  const [elementRows, comboRows, provinces] = await Promise.all([listElementRows(db, actor.scope), listOptionCombos(db), findProvinceIds(db, [unit.id])]);
  const elements = elementRows.filter((row) => row.data_set_id === dataSet.id);
  const defaultCoc = comboRows.find((row) => row.code === 'default');
  return {
    scheme,
    dataSetIdentifier: dataSets.identifier(scheme, dataSet),
    filter: {
      provinceId: provinces.get(unit.id) as number,
      elementIds: elements.map((row) => row.id),
      periods,
      unitId: unit.id,
      subtreePath: query.children ? unit.path : null,
    },
    elements: elementLookup(elements),
    optionCombos: optionComboLookup(comboRows),
    units,
    defaultCocId: defaultCoc?.id ?? 0,
  };
}

/** One exported value in DHIS2's field order. */
function toDhis2(plan: ExportPlan, row: ExportRow) {
  const element = plan.elements.byId.get(row.data_element_id) as ElementEntry;
  const coc = plan.optionCombos.byId.get(row.coc_id) as OptionComboEntry;
  const num = row.num === null ? null : Number(row.num);
  const value = element.valueType === 'text' ? (row.txt ?? '') : element.valueType === 'yes_no' ? String(num === 1) : String(num);
  const aoc = plan.scheme === 'CODE' ? 'default' : DEFAULT_COC_UID;
  return {
    dataElement: plan.elements.identifier(plan.scheme, element),
    period: row.period,
    orgUnit: plan.units.identifier(plan.scheme, { id: row.unit_id, code: row.unit_code, uid: row.unit_uid }),
    categoryOptionCombo: plan.optionCombos.identifier(plan.scheme, coc),
    attributeOptionCombo: aoc,
    value,
    // left out of JSON when absent (undefined)
    storedBy: row.username ?? undefined,
    created: timestamp(row.created_at),
    lastUpdated: timestamp(row.stored_at),
    comment: row.comment ?? undefined,
    followup: row.followup,
  };
}

/** Every value of the plan, page by page. */
async function* values(db: Database, actor: Actor, plan: ExportPlan) {
  let after: string | null = null;
  for (;;) {
    const rows = await exportValuesPage(db, actor.scope, plan.filter, after, PAGE);
    yield rows.map((row) => toDhis2(plan, row));
    if (rows.length < PAGE) return;
    after = (rows[rows.length - 1] as ExportRow).id;
  }
}

/** `{ dataSet, dataValues: [...] }`, streamed page by page (comment and storedBy left out when empty). */
export function exportJson(db: Database, actor: Actor, plan: ExportPlan): Readable {
  async function* chunks() {
    yield `{"dataSet":${JSON.stringify(plan.dataSetIdentifier)},"dataValues":[`;
    let first = true;
    for await (const page of values(db, actor, plan)) {
      let text = '';
      for (const value of page) {
        text += (first ? '' : ',') + JSON.stringify(value);
        first = false;
      }
      if (text) yield text;
    }
    yield ']}';
  }
  return Readable.from(chunks());
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The 2.42 CSV: its 11-column header, then one row per value. */
export function exportCsv(db: Database, actor: Actor, plan: ExportPlan): Readable {
  async function* chunks() {
    yield `${DHIS2_CSV_COLUMNS.join(',')}\n`;
    for await (const page of values(db, actor, plan)) {
      let text = '';
      for (const v of page) {
        const cells = [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo, v.value, v.storedBy ?? '', v.lastUpdated, v.comment ?? '', String(v.followup), 'false'];
        text += `${cells.map(csvCell).join(',')}\n`;
      }
      if (text) yield text;
    }
  }
  return Readable.from(chunks());
}
