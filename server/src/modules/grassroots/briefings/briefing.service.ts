import {
  attendanceRate, BRIEFING_GRID_PERIODS, briefingProblem, briefingStatus, bodyDueIn, periodBounds, periodsBetween, recurrenceChangeProblem, recurrenceOfPeriod,
  recurrenceOfPeriodIn, recurrenceOn, sameSchedule, schedulePeriods, scheduleWith, shiftPeriod, type TBriefingRecurrence, type TRecurrenceChange,
} from '#contracts/grassroots/briefings.ts';
import {
  ZBriefingCreate, ZBriefingListQuery, type TBriefingBody, type TBriefingCreate, type TBriefingDetail, type TBriefingList, type TBriefingMembers,
} from '#contracts/grassroots/briefing.schemas.ts';
import type { z } from 'zod';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValues } from '#server/shared/module.ts';
import { recordAudit } from '../../audit/index.ts';
import { listSentimentTopics } from '../../sentiment/index.ts';
import { grassrootsPolicy } from '../grassroots.policy.ts';
import { findUnitPath, provincesOf } from '../visits/visit.repository.ts';
import { touchBriefingFigures, touchBriefingMonths } from './briefing-figures.ts';
import * as repo from './briefing.repository.ts';
import { presentBriefing } from './briefing.presenter.ts';

/** Bodies listed at most (a province's blocs and teams); past it the list says it is truncated. */
const MAX_BODIES = 1500;

/**
 * The briefings of the blocs and teams of the reader's scope (or under a unit) over a range of months (default: the
 * 12 ending with the current one): per body its periods (months, or quarters when quarterly: each period by the
 * recurrence in force then) as held, missed or open; totals over the periods that ended, or were decided, in the range.
 */
export async function listBriefings(db: Database, actor: Actor, query: z.input<typeof ZBriefingListQuery>): Promise<TBriefingList> {
  authorize(grassrootsPolicy.read(actor));
  const q = ZBriefingListQuery.parse(query);
  const today = clock.today();
  const to = q.to ?? today.slice(0, 7);
  const from = q.from ?? shiftPeriod(to, 1 - BRIEFING_GRID_PERIODS);
  if (from > to) throw invalidField('from', msg('grassroots.briefings.rangeReversed'));
  if (periodsBetween(`${from}-01`, `${to}-01`, 'monthly').length > 36) throw invalidField('from', msg('grassroots.briefings.rangeTooLong', { months: 36 }));
  const start = `${from}-01`;
  const end = periodBounds(to).end;
  const unitPath = q.unitId ? await findUnitPath(db, actor.scope, q.unitId) : undefined;
  if (q.unitId && !unitPath) throw notFound('entity.unit');
  const rows = await repo.listBodies(db, actor.scope, { start, end, today, limit: MAX_BODIES + 1, ...(unitPath ? { unitPath } : {}), ...(q.type ? { type: q.type } : {}) });
  const truncated = rows.length > MAX_BODIES;
  const bodies = rows.slice(0, MAX_BODIES);
  const months = periodsBetween(start, end, 'monthly');
  const quarters = periodsBetween(start, end, 'quarterly');
  const shownOn = end < today ? end : today;
  const provinces = await provincesOf(db, actor.scope);
  const recorded = await repo.briefingsOf(db, actor.scope, provinces, bodies.map((b) => Number(b.id)), [...months, ...quarters]);
  const byKey = new Map(recorded.map((row) => [`${row.organization_id}|${row.period}`, row]));
  const total = { due: 0, held: 0, attended: 0, members: 0 };
  const items: TBriefingBody[] = bodies.map((body) => {
    const recurrence = recurrenceOn(body.schedule, shownOn);
    const periods = schedulePeriods(body.schedule, start, end).filter((period) => bodyDueIn(period, { foundedOn: body.founded_on, dissolvedOn: body.dissolved_on }));
    return {
      organizationId: Number(body.id),
      name: body.name,
      type: body.type as TBriefingBody['type'],
      unitId: Number(body.unit_id),
      unitName: body.unit_name,
      communeName: (body.unit_level === 'commune' ? body.unit_name : body.parent_name) ?? body.unit_name,
      recurrence,
      members: Number(body.members),
      periods: periods.map((period) => {
        const row = byKey.get(`${body.id}|${period}`);
        const status = briefingStatus(period, today, row);
        if (status !== 'open') {
          total.due += 1;
          if (status === 'held' && row) {
            total.held += 1;
            total.attended += Number(row.attended);
            total.members += Number(row.members);
          }
        }
        return {
          period,
          status,
          briefingId: row?.id ?? null,
          heldOn: row?.held_on ?? null,
          attended: row?.held ? Number(row.attended) : null,
          members: row?.held ? Number(row.members) : null,
          reason: row?.not_held_reason ?? null,
        };
      }),
    };
  });
  return {
    from,
    to,
    bodies: items,
    total: { ...total, share: attendanceRate(total.held, total.due), attendanceRate: attendanceRate(total.attended, total.members) },
    truncated,
  };
}

async function bodyInScope(db: Database, actor: Actor, organizationId: number) {
  const body = await repo.findBody(db, actor.scope, organizationId);
  if (!body) throw notFound('entity.organization');
  return body;
}

async function presentMembers(db: Database, actor: Actor, body: Awaited<ReturnType<typeof bodyInScope>>, day: string): Promise<TBriefingMembers> {
  const members = await repo.membersOn(db, actor.scope, Number(body.id), day);
  return {
    organizationId: Number(body.id),
    name: body.name,
    type: body.type as TBriefingMembers['type'],
    recurrence: recurrenceOn(body.schedule, day),
    schedule: body.schedule,
    members: members.map((m) => ({ personId: Number(m.person_id), personName: m.full_name, title: m.title, isHead: m.is_head })),
  };
}

/** The people registered in a bloc or team on a day (default today): the attendance list of the form. */
export async function briefingMembers(db: Database, actor: Actor, organizationId: number, query: { asOf?: string | undefined }) {
  authorize(grassrootsPolicy.read(actor));
  const body = await bodyInScope(db, actor, organizationId);
  return presentMembers(db, actor, body, query.asOf ?? clock.today());
}

/**
 * Sets how often a bloc or team meets from a period on (grassroots.manage), audited: the change is kept with its
 * first day, the periods before keep the recurrence then in force. The period must be one of the new recurrence and
 * not cut a period of the one before; the briefings recorded must stay periods of the schedule. The commune's
 * figures of the months from that day to today follow.
 */
export async function setBriefingRecurrence(
  db: Database,
  derived: DerivedValues,
  actor: Actor,
  organizationId: number,
  body: { recurrence: TBriefingRecurrence; fromPeriod: string },
) {
  authorize(grassrootsPolicy.manage(actor));
  const today = clock.today();
  return db.transaction().execute(async (trx) => {
    const found = await bodyInScope(trx, actor, organizationId);
    const recurrenceName = msg(`grassroots.briefings.recurrence.${body.recurrence}`);
    const problem = recurrenceChangeProblem(found.schedule, { recurrence: body.recurrence, from: body.fromPeriod });
    if (problem) throw invalidField('fromPeriod', msg(`grassroots.briefings.${problem}`, { recurrence: recurrenceName }));
    const validFrom = periodBounds(body.fromPeriod).start;
    const after: TRecurrenceChange[] = scheduleWith(found.schedule, { validFrom, recurrence: body.recurrence });
    const recorded = await repo.recordedPeriods(trx, actor.scope, Number(found.province_id), Number(found.id));
    const stranded = recorded.find((period) => recurrenceOfPeriod(period) !== recurrenceOfPeriodIn(after, period));
    if (stranded) throw invalidField('fromPeriod', msg('grassroots.briefings.fromStrandsBriefing', { period: stranded }));
    const unchanged = sameSchedule(after, found.schedule);
    if (!unchanged) {
      await repo.setRecurrenceFrom(trx, { organization_id: Number(found.id), valid_from: validFrom, recurrence: body.recurrence, set_by: actor.userId, set_at: clock.now() });
      await recordAudit(trx, actor, {
        action: 'update', entity: 'briefing_schedule', entityId: Number(found.id), unitId: Number(found.unit_id), before: { schedule: found.schedule }, after: { schedule: after },
      });
      if (validFrom <= today) await touchBriefingMonths(trx, derived, actor, Number(found.unit_id), periodsBetween(validFrom, today, 'monthly'));
    }
    return presentMembers(trx, actor, { ...found, schedule: unchanged ? found.schedule : after }, today);
  });
}

/**
 * Records a bloc's or team's briefing for a period under the client's id, in one transaction: the body in scope
 * and existing in the period, the period of its recurrence and not in the future, the day within the period,
 * attendees registered in the body that day, topics of the sentiment list; then the row (a resend of a stored id
 * stores nothing and answers the stored briefing, even when two copies race), the audit entry and the figures.
 */
export async function recordBriefing(db: Database, derived: DerivedValues, actor: Actor, input: TBriefingCreate) {
  const body = ZBriefingCreate.parse(input);
  authorize(grassrootsPolicy.log(actor, { organizationId: actor.organizationId }));
  const today = clock.today();
  return db.transaction().execute(async (trx) => {
    const found = await repo.findBody(trx, actor.scope, body.organizationId);
    if (!found) throw invalidField('organizationId', msg('grassroots.briefings.bodyNotInScope'));
    const provinceId = Number(found.province_id);
    if (await repo.findBriefingKey(trx, actor.scope, provinceId, body.id)) return receipt(trx, actor, provinceId, body.id, true);
    authorize(grassrootsPolicy.log(actor, { organizationId: Number(found.id) }));
    // the period is judged by the recurrence in force on its first day (one that is neither month nor quarter: today's)
    const recurrence = recurrenceOfPeriod(body.period) === null ? recurrenceOn(found.schedule, today) : recurrenceOfPeriodIn(found.schedule, body.period);
    const problem = briefingProblem({ period: body.period, held: body.held, heldOn: body.heldOn, recurrence, today });
    if (problem) throw invalidField(problem.field, msg(`grassroots.briefings.${problem.problem}`, { recurrence: msg(`grassroots.briefings.recurrence.${recurrence}`) }));
    if (!bodyDueIn(body.period, { foundedOn: found.founded_on, dissolvedOn: found.dissolved_on })) throw invalidField('period', msg('grassroots.briefings.bodyNotInPeriod'));
    if (await repo.findBriefingOfPeriod(trx, actor.scope, provinceId, Number(found.id), body.period)) throw invalidField('period', msg('grassroots.briefings.periodRecorded'));
    const day = body.held ? (body.heldOn as string) : (periodBounds(body.period).end < today ? periodBounds(body.period).end : today);
    const members = await repo.membersOn(trx, actor.scope, Number(found.id), day);
    const registered = new Set(members.map((m) => Number(m.person_id)));
    const attendees = [...new Set(body.attendees)].sort((a, b) => a - b);
    if (attendees.some((id) => !registered.has(id))) throw invalidField('attendees', msg('grassroots.briefings.attendeeNotMember'));
    const topics = [...new Set(body.topics)];
    if (topics.length > 0) {
      const known = new Set((await listSentimentTopics(trx)).map((t) => t.code));
      if (topics.some((t) => !known.has(t))) throw invalidField('topics', msg('grassroots.briefings.topicUnknown'));
    }
    const inserted = await repo.insertBriefing(
      trx,
      {
        id: body.id, province_id: provinceId, organization_id: Number(found.id), unit_id: Number(found.unit_id), period: body.period, held: body.held,
        held_on: body.held ? (body.heldOn as string) : null, not_held_reason: body.held ? null : (body.reason as string), members: members.length, attended: attendees.length,
        issues: body.issues ?? null, topics, entered_by: actor.userId, created_at: clock.now(),
      },
      attendees,
    );
    if (!inserted) {
      // a copy that raced this one was stored first (it stands), or another briefing of the period was
      if (await repo.findBriefingKey(trx, actor.scope, provinceId, body.id)) return receipt(trx, actor, provinceId, body.id, true);
      throw invalidField('period', msg('grassroots.briefings.periodRecorded'));
    }
    await recordAudit(trx, actor, {
      action: 'create', entity: 'briefing', entityId: body.id, unitId: Number(found.unit_id),
      after: { organizationId: Number(found.id), period: body.period, held: body.held, heldOn: body.heldOn ?? null, members: members.length, attended: attendees.length },
    });
    await touchBriefingFigures(trx, derived, actor, { unitId: Number(found.unit_id), period: body.period });
    return receipt(trx, actor, provinceId, body.id, false);
  });
}

async function receipt(trx: Database, actor: Actor, provinceId: number, id: string, duplicate: boolean) {
  const row = await repo.findBriefing(trx, actor.scope, [provinceId], id);
  if (!row) throw invalidField('id', msg('grassroots.briefings.idOfAnother'));
  return { id, duplicate, briefing: presentBriefing(row) };
}

/** One briefing in scope, with the members registered that day marked present or not (and any attendee no longer listed). */
export async function getBriefing(db: Database, actor: Actor, id: string): Promise<TBriefingDetail> {
  authorize(grassrootsPolicy.read(actor));
  const row = await repo.findBriefing(db, actor.scope, await provincesOf(db, actor.scope), id);
  if (!row) throw notFound('entity.briefing');
  const present = new Set(await repo.attendeesOf(db, actor.scope, Number(row.province_id), id));
  const day = row.held_on ?? (periodBounds(row.period).end < clock.today() ? periodBounds(row.period).end : clock.today());
  const members = await repo.membersOn(db, actor.scope, Number(row.organization_id), day);
  const listed = new Set(members.map((m) => Number(m.person_id)));
  const others = await repo.peopleNames(db, actor.scope, Number(row.organization_id), [...present].filter((p) => !listed.has(p)));
  const seen = new Set<number>();
  const extra = others.filter((o) => (seen.has(Number(o.person_id)) ? false : (seen.add(Number(o.person_id)), true)));
  return {
    ...presentBriefing(row),
    attendees: [
      ...members.map((m) => ({ personId: Number(m.person_id), personName: m.full_name, title: m.title, attended: present.has(Number(m.person_id)) })),
      ...extra.map((o) => ({ personId: Number(o.person_id), personName: o.full_name, title: o.title, attended: true })),
    ],
  };
}

