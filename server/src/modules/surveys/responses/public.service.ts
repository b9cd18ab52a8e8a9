import type { z } from 'zod';
import { RESPONDENT_GROUPS, type TRespondentGroup, type ZPublicSurvey, type ZResponseInput } from '#contracts/surveys/survey.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, conflict, invalidField, RetryLaterError } from '#server/shared/errors.ts';
import { countHit } from '#server/shared/http/rate-limit.repository.ts';
import { msg } from '#server/shared/messages.ts';
import { storedForm } from '../survey.presenter.ts';
import * as surveys from '../survey.repository.ts';
import { hashToken, takesResponses } from '../survey.rules.ts';
import * as repo from './response.repository.ts';
import { storeResponse } from './response-store.ts';
import { refuseUnlessOpen } from './response.service.ts';

/**
 * The respondent's side: no account, the link's token is the key (a public link: the survey's token; a personal
 * link: an invitation, stored hashed). What protects it: the per-IP limits (per minute on the route, per day here,
 * both in rate_limit_window), one response per personal link, and the survey's status and period.
 */

/** Submissions per IP per minute (the route) and per day (here). */
export const PUBLIC_SUBMIT_PER_MINUTE = 30;
export const PUBLIC_SUBMIT_PER_DAY = 300;
export const PUBLIC_FORM_PER_MINUTE = 60;
const DAY_KEY = 'surveys-day|';
const DAY_MS = 24 * 3600_000;

const linkNotFound = () => new AppError(404, 'not_found', msg('surveys.public.linkNotFound'));

/** The survey behind a token: its public link, or a personal link (invitation). */
async function resolveLink(db: Database, token: string) {
  const byPublic = await surveys.findSurveyByPublicToken(db, token);
  if (byPublic) return { survey: byPublic, invitation: null };
  const byInvitation = await surveys.findSurveyByInvitation(db, hashToken(token));
  if (!byInvitation) throw linkNotFound();
  return {
    survey: byInvitation,
    invitation: { id: byInvitation.invitation_id, unitId: byInvitation.invitation_unit_id, group: byInvitation.invitation_group as TRespondentGroup, responseId: byInvitation.response_id },
  };
}

/** What the respondent's phone needs: the current questionnaire, the targeted units and groups, whether it is open. */
export async function publicForm(db: Database, token: string): Promise<z.input<typeof ZPublicSurvey>> {
  const { survey, invitation } = await resolveLink(db, token);
  const version = survey.current_version as number;
  const form = storedForm(await surveys.findVersionForm(db, survey, version));
  const targets = await surveys.publicTargets(db, survey);
  const units = [...new Map(targets.map((t) => [t.unit_id, { id: t.unit_id, name: t.unit_name }])).values()];
  const groups = targets.length > 0 ? [...new Set(targets.map((t) => t.respondent_group as TRespondentGroup))] : [...RESPONDENT_GROUPS];
  return {
    title: survey.title,
    unitName: survey.unit_name,
    purpose: survey.purpose,
    collectsIdentity: survey.collects_identity,
    versionNumber: version,
    form,
    units: invitation ? units.filter((u) => u.id === invitation.unitId) : units,
    groups: invitation ? [invitation.group] : groups,
    fixedUnitId: invitation?.unitId ?? null,
    fixedGroup: invitation?.group ?? null,
    open: takesResponses(survey, clock.today()) === 'ok' && (invitation === null || invitation.responseId === null),
  };
}

/** Counts one submission against the address's daily cap; 429 once it is reached. */
async function countDaily(db: Database, ip: string): Promise<void> {
  const now = clock.now();
  const window = await countHit(db, `${DAY_KEY}${ip}`, now, DAY_MS);
  if (window.hits > PUBLIC_SUBMIT_PER_DAY) {
    const wait = Math.max(1, Math.ceil((new Date(window.window_started_at).getTime() + DAY_MS - now.getTime()) / 1000));
    throw new RetryLaterError('surveys_daily_cap', msg('surveys.public.dailyCap', { max: PUBLIC_SUBMIT_PER_DAY }), wait);
  }
}

/**
 * A respondent's response through a link: a resent id answers the stored receipt; a closed survey or a day outside
 * its period is a 409; a personal link takes one response and fixes the unit and group.
 */
export async function publicSubmit(db: Database, token: string, input: z.output<typeof ZResponseInput>, ip: string) {
  const { survey, invitation } = await resolveLink(db, token);
  const [sent] = await repo.findSentIds(db, survey.province_id, [input.id]);
  if (sent && sent.survey_id === survey.id) return { id: input.id, status: sent.status, duplicate: true };
  refuseUnlessOpen(survey, clock.today());
  if (invitation) {
    if (invitation.responseId !== null) throw conflict(msg('surveys.public.invitationUsed'));
    if (input.unitId !== invitation.unitId) throw invalidField('unitId', msg('surveys.public.invitationUnit'));
    if (input.respondentGroup !== invitation.group) throw invalidField('respondentGroup', msg('surveys.public.invitationGroup'));
  }
  await countDaily(db, ip);
  return db.transaction().execute(async (trx) => {
    const unit = (await surveys.unitNames(trx, [survey.unit_id]))[0];
    if (!unit) throw linkNotFound();
    const targets = await surveys.publicTargets(trx, survey);
    // a targeted unit, or a unit under one (a village of a targeted commune) answering for its group
    const target = targets.length > 0 && !targets.some((t) => t.unit_id === input.unitId) ? (await surveys.unitsUnderTargets(trx, survey, [input.unitId]))[0]?.target_id : input.unitId;
    if (targets.length > 0 && !targets.some((t) => t.unit_id === target && t.respondent_group === input.respondentGroup)) {
      throw invalidField('unitId', msg('surveys.responses.unitNotTargeted'));
    }
    const receipt = await storeResponse(
      trx,
      { id: survey.id, province_id: survey.province_id, unit_id: survey.unit_id, unit_path: unit.path, double_entry: false },
      input,
      { channel: 'web', enteredBy: null, audit: { userId: null, ip: null }, today: clock.today(), now: clock.now(), invitationId: invitation?.id ?? null, targets },
    );
    if (invitation && !receipt.duplicate && !(await repo.useInvitation(trx, survey.province_id, invitation.id, receipt.id))) {
      throw conflict(msg('surveys.public.invitationUsed'));
    }
    return receipt;
  });
}
