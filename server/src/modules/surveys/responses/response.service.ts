import type { z } from 'zod';
import type { TResponseRevision, TSurveyResponse, ZResponseCorrection, ZResponseInput, ZResponseListQuery, ZVerifyInput } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, forbidden, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { surveyPolicy } from '../survey.policy.ts';
import * as surveys from '../survey.repository.ts';
import { sensitiveQuestions, takesResponses } from '../survey.rules.ts';
import { presentResponse, presentRevision } from './response.presenter.ts';
import * as repo from './response.repository.ts';
import { correctResponse, FormCache, storeResponse, verifyResponse, type StoreSurvey } from './response-store.ts';

/** A survey read in the actor's scope (or above it), or 404. */
async function readSurvey(db: Database, actor: Actor, id: number) {
  const survey = await surveys.findSurvey(db, actor.scope, id);
  if (!survey) throw notFound('entity.survey');
  return survey;
}

/** Why a survey takes no responses today, as a 409 with the Vietnamese reason; nothing when it takes them. */
export function refuseUnlessOpen(survey: { status: string; opens_on: string | null; closes_on: string | null }, today: string): void {
  const state = takesResponses(survey, today);
  if (state === 'notOpen') throw conflict(msg(survey.status === 'closed' ? 'surveys.responses.closed' : 'surveys.responses.notOpen'));
  if (state === 'beforePeriod') throw conflict(msg('surveys.responses.beforePeriod', { date: vnDate(survey.opens_on ?? '') }));
  if (state === 'afterPeriod') throw conflict(msg('surveys.responses.afterPeriod', { date: vnDate(survey.closes_on ?? '') }));
}

const storeSurvey = (row: { id: number; province_id: number; unit_id: number; unit_path: string; double_entry: boolean }): StoreSurvey => ({
  id: row.id,
  province_id: row.province_id,
  unit_id: row.unit_id,
  unit_path: row.unit_path,
  double_entry: row.double_entry,
});

/**
 * A response typed by staff (paper keying) for a targeted unit in their scope: pending under double entry, else
 * accepted and counted; a resent id stores nothing new.
 */
export async function submitResponse(db: Database, actor: Actor, surveyId: number, input: z.output<typeof ZResponseInput>) {
  authorize(surveyPolicy.enter(actor));
  return db.transaction().execute(async (trx) => {
    const survey = await readSurvey(trx, actor, surveyId);
    const [sent] = await repo.findSentIds(trx, survey.province_id, [input.id]);
    if (sent && sent.survey_id === survey.id) return { id: input.id, status: sent.status, duplicate: true };
    refuseUnlessOpen(survey, clock.today());
    // the respondent's unit must be one the actor keys for
    if ((await surveys.unitsInScopeUnder(trx, actor.scope, survey.unit_path, [input.unitId])).length === 0) {
      throw forbidden(msg('surveys.responses.unitOutOfScope'));
    }
    const targets = await surveys.listTargets(trx, survey);
    return storeResponse(trx, storeSurvey(survey), input, {
      channel: 'paper',
      enteredBy: actor.userId,
      audit: actor,
      today: clock.today(),
      now: clock.now(),
      targets,
    });
  });
}

/**
 * Sensitive questions of the versions of `rows` that the reader may not see (all of them without the right), and
 * whether reading them must be audited (with the right, when a shown response holds such an answer).
 */
async function sensitiveFor(db: Database, actor: Actor, survey: StoreSurvey, versionNumbers: number[]) {
  const forms = new FormCache(survey);
  const names = new Set<string>();
  for (const number of new Set(versionNumbers)) {
    const form = await forms.get(db, number);
    if (form) for (const name of sensitiveQuestions(form)) names.add(name);
  }
  return { names, mayRead: surveyPolicy.readSensitive(actor) };
}

const holdsAny = (answers: unknown, names: ReadonlySet<string>) => Object.keys(answers as object).some((name) => names.has(name));

/** Responses of units in scope, newest first; sensitive answers only with the right (and then the read is audited). */
export async function listResponses(db: Database, actor: Actor, surveyId: number, query: z.output<typeof ZResponseListQuery>) {
  authorize(surveyPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const survey = await readSurvey(trx, actor, surveyId);
    const page = await repo.listResponses(trx, actor.scope, survey, query);
    const sensitive = await sensitiveFor(trx, actor, storeSurvey(survey), page.items.map((r) => r.version_number));
    const shown = page.items.filter((r) => holdsAny(r.answers, sensitive.names));
    if (sensitive.mayRead && shown.length > 0) {
      await recordAudit(trx, actor, { action: 'read_protected', entity: 'survey', entityId: survey.id, unitId: survey.unit_id, after: { responses: shown.map((r) => r.id), questions: [...sensitive.names] } });
    }
    const hidden = sensitive.mayRead ? new Set<string>() : sensitive.names;
    return { items: page.items.map((row) => presentResponse(row, hidden)), total: page.total };
  });
}

async function readResponse(db: Database, actor: Actor, surveyId: number, responseId: string) {
  const survey = await readSurvey(db, actor, surveyId);
  const row = await repo.findResponse(db, actor.scope, survey, responseId);
  if (!row) throw notFound('entity.surveyResponse');
  return { survey, row };
}

/** One response (sensitive answers only with the right; such a read is audited as read_protected). */
export async function getResponse(db: Database, actor: Actor, surveyId: number, responseId: string): Promise<TSurveyResponse> {
  authorize(surveyPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const { survey, row } = await readResponse(trx, actor, surveyId, responseId);
    return presentOne(trx, actor, survey, row);
  });
}

/**
 * The earlier states of a response of a unit in scope, oldest first: sensitive answers left out without the right,
 * or shown and the read audited (as for the response itself).
 */
export async function listRevisions(db: Database, actor: Actor, surveyId: number, responseId: string): Promise<{ items: TResponseRevision[] }> {
  authorize(surveyPolicy.read(actor));
  return db.transaction().execute(async (trx) => {
    const { survey, row } = await readResponse(trx, actor, surveyId, responseId);
    const revisions = await repo.listRevisions(trx, row.province_id, row.id);
    const sensitive = await sensitiveFor(trx, actor, storeSurvey(survey), [row.version_number]);
    if (sensitive.mayRead && revisions.some((revision) => holdsAny(revision.answers, sensitive.names))) {
      await recordAudit(trx, actor, { action: 'read_protected', entity: 'survey_response', entityId: row.id, unitId: row.unit_id, after: { surveyId: survey.id, revisions: revisions.length, questions: [...sensitive.names] } });
    }
    const hidden = sensitive.mayRead ? new Set<string>() : sensitive.names;
    return { items: revisions.map((revision) => presentRevision(revision, hidden)) };
  });
}

/** One response for its reader: sensitive answers left out without the right, or shown and the read audited. */
async function presentOne(trx: Database, actor: Actor, survey: surveys.SurveyRow, row: repo.ResponseRow): Promise<TSurveyResponse> {
  const sensitive = await sensitiveFor(trx, actor, storeSurvey(survey), [row.version_number]);
  if (sensitive.mayRead && holdsAny(row.answers, sensitive.names)) {
    await recordAudit(trx, actor, { action: 'read_protected', entity: 'survey_response', entityId: row.id, unitId: row.unit_id, after: { surveyId: survey.id, questions: [...sensitive.names] } });
  }
  return presentResponse(row, sensitive.mayRead ? new Set() : sensitive.names);
}

/** A response of a unit in scope, locked for the staff's change (entering right), or 404/403. */
async function responseToChange(trx: Database, actor: Actor, surveyId: number, responseId: string) {
  authorize(surveyPolicy.enter(actor));
  const { survey, row } = await readResponse(trx, actor, surveyId, responseId);
  await repo.lockResponse(trx, row.province_id, row.id);
  const fresh = await repo.findResponse(trx, actor.scope, survey, responseId);
  if (!fresh) throw notFound('entity.surveyResponse');
  return { survey, row: fresh };
}

/** The second typing of a pending paper form, by another person than the first. */
export async function verify(db: Database, actor: Actor, surveyId: number, responseId: string, input: z.output<typeof ZVerifyInput>) {
  return db.transaction().execute(async (trx) => {
    const { survey, row } = await responseToChange(trx, actor, surveyId, responseId);
    if (row.status !== 'pending') throw conflict(msg('surveys.responses.notPending'));
    if (row.entered_by === actor.userId) throw conflict(msg('surveys.responses.sameTypist'));
    return verifyResponse(trx, storeSurvey(survey), row, input.answers, { userId: actor.userId, ip: actor.ip, today: clock.today(), now: clock.now() });
  });
}

/** Corrects, accepts or rejects a response with a reason; the earlier state is kept as a revision. */
export async function correct(db: Database, actor: Actor, surveyId: number, responseId: string, input: z.output<typeof ZResponseCorrection>): Promise<TSurveyResponse> {
  if (input.answers === undefined && input.status === undefined) throw invalidField('answers', msg('surveys.responses.nothingToCorrect'));
  return db.transaction().execute(async (trx) => {
    const { survey, row } = await responseToChange(trx, actor, surveyId, responseId);
    if (row.revision !== input.expectedRevision) throw conflict(msg('surveys.responses.staleRevision'));
    // answers the corrector could not read (sensitive, without the right) are kept as stored, whatever was sent for them
    let answers = input.answers;
    if (answers !== undefined && !surveyPolicy.readSensitive(actor)) {
      const hidden = (await sensitiveFor(trx, actor, storeSurvey(survey), [row.version_number])).names;
      const stored = row.answers as Record<string, unknown>;
      answers = Object.fromEntries([...Object.entries(answers).filter(([name]) => !hidden.has(name)), ...Object.entries(stored).filter(([name]) => hidden.has(name))]);
    }
    await correctResponse(trx, storeSurvey(survey), row, { ...(answers !== undefined ? { answers } : {}), ...(input.status !== undefined ? { status: input.status } : {}), reason: input.reason }, {
      userId: actor.userId,
      ip: actor.ip,
      today: clock.today(),
      now: clock.now(),
    });
    const after = await repo.findResponse(trx, actor.scope, survey, responseId);
    if (!after) throw notFound('entity.surveyResponse');
    return presentOne(trx, actor, survey, after);
  });
}
