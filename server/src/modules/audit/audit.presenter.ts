import { ZAuditAction, type TAuditEntry, type TRecentChange } from '#contracts/audit.ts';
import { periodLabel } from '#contracts/indicators/period.ts';
import { ZReportState } from '#contracts/indicators/reports.api.ts';
import type { AuditRow } from './audit.repository.ts';

/** A report is named by its form and period ("Báo cáo công tác dân vận, Tháng 11/2026"). */
function entityName(row: AuditRow): string | null {
  if (row.entity === 'indicator_report' && row.entity_name !== null && row.report_period !== null) {
    return `${row.entity_name}, ${periodLabel(row.report_period)}`;
  }
  return row.entity_name;
}

const stateIn = (json: unknown) => ZReportState.safeParse((json as { state?: unknown } | null)?.state ?? null).data;

/** A report's entry says what happened: a move ({ state } before and after) or values ({ values: [...] }). */
function reportChange(row: AuditRow): TRecentChange['reportChange'] {
  if (row.entity !== 'indicator_report') return null;
  const to = stateIn(row.after);
  if (to === 'submitted' && stateIn(row.before) === 'approved') return 'unapproved';
  if (to) return to;
  return Array.isArray((row.after as { values?: unknown } | null)?.values) ? 'values' : null;
}

/** A recent change: who, what, which record, where; no address, no before/after. */
export function presentRecentChange(row: AuditRow): TRecentChange {
  return {
    id: row.id,
    at: row.at.toISOString(),
    userFullName: row.user_full_name,
    action: ZAuditAction.parse(row.action),
    entity: row.entity,
    entityId: row.entity_id,
    entityName: entityName(row),
    reportChange: reportChange(row),
    unitId: row.unit_id,
    unitName: row.unit_name,
  };
}

/** An entry of the audit log, with the details an administrator reviews. */
export function presentAuditEntry(row: AuditRow): TAuditEntry {
  return {
    ...presentRecentChange(row),
    userId: row.user_id,
    username: row.username,
    before: row.before,
    after: row.after,
    ip: row.ip,
  };
}
