import type { z } from 'zod';
import { parseCellValue } from '#contracts/indicators/value-type.ts';
import { periodEnd, periodLabel, periodStart, previousPeriod, dueDate, lockDate } from '#contracts/indicators/period.ts';
import type { TForm, TPeriodInfo, ZValueHistoryQuery, ZValuesInput, ZValuesResult } from '#contracts/indicators/reports.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { findStoredWriteIds, listValueChanges } from './data-value.repository.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { loadReportContext, type ReportContext } from './report-context.ts';
import { toCellValue } from './report.presenter.ts';
import { findReportByKey, listValues } from './report.repository.ts';
import { entryBlocker, violationsOf } from './report.rules.ts';
import { presentReport } from './report-transition.service.ts';
import { openReportForWrite } from './report-write.ts';
import { findProvinceIds } from './totals.repository.ts';
import { storeValues, type ValueWrite } from './value-store.ts';

export function periodInfo(period: string, dataSet: { dueDays: number; lockDays: number }): TPeriodInfo {
  return {
    id: period,
    label: periodLabel(period),
    start: periodStart(period),
    end: periodEnd(period),
    due: dueDate(period, dataSet.dueDays),
    lock: lockDate(period, dataSet.lockDays),
  };
}

async function formValues(db: Database, actor: Actor, context: ReportContext, period: string) {
  const rows = await listValues(
    db,
    actor.scope,
    context.provinceId,
    context.rows.map((r) => r.unitId),
    period,
    context.elements.map((e) => e.id),
  );
  return rows.map(toCellValue);
}

/** The entry form of a report: values of this period and the last, the report and its moves, rules violated now. */
export async function getForm(db: Database, actor: Actor, dataSetId: number, unitId: number, period: string): Promise<TForm> {
  authorize(indicatorPolicy.read(actor));
  const context = await loadReportContext(db, actor, dataSetId, unitId, period);
  const { dataSet, provinceId } = context;
  const report = await findReportByKey(db, actor.scope, { provinceId, dataSetId, unitId, period });
  const values = await formValues(db, actor, context, period);
  const previous = await formValues(db, actor, context, previousPeriod(period));
  const blocker = indicatorPolicy.enter(actor)
    ? entryBlocker({ period, lockDays: dataSet.lockDays, today: clock.today(), state: report?.state ?? null })
    : msg('indicators.report.noEnterRight');
  return {
    dataSet,
    elements: context.elements,
    rules: dataSet.rules,
    unit: { id: context.unit.id, name: context.unit.full_name, level: context.unit.level },
    period: periodInfo(period, dataSet),
    previousPeriod: periodInfo(previousPeriod(period), dataSet),
    rows: context.rows,
    values,
    previous,
    report: report ? await presentReport(db, actor, report) : null,
    editable: blocker === null,
    notEditableReason: blocker,
    violations: violationsOf(dataSet, context.elements, context.rows.map((r) => r.unitId), values),
  };
}

/** Checks each typed value against its row, element, disaggregation and type; 400 naming `values.N.field`. */
function toWrites(context: ReportContext, input: z.output<typeof ZValuesInput>): ValueWrite[] {
  const rowIds = new Set(context.rows.map((r) => r.unitId));
  return input.values.map((value, i) => {
    if (!rowIds.has(value.unitId)) throw invalidField(`values.${i}.unitId`, msg('indicators.report.notARow', { unitId: value.unitId }), 'unitId');
    const element = context.elements.find((e) => e.id === value.dataElementId);
    if (!element) throw invalidField(`values.${i}.dataElementId`, msg('indicators.report.notAnElement', { dataElementId: value.dataElementId }), 'dataElementId');
    if (!element.optionCombos.some((c) => c.id === value.cocId)) {
      throw invalidField(`values.${i}.cocId`, msg('indicators.report.notACombo', { cocId: value.cocId, element: element.name }), 'cocId');
    }
    const parsed = parseCellValue(element.valueType, value.value ?? '');
    if (!parsed.ok) throw invalidField(`values.${i}.value`, `${element.name}: ${parsed.message}`, 'value');
    return {
      writeId: value.writeId,
      unitId: value.unitId,
      period: input.period,
      dataElementId: element.id,
      cocId: value.cocId,
      num: parsed.num,
      txt: parsed.txt,
      comment: value.comment ?? null,
    };
  });
}

/**
 * Stores values of one report in one transaction: creates the report on the first write, locks it, refuses
 * changes to a report that is not open (a resend of writes already stored is answered, not refused: the browser's
 * outbox may resend after a lost answer), keeps every previous value, and answers the rules violated now.
 */
export async function putValues(db: Database, actor: Actor, input: z.output<typeof ZValuesInput>): Promise<z.output<typeof ZValuesResult>> {
  authorize(indicatorPolicy.enter(actor), msg('indicators.report.noEnterRight'));
  return db.transaction().execute(async (trx) => {
    const context = await loadReportContext(trx, actor, input.dataSetId, input.unitId, input.period);
    const writes = toWrites(context, input);
    const key = { provinceId: context.provinceId, dataSetId: input.dataSetId, unitId: input.unitId, period: input.period };
    const report = await openReportForWrite(trx, actor.scope, key);
    const stored = await findStoredWriteIds(trx, writes.map((w) => ({ provinceId: context.provinceId, writeId: w.writeId })));
    if (writes.some((w) => !stored.has(w.writeId))) {
      const blocker = entryBlocker({ period: input.period, lockDays: context.dataSet.lockDays, today: clock.today(), state: report.state });
      if (blocker) throw conflict(blocker);
    }
    const results = await storeValues(trx, writes, { userId: actor.userId, source: 'form' });
    const changed = results.filter((r) => r.status !== 'unchanged' && r.status !== 'duplicate');
    if (changed.length > 0) {
      await recordAudit(trx, actor, {
        action: 'update',
        entity: 'indicator_report',
        entityId: report.id,
        unitId: input.unitId,
        after: { period: input.period, values: writes.filter((w) => changed.some((c) => c.writeId === w.writeId)).map((w) => [w.unitId, w.dataElementId, w.cocId, w.num ?? w.txt]) },
      });
    }
    const values = await formValues(trx, actor, context, input.period);
    return {
      results: results.map((r) => ({ ...r, version: Math.max(r.version, 0) })),
      report: await presentReport(trx, actor, report),
      violations: violationsOf(context.dataSet, context.elements, context.rows.map((r) => r.unitId), values),
    };
  });
}

/** Every change of one value with who made it (nothing is overwritten silently). */
export async function getValueHistory(db: Database, actor: Actor, query: z.output<typeof ZValueHistoryQuery>) {
  authorize(indicatorPolicy.read(actor));
  const rows = await listValues(db, actor.scope, await provinceOf(db, query.unitId), [query.unitId], query.period, [query.dataElementId]);
  const value = rows.find((r) => r.coc_id === query.cocId);
  if (!value) return [];
  const changes = await listValueChanges(db, await provinceOf(db, query.unitId), value.id);
  const text = (num: number | null, txt: string | null) => (num === null ? txt : String(Number(num)));
  return changes.map((c) => ({
    version: c.version,
    oldValue: text(c.old_num, c.old_txt),
    newValue: text(c.new_num, c.new_txt),
    deleted: c.deleted,
    at: new Date(c.changed_at).toISOString(),
    by: c.username,
    source: c.source,
  }));
}

async function provinceOf(db: Database, unitId: number): Promise<number> {
  const id = (await findProvinceIds(db, [unitId])).get(unitId);
  if (id === undefined) throw notFound('entity.unit');
  return id;
}
