import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { ZAnswers, ZSurveyForm } from './form.ts';

/**
 * Sociological surveys (issue 13; DOMAIN.md capability 8): a survey of a unit, its questionnaire in versions, the
 * units and respondent groups it targets with quotas, and the responses collected on the web, typed from paper or
 * imported. The tabulation's shapes are in tabulation.schemas.ts.
 */

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const ZSurveyStatus = z.enum(SURVEY_STATUSES);
export type TSurveyStatus = z.infer<typeof ZSurveyStatus>;

/** Respondent groups of a survey's sample (seed 001: cadres, party members, citizens, members of organisations). */
export const RESPONDENT_GROUPS = ['cadre', 'party_member', 'citizen', 'union_member', 'respected_person', 'other'] as const;
export const ZRespondentGroup = z.enum(RESPONDENT_GROUPS);
export type TRespondentGroup = z.infer<typeof ZRespondentGroup>;

export const RESPONSE_CHANNELS = ['web', 'paper', 'import'] as const;
export const ZResponseChannel = z.enum(RESPONSE_CHANNELS);

/** accepted: counted; pending: a paper form under double entry waiting for its second typing; rejected: not counted. */
export const RESPONSE_STATUSES = ['accepted', 'pending', 'rejected'] as const;
export const ZResponseStatus = z.enum(RESPONSE_STATUSES);

export const ZSurveyCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, { message: 'mã chỉ gồm chữ không dấu, số, . _ -' });

export const ZSurveyInput = z
  .object({
    unitId: ZId,
    code: ZSurveyCode,
    title: zText(500),
    purpose: zText(20000).nullable().optional(),
    opensOn: ZDate.nullable().optional(),
    closesOn: ZDate.nullable().optional(),
    collectsIdentity: z.boolean().default(false),
    doubleEntry: z.boolean().default(false),
    decimals: z.number().int().min(0).max(3).default(1),
    notes: zText(20000).nullable().optional(),
  })
  .refine((s) => !s.opensOn || !s.closesOn || s.closesOn >= s.opensOn, { message: 'không được trước ngày mở', path: ['closesOn'] });
export type TSurveyInput = z.infer<typeof ZSurveyInput>;

/** An edit names the version it read (409 when it changed meanwhile). Status moves draft → open → closed (and back to open). */
export const ZSurveyPatch = z.object({
  expectedVersion: z.number().int().min(1),
  title: zText(500).optional(),
  purpose: zText(20000).nullable().optional(),
  opensOn: ZDate.nullable().optional(),
  closesOn: ZDate.nullable().optional(),
  status: ZSurveyStatus.optional(),
  collectsIdentity: z.boolean().optional(),
  doubleEntry: z.boolean().optional(),
  decimals: z.number().int().min(0).max(3).optional(),
  notes: zText(20000).nullable().optional(),
  /**
   * The select_one questions (at most 5) the tallies are also kept crossed by, so that the cross-tabulation by one of
   * them reads tallies, not every response. Naming one queues a background job that builds its cross tally from the
   * stored responses (ZSurvey.crossTallies: building, then ready); the PATCH does not wait for it.
   */
  crossQuestions: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, { message: 'tên câu hỏi' })).max(5).optional(),
});

export const ZSurveySummary = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  code: z.string(),
  title: z.string(),
  status: ZSurveyStatus,
  opensOn: ZDate.nullable(),
  closesOn: ZDate.nullable(),
  currentVersion: z.number().int().nullable(),
  /** Accepted responses. */
  responses: z.number().int(),
  /** Sum of the quotas of its targets. */
  quota: z.number().int(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;

export const ZSurveyVersionSummary = z.object({
  number: z.number().int(),
  title: z.string(),
  questions: z.number().int(),
  fromXlsForm: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const ZSurveyTarget = z.object({
  unitId: ZId,
  unitName: z.string().optional(),
  respondentGroup: ZRespondentGroup,
  quota: z.number().int().min(0).max(1_000_000),
});
export type TSurveyTarget = z.infer<typeof ZSurveyTarget>;

export const ZSurvey = ZSurveySummary.extend({
  purpose: z.string().nullable(),
  collectsIdentity: z.boolean(),
  doubleEntry: z.boolean(),
  decimals: z.number().int(),
  notes: z.string().nullable(),
  /** The select_one questions the tallies are kept crossed by (ZSurveyPatch.crossQuestions). */
  crossQuestions: z.array(z.string()).optional(),
  /**
   * The state of each kept cross question's tally: `building` while the background job (jobId, watched at
   * GET /api/jobs/:id) counts the stored responses — meanwhile a cross-tabulation by it is counted from the
   * responses —, then `ready` (jobId null).
   */
  crossTallies: z
    .array(z.object({ question: z.string(), state: z.enum(['building', 'ready']), jobId: z.string().uuid().nullable() }))
    .describe('Each kept cross question: building (jobId: the job to watch; a cross-tabulation by it counts the responses meanwhile) or ready')
    .optional(),
  /** The public link's token (path /khao-sat/<token>), null when the survey has none. Managers only. */
  publicToken: z.string().nullable(),
  version: z.number().int(),
  form: ZSurveyForm.nullable(),
  versions: z.array(ZSurveyVersionSummary),
  targets: z.array(ZSurveyTarget),
});
export type TSurvey = z.infer<typeof ZSurvey>;

export const ZSurveyListQuery = z.object({
  q: zText(200).optional(),
  unitId: ZId.optional(),
  status: ZSurveyStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The sample as sent: the units' names are the server's to tell (a name sent along is dropped). */
export const ZSurveyTargetsInput = z.object({ expectedVersion: z.number().int().min(1), targets: z.array(ZSurveyTarget.omit({ unitName: true })).max(5000) });

/** Progress of the sample: per targeted unit and group, the quota and the responses so far. */
export const ZSurveyProgressRow = z.object({
  unitId: ZId,
  unitName: z.string(),
  respondentGroup: ZRespondentGroup,
  quota: z.number().int(),
  accepted: z.number().int(),
  pending: z.number().int(),
});
export const ZSurveyProgress = z.object({ rows: z.array(ZSurveyProgressRow), quota: z.number().int(), accepted: z.number().int(), pending: z.number().int() });

/** A new version built in the UI. */
export const ZSurveyVersionInput = z.object({ form: ZSurveyForm });

export const ZXlsFormIssue = z.object({ sheet: z.string(), row: z.number().int().nullable(), column: z.string().optional(), message: z.string() });
/** The reading of an uploaded XLSForm: with `dryRun` nothing is stored; issues mean it was refused. */
export const ZXlsFormImportResult = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  version: z.number().int().nullable(),
  questions: z.number().int(),
  warnings: z.array(ZXlsFormIssue),
  issues: z.array(ZXlsFormIssue),
});

/**
 * One response. `id` is a UUIDv7 the client makes before sending (the browser outbox, the keying screen, an import
 * row): sending it again stores nothing new and answers the stored response.
 */
export const ZResponseInput = z.object({
  id: ZUuid,
  versionNumber: z.number().int().min(1),
  unitId: ZId,
  respondentGroup: ZRespondentGroup,
  answers: z.record(z.string().max(100), z.unknown()),
});
export type TResponseInput = z.infer<typeof ZResponseInput>;

export const ZSurveyResponse = z.object({
  id: ZUuid,
  surveyId: ZId,
  versionNumber: z.number().int(),
  unitId: ZId,
  unitName: z.string(),
  respondentGroup: ZRespondentGroup,
  channel: ZResponseChannel,
  status: ZResponseStatus,
  answers: ZAnswers,
  submittedAt: z.string(),
  enteredBy: z.string().nullable(),
  revision: z.number().int(),
  /** The last second typing of a double-entry form that differed from the first: who typed it, when, what. */
  secondTyping: z.object({ answers: ZAnswers, by: z.string().nullable(), at: z.string() }).nullable(),
});
export type TSurveyResponse = z.infer<typeof ZSurveyResponse>;

/** What a submission answers: the response as stored, and whether it was already there (a resend). */
export const ZResponseReceipt = z.object({ id: ZUuid, status: ZResponseStatus, duplicate: z.boolean() });

/** The second typing of a double-entry paper form: matched (accepted) or the questions whose answers differ. */
export const ZVerifyInput = z.object({ answers: z.record(z.string().max(100), z.unknown()) });
export const ZVerifyResult = z.object({
  status: ZResponseStatus,
  differences: z.array(z.object({ question: z.string(), first: z.unknown(), second: z.unknown() })),
});

/** A correction of a stored response: the earlier answers are kept as a revision. */
export const ZResponseCorrection = z.object({
  expectedRevision: z.number().int().min(1),
  answers: z.record(z.string().max(100), z.unknown()).optional(),
  status: z.enum(['accepted', 'rejected']).optional(),
  reason: zText(2000),
});

/** An earlier state of a response, kept when it was corrected, accepted or rejected (oldest first). */
export const ZResponseRevision = z.object({
  revision: z.number().int(),
  status: ZResponseStatus,
  answers: ZAnswers,
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export const ZResponseRevisions = z.object({ items: z.array(ZResponseRevision) });
export type TResponseRevision = z.infer<typeof ZResponseRevision>;

export const ZResponseListQuery = z.object({
  unitId: ZId.optional(),
  status: ZResponseStatus.optional(),
  channel: ZResponseChannel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const ZResponseList = z.object({ items: z.array(ZSurveyResponse), total: z.number().int() });

/** Personal links: one token per respondent, shown once. */
export const ZInvitationInput = z.object({
  unitId: ZId,
  respondentGroup: ZRespondentGroup,
  count: z.number().int().min(1).max(1000),
  /** Only when the survey collects identity: whom each link is for. */
  labels: z.array(zText(200)).max(1000).optional(),
});
export const ZInvitations = z.object({ tokens: z.array(z.object({ token: z.string(), label: z.string().nullable() })) });

/** What a respondent's phone needs to show the form (public link or personal link): cached for offline use. */
export const ZPublicSurvey = z.object({
  title: z.string(),
  unitName: z.string(),
  purpose: z.string().nullable(),
  collectsIdentity: z.boolean(),
  versionNumber: z.number().int(),
  form: ZSurveyForm,
  /** The units and groups a respondent chooses from (a personal link fixes both). */
  units: z.array(z.object({ id: ZId, name: z.string() })),
  groups: z.array(ZRespondentGroup),
  fixedUnitId: ZId.nullable(),
  fixedGroup: ZRespondentGroup.nullable(),
  open: z.boolean(),
});
export const ZPublicTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'đường dẫn không hợp lệ' }) });
