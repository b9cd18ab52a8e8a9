import { checkAnswers } from '#contracts/surveys/answers.ts';
import type { TAnswers, TSurveyForm } from '#contracts/surveys/form.ts';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { conflict, invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../../audit/index.ts';
import { storedForm } from '../survey.presenter.ts';
import { unitsUnder, unitsUnderTargets } from '../survey.repository.ts';
import * as repo from './response.repository.ts';
import { TallyBatch, type TCells } from './tally.ts';

/**
 * The ONE write path of survey responses (web, paper keying, import, the demo): checks a response against the
 * questionnaire of the version it answered, stores it under the client's UUIDv7 (a resend stores nothing new and
 * answers the stored receipt; an id never overwrites what is stored), and keeps survey_tally in the same
 * transaction (accepted responses only; a status change or a correction applies the difference). Every write is
 * audited. Callers hold the transaction and have checked who may write to the survey.
 */

/** The survey as the store needs it (read in scope, or behind a link, by the caller). */
export interface StoreSurvey {
  id: number;
  province_id: number;
  unit_id: number;
  unit_path: string;
  double_entry: boolean;
}

/** One response as sent: answers not yet checked. */
export interface IncomingResponse {
  id: string;
  versionNumber: number;
  unitId: number;
  respondentGroup: TRespondentGroup;
  answers: Record<string, unknown>;
  /**
   * The outcome of `checkAgainst` for these answers against this version's form, when the caller has just run it
   * (the import job checks every row before writing any): not checked twice.
   */
  checked?: { answers: TAnswers; cells: TCells };
  /** When the respondent submitted it, when known and earlier than the store's call (an import's `_submission_time`). */
  submittedAt?: Date;
}

export interface StoreContext {
  channel: 'web' | 'paper' | 'import';
  /** The staff account typing or importing; null for a respondent on the web. */
  enteredBy: number | null;
  /** Who the audit row names (null user for a respondent). */
  audit: { userId: number | null; ip: string | null };
  today: string;
  now: Date;
  invitationId?: number | null;
  importJobId?: string | null;
  /** The targets (unit, group) of the survey: a response's unit must be one of them; empty = the survey unit's subtree. */
  targets: readonly { unit_id: number; respondent_group: string }[];
  /**
   * Where the tally's deltas go: by default they are applied before the call returns; an import passes one batch for
   * all its calls and applies it once, in the same transaction, before committing (fewer, larger upserts).
   */
  tally?: TallyBatch;
}

export type StoreOutcome =
  | { ok: true; id: string; status: 'accepted' | 'pending' | 'rejected'; duplicate: boolean }
  | { ok: false; id: string; field: string; message: string };

/** The questionnaires of a survey's versions, read once per store call. */
export class FormCache {
  private forms: Map<number, TSurveyForm> | null = null;
  private crossBy: repo.CrossState | null = null;
  constructor(private readonly survey: StoreSurvey) {}

  async get(db: Database, number: number): Promise<TSurveyForm | undefined> {
    if (!this.forms) this.forms = new Map((await repo.versionForms(db, this.survey)).map((v) => [v.number, storedForm(v.form)]));
    return this.forms.get(number);
  }

  /** The questions the survey's tallies are crossed by (survey_cross_tally kept with survey_tally), with their builds. */
  async cross(db: Database): Promise<repo.CrossState> {
    this.crossBy ??= await repo.crossState(db, this.survey);
    return this.crossBy;
  }
}

const NO_CROSS: repo.CrossState = { names: [], building: new Map() };

/**
 * The crossing questions a write to one response counts in (or out): every kept question whose cross tally is
 * ready, and those being built whose job has already counted this response, i.e. the response is at or before
 * the job's cursor in (unit_id, id) order (a response after it is the job's to count, in its state then).
 */
export function crossFor(state: repo.CrossState, response: { unitId: number; id: string }): string[] {
  if (state.building.size === 0) return state.names;
  const id = response.id.toLowerCase();
  return state.names.filter((name) => {
    if (!state.building.has(name)) return true;
    const cursor = state.building.get(name);
    return cursor != null && (response.unitId < cursor.unit || (response.unitId === cursor.unit && id <= cursor.id));
  });
}

/** Checks answers against a form: the stored answers and cells, or the first problem naming the question. */
export function checkAgainst(form: TSurveyForm, answers: Record<string, unknown>, today: string): { answers: TAnswers; cells: TCells } | { field: string; message: string } {
  const checked = checkAnswers(form, answers, { today });
  const error = checked.errors[0];
  if (error) return { field: `answers.${error.field}`, message: msg('surveys.responses.answerProblem', { question: error.field, problem: error.message }) };
  return { answers: checked.answers, cells: checked.cells };
}

/**
 * Stores responses of one survey (one, or a batch of an import): the outcome of each, in order. Nothing is thrown
 * for a bad response: the caller turns the first into a 400 (a submission) or reports them by row (an import).
 */
export async function storeResponses(trx: Database, survey: StoreSurvey, items: readonly IncomingResponse[], context: StoreContext, forms = new FormCache(survey)): Promise<StoreOutcome[]> {
  // Ids are looked up first: a resend is answered with its receipt before its answers are checked again, and an
  // import's batch (checked by the caller) then holds only new ids, which it writes with COPY (copyNewResponses).
  const sent = new Map((await repo.findSentIds(trx, survey.province_id, items.map((item) => item.id))).map((row) => [row.id, row]));
  // a targeted unit or one under it (a village of a targeted commune); without targets, the survey unit's subtree
  const itemUnits = [...new Set(items.map((item) => item.unitId))];
  const targetUnits = new Set(context.targets.map((t) => t.unit_id));
  const unitsOk =
    context.targets.length === 0
      ? new Set(await unitsUnder(trx, survey.unit_path, itemUnits))
      : itemUnits.every((id) => targetUnits.has(id))
        ? targetUnits
        : new Set((await unitsUnderTargets(trx, survey, itemUnits)).map((row) => row.id));
  const outcomes: StoreOutcome[] = [];
  const rows: repo.NewResponse[] = [];
  const checked = new Map<string, { form: TSurveyForm; answers: TAnswers; cells: TCells; item: IncomingResponse; status: 'accepted' | 'pending' }>();
  const status = survey.double_entry && context.channel === 'paper' ? 'pending' : 'accepted';
  for (const item of items) {
    const stored = sent.get(item.id);
    if (stored) {
      outcomes.push(stored.survey_id === survey.id ? { ok: true, id: item.id, status: stored.status, duplicate: true } : { ok: false, id: item.id, field: 'id', message: msg('surveys.responses.idOfAnotherSurvey') });
      continue;
    }
    if (checked.has(item.id)) {
      outcomes.push({ ok: true, id: item.id, status, duplicate: true });
      continue;
    }
    const form = await forms.get(trx, item.versionNumber);
    if (!form) {
      outcomes.push({ ok: false, id: item.id, field: 'versionNumber', message: msg('surveys.responses.versionUnknown', { number: item.versionNumber }) });
      continue;
    }
    if (!unitsOk.has(item.unitId)) {
      outcomes.push({ ok: false, id: item.id, field: 'unitId', message: msg('surveys.responses.unitNotTargeted') });
      continue;
    }
    const result = item.checked ?? checkAgainst(form, item.answers, context.today);
    if ('field' in result) {
      outcomes.push({ ok: false, id: item.id, field: result.field, message: result.message });
      continue;
    }
    checked.set(item.id, { form, answers: result.answers, cells: result.cells, item, status });
    rows.push({
      id: item.id,
      province_id: survey.province_id,
      survey_id: survey.id,
      version_number: item.versionNumber,
      unit_id: item.unitId,
      respondent_group: item.respondentGroup,
      channel: context.channel,
      status,
      answers: result.answers,
      cells: result.cells,
      submitted_at: item.submittedAt ?? context.now,
      entered_by: context.enteredBy,
      invitation_id: context.invitationId ?? null,
      import_job_id: context.importJobId ?? null,
      created_at: context.now,
      updated_at: context.now,
    });
    outcomes.push({ ok: true, id: item.id, status, duplicate: false });
  }
  const written = context.channel === 'import' ? await repo.copyNewResponses(trx, rows) : await repo.insertResponses(trx, rows);
  // a resend that raced its first copy past the lookup above: the stored one stands, answered as a duplicate
  const raced = rows.filter((row) => !written.has(row.id)).map((row) => row.id);
  if (raced.length) {
    const now = new Map((await repo.findSentIds(trx, survey.province_id, raced)).map((row) => [row.id, row]));
    for (const [i, outcome] of outcomes.entries()) {
      const stored = outcome.ok && !outcome.duplicate ? now.get(outcome.id) : undefined;
      if (stored) outcomes[i] = stored.survey_id === survey.id ? { ok: true, id: outcome.id, status: stored.status, duplicate: true } : { ok: false, id: outcome.id, field: 'id', message: msg('surveys.responses.idOfAnotherSurvey') };
    }
  }
  const tally = context.tally ?? new TallyBatch();
  const cross = written.size > 0 ? await forms.cross(trx) : NO_CROSS;
  for (const id of written) {
    const entry = checked.get(id);
    if (entry?.status === 'accepted') {
      tally.add(entry.form, { unitId: entry.item.unitId, group: entry.item.respondentGroup, answers: entry.answers, cells: entry.cells }, 1, crossFor(cross, { unitId: entry.item.unitId, id }));
    }
  }
  if (!context.tally) await repo.applyTally(trx, survey, tally.deltas());
  if (written.size > 0) {
    if (context.channel === 'import') {
      await recordAudit(trx, context.audit, { action: 'import', entity: 'survey_response', entityId: context.importJobId ?? null, unitId: survey.unit_id, after: { surveyId: survey.id, responses: written.size } });
    } else {
      for (const id of written) {
        const entry = checked.get(id);
        // the audit row names the response, its place and channel, never its answers (they may be sensitive)
        await recordAudit(trx, context.audit, {
          action: 'create',
          entity: 'survey_response',
          entityId: id,
          unitId: entry?.item.unitId ?? survey.unit_id,
          after: { surveyId: survey.id, version: entry?.item.versionNumber, channel: context.channel, status: entry?.status, respondentGroup: entry?.item.respondentGroup },
        });
      }
    }
  }
  return outcomes;
}

/** Stores one response; a bad one is a 400 naming the question (409 for an id of another survey). */
export async function storeResponse(trx: Database, survey: StoreSurvey, item: IncomingResponse, context: StoreContext) {
  const [outcome] = await storeResponses(trx, survey, [item], context);
  if (!outcome) throw new Error('no outcome');
  if (!outcome.ok) {
    if (outcome.field === 'id') throw conflict(outcome.message);
    throw invalidField(outcome.field, outcome.message, outcome.field.startsWith('answers.') ? 'answers' : outcome.field);
  }
  return { id: outcome.id, status: outcome.status, duplicate: outcome.duplicate };
}

/** A stored response as the store changes it (read in scope and locked by the caller). */
export interface StoredResponse {
  id: string;
  province_id: number;
  unit_id: number;
  respondent_group: string;
  version_number: number;
  status: 'accepted' | 'pending' | 'rejected';
  answers: unknown;
  cells: unknown;
  revision: number;
}

/** Canonical text of an answer for comparing two typings (the order of ticked choices does not matter). */
const canonical = (value: unknown) => (value === undefined ? undefined : JSON.stringify(Array.isArray(value) ? [...value].sort() : value));

/**
 * The second typing of a pending paper form: equal answers accept it (and count it); otherwise the questions whose
 * answers differ, and it stays pending.
 */
export async function verifyResponse(trx: Database, survey: StoreSurvey, stored: StoredResponse, second: Record<string, unknown>, context: { userId: number; ip: string | null; today: string; now: Date }) {
  const forms = new FormCache(survey);
  const form = await forms.get(trx, stored.version_number);
  if (!form) throw new Error('version of a stored response missing');
  const result = checkAgainst(form, second, context.today);
  if ('field' in result) throw invalidField(result.field, result.message, 'answers');
  const first = stored.answers as TAnswers;
  const names = [...new Set([...Object.keys(first), ...Object.keys(result.answers)])];
  const differences = names.filter((name) => canonical(first[name]) !== canonical(result.answers[name])).map((question) => ({ question, first: first[question] ?? null, second: result.answers[question] ?? null }));
  if (differences.length > 0) {
    // kept for the verifier, who compares the two stored typings with the paper
    await repo.storeSecondTyping(trx, stored, { answers: JSON.stringify(result.answers), by: context.userId, at: context.now });
    await recordAudit(trx, context, { action: 'update', entity: 'survey_response', entityId: stored.id, unitId: stored.unit_id, after: { secondTyping: true, differences: differences.length } });
    return { status: stored.status, differences };
  }
  const updated = await repo.updateResponse(trx, stored, stored.revision, {
    answers: JSON.stringify(first),
    cells: stored.cells as TCells,
    status: 'accepted',
    verified_by: context.userId,
    revision: stored.revision,
    updated_at: context.now,
  });
  if (!updated) throw conflict(msg('surveys.responses.staleRevision'));
  const tally = new TallyBatch();
  tally.add(form, { unitId: stored.unit_id, group: stored.respondent_group, answers: first, cells: stored.cells as TCells }, 1, crossFor(await forms.cross(trx), { unitId: stored.unit_id, id: stored.id }));
  await repo.applyTally(trx, survey, tally.deltas());
  await recordAudit(trx, context, { action: 'update', entity: 'survey_response', entityId: stored.id, unitId: stored.unit_id, before: { status: stored.status }, after: { status: 'accepted', verified: true } });
  return { status: 'accepted' as const, differences: [] };
}

/**
 * Corrects, accepts or rejects a stored response with a reason: the earlier answers and status are kept as a
 * revision, the tallies move by the difference (the old contribution out if it counted, the new one in if it counts).
 */
export async function correctResponse(
  trx: Database,
  survey: StoreSurvey,
  stored: StoredResponse,
  change: { answers?: Record<string, unknown>; status?: 'accepted' | 'rejected'; reason: string },
  context: { userId: number; ip: string | null; today: string; now: Date },
): Promise<void> {
  const forms = new FormCache(survey);
  const form = await forms.get(trx, stored.version_number);
  if (!form) throw new Error('version of a stored response missing');
  let answers = stored.answers as TAnswers;
  let cells = stored.cells as TCells;
  if (change.answers !== undefined) {
    const result = checkAgainst(form, change.answers, context.today);
    if ('field' in result) throw invalidField(result.field, result.message, 'answers');
    ({ answers, cells } = result);
  }
  const status = change.status ?? stored.status;
  await repo.insertRevision(trx, {
    province_id: stored.province_id,
    response_id: stored.id,
    revision: stored.revision,
    answers: JSON.stringify(stored.answers),
    status: stored.status,
    changed_by: context.userId,
    changed_at: context.now,
    reason: change.reason,
  });
  const updated = await repo.updateResponse(trx, stored, stored.revision, {
    answers: JSON.stringify(answers),
    cells,
    status,
    ...(stored.status === 'pending' && status === 'accepted' ? { verified_by: context.userId } : {}),
    revision: stored.revision + 1,
    updated_at: context.now,
  });
  if (!updated) throw conflict(msg('surveys.responses.staleRevision'));
  const tally = new TallyBatch();
  const key = { unitId: stored.unit_id, group: stored.respondent_group };
  const crossBy = crossFor(await forms.cross(trx), { unitId: stored.unit_id, id: stored.id });
  if (stored.status === 'accepted') tally.add(form, { ...key, answers: stored.answers as TAnswers, cells: stored.cells as TCells }, -1, crossBy);
  if (status === 'accepted') tally.add(form, { ...key, answers, cells }, 1, crossBy);
  await repo.applyTally(trx, survey, tally.deltas());
  await recordAudit(trx, context, {
    action: 'update',
    entity: 'survey_response',
    entityId: stored.id,
    unitId: stored.unit_id,
    before: { status: stored.status, revision: stored.revision },
    after: { status, revision: stored.revision + 1, answersChanged: change.answers !== undefined, reason: change.reason },
  });
}
