import type { TSentimentAlertDetail, TSentimentReceipt, TSentimentReportInput, TSentimentRule, TSentimentRuleChange, TSentimentRuleInput, TSentimentSeverity, TSentimentTeam } from '#contracts/sentiment/schemas.ts';
import type { z } from 'zod';
import type { ZSentimentAlertListQuery, ZSentimentAlertMove, ZSentimentAlertNote, ZSentimentListQuery, ZSentimentPeriodQuery, ZSentimentRuleQuery } from '#contracts/sentiment/schemas.ts';
import type { Database } from '#server/db/database.ts';
import { applyTransition } from '#server/platform/workflow/apply-transition.ts';
import { availableTransitions } from '#server/platform/workflow/workflow.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../audit/index.ts';
import { outlineProjection, provinceOutlines } from '../indicators/index.ts';
import { addDays } from '#contracts/indicators/period.ts';
import { DERIVED_TOPICS, SENTIMENT_DERIVED, reportsCode } from './sentiment-derived.ts';
import { sentimentPolicy } from './sentiment.policy.ts';
import { presentAlert, presentReport, presentRule, presentTeam } from './sentiment.presenter.ts';
import * as repo from './sentiment.repository.ts';
import { cropViewBox, reportCounts, rulesInForce, windowReach, windowReached, type WarningRule } from './sentiment.rules.ts';
import { alertWorkflow } from './sentiment.workflow.ts';

/** Longest period of the table and the map. */
const MAX_PERIOD_DAYS = 1100;

/** Who writes: an account (its scope and audit identity). */
interface Writer {
  userId: number;
  ip: string | null;
  scope: Actor['scope'];
}

/**
 * Evaluates the early-warning rules in force for the report's province, in the writer's transaction, under a lock
 * of the commune and topic (two reports sent at once both count): a rule whose window now holds enough counting
 * reports raises one alert addressed to the province; while it is not closed, further counting reports widen it
 * instead of raising another. Returns the ids of the alerts raised.
 */
export async function evaluateRules(
  trx: Database,
  writer: { userId: number | null; ip: string | null },
  report: { provinceId: number; communeId: number; topic: string; severity: TSentimentReportInput['severity']; reportedOn: string },
  now: Date,
): Promise<string[]> {
  const rules: (WarningRule & { version: number })[] = rulesInForce(
    (await repo.listRules(trx, [report.provinceId])).map((r) => ({
      id: Number(r.id), version: r.version, provinceId: r.province_id === null ? null : Number(r.province_id), active: r.active, topic: r.topic, minSeverity: r.min_severity,
      minReports: r.min_reports, windowDays: r.window_days,
    })),
    report.provinceId,
  );
  const counting = rules.filter((rule) => reportCounts(rule, report));
  if (counting.length === 0) return [];
  await repo.lockCommuneTopic(trx, report.communeId, report.topic);
  const raised: string[] = [];
  for (const rule of counting) {
    const key = { provinceId: report.provinceId, ruleId: rule.id, communeId: report.communeId, topic: report.topic };
    const open = await repo.findOpenAlert(trx, key);
    if (open) {
      await repo.widenAlert(trx, report.provinceId, open.id, report.reportedOn);
      continue;
    }
    const reach = windowReach(rule, report.reportedOn);
    const dates = await repo.countingDates(trx, key, repo.severitiesFrom(rule.minSeverity), reach.from, reach.to);
    const hit = windowReached(rule, dates, report.reportedOn);
    if (!hit) continue;
    const id = uuidv7(now);
    const written = await repo.insertAlert(trx, {
      id, province_id: report.provinceId, unit_id: report.communeId, addressed_unit_id: report.provinceId, rule_id: rule.id, rule_version: rule.version, topic: report.topic,
      report_count: hit.count, first_report_on: hit.first, last_report_on: hit.last, raised_at: now,
    });
    if (!written) continue;
    await recordAudit(trx, writer, { action: 'create', entity: 'sentiment_alert', entityId: id, unitId: report.communeId, after: { ruleId: rule.id, ruleVersion: rule.version, topic: report.topic, reports: hit.count, from: hit.first, to: hit.last } });
    raised.push(id);
  }
  return raised;
}

/**
 * The one write path of sentiment reports (the form, the outbox, the demo): checks the place, the topic and the
 * reporting organisation in the writer's scope, stores the report under the client's UUIDv7 (a resend, even one
 * racing its first copy, stores nothing and raises nothing), evaluates the rules and refreshes the derived values,
 * all in the caller's transaction, audited.
 */
export async function storeReport(trx: Database, derived: DerivedValues | null, writer: Writer, input: TSentimentReportInput, today: string, now: Date): Promise<TSentimentReceipt> {
  const place = await repo.findPlace(trx, writer.scope, input.unitId);
  if (!place || place.province_id === null) throw invalidField('unitId', msg('sentiment.placeOutOfScope'));
  if (place.level !== 'village' && place.level !== 'commune') throw invalidField('unitId', msg('sentiment.placeLevel'));
  const communeId = place.level === 'village' ? Number(place.parent_id) : Number(place.id);
  const provinceId = Number(place.province_id);
  const taken = await repo.reportIdTaken(trx, input.id);
  if (taken) {
    if (Number(taken.province_id) !== provinceId) throw conflict(msg('sentiment.idOfAnotherReport'));
    return { id: input.id, duplicate: true, raisedAlertIds: [] };
  }
  if (input.reportedOn > today) throw invalidField('reportedOn', msg('sentiment.futureDate'));
  if ((place.valid_to !== null && place.valid_to < input.reportedOn)) throw invalidField('unitId', msg('sentiment.placeEnded'));
  if ((input.lat ?? null) === null !== ((input.lng ?? null) === null)) throw invalidField('lat', msg('sentiment.pointHalf'));
  const topic = await repo.findTopic(trx, input.topic);
  if (!topic) throw invalidField('topic', msg('sentiment.topicUnknown', { code: input.topic }));
  const organizationId = input.organizationId ?? null;
  if (organizationId !== null && !(await repo.findReportingOrganization(trx, writer.scope, organizationId, [Number(place.id), communeId]))) {
    throw invalidField('organizationId', msg('sentiment.organizationNotHere'));
  }
  const written = await repo.insertReport(trx, {
    id: input.id, province_id: provinceId, unit_id: Number(place.id), commune_id: communeId, organization_id: organizationId, topic: input.topic,
    severity: input.severity, people_count: input.peopleCount, trend: input.trend, text: input.text, reported_on: input.reportedOn,
    lat: input.lat ?? null, lng: input.lng ?? null, created_by: writer.userId, created_at: now,
  });
  // a resend that raced its first copy: the stored one stands
  if (!written) return { id: input.id, duplicate: true, raisedAlertIds: [] };
  await recordAudit(trx, writer, {
    action: 'create', entity: 'sentiment_report', entityId: input.id, unitId: Number(place.id),
    after: { topic: input.topic, severity: input.severity, peopleCount: input.peopleCount, trend: input.trend, reportedOn: input.reportedOn, organizationId },
  });
  const raised = await evaluateRules(trx, writer, { provinceId, communeId, topic: input.topic, severity: input.severity, reportedOn: input.reportedOn }, now);
  if (derived) {
    if ((DERIVED_TOPICS as readonly string[]).includes(input.topic)) await derived.touch(trx, { userId: writer.userId }, reportsCode(input.topic), [communeId], { days: [input.reportedOn] });
    if (raised.length) await derived.touch(trx, { userId: writer.userId }, SENTIMENT_DERIVED.openAlerts, [provinceId]);
  }
  return { id: input.id, duplicate: false, raisedAlertIds: raised };
}

export async function createReport(db: Database, derived: DerivedValues, actor: Actor, input: TSentimentReportInput): Promise<TSentimentReceipt> {
  authorize(sentimentPolicy.report(actor));
  return db.transaction().execute((trx) => storeReport(trx, derived, actor, input, clock.today(), clock.now()));
}

export async function listTopics(db: Database, actor: Actor) {
  authorize(sentimentPolicy.read(actor));
  return repo.listTopics(db);
}

/** Who may send a report for the unit or one of its children: their Tổ dân vận and Khối dân vận. */
export async function listTeams(db: Database, actor: Actor, unitId: number): Promise<TSentimentTeam[]> {
  authorize(sentimentPolicy.read(actor));
  return (await repo.listTeams(db, actor.scope, unitId, clock.today())).map(presentTeam);
}

// --- rules ---

/**
 * The rules that apply to a province in scope (`provinceId`; none: the only province of the scope, else every
 * province in scope), each saying whether it is in force there and whether the reader may change it.
 */
export async function listRules(db: Database, actor: Actor, q: z.infer<typeof ZSentimentRuleQuery>): Promise<TSentimentRule[]> {
  authorize(sentimentPolicy.read(actor));
  const scoped = await repo.scopeProvinces(db, actor.scope);
  let provinces: repo.Provinces = scoped;
  if (q.provinceId !== undefined) {
    if (!(await repo.findProvinceInScope(db, actor.scope, q.provinceId)) && !(scoped ?? []).includes(q.provinceId)) {
      throw invalidField('provinceId', msg('sentiment.ruleProvinceOutOfScope'));
    }
    provinces = [q.provinceId];
  }
  return presentRules(actor, await repo.listRules(db, provinces), provinces);
}

function presentRules(actor: Actor, rows: readonly repo.RuleRow[], provinces: repo.Provinces): TSentimentRule[] {
  const withOwn = new Set(rows.filter((r) => r.province_id !== null && r.active).map((r) => Number(r.province_id)));
  // the national default is in force for the province asked about when it has no active rule of its own (several
  // provinces: when one of them has none; the whole country: always)
  const nationalInForce = provinces === null || provinces.some((id) => !withOwn.has(id));
  return rows.map((row) => presentRule(row, row.active && (row.province_id !== null || nationalInForce), sentimentPolicy.editRule(actor, row)));
}

const termsOf = (input: { name: string; topic: string | null; minSeverity: TSentimentSeverity; minReports: number; windowDays: number; active: boolean }): repo.RuleTerms => ({
  name: input.name, topic: input.topic, min_severity: input.minSeverity, min_reports: input.minReports, window_days: input.windowDays, active: input.active,
});
const auditTerms = (t: repo.RuleTerms) => ({ name: t.name, topic: t.topic, minSeverity: t.min_severity, minReports: t.min_reports, windowDays: t.window_days, active: t.active });

async function checkTopic(trx: Database, topic: string | null | undefined) {
  if (topic != null && !(await repo.findTopic(trx, topic))) throw invalidField('topic', msg('sentiment.topicUnknown', { code: topic }));
}

async function ruleAfterWrite(trx: Database, actor: Actor, id: number, provinceId: number | null): Promise<TSentimentRule> {
  const provinces = provinceId === null ? null : [provinceId];
  const rows = await repo.listRules(trx, provinces);
  return presentRules(actor, rows, provinces).find((r) => r.id === id)!;
}

/** A new rule of a province the actor configures (its own province; a system administrator: any), version 1, audited. */
export async function createRule(db: Database, actor: Actor, input: TSentimentRuleInput): Promise<TSentimentRule> {
  authorize(sentimentPolicy.configure(actor));
  return db.transaction().execute(async (trx) => {
    const province = await repo.findProvinceInScope(trx, actor.scope, input.provinceId);
    if (!province) throw invalidField('provinceId', msg('sentiment.ruleProvinceOutOfScope'));
    if (!sentimentPolicy.editRule(actor, { province_id: Number(province.id) })) throw forbidden(msg('sentiment.ruleNotOwnProvince'));
    await checkTopic(trx, input.topic);
    const terms = termsOf({ ...input, active: input.active ?? true });
    const id = await repo.insertRule(trx, input.provinceId, terms, actor.userId, clock.now());
    await recordAudit(trx, actor, { action: 'create', entity: 'sentiment_rule', entityId: id, unitId: input.provinceId, after: { version: 1, ...auditTerms(terms) } });
    return ruleAfterWrite(trx, actor, id, input.provinceId);
  });
}

/**
 * Changes a rule from the version seen (409 when another change came first): the fields given, active false to
 * deactivate. The rule's next version is kept beside the earlier ones, so an alert raised under an earlier version
 * still reads it. A rule outside the scope: 404; another province's or the national default: 403. Audited.
 */
export async function changeRule(db: Database, actor: Actor, id: number, body: TSentimentRuleChange): Promise<TSentimentRule> {
  authorize(sentimentPolicy.configure(actor));
  return db.transaction().execute(async (trx) => {
    const row = await repo.lockRule(trx, await repo.scopeProvinces(trx, actor.scope), id);
    if (!row) throw notFound('entity.sentimentRule');
    if (!sentimentPolicy.editRule(actor, row)) throw forbidden(row.province_id === null ? msg('sentiment.ruleNationalReadOnly') : msg('sentiment.ruleNotOwnProvince'));
    if (row.version !== body.seenVersion) throw conflict(msg('sentiment.ruleStale', { current: row.version, seen: body.seenVersion }));
    await checkTopic(trx, body.topic);
    const before: repo.RuleTerms = { name: row.name, topic: row.topic, min_severity: row.min_severity, min_reports: row.min_reports, window_days: row.window_days, active: row.active };
    const after = termsOf({
      name: body.name ?? row.name,
      topic: body.topic === undefined ? row.topic : body.topic,
      minSeverity: body.minSeverity ?? row.min_severity,
      minReports: body.minReports ?? row.min_reports,
      windowDays: body.windowDays ?? row.window_days,
      active: body.active ?? row.active,
    });
    const provinceId = row.province_id === null ? null : Number(row.province_id);
    if (JSON.stringify(before) === JSON.stringify(after)) return ruleAfterWrite(trx, actor, id, provinceId);
    const now = clock.now();
    if (!(await repo.updateRule(trx, id, body.seenVersion, after, actor.userId, now))) throw conflict(msg('sentiment.ruleStale', { current: row.version, seen: body.seenVersion }));
    await recordAudit(trx, actor, {
      action: 'update', entity: 'sentiment_rule', entityId: id, unitId: provinceId,
      before: { version: row.version, ...auditTerms(before) }, after: { version: row.version + 1, ...auditTerms(after) },
    });
    return ruleAfterWrite(trx, actor, id, provinceId);
  });
}

async function filterOf(db: Database, actor: Actor, q: { unitId?: number | undefined; topic?: string | undefined; minSeverity?: TSentimentReportInput['severity'] | undefined; from?: string | undefined; to?: string | undefined }) {
  let unitPath: string | undefined;
  if (q.unitId !== undefined) {
    const path = await repo.unitPathInScope(db, actor.scope, q.unitId);
    if (path === null) throw invalidField('unitId', msg('sentiment.placeOutOfScope'));
    unitPath = path;
  }
  if (q.from !== undefined && q.to !== undefined && q.to < q.from) throw invalidField('to', msg('sentiment.periodOrder'));
  return { unitPath, topic: q.topic, severities: q.minSeverity ? repo.severitiesFrom(q.minSeverity) : undefined, from: q.from, to: q.to };
}

/** Shows reports; the text of sensitive ones only with the right, each such read audited read_protected in the read's transaction. */
async function showReports(db: Database, actor: Actor, rows: readonly repo.ReportRow[]) {
  const showSensitive = sentimentPolicy.readSensitive(actor);
  const sensitive = showSensitive ? rows.filter((row) => row.sensitive) : [];
  for (const row of sensitive) {
    await recordAudit(db, actor, { action: 'read_protected', entity: 'sentiment_report', entityId: row.id, unitId: Number(row.unit_id), after: { fields: ['text'] } });
  }
  return rows.map((row) => presentReport(row, showSensitive));
}

export async function listReports(db: Database, actor: Actor, q: z.infer<typeof ZSentimentListQuery>) {
  authorize(sentimentPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const filter = await filterOf(trx, actor, q);
    const { rows, total } = await repo.listReports(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), filter, q);
    return { items: await showReports(trx, actor, rows), total };
  });
}

export async function getReport(db: Database, actor: Actor, id: string) {
  authorize(sentimentPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), id);
    if (!row) throw notFound('entity.sentimentReport');
    const [shown] = await showReports(trx, actor, [row]);
    return shown!;
  });
}

function checkPeriod(q: { from: string; to: string }) {
  if (q.to < q.from) throw invalidField('to', msg('sentiment.periodOrder'));
  if (addDays(q.from, MAX_PERIOD_DAYS) < q.to) throw invalidField('to', msg('sentiment.periodTooLong', { days: MAX_PERIOD_DAYS }));
}

export async function table(db: Database, actor: Actor, q: z.infer<typeof ZSentimentPeriodQuery>) {
  authorize(sentimentPolicy.read(actor));
  checkPeriod(q);
  const filter = await filterOf(db, actor, q);
  const [topics, counts] = await Promise.all([repo.listTopics(db), repo.countByCommuneTopic(db, actor.scope, await repo.scopeProvinces(db, actor.scope), filter)]);
  const rows = new Map<number, { communeId: number; communeName: string; counts: Record<string, number>; high: number; total: number }>();
  const totals: Record<string, number> = {};
  let total = 0;
  for (const c of counts) {
    const id = Number(c.commune_id);
    const row = rows.get(id) ?? { communeId: id, communeName: c.commune_name, counts: {}, high: 0, total: 0 };
    const n = Number(c.n);
    row.counts[c.topic] = n;
    row.high += Number(c.high);
    row.total += n;
    rows.set(id, row);
    totals[c.topic] = (totals[c.topic] ?? 0) + n;
    total += n;
  }
  return { topics, rows: [...rows.values()].sort((a, b) => b.total - a.total || a.communeName.localeCompare(b.communeName, 'vi')), totals, total };
}

export async function map(db: Database, actor: Actor, q: z.infer<typeof ZSentimentPeriodQuery>) {
  authorize(sentimentPolicy.read(actor));
  checkPeriod(q);
  const filter = await filterOf(db, actor, q);
  const provinces = await repo.scopeProvinces(db, actor.scope);
  const [points, counts] = await Promise.all([repo.mapPoints(db, actor.scope, provinces, filter), repo.countByCommuneTopic(db, actor.scope, provinces, filter)]);
  const communes = new Map<number, { communeId: number; communeName: string; count: number; high: number }>();
  const provinceIds = new Set<number>();
  for (const c of counts) {
    const id = Number(c.commune_id);
    const row = communes.get(id) ?? { communeId: id, communeName: c.commune_name, count: 0, high: 0 };
    row.count += Number(c.n);
    row.high += Number(c.high);
    communes.set(id, row);
    provinceIds.add(Number(c.province_id));
  }
  const single = provinces !== null && provinces.length === 1 ? provinces[0]! : provinceIds.size === 1 ? [...provinceIds][0]! : null;
  const code = single === null ? null : await repo.unitCode(db, single);
  const [outlines, project] = code === null ? [null, null] : await Promise.all([provinceOutlines(), outlineProjection()]);
  const outline = outlines?.provinces.find((o) => o.code === code);
  const viewBox = outline ? cropViewBox(outline.path) : null;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    provinceId: single,
    map: outline && viewBox ? { viewBox, path: outline.path } : null,
    points: points.map((p) => {
      const xy = outline && project ? project([Number(p.lng), Number(p.lat)]) : null;
      return { lat: Number(p.lat), lng: Number(p.lng), x: xy ? round(xy[0]) : null, y: xy ? round(xy[1]) : null, topic: p.topic, severity: p.severity, count: Number(p.n) };
    }),
    communes: [...communes.values()].sort((a, b) => b.count - a.count || a.communeName.localeCompare(b.communeName, 'vi')),
  };
}

// --- alerts ---

export async function listAlerts(db: Database, actor: Actor, q: z.infer<typeof ZSentimentAlertListQuery>) {
  authorize(sentimentPolicy.read(actor));
  const { rows, total } = await repo.listAlerts(db, actor.scope, await repo.scopeProvinces(db, actor.scope), q, q);
  return { items: rows.map(presentAlert), total };
}

async function alertDetail(db: Database, actor: Actor, row: repo.AlertRow): Promise<TSentimentAlertDetail> {
  const [history, notes, reports] = await Promise.all([
    repo.alertHistory(db, row),
    repo.alertNotes(db, row),
    repo.reportsOfAlert(db, actor.scope, row, row.first_report_on, row.status === 'closed' ? row.last_report_on : clock.today()),
  ]);
  const follows = sentimentPolicy.followUp(actor, row);
  return {
    ...presentAlert(row),
    moves: follows ? availableTransitions(alertWorkflow, row.status, actor.roles).map((t) => ({ to: t.to, label: t.label, requiresReason: t.requiresReason ?? false })) : [],
    canNote: follows && row.status === 'acknowledged',
    history: history.map((h) => ({ from: h.from_state, to: h.to_state, at: new Date(h.at).toISOString(), by: h.by_name ?? null, reason: h.reason })),
    notes: notes.map((n) => ({ id: n.id, at: new Date(n.at).toISOString(), by: n.by_name ?? null, text: n.text })),
    reports: await showReports(db, actor, reports),
  };
}

export async function getAlert(db: Database, actor: Actor, id: string) {
  authorize(sentimentPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const row = await repo.findAlert(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), id);
    if (!row) throw notFound('entity.sentimentAlert');
    return alertDetail(trx, actor, row);
  });
}

/** Reads an alert in scope that the actor may follow up (403 otherwise). */
async function alertToFollow(trx: Database, actor: Actor, id: string) {
  const row = await repo.findAlert(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), id);
  if (!row) throw notFound('entity.sentimentAlert');
  if (!sentimentPolicy.followUp(actor, row)) throw forbidden(msg('sentiment.notAddressed'));
  return row;
}

export async function moveAlert(db: Database, derived: DerivedValues, actor: Actor, id: string, body: z.infer<typeof ZSentimentAlertMove>) {
  authorize(sentimentPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const row = await alertToFollow(trx, actor, id);
    const version = await applyTransition(trx, alertWorkflow, actor, { id: row.id, provinceId: Number(row.province_id) }, body);
    await recordAudit(trx, actor, { action: 'update', entity: 'sentiment_alert', entityId: row.id, unitId: Number(row.unit_id), before: { status: body.seenState }, after: { status: body.to, version, reason: body.reason ?? null } });
    if (body.to === 'closed') await derived.touch(trx, { userId: actor.userId }, SENTIMENT_DERIVED.openAlerts, [Number(row.province_id)]);
    const fresh = await repo.findAlert(trx, actor.scope, [Number(row.province_id)], id);
    return alertDetail(trx, actor, fresh!);
  });
}

export async function addAlertNote(db: Database, actor: Actor, id: string, body: z.infer<typeof ZSentimentAlertNote>) {
  authorize(sentimentPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const row = await alertToFollow(trx, actor, id);
    if (row.status !== 'acknowledged') throw conflict(msg('sentiment.noteNotAcknowledged'));
    const written = await repo.insertNote(trx, { id: body.id, province_id: Number(row.province_id), alert_id: row.id, text: body.text, by_user_id: actor.userId, at: clock.now() });
    if (written) await recordAudit(trx, actor, { action: 'update', entity: 'sentiment_alert', entityId: row.id, unitId: Number(row.unit_id), after: { noteId: body.id } });
    return alertDetail(trx, actor, row);
  });
}
