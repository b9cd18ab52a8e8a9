import type { TCellValue, TReport } from '#contracts/indicators/reports.api.ts';
import type { ReportState } from '#server/db/schema.ts';
import type { ReportRow, ValueRowRead } from './report.repository.ts';

/** One history row as read with its author. */
export interface HistoryRow {
  from_state: string;
  to_state: string;
  at: Date;
  reason: string | null;
  username: string | null;
  full_name: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export function toReport(row: ReportRow, history: readonly HistoryRow[], actions: readonly ReportState[]): TReport {
  const returned = [...history].reverse().find((h) => h.to_state === 'returned' || (h.from_state === 'approved' && h.to_state === 'submitted'));
  return {
    id: row.id,
    dataSetId: row.data_set_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    period: row.period,
    state: row.state,
    version: row.version,
    holderUnitId: row.holder_unit_id,
    holderUnitName: row.holder_name,
    firstSubmittedAt: iso(row.first_submitted_at),
    onTime: row.on_time,
    approvedAt: iso(row.approved_at),
    actions: [...actions],
    lastReason: row.state === 'returned' ? (returned?.reason ?? null) : null,
    history: history.map((h) => ({
      from: h.from_state as ReportState,
      to: h.to_state as ReportState,
      at: new Date(h.at).toISOString(),
      by: h.full_name ?? h.username ?? '',
      reason: h.reason,
    })),
  };
}

export function toCellValue(row: ValueRowRead): TCellValue {
  return {
    unitId: row.unit_id,
    dataElementId: row.data_element_id,
    cocId: row.coc_id,
    num: row.num === null ? null : Number(row.num),
    txt: row.txt,
    comment: row.comment,
    version: row.version,
    storedBy: row.username,
    storedAt: new Date(row.stored_at).toISOString(),
  };
}
