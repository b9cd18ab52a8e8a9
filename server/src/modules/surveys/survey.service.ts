import type { z } from 'zod';
import { formQuestions, ZSurveyForm, type TSurveyForm } from '#contracts/surveys/form.ts';
import type {
  TSurvey,
  TSurveyInput,
  TSurveyStatus,
  ZInvitationInput,
  ZSurveyListQuery,
  ZSurveyPatch,
  ZSurveyProgress,
  ZSurveyTargetsInput,
} from '#contracts/surveys/survey.schemas.ts';
import type { RESPONDENT_GROUPS } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../units/index.ts';
import { surveyPolicy } from './survey.policy.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { CROSS_BUILD_JOB, type CrossBuildPayload } from './responses/cross-build.ts';
import * as responses from './responses/response.repository.ts';
import { presentSurvey, presentSurveySummary, storedForm } from './survey.presenter.ts';
import * as repo from './survey.repository.ts';
import { formProblems, hashToken, newLinkToken } from './survey.rules.ts';

/** The folded text a survey is searched by ("khao sat dan van" finds "Khảo sát dân vận"). */
const searchText = (code: string, title: string) => foldVi(`${code} ${title}`);

export async function listSurveys(db: Database, actor: Actor, query: z.output<typeof ZSurveyListQuery>) {
  authorize(surveyPolicy.read(actor));
  return { items: (await repo.listSurveys(db, actor.scope, query)).map(presentSurveySummary) };
}

export async function getSurvey(db: Database, actor: Actor, id: number): Promise<TSurvey> {
  authorize(surveyPolicy.read(actor));
  return readDetail(db, actor, id);
}

async function readDetail(db: Database, actor: Actor, id: number): Promise<TSurvey> {
  const row = await repo.findSurvey(db, actor.scope, id);
  if (!row) throw notFound('entity.survey');
  const [versions, targets, building] = await Promise.all([repo.listVersions(db, row), repo.listTargets(db, row), repo.listCrossBuilds(db, row)]);
  return presentSurvey(row, { versions, targets, building }, row.in_scope && surveyPolicy.manage(actor));
}

/**
 * A survey the actor may manage, locked for the change: read in scope (404 otherwise), its unit in scope and the
 * right to manage (403 otherwise), and, when the caller names the version it read, not changed since (409).
 */
export async function surveyToManage(trx: Database, actor: Actor, id: number, expectedVersion: number | null): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(trx, actor.scope, id);
  if (!row) throw notFound('entity.survey');
  authorize(row.in_scope && surveyPolicy.manage(actor));
  await repo.lockSurvey(trx, row.province_id, id);
  if (expectedVersion !== null && row.version !== expectedVersion) throw stale(row.version, expectedVersion);
  return row;
}

const stale = (current: number, seen: number) => conflict(msg('surveys.staleVersion', { current, seen }));

/** Creates a draft survey of a unit in the actor's scope (audited). */
export async function createSurvey(db: Database, actor: Actor, input: TSurveyInput): Promise<TSurvey> {
  authorize(surveyPolicy.manage(actor));
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, actor.scope, input.unitId, clock.today());
    if (!unit) throw notFound('entity.unit');
    if (await repo.surveyCodeTaken(trx, unit.id, input.code)) throw invalidField('code', msg('surveys.codeTaken', { code: input.code }));
    const created = await repo.insertSurvey(trx, {
      unit_id: unit.id,
      code: input.code,
      title: input.title,
      purpose: input.purpose ?? null,
      opens_on: input.opensOn ?? null,
      closes_on: input.closesOn ?? null,
      collects_identity: input.collectsIdentity,
      double_entry: input.doubleEntry,
      decimals: input.decimals,
      notes: input.notes ?? null,
      search_text: searchText(input.code, input.title),
      created_by: actor.userId,
      created_at: clock.now(),
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'survey', entityId: created.id, unitId: unit.id, after: input });
    return readDetail(trx, actor, created.id);
  });
}

/** The moves of a survey's status: draft → open → closed, and closed → open again. */
const STATUS_MOVES: Record<TSurveyStatus, readonly TSurveyStatus[]> = { draft: ['open'], open: ['closed'], closed: ['open'] };

/** Changes a survey's fields or status, if nobody changed it since the actor read it (409 otherwise). */
export async function updateSurvey(deps: Pick<ModuleContext, 'db' | 'jobs'>, actor: Actor, id: number, patch: z.output<typeof ZSurveyPatch>): Promise<TSurvey> {
  let queued = false;
  const answer = await deps.db.transaction().execute(async (trx) => {
    const current = await surveyToManage(trx, actor, id, patch.expectedVersion);
    const { expectedVersion: _seen, ...fields } = patch;
    if (fields.status !== undefined && fields.status !== current.status) {
      if (!STATUS_MOVES[current.status].includes(fields.status)) {
        throw conflict(msg('surveys.statusMove', { from: msg(`surveys.status.${current.status}`), to: msg(`surveys.status.${fields.status}`) }));
      }
      if (fields.status === 'open' && current.current_version === null) throw conflict(msg('surveys.openWithoutForm'));
    }
    const opensOn = fields.opensOn === undefined ? current.opens_on : fields.opensOn;
    const closesOn = fields.closesOn === undefined ? current.closes_on : fields.closesOn;
    if (opensOn !== null && closesOn !== null && closesOn < opensOn) throw invalidField('closesOn', msg('surveys.closesBeforeOpens'));
    const title = fields.title ?? current.title;
    const crossing = fields.crossQuestions === undefined ? null : await crossingOf(trx, current, fields.crossQuestions);
    const changes: repo.SurveyChanges = {
      ...(fields.title !== undefined ? { title: fields.title, search_text: searchText(current.code, title) } : {}),
      ...(fields.purpose !== undefined ? { purpose: fields.purpose } : {}),
      ...(fields.opensOn !== undefined ? { opens_on: fields.opensOn } : {}),
      ...(fields.closesOn !== undefined ? { closes_on: fields.closesOn } : {}),
      ...(fields.status !== undefined ? { status: fields.status } : {}),
      ...(fields.collectsIdentity !== undefined ? { collects_identity: fields.collectsIdentity } : {}),
      ...(fields.doubleEntry !== undefined ? { double_entry: fields.doubleEntry } : {}),
      ...(fields.decimals !== undefined ? { decimals: fields.decimals } : {}),
      ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
      ...(crossing ? { cross_questions: crossing.names } : {}),
    };
    if (!(await repo.updateSurvey(trx, current, patch.expectedVersion, changes, clock.now()))) throw stale(current.version + 1, patch.expectedVersion);
    if (crossing) {
      // the survey row is locked by the update: writers (who read cross_questions FOR SHARE) wait for this commit.
      // Dropped questions lose their rows (and a build under way); added ones are built by a job, batch by batch
      // (responses/cross-build.ts): until it has finished, a cross-tabulation by them reads the responses.
      const survey = { province_id: current.province_id, id };
      await responses.dropCrossTally(trx, survey, current.cross_questions.filter((name) => !crossing.names.includes(name)));
      const added = crossing.names.filter((n) => !current.cross_questions.includes(n));
      if (added.length > 0) {
        const payload: CrossBuildPayload = { provinceId: current.province_id, surveyId: id, questions: added };
        const jobId = await deps.jobs.enqueue(trx, actor, { kind: CROSS_BUILD_JOB, payload, target: `survey:${id}`, unitId: current.unit_id });
        await responses.startCrossBuild(trx, survey, added, jobId);
        queued = true;
      }
    }
    const before = Object.fromEntries(Object.keys(fields).map((key) => [key, (presentSurveyFields(current) as Record<string, unknown>)[key]]));
    await recordAudit(trx, actor, { action: 'update', entity: 'survey', entityId: id, unitId: current.unit_id, before, after: fields });
    return readDetail(trx, actor, id);
  });
  if (queued) deps.jobs.kick();
  return answer;
}

/** The questions a survey is to be crossed by: each a select_one question of its current questionnaire (a 400 naming crossQuestions otherwise). */
async function crossingOf(db: Database, survey: repo.SurveyRow, names: readonly string[]) {
  const unique = [...new Set(names)];
  const form = survey.current_version === null ? null : storedForm(await repo.findVersionForm(db, survey, survey.current_version));
  const questions = form ? formQuestions(form).map((q) => q.question) : [];
  const wrong = unique.find((name) => !questions.some((q) => q.name === name && q.type === 'select_one'));
  if (wrong !== undefined) throw invalidField('crossQuestions', msg('surveys.tabulation.byNotSelectOne', { name: wrong }));
  return { names: unique };
}

const presentSurveyFields = (row: repo.SurveyRow) => ({
  title: row.title,
  purpose: row.purpose,
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  status: row.status,
  collectsIdentity: row.collects_identity,
  doubleEntry: row.double_entry,
  decimals: row.decimals,
  crossQuestions: row.cross_questions,
  notes: row.notes,
});

/** Refuses a questionnaire whose names repeat or whose selects name a missing (or empty) list: 400 naming the item. */
export function checkForm(form: TSurveyForm): void {
  const problem = formProblems(form)[0];
  if (problem) throw invalidField(problem.field, msg(`surveys.form.${problem.problem}`, { name: problem.name }), 'form');
}

/**
 * Stores a new version of a survey's questionnaire (locked survey read by `surveyToManage`) and makes it current;
 * responses keep the version they answered. Returns the version's number.
 */
export async function storeVersion(trx: Database, actor: { userId: number; ip: string | null }, survey: repo.SurveyRow, form: TSurveyForm, sourceAttachmentId: string | null): Promise<number> {
  const number = await repo.nextVersionNumber(trx, survey);
  await repo.insertVersion(trx, {
    province_id: survey.province_id,
    survey_id: survey.id,
    number,
    form: JSON.stringify(ZSurveyForm.parse(form)),
    source_attachment_id: sourceAttachmentId,
    created_by: actor.userId,
    created_at: clock.now(),
  });
  await repo.updateSurvey(trx, survey, null, { current_version: number }, clock.now());
  await recordAudit(trx, actor, { action: 'update', entity: 'survey', entityId: survey.id, unitId: survey.unit_id, after: { version: number, title: form.title, fromXlsForm: sourceAttachmentId !== null } });
  return number;
}

/** A new version built in the UI. */
export async function addVersion(db: Database, actor: Actor, id: number, form: TSurveyForm): Promise<TSurvey> {
  checkForm(form);
  return db.transaction().execute(async (trx) => {
    const survey = await surveyToManage(trx, actor, id, null);
    await storeVersion(trx, actor, survey, form, null);
    return readDetail(trx, actor, id);
  });
}

/**
 * Replaces the sample: every unit in the manager's scope and in the survey unit's subtree, each (unit, group) once.
 */
export async function setTargets(db: Database, actor: Actor, id: number, input: z.output<typeof ZSurveyTargetsInput>): Promise<TSurvey> {
  return db.transaction().execute(async (trx) => {
    const survey = await surveyToManage(trx, actor, id, input.expectedVersion);
    const seen = new Set<string>();
    input.targets.forEach((t, i) => {
      const key = `${t.unitId}|${t.respondentGroup}`;
      if (seen.has(key)) throw invalidField(`targets.${i}.respondentGroup`, msg('surveys.targetTwice'), 'targets');
      seen.add(key);
    });
    const unitIds = [...new Set(input.targets.map((t) => t.unitId))];
    const ok = new Set(await repo.unitsInScopeUnder(trx, actor.scope, survey.unit_path, unitIds));
    const bad = input.targets.findIndex((t) => !ok.has(t.unitId));
    if (bad >= 0) throw invalidField(`targets.${bad}.unitId`, msg('surveys.targetUnitOutside', { owner: survey.unit_name }), 'targets');
    const before = await repo.listTargets(trx, survey);
    await repo.replaceTargets(trx, survey, input.targets.map((t) => ({ unit_id: t.unitId, respondent_group: t.respondentGroup, quota: t.quota })));
    if (!(await repo.updateSurvey(trx, survey, input.expectedVersion, {}, clock.now()))) throw stale(survey.version + 1, input.expectedVersion);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'survey',
      entityId: id,
      unitId: survey.unit_id,
      before: { targets: before.map((t) => ({ unitId: t.unit_id, respondentGroup: t.respondent_group, quota: t.quota })) },
      after: { targets: input.targets },
    });
    return readDetail(trx, actor, id);
  });
}

/** Quota against accepted and pending responses per targeted unit × group, for the units in the reader's scope. */
export async function surveyProgress(db: Database, actor: Actor, id: number): Promise<z.input<typeof ZSurveyProgress>> {
  authorize(surveyPolicy.read(actor));
  const survey = await repo.findSurvey(db, actor.scope, id);
  if (!survey) throw notFound('entity.survey');
  const [targets, counts] = await Promise.all([repo.listTargets(db, survey), repo.progressCounts(db, actor.scope, survey)]);
  // responses of a unit under a target (a village of a targeted commune) count toward that target
  const targeted = new Set(targets.map((t) => t.unit_id));
  const others = [...new Set([...counts.accepted, ...counts.pending].map((r) => r.unit_id).filter((unitId) => !targeted.has(unitId)))];
  const targetOf = new Map((await repo.unitsUnderTargets(db, survey, others)).map((row) => [row.id, row.target_id]));
  const key = (unitId: number, group: string) => `${targetOf.get(unitId) ?? unitId}|${group}`;
  const sumBy = (rows: readonly { unit_id: number; respondent_group: string; n: number }[]) => {
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(key(r.unit_id, r.respondent_group), (sums.get(key(r.unit_id, r.respondent_group)) ?? 0) + Number(r.n));
    return sums;
  };
  const accepted = sumBy(counts.accepted);
  const pending = sumBy(counts.pending);
  // the reader sees the targets of the units in their scope (a commune its own line; the province every line)
  const visible = new Set([...(await repo.unitsInScopeUnder(db, actor.scope, survey.unit_path, targets.map((t) => t.unit_id)))]);
  const rows = targets
    .filter((t) => visible.has(t.unit_id))
    .map((t) => ({
      unitId: t.unit_id,
      unitName: t.unit_name,
      respondentGroup: t.respondent_group as (typeof RESPONDENT_GROUPS)[number],
      quota: t.quota,
      accepted: accepted.get(key(t.unit_id, t.respondent_group)) ?? 0,
      pending: pending.get(key(t.unit_id, t.respondent_group)) ?? 0,
    }));
  const sum = (field: 'quota' | 'accepted' | 'pending') => rows.reduce((total, row) => total + row[field], 0);
  return { rows, quota: sum('quota'), accepted: sum('accepted'), pending: sum('pending') };
}

/** Creates (or replaces) the survey's public link, or removes it. */
export async function setPublicLink(db: Database, actor: Actor, id: number, enabled: boolean): Promise<TSurvey> {
  return db.transaction().execute(async (trx) => {
    const survey = await surveyToManage(trx, actor, id, null);
    const token = enabled ? newLinkToken() : null;
    await repo.updateSurvey(trx, survey, null, { public_token: token }, clock.now());
    await recordAudit(trx, actor, { action: 'update', entity: 'survey', entityId: id, unitId: survey.unit_id, after: { publicLink: enabled } });
    return readDetail(trx, actor, id);
  });
}

/**
 * Personal links for a targeted unit and group: random tokens shown once, stored hashed (sha256). Labels (whom
 * each link is for) only when the survey collects identity.
 */
export async function createInvitations(db: Database, actor: Actor, id: number, input: z.output<typeof ZInvitationInput>) {
  return db.transaction().execute(async (trx) => {
    const survey = await surveyToManage(trx, actor, id, null);
    const targets = await repo.listTargets(trx, survey);
    if (!targets.some((t) => t.unit_id === input.unitId && t.respondent_group === input.respondentGroup)) {
      throw invalidField('unitId', msg('surveys.invitationNotTargeted'));
    }
    if (input.labels !== undefined && !survey.collects_identity) throw invalidField('labels', msg('surveys.labelsWithoutIdentity'));
    if (input.labels !== undefined && input.labels.length !== input.count) throw invalidField('labels', msg('surveys.labelsCount', { count: input.count }));
    const tokens = Array.from({ length: input.count }, (_, i) => ({ token: newLinkToken(), label: input.labels?.[i] ?? null }));
    const now = clock.now();
    await repo.insertInvitations(
      trx,
      tokens.map((t) => ({
        province_id: survey.province_id,
        survey_id: survey.id,
        unit_id: input.unitId,
        respondent_group: input.respondentGroup,
        token_hash: hashToken(t.token),
        label: t.label,
        created_by: actor.userId,
        created_at: now,
      })),
    );
    await recordAudit(trx, actor, { action: 'update', entity: 'survey', entityId: id, unitId: survey.unit_id, after: { invitations: input.count, unitId: input.unitId, respondentGroup: input.respondentGroup } });
    return { tokens };
  });
}

