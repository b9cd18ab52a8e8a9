import type { z } from 'zod';
import { periodEnd, periodType } from '#contracts/indicators/period.ts';
import type { TCompleteness, ZReportListQuery } from '#contracts/indicators/reports.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { indicatorPolicy } from './indicator.policy.ts';
import { toDataSet } from './metadata.presenter.ts';
import { findDataSetParts, findDataSetRow } from './metadata.repository.ts';
import { periodInfo } from './report-form.service.ts';
import { findUnitInScope, listReportingUnits } from './report.repository.ts';

const SENT = new Set(['submitted', 'accepted', 'approved']);

/**
 * Completeness and timeliness of a data set for a period under a unit (default: the user's own): every reporting
 * unit expected that period (valid on its last day, inside the owner's territory), with its report if any;
 * submitted = sent and not returned; on time = first submission by the due date (a return does not make it late).
 */
export async function getCompleteness(db: Database, actor: Actor, query: z.output<typeof ZReportListQuery>): Promise<TCompleteness> {
  authorize(indicatorPolicy.read(actor));
  const row = await findDataSetRow(db, actor.scope, query.dataSetId);
  if (!row) throw notFound('entity.dataSet');
  const dataSet = toDataSet(row, await findDataSetParts(db, [row.id]));
  if (periodType(query.period) !== dataSet.periodType) throw invalidField('period', msg('indicators.report.wrongPeriodType', { dataSet: dataSet.name }));
  const unitId = query.unitId ?? actor.unitId ?? dataSet.ownerUnitId;
  const unit = await findUnitInScope(db, actor.scope, unitId);
  if (!unit) throw notFound('entity.unit');
  const units = await listReportingUnits(db, actor.scope, {
    dataSetId: dataSet.id,
    ownerId: dataSet.ownerUnitId,
    unitId: unit.id,
    period: query.period,
    periodEnd: periodEnd(query.period),
    levels: dataSet.levels,
    unitIds: dataSet.unitIds,
  });
  const sent = units.filter((u) => u.state !== null && SENT.has(u.state));
  return {
    dataSetId: dataSet.id,
    period: periodInfo(query.period, dataSet),
    unit: { id: unit.id, name: unit.full_name },
    expected: units.length,
    submitted: sent.length,
    onTime: sent.filter((u) => u.on_time === true).length,
    late: units.filter((u) => u.on_time === false).length,
    approved: units.filter((u) => u.state === 'approved').length,
    returned: units.filter((u) => u.state === 'returned').length,
    missing: units.length - sent.length,
    units: units.map((u) => ({
      unitId: Number(u.unit_id),
      name: u.name,
      parentName: u.parent_name,
      report:
        u.report_id === null
          ? null
          : {
              id: u.report_id,
              state: u.state ?? 'draft',
              version: u.version ?? 0,
              onTime: u.on_time,
              firstSubmittedAt: u.first_submitted_at === null ? null : new Date(u.first_submitted_at).toISOString(),
            },
    })),
  };
}
