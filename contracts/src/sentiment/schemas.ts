import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';

/** Severity of a sentiment report, lowest first (thấp / trung bình / cao / rất cao). */
export const SENTIMENT_SEVERITIES = ['low', 'medium', 'high', 'very_high'] as const;
export const ZSentimentSeverity = z.enum(SENTIMENT_SEVERITIES);
export type TSentimentSeverity = z.infer<typeof ZSentimentSeverity>;
/** Rank of a severity (0 = thấp … 3 = rất cao): rules compare ranks. */
export const severityRank = (severity: TSentimentSeverity): number => SENTIMENT_SEVERITIES.indexOf(severity);

/** Trend since the last report (tăng / giữ nguyên / giảm). */
export const SENTIMENT_TRENDS = ['rising', 'steady', 'falling'] as const;
export const ZSentimentTrend = z.enum(SENTIMENT_TRENDS);
export type TSentimentTrend = z.infer<typeof ZSentimentTrend>;

/** States of an early-warning alert: raised, acknowledged by the level above (then followed up with notes), closed. */
export const SENTIMENT_ALERT_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export const ZSentimentAlertStatus = z.enum(SENTIMENT_ALERT_STATUSES);
export type TSentimentAlertStatus = z.infer<typeof ZSentimentAlertStatus>;

/** A topic code of the configurable list (sentiment_topic). */
export const ZTopicCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'mã chủ đề không hợp lệ');

export const ZSentimentTopic = z.object({ code: ZTopicCode, name: z.string(), sensitive: z.boolean() });
export type TSentimentTopic = z.infer<typeof ZSentimentTopic>;

const ZLat = z.number().min(-90).max(90);
const ZLng = z.number().min(-180).max(180);

/** A report as the form sends it; `id` is a UUIDv7 made by the browser: a resend with the same id stores nothing new. */
export const ZSentimentReportInput = z.object({
  id: ZUuid,
  /** Where: a village (thôn, tổ dân phố) or a commune in the reporter's scope. */
  unitId: ZId,
  /** Who: a Tổ dân vận or Khối dân vận of the registry; none = the cadre signed in. */
  organizationId: ZId.nullable().optional(),
  topic: ZTopicCode,
  severity: ZSentimentSeverity,
  peopleCount: z.number().int().min(0).max(1_000_000),
  trend: ZSentimentTrend,
  text: zText(4000),
  reportedOn: ZDate,
  lat: ZLat.nullable().optional(),
  lng: ZLng.nullable().optional(),
});
export type TSentimentReportInput = z.infer<typeof ZSentimentReportInput>;

/** Who may send a report for a place: the Tổ dân vận of a village, the Khối dân vận of a commune. */
export const SENTIMENT_TEAM_TYPES = ['commune_bloc', 'village_team'] as const;
export const ZSentimentTeam = z.object({
  id: z.number(),
  name: z.string(),
  type: z.enum(SENTIMENT_TEAM_TYPES),
  /** The unit it belongs to (a report on a village may name the village's team or its commune's bloc). */
  unitId: z.number(),
  unitName: z.string(),
});
export type TSentimentTeam = z.infer<typeof ZSentimentTeam>;
/** The teams of a unit and of its children (a commune and its villages): the report form's picker. */
export const ZSentimentTeamQuery = z.object({ unitId: ZId });

/** The server's answer to a report: whether it was a resend, and the alerts it raised (none on a resend). */
export const ZSentimentReceipt = z.object({ id: ZUuid, duplicate: z.boolean(), raisedAlertIds: z.array(ZUuid) });
export type TSentimentReceipt = z.infer<typeof ZSentimentReceipt>;

export const ZSentimentReport = z.object({
  id: ZUuid,
  unitId: z.number(),
  unitName: z.string(),
  communeId: z.number(),
  communeName: z.string(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  reporterName: z.string().nullable(),
  topic: z.string(),
  topicName: z.string(),
  sensitive: z.boolean(),
  severity: ZSentimentSeverity,
  peopleCount: z.number(),
  trend: ZSentimentTrend,
  /** Null when the topic is sensitive and the reader lacks sentiment.readSensitive (`textHidden`). */
  text: z.string().nullable(),
  textHidden: z.boolean(),
  reportedOn: z.string(),
  /** Rounded to 0.01° (about 1 km): a report names a place, not a household. */
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  createdAt: z.string(),
});
export type TSentimentReport = z.infer<typeof ZSentimentReport>;

const ZPaging = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

export const ZSentimentListQuery = z.object({
  /** A unit whose subtree the reports lie in (province, commune, village). */
  unitId: ZId.optional(),
  topic: ZTopicCode.optional(),
  /** This severity or above. */
  minSeverity: ZSentimentSeverity.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  ...ZPaging,
});
export type TSentimentListQuery = z.infer<typeof ZSentimentListQuery>;
export const ZSentimentList = z.object({ items: z.array(ZSentimentReport), total: z.number() });
export type TSentimentList = z.infer<typeof ZSentimentList>;

/** A period and an optional unit subtree: the table and the map. */
export const ZSentimentPeriodQuery = z.object({
  from: ZDate,
  to: ZDate,
  unitId: ZId.optional(),
  topic: ZTopicCode.optional(),
  minSeverity: ZSentimentSeverity.optional(),
});
export type TSentimentPeriodQuery = z.infer<typeof ZSentimentPeriodQuery>;

export const ZSentimentTable = z.object({
  topics: z.array(ZSentimentTopic),
  rows: z.array(z.object({ communeId: z.number(), communeName: z.string(), counts: z.record(z.string(), z.number()), high: z.number(), total: z.number() })),
  totals: z.record(z.string(), z.number()),
  total: z.number(),
});
export type TSentimentTable = z.infer<typeof ZSentimentTable>;

export const ZSentimentMap = z.object({
  /** The 2025 province whose outline the map draws (indicators' province outlines); null when the reports span several. */
  provinceId: z.number().nullable(),
  /** The province's outline as the indicators dashboard projects it, cropped to it (null: no single province). */
  map: z.object({ viewBox: z.string(), path: z.string() }).nullable(),
  /** x, y: the point projected as the outline (null without a map). */
  points: z.array(z.object({ lat: z.number(), lng: z.number(), x: z.number().nullable(), y: z.number().nullable(), topic: z.string(), severity: ZSentimentSeverity, count: z.number() })),
  communes: z.array(z.object({ communeId: z.number(), communeName: z.string(), count: z.number(), high: z.number() })),
});
export type TSentimentMap = z.infer<typeof ZSentimentMap>;

/** What a rule asks for: at least `minReports` reports of severity ≥ `minSeverity` on one topic in one commune within `windowDays`. */
export const ZSentimentRuleTerms = z.object({
  name: z.string(),
  /** null: any topic (one alert per topic). */
  topic: z.string().nullable(),
  minSeverity: ZSentimentSeverity,
  minReports: z.number(),
  windowDays: z.number(),
});
export type TSentimentRuleTerms = z.infer<typeof ZSentimentRuleTerms>;

/** A rule of early warning, as it reads now (its past versions stay with the alerts they raised). */
export const ZSentimentRule = ZSentimentRuleTerms.extend({
  id: z.number(),
  /** null: the national default, applied to provinces without active rules of their own. */
  provinceId: z.number().nullable(),
  provinceName: z.string().nullable(),
  topicName: z.string().nullable(),
  active: z.boolean(),
  /** Raised by each change (optimistic concurrency: a change names the version it was made from). */
  version: z.number(),
  /**
   * Whether the rule is evaluated for its province (for the national default: for the province asked about, or
   * for the provinces without rules of their own): a province's active rules replace the national default.
   */
  inForce: z.boolean(),
  /** Whether the reader may change it (sentiment.configure on the own province; the national default: system administrators). */
  canEdit: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TSentimentRule = z.infer<typeof ZSentimentRule>;

/** The rules that apply to one province (in scope): the national default and the province's own; none: every province in scope. */
export const ZSentimentRuleQuery = z.object({ provinceId: ZId.optional() });

const ZRuleName = zText(300);
const ZMinReports = z.number().int().min(1).max(1000);
const ZWindowDays = z.number().int().min(1).max(366);

/** A new rule of a province (the national default is the system administrators'). */
export const ZSentimentRuleInput = z.object({
  provinceId: ZId,
  name: ZRuleName,
  /** null: any topic. */
  topic: ZTopicCode.nullable(),
  minSeverity: ZSentimentSeverity,
  minReports: ZMinReports,
  windowDays: ZWindowDays,
  active: z.boolean().optional(),
});
export type TSentimentRuleInput = z.infer<typeof ZSentimentRuleInput>;

/** A change of a rule from the version seen: the fields given are changed (active false: deactivated). */
export const ZSentimentRuleChange = z.object({
  seenVersion: z.number().int().min(1),
  name: ZRuleName.optional(),
  topic: ZTopicCode.nullable().optional(),
  minSeverity: ZSentimentSeverity.optional(),
  minReports: ZMinReports.optional(),
  windowDays: ZWindowDays.optional(),
  active: z.boolean().optional(),
});
export type TSentimentRuleChange = z.infer<typeof ZSentimentRuleChange>;

export const ZSentimentAlertListQuery = z.object({ status: ZSentimentAlertStatus.optional(), ...ZPaging });

export const ZSentimentAlert = z.object({
  id: ZUuid,
  communeId: z.number(),
  communeName: z.string(),
  /** The unit the alert is addressed to (the commune's province). */
  addressedUnitId: z.number(),
  addressedUnitName: z.string(),
  topic: z.string(),
  topicName: z.string(),
  ruleName: z.string(),
  /** The rule as it read when it raised the alert (a later change of the rule does not rewrite it). */
  rule: ZSentimentRuleTerms.extend({ id: z.number(), version: z.number() }),
  status: ZSentimentAlertStatus,
  version: z.number(),
  reportCount: z.number(),
  firstReportOn: z.string(),
  lastReportOn: z.string(),
  raisedAt: z.string(),
  petitionCaseId: ZUuid.nullable(),
});
export type TSentimentAlert = z.infer<typeof ZSentimentAlert>;
export const ZSentimentAlertList = z.object({ items: z.array(ZSentimentAlert), total: z.number() });

export const ZSentimentAlertDetail = ZSentimentAlert.extend({
  /** The moves the reader may make now (to-states). */
  moves: z.array(z.object({ to: ZSentimentAlertStatus, label: z.string(), requiresReason: z.boolean() })),
  canNote: z.boolean(),
  history: z.array(z.object({ from: z.string(), to: z.string(), at: z.string(), by: z.string().nullable(), reason: z.string().nullable() })),
  notes: z.array(z.object({ id: ZUuid, at: z.string(), by: z.string().nullable(), text: z.string() })),
  /** The reports behind it (those of the window that raised it and after), newest first. */
  reports: z.array(ZSentimentReport),
});
export type TSentimentAlertDetail = z.infer<typeof ZSentimentAlertDetail>;

export const ZSentimentAlertMove = z.object({
  seenState: ZSentimentAlertStatus,
  seenVersion: z.number().int().min(1),
  to: ZSentimentAlertStatus,
  reason: zText(2000).nullable().optional(),
});
export const ZSentimentAlertNote = z.object({ id: ZUuid, text: zText(4000) });
