import type { z } from 'zod';
import type {
  TComplianceRow,
  TDialogue,
  TDialogueInput,
  TFrontActivity,
  TFrontActivityInput,
  TLeader,
  TLeaderInput,
  TRecommendation,
  TRecommendationInput,
  TScheduleInput,
  TSession,
  TSessionInput,
  ZFrequencyRuleUpdate,
  ZRecommendationDraft,
} from '#contracts/reception/api.ts';
import { HEAD_KINDS } from '#contracts/reception/api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../units/index.ts';
import { touchReception } from './reception-derived.ts';
import { receptionPolicy } from './reception.policy.ts';
import { presentActivity, presentDialogue, presentRecommendation, presentRule, presentSchedule, presentSession } from './reception.presenter.ts';
import * as repo from './reception.repository.ts';
import { addDays, monthBounds, monthCompliance } from './reception.rules.ts';

/** What a write needs: the database, and the derived values it refreshes in its transaction. */
type Deps = Pick<ModuleContext, 'db' | 'derived'>;

/** The key a leader's sessions are matched to their schedule by: the registry person, else the folded position. */
export const leaderKey = (leader: { personId?: number | null; position: string }) =>
  leader.personId != null ? `person:${leader.personId}` : `position:${foldVi(leader.position)}`;

/** A unit in scope on `on` (the record's date: a 2019 commune for a session of 2024), or 404. */
async function unitInScope(db: Kysely<DB>, actor: Actor, unitId: number, on: string) {
  const unit = await findUnit(db, actor.scope, unitId, on);
  if (!unit) throw notFound('entity.unit');
  return unit;
}

/** The leader as stored: a registry person's name from the registry (in scope), else the name given. */
async function resolveLeader(db: Kysely<DB>, actor: Actor, leader: TLeaderInput, field: string): Promise<TLeader> {
  if (leader.personId != null) {
    const name = await repo.findPersonName(db, actor.scope, leader.personId);
    if (!name) throw invalidField(`${field}.personId`, msg('reception.personNotInScope'), 'personId');
    return { personId: leader.personId, name, position: leader.position, roleKind: leader.roleKind };
  }
  return { personId: null, name: leader.name as string, position: leader.position, roleKind: leader.roleKind };
}

// ---------- frequency rules

export async function listRules(db: Database, actor: Actor) {
  authorize(receptionPolicy.read(actor));
  const rows = await repo.listRules(db, await repo.scopeProvinces(db, actor.scope));
  return rows.map(presentRule);
}

export async function updateRule(db: Database, actor: Actor, id: number, input: z.infer<typeof ZFrequencyRuleUpdate>) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const current = await repo.findRule(trx, id);
    if (!current) throw notFound('entity.receptionRule');
    if (current.province_id === null && !receptionPolicy.manageNationalRules(actor)) throw forbidden(msg('reception.ruleNationalOnly'));
    if (current.province_id !== null) {
      const provinces = await repo.scopeProvinces(trx, actor.scope);
      if (provinces !== null && !provinces.includes(current.province_id)) throw notFound('entity.receptionRule');
    }
    await repo.updateRule(trx, id, input);
    const after = (await repo.findRule(trx, id)) as repo.RuleRow;
    await recordAudit(trx, actor, { action: 'update', entity: 'reception_frequency_rule', entityId: id, unitId: current.province_id, before: presentRule(current), after: presentRule(after) });
    return presentRule(after);
  });
}

// ---------- schedules and compliance

export async function listSchedules(db: Database, actor: Actor, filter: repo.ListFilter) {
  authorize(receptionPolicy.read(actor));
  const rows = await repo.listSchedules(db, actor.scope, await repo.scopeProvinces(db, actor.scope), filter);
  return rows.map(presentSchedule);
}

export async function createSchedule(db: Database, actor: Actor, input: TScheduleInput) {
  authorize(receptionPolicy.manage(actor));
  const validTo = input.recurrence === 'once' ? (input.validTo ?? input.validFrom) : (input.validTo ?? null);
  if (input.recurrence === 'once' && validTo !== input.validFrom) throw invalidField('validTo', msg('reception.onceNeedsDate'));
  return db.transaction().execute(async (trx) => {
    await unitInScope(trx, actor, input.unitId, input.validFrom);
    const leader = await resolveLeader(trx, actor, input.leader, 'leader');
    const id = uuidv7();
    await repo.insertSchedule(trx, {
      id,
      unit_id: input.unitId,
      role_kind: leader.roleKind,
      leader_person_id: leader.personId,
      leader_name: leader.name,
      leader_position: leader.position,
      recurrence: input.recurrence,
      weekday: input.recurrence === 'weekly' ? (input.weekday ?? null) : null,
      month_day: input.recurrence === 'monthly' ? (input.monthDay ?? null) : null,
      valid_from: input.validFrom,
      valid_to: validTo,
      place: input.place ?? null,
      created_by: actor.userId,
      created_at: clock.now(),
    });
    const row = await repo.findSchedule(trx, actor.scope, null, id);
    if (!row) throw new Error('written schedule not readable');
    await recordAudit(trx, actor, { action: 'create', entity: 'reception_schedule', entityId: id, unitId: input.unitId, after: presentSchedule(row) });
    return presentSchedule(row);
  });
}

export async function endSchedule(db: Database, actor: Actor, id: string, validTo: string) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const current = await repo.findSchedule(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), id);
    if (!current) throw notFound('entity.receptionSchedule');
    if (validTo < current.valid_from) throw invalidField('validTo', msg('reception.endBeforeStart', { date: vnDate(current.valid_from) }));
    await repo.endSchedule(trx, current.province_id, id, validTo);
    const after = (await repo.findSchedule(trx, actor.scope, null, id)) as repo.ScheduleRow;
    await recordAudit(trx, actor, { action: 'update', entity: 'reception_schedule', entityId: id, unitId: current.unit_id, before: presentSchedule(current), after: presentSchedule(after) });
    return presentSchedule(after);
  });
}

/** The rule in force on `on` for a kind of leader at a level: the province's own row first, else the national one. */
function ruleFor(rules: readonly repo.RuleRow[], roleKind: string, level: string, provinceId: number, on: string) {
  const inForce = rules.filter((r) => r.role_kind === roleKind && r.level === level && r.valid_from <= on && (r.valid_to === null || r.valid_to >= on));
  return inForce.find((r) => r.province_id === provinceId) ?? inForce.find((r) => r.province_id === null) ?? null;
}

/**
 * Compliance of a month: one row per leader with a regular (weekly or monthly) schedule in force during the month
 * in the units in scope (under `unitId` when given). Required from the rule in force on the month's first day
 * for the leader's kind and the unit's level; held = distinct days of the leader's sessions (matched by unit,
 * kind and person, or position when the leader is named by position) — ad hoc sessions count too.
 */
export async function compliance(db: Database, actor: Actor, query: { unitId?: number | undefined; month: string }): Promise<TComplianceRow[]> {
  authorize(receptionPolicy.read(actor));
  const provinces = await repo.scopeProvinces(db, actor.scope);
  const { first, last } = monthBounds(query.month);
  const schedules = await repo.regularSchedulesIn(db, actor.scope, provinces, query.unitId, first, last);
  const rules = await repo.listRules(db, provinces);
  // weekly rules look at whole ISO weeks, which may start 3 days before the month and end 3 days after it
  const days = await repo.sessionDays(db, actor.scope, provinces, [...new Set(schedules.map((s) => s.unit_id))], addDays(first, -3), addDays(last, 3));
  const byLeader = new Map<string, string[]>();
  for (const day of days) {
    const key = `${day.unit_id}|${day.role_kind}|${day.leader_key}`;
    byLeader.set(key, [...(byLeader.get(key) ?? []), day.held_on]);
  }
  const seen = new Set<string>();
  const today = clock.today();
  const rows: TComplianceRow[] = [];
  for (const schedule of schedules) {
    const key = `${schedule.unit_id}|${schedule.role_kind}|${leaderKey({ personId: schedule.leader_person_id, position: schedule.leader_position })}`;
    // two schedules of one leader (Monday and Thursday) are one leader's month
    if (seen.has(key)) continue;
    seen.add(key);
    const rule = schedule.role_kind === 'other' ? null : ruleFor(rules, schedule.role_kind, schedule.level, schedule.province_id, first);
    const result = monthCompliance(query.month, rule, byLeader.get(key) ?? [], today);
    rows.push({
      unitId: schedule.unit_id,
      unitName: schedule.unit_name,
      level: schedule.level,
      leader: { personId: schedule.leader_person_id, name: schedule.leader_name, position: schedule.leader_position, roleKind: schedule.role_kind },
      month: query.month,
      ...result,
      rule: rule ? presentRule(rule) : null,
    });
  }
  return rows;
}

// ---------- sessions

async function sessionsWithCases(db: Kysely<DB>, rows: repo.SessionRow[]) {
  const cases = await repo.casesOfSessions(db, rows);
  return rows.map((row) =>
    presentSession(
      row,
      cases.filter((c) => c.session_id === row.id).map((c) => ({ id: c.id, code: c.code, subject: c.subject, kind: c.kind, status: c.status })),
    ),
  );
}

export async function listSessions(db: Database, actor: Actor, filter: repo.ListFilter) {
  authorize(receptionPolicy.read(actor));
  const rows = await repo.listSessions(db, actor.scope, await repo.scopeProvinces(db, actor.scope), filter);
  return sessionsWithCases(db, rows);
}

export async function getSession(db: Database, actor: Actor, id: string) {
  authorize(receptionPolicy.read(actor));
  const row = await repo.findSession(db, actor.scope, await repo.scopeProvinces(db, actor.scope), id);
  if (!row) throw notFound('entity.receptionSession');
  const [session] = await sessionsWithCases(db, [row]);
  return session as TSession;
}

export async function createSession({ db, derived }: Deps, actor: Actor, input: TSessionInput) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    await unitInScope(trx, actor, input.unitId, input.heldOn);
    let leader: TLeader;
    if (input.scheduleId) {
      const schedule = await repo.findSchedule(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), input.scheduleId);
      if (!schedule) throw notFound('entity.receptionSchedule');
      if (schedule.unit_id !== input.unitId) throw invalidField('scheduleId', msg('reception.scheduleOtherUnit'));
      leader = { personId: schedule.leader_person_id, name: schedule.leader_name, position: schedule.leader_position, roleKind: schedule.role_kind };
    } else if (input.leader) {
      leader = await resolveLeader(trx, actor, input.leader, 'leader');
    } else {
      throw invalidField('leader', msg('reception.leaderRequired'));
    }
    const provinceId = await repo.provinceOf(trx, input.unitId);
    const caseIds = [...new Set(input.caseIds)];
    const found = new Set(await repo.casesInScope(trx, actor.scope, provinceId, caseIds));
    const missing = caseIds.filter((caseId) => !found.has(caseId));
    if (missing.length > 0) throw invalidField('caseIds', msg('reception.casesNotFound', { codes: missing.join(', ') }));
    const id = uuidv7();
    await repo.insertSession(
      trx,
      {
        id,
        unit_id: input.unitId,
        schedule_id: input.scheduleId ?? null,
        held_on: input.heldOn,
        kind: input.kind,
        role_kind: leader.roleKind,
        leader_person_id: leader.personId,
        leader_name: leader.name,
        leader_position: leader.position,
        leader_key: leaderKey(leader),
        persons_received: input.personsReceived,
        notes: input.notes ?? null,
        created_by: actor.userId,
        created_at: clock.now(),
      },
      caseIds,
    );
    const row = (await repo.findSession(trx, actor.scope, [provinceId], id)) as repo.SessionRow;
    const [session] = (await sessionsWithCases(trx, [row])) as [TSession];
    await recordAudit(trx, actor, { action: 'create', entity: 'reception_session', entityId: id, unitId: input.unitId, after: session });
    await touchReception(trx, derived, actor, 'session', input.unitId);
    return session;
  });
}

// ---------- recommendations (shared by dialogues and activities)

type Draft = z.infer<typeof ZRecommendationDraft>;

async function checkAddressedUnit(db: Kysely<DB>, unitId: number | null | undefined, field: string) {
  if (unitId == null) return;
  const row = await db.selectFrom('admin_unit').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!row) throw invalidField(field, msg('reception.addressedUnitNotFound'), 'addressedUnitId');
}

async function insertDrafts(
  trx: Kysely<DB>,
  actor: Actor,
  source: { provinceId: number; unitId: number; dialogueId?: string; activityId?: string; sentOn: string },
  drafts: readonly Draft[],
): Promise<string[]> {
  for (const [index, draft] of drafts.entries()) {
    if (draft.dueOn < source.sentOn) throw invalidField(`recommendations.${index}.dueOn`, msg('reception.dueBeforeSent', { date: vnDate(source.sentOn) }), 'dueOn');
    await checkAddressedUnit(trx, draft.addressedUnitId, `recommendations.${index}.addressedUnitId`);
  }
  const now = clock.now();
  const rows = drafts.map((draft) => ({
    id: uuidv7(),
    province_id: source.provinceId,
    unit_id: source.unitId,
    dialogue_id: source.dialogueId ?? null,
    activity_id: source.activityId ?? null,
    content: draft.content,
    addressed_unit_id: draft.addressedUnitId ?? null,
    addressed_body: draft.addressedBody,
    sent_on: source.sentOn,
    due_on: draft.dueOn,
    created_by: actor.userId,
    created_at: now,
  }));
  await repo.insertRecommendations(trx, rows);
  for (const row of rows) {
    await recordAudit(trx, actor, { action: 'create', entity: 'reception_recommendation', entityId: row.id, unitId: row.unit_id, after: { ...row, created_at: undefined } });
  }
  return rows.map((row) => row.id);
}

// ---------- dialogues and voter meetings

async function dialoguesWithRecommendations(db: Kysely<DB>, actor: Actor, provinces: repo.Provinces, rows: repo.DialogueRow[]) {
  const today = clock.today();
  const recommendations = await repo.recommendationsOf(db, actor.scope, provinces, 'dialogue_id', rows.map((r) => r.id));
  return rows.map((row) =>
    presentDialogue(
      row,
      recommendations.filter((k) => k.dialogue_id === row.id).map((k) => presentRecommendation(k, today)),
    ),
  );
}

export async function listDialogues(db: Database, actor: Actor, filter: repo.ListFilter & { kind?: 'dialogue' | 'voter_meeting' | undefined }) {
  authorize(receptionPolicy.read(actor));
  const provinces = await repo.scopeProvinces(db, actor.scope);
  return dialoguesWithRecommendations(db, actor, provinces, await repo.listDialogues(db, actor.scope, provinces, filter));
}

export async function getDialogue(db: Database, actor: Actor, id: string) {
  authorize(receptionPolicy.read(actor));
  const provinces = await repo.scopeProvinces(db, actor.scope);
  const row = await repo.findDialogue(db, actor.scope, provinces, id);
  if (!row) throw notFound('entity.receptionDialogue');
  const [dialogue] = await dialoguesWithRecommendations(db, actor, provinces, [row]);
  return dialogue as TDialogue;
}

export async function createDialogue({ db, derived }: Deps, actor: Actor, input: TDialogueInput) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    await unitInScope(trx, actor, input.unitId, input.heldOn);
    const leaders: TLeader[] = [];
    for (const [index, leader] of input.leaders.entries()) leaders.push(await resolveLeader(trx, actor, leader, `leaders.${index}`));
    const id = uuidv7();
    const provinceId = await repo.insertDialogue(trx, {
      id,
      unit_id: input.unitId,
      kind: input.kind,
      held_on: input.heldOn,
      subject: input.subject,
      place: input.place ?? null,
      leaders: JSON.stringify(leaders),
      by_head: leaders.some((leader) => (HEAD_KINDS as readonly string[]).includes(leader.roleKind)),
      participant_count: input.participantCount,
      participant_bodies: input.participantBodies,
      issues: input.issues,
      notes: input.notes ?? null,
      created_by: actor.userId,
      created_at: clock.now(),
    });
    await insertDrafts(trx, actor, { provinceId, unitId: input.unitId, dialogueId: id, sentOn: input.heldOn }, input.recommendations);
    const row = (await repo.findDialogue(trx, actor.scope, [provinceId], id)) as repo.DialogueRow;
    const [dialogue] = (await dialoguesWithRecommendations(trx, actor, [provinceId], [row])) as [TDialogue];
    await recordAudit(trx, actor, { action: 'create', entity: 'reception_dialogue', entityId: id, unitId: input.unitId, after: { ...dialogue, recommendations: undefined } });
    if (input.kind === 'dialogue') await touchReception(trx, derived, actor, 'dialogue', input.unitId);
    return dialogue;
  });
}

// ---------- Front supervision and critique

async function activitiesWithRecommendations(db: Kysely<DB>, actor: Actor, provinces: repo.Provinces, rows: repo.ActivityRow[]) {
  const today = clock.today();
  const recommendations = await repo.recommendationsOf(db, actor.scope, provinces, 'activity_id', rows.map((r) => r.id));
  return rows.map((row) =>
    presentActivity(
      row,
      recommendations.filter((k) => k.activity_id === row.id).map((k) => presentRecommendation(k, today)),
    ),
  );
}

export async function listActivities(db: Database, actor: Actor, filter: repo.ListFilter & { kind?: 'supervision' | 'critique' | undefined }) {
  authorize(receptionPolicy.read(actor));
  const provinces = await repo.scopeProvinces(db, actor.scope);
  return activitiesWithRecommendations(db, actor, provinces, await repo.listActivities(db, actor.scope, provinces, filter));
}

export async function getActivity(db: Database, actor: Actor, id: string) {
  authorize(receptionPolicy.read(actor));
  const provinces = await repo.scopeProvinces(db, actor.scope);
  const row = await repo.findActivity(db, actor.scope, provinces, id);
  if (!row) throw notFound('entity.frontActivity');
  const [activity] = await activitiesWithRecommendations(db, actor, provinces, [row]);
  return activity as TFrontActivity;
}

export async function createActivity({ db, derived }: Deps, actor: Actor, input: TFrontActivityInput) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    await unitInScope(trx, actor, input.unitId, input.periodTo);
    const id = uuidv7();
    const provinceId = await repo.insertActivity(trx, {
      id,
      unit_id: input.unitId,
      kind: input.kind,
      body: input.body,
      subject: input.subject,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      findings: input.findings ?? null,
      created_by: actor.userId,
      created_at: clock.now(),
    });
    await insertDrafts(trx, actor, { provinceId, unitId: input.unitId, activityId: id, sentOn: input.periodTo }, input.recommendations);
    const row = (await repo.findActivity(trx, actor.scope, [provinceId], id)) as repo.ActivityRow;
    const [activity] = (await activitiesWithRecommendations(trx, actor, [provinceId], [row])) as [TFrontActivity];
    await recordAudit(trx, actor, { action: 'create', entity: 'front_activity', entityId: id, unitId: input.unitId, after: { ...activity, recommendations: undefined } });
    await touchReception(trx, derived, actor, 'activity', input.unitId);
    return activity;
  });
}

// ---------- recommendations

export async function listRecommendations(db: Database, actor: Actor, query: { unitId?: number | undefined; state?: TRecommendation['state'] | undefined; limit: number }) {
  authorize(receptionPolicy.read(actor));
  const today = clock.today();
  const rows = await repo.listRecommendations(db, actor.scope, await repo.scopeProvinces(db, actor.scope), { ...query, today });
  return rows.map((row) => presentRecommendation(row, today));
}

export async function getRecommendation(db: Database, actor: Actor, id: string) {
  authorize(receptionPolicy.read(actor));
  const row = await repo.findRecommendation(db, actor.scope, await repo.scopeProvinces(db, actor.scope), id);
  if (!row) throw notFound('entity.receptionRecommendation');
  return presentRecommendation(row, clock.today());
}

export async function createRecommendation(db: Database, actor: Actor, input: TRecommendationInput) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const provinces = await repo.scopeProvinces(trx, actor.scope);
    let source: { provinceId: number; unitId: number; dialogueId?: string; activityId?: string };
    if (input.dialogueId) {
      const dialogue = await repo.findDialogue(trx, actor.scope, provinces, input.dialogueId);
      if (!dialogue) throw notFound('entity.receptionDialogue');
      source = { provinceId: dialogue.province_id, unitId: dialogue.unit_id, dialogueId: dialogue.id };
    } else {
      const activity = await repo.findActivity(trx, actor.scope, provinces, input.activityId as string);
      if (!activity) throw notFound('entity.frontActivity');
      source = { provinceId: activity.province_id, unitId: activity.unit_id, activityId: activity.id };
    }
    const [createdId] = await insertDrafts(trx, actor, { ...source, sentOn: input.sentOn }, [input]);
    const row = await repo.findRecommendation(trx, actor.scope, [source.provinceId], createdId as string);
    return presentRecommendation(row as repo.RecommendationRow, clock.today());
  });
}

/** A move of a recommendation: read in scope, check the rule, update if nobody moved it since `seenVersion`, audit. */
async function moveRecommendation(
  db: Database,
  actor: Actor,
  id: string,
  seenVersion: number,
  move: (current: repo.RecommendationRow) => Parameters<typeof repo.updateRecommendation>[2],
) {
  authorize(receptionPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const current = await repo.findRecommendation(trx, actor.scope, await repo.scopeProvinces(trx, actor.scope), id);
    if (!current) throw notFound('entity.receptionRecommendation');
    const values = move(current);
    if (current.version !== seenVersion || !(await repo.updateRecommendation(trx, { provinceId: current.province_id, id, seenVersion }, values))) {
      throw conflict(msg('reception.changed'));
    }
    const after = (await repo.findRecommendation(trx, actor.scope, [current.province_id], id)) as repo.RecommendationRow;
    const today = clock.today();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'reception_recommendation',
      entityId: id,
      unitId: current.unit_id,
      before: presentRecommendation(current, today),
      after: presentRecommendation(after, today),
    });
    return presentRecommendation(after, today);
  });
}

/** The addressed body's answer: its text and date (its document is attached as a file of the recommendation). */
export function answerRecommendation(db: Database, actor: Actor, id: string, input: { answerText: string; answeredOn: string; seenVersion: number }) {
  return moveRecommendation(db, actor, id, input.seenVersion, (current) => {
    if (current.status !== 'sent') throw new AppError(409, 'conflict', msg('reception.notSent'));
    if (input.answeredOn < current.sent_on) throw invalidField('answeredOn', msg('reception.answeredBeforeSent', { date: vnDate(current.sent_on) }));
    return { status: 'answered', answer_text: input.answerText, answered_on: input.answeredOn };
  });
}

export function closeRecommendation(db: Database, actor: Actor, id: string, input: { closedOn: string; seenVersion: number }) {
  return moveRecommendation(db, actor, id, input.seenVersion, (current) => {
    if (current.status !== 'answered') throw new AppError(409, 'conflict', msg('reception.notAnswered'));
    if (input.closedOn < (current.answered_on as string)) throw invalidField('closedOn', msg('reception.closedBeforeAnswer', { date: vnDate(current.answered_on as string) }));
    return { status: 'closed', closed_on: input.closedOn };
  });
}

/** Files of a recommendation (the answer's document): its unit in scope, attachable by a manager. */
export async function recommendationFileOwner(db: Database, actor: Actor, ownerId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(ownerId)) return null;
  const row = await repo.findRecommendation(db, actor.scope, await repo.scopeProvinces(db, actor.scope), ownerId);
  return row ? { unitId: row.unit_id, canAttach: receptionPolicy.manage(actor) } : null;
}
