import type { TSentimentAlert, TSentimentReport, TSentimentRule, TSentimentTeam } from '#contracts/sentiment/schemas.ts';
import type { AlertRow, ReportRow, RuleRow, TeamRow } from './sentiment.repository.ts';
import { roundPoint } from './sentiment.rules.ts';

const iso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : String(value));

/** A report row as the contract shows it; `showText` false hides the text of a sensitive topic. */
export function presentReport(row: ReportRow, showText: boolean): TSentimentReport {
  const hidden = row.sensitive && !showText;
  return {
    id: row.id,
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    communeId: Number(row.commune_id),
    communeName: row.commune_name,
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    organizationName: row.organization_name ?? null,
    reporterName: row.reporter_name ?? null,
    topic: row.topic,
    topicName: row.topic_name,
    sensitive: row.sensitive,
    severity: row.severity,
    peopleCount: row.people_count,
    trend: row.trend,
    text: hidden ? null : row.text,
    textHidden: hidden,
    reportedOn: row.reported_on,
    lat: roundPoint(row.lat),
    lng: roundPoint(row.lng),
    createdAt: iso(row.created_at),
  };
}

export function presentAlert(row: AlertRow): TSentimentAlert {
  return {
    id: row.id,
    communeId: Number(row.unit_id),
    communeName: row.commune_name,
    addressedUnitId: Number(row.addressed_unit_id),
    addressedUnitName: row.addressed_unit_name,
    topic: row.topic,
    topicName: row.topic_name,
    ruleName: row.rule_name,
    rule: {
      id: Number(row.rule_id), version: row.rule_version, name: row.rule_name, topic: row.rule_topic, minSeverity: row.rule_min_severity, minReports: row.rule_min_reports,
      windowDays: row.window_days,
    },
    status: row.status,
    version: row.version,
    reportCount: row.report_count,
    firstReportOn: row.first_report_on,
    lastReportOn: row.last_report_on,
    raisedAt: iso(row.raised_at),
    petitionCaseId: row.petition_case_id,
  };
}

/** A Tổ dân vận / Khối dân vận as the report form's picker shows it. */
export function presentTeam(row: TeamRow): TSentimentTeam {
  return { id: Number(row.id), name: row.name, type: row.type as TSentimentTeam['type'], unitId: Number(row.unit_id), unitName: row.unit_name };
}

/** A rule as it reads now; whether it is in force and whether the reader may change it are the service's. */
export function presentRule(row: RuleRow, inForce: boolean, canEdit: boolean): TSentimentRule {
  return {
    id: Number(row.id),
    provinceId: row.province_id === null ? null : Number(row.province_id),
    provinceName: row.province_name ?? null,
    name: row.name,
    topic: row.topic,
    topicName: row.topic_name ?? null,
    minSeverity: row.min_severity,
    minReports: row.min_reports,
    windowDays: row.window_days,
    active: row.active,
    version: row.version,
    inForce,
    canEdit,
    updatedAt: row.updated_at === null ? null : iso(row.updated_at),
    updatedBy: row.updated_by_name ?? null,
  };
}
