import { z } from 'zod';
import { ZDate, ZId, zString, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZAttachment } from '../files.ts';
import { ZUuid, ZUuidParams } from '../jobs.ts';
import { ZUnitLevel } from '../units.ts';

/**
 * Review against criteria (issue 15 must-have 4; emu-review): a scoring sheet per campaign built from the
 * campaign's criteria, nominations (a model put forward by its unit to a unit above it), reviewers' scores per
 * criterion (append-only: a correction is a new revision), the result and the minutes, and the ranking an upper
 * level reads of the nominations of the units under it.
 */

export const REVIEW_ITEM_APPLIES_TO = ['collective', 'individual', 'general'] as const;
export const ZReviewAppliesTo = z.enum(REVIEW_ITEM_APPLIES_TO);
export const REVIEW_ITEM_MODES = ['weight', 'pass_fail'] as const;
export const ZReviewItemMode = z.enum(REVIEW_ITEM_MODES);
export const NOMINATION_STATUSES = ['nominated', 'concluded', 'withdrawn'] as const;
export const ZNominationStatus = z.enum(NOMINATION_STATUSES);
export type TNominationStatus = z.infer<typeof ZNominationStatus>;

/** One line of a scoring sheet: a copy of a campaign criterion taken when the sheet was made. */
export const ZReviewItem = z.object({
  id: ZId,
  criterionId: ZId.nullable(),
  appliesTo: ZReviewAppliesTo,
  code: z.string(),
  text: z.string(),
  scoring: ZReviewItemMode,
  /** Weighted criteria: the share of the total this criterion carries; null for pass/fail. */
  weight: z.number().nullable(),
  /** Weighted criteria: the highest score a reviewer may give; null for pass/fail. */
  maxScore: z.number().nullable(),
  position: z.number().int(),
});
export type TReviewItem = z.infer<typeof ZReviewItem>;

export const ZReviewSheet = z.object({
  id: ZId,
  campaignId: ZId,
  /** The total (0–100, weighted criteria) a nomination needs to pass, all pass/fail criteria passed besides. */
  passPercent: z.number(),
  version: z.number().int(),
  items: z.array(ZReviewItem),
  /** Scores have been recorded against it: its lines no longer change. */
  inUse: z.boolean(),
  canManage: z.boolean(),
});
export type TReviewSheet = z.infer<typeof ZReviewSheet>;

export const ZCampaignParams = z.object({ campaignId: ZId });

export const ZSheetInput = z.object({
  passPercent: z.number().min(0).max(100).default(80),
});
export const ZSheetUpdate = z.object({
  version: z.number().int().positive(),
  passPercent: z.number().min(0).max(100),
});

const ZUnitRef = z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel });

/** A nomination as listed: the model, who put it forward to whom, the current result and its rank. */
export const ZNomination = z.object({
  id: ZUuid,
  campaignId: ZId,
  sheetId: ZId,
  model: z.object({ id: ZUuid, title: z.string(), kind: z.enum(['collective', 'individual']), field: z.string(), status: z.string() }),
  fromUnit: ZUnitRef,
  toUnit: ZUnitRef,
  note: z.string().nullable(),
  status: ZNominationStatus,
  /** Reviewers who have scored at least one line. */
  reviewerCount: z.number().int(),
  /** Weighted total 0–100 from the current scores (average over reviewers per line); null before any score. */
  totalPercent: z.number().nullable(),
  /** Every weighted line and pass/fail line scored by at least one reviewer. */
  complete: z.boolean(),
  passed: z.boolean().nullable(),
  /** Rank among the nominations to the same unit of the same kind of model (passed first, then total). */
  rank: z.number().int().nullable(),
  concludedOn: ZDate.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TNomination = z.infer<typeof ZNomination>;

/** One current score of one reviewer on one line (the latest revision), with how many corrections it had. */
export const ZReviewScore = z.object({
  itemId: ZId,
  reviewer: z.object({ id: ZId, name: z.string() }),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  note: z.string().nullable(),
  revision: z.number().int(),
  at: z.string(),
});
export type TReviewScore = z.infer<typeof ZReviewScore>;

/** Per line: the average of the reviewers' current scores, or the pass/fail votes. */
export const ZItemResult = z.object({
  itemId: ZId,
  average: z.number().nullable(),
  passVotes: z.number().int(),
  failVotes: z.number().int(),
  /** Pass/fail lines: passed by more than half of the reviewers who scored it. */
  passed: z.boolean().nullable(),
});

export const ZNominationDetail = ZNomination.extend({
  sheet: ZReviewSheet,
  scores: z.array(ZReviewScore),
  /** Every revision, oldest first: corrections are kept. */
  history: z.array(ZReviewScore),
  itemResults: z.array(ZItemResult),
  meeting: z
    .object({ meetingOn: ZDate, attendees: z.string(), participantCount: z.number().int(), votesFor: z.number().int(), votesAgainst: z.number().int(), votesAbstain: z.number().int() })
    .nullable(),
  /** The minutes and other files (owner type 'emulation_nomination'). */
  attachments: z.array(ZAttachment),
  /** The signed-in user may score and conclude it (the reviewing unit is in their scope). */
  canReview: z.boolean(),
  /** The signed-in user may attach the minutes (a reviewer of the reviewing unit, the nomination not withdrawn). */
  canAttach: z.boolean(),
  /** Said when the model's "publicly reviewed" step could not be recorded on conclusion. */
  stepNote: z.string().nullable(),
});
export type TNominationDetail = z.infer<typeof ZNominationDetail>;

export const ZNominationInput = z.object({
  modelId: ZUuid,
  /** The unit putting it forward (default: the model's unit); in scope, the model in its subtree. */
  fromUnitId: ZId.optional(),
  /** The unit above that reviews it: an ancestor of the nominating unit. */
  toUnitId: ZId,
  note: zText(2000).nullable().optional(),
});

export const ZNominationListQuery = z.object({
  /** Nominations to this unit (in or below scope). */
  toUnitId: ZId.optional(),
  kind: z.enum(['collective', 'individual']).optional(),
  status: ZNominationStatus.optional(),
  q: zString().trim().min(1).max(100).optional(),
});

export const ZScoreEntry = z.object({
  itemId: ZId,
  score: z.number().min(0).max(1000).nullable().optional(),
  passed: z.boolean().nullable().optional(),
  note: zText(1000).nullable().optional(),
});
export const ZScoresInput = z.object({ scores: z.array(ZScoreEntry).min(1).max(200) });

export const ZConcludeInput = z
  .object({
    version: z.number().int().positive(),
    meetingOn: ZDate,
    attendees: zText(2000),
    participantCount: z.number().int().min(1).max(100000),
    votesFor: z.number().int().min(0).max(100000),
    votesAgainst: z.number().int().min(0).max(100000),
    votesAbstain: z.number().int().min(0).max(100000),
  })
  .refine((v) => v.votesFor + v.votesAgainst + v.votesAbstain <= v.participantCount, {
    message: 'tổng số phiếu không được vượt số người tham dự',
    path: ['votesFor'],
  });
export const ZWithdrawInput = z.object({ version: z.number().int().positive(), reason: zText(1000) });

export const ZNominationParams = ZUuidParams;

/** A model of the campaign the user may put forward, with the units above it (within the campaign) that may review it. */
export const ZNominable = z.object({
  model: z.object({ id: ZUuid, title: z.string(), kind: z.enum(['collective', 'individual']), field: z.string(), status: z.string() }),
  unit: ZUnitRef,
  reviewers: z.array(ZUnitRef),
});
export type TNominable = z.infer<typeof ZNominable>;
export const ZNominableQuery = z.object({ q: zString().trim().min(1).max(100).optional() });

export const reviewEndpoints = {
  getReviewSheet: endpoint({
    method: 'GET',
    path: '/api/emulation/campaigns/:campaignId/review-sheet',
    summary: "A campaign's scoring sheet (null until made)",
    params: ZCampaignParams,
    response: ZReviewSheet.nullable(),
  }),
  createReviewSheet: endpoint({
    method: 'POST',
    path: '/api/emulation/campaigns/:campaignId/review-sheet',
    summary: "Make the campaign's scoring sheet from its criteria (409 when it exists)",
    params: ZCampaignParams,
    body: ZSheetInput,
    response: ZReviewSheet,
  }),
  updateReviewSheet: endpoint({
    method: 'PATCH',
    path: '/api/emulation/campaigns/:campaignId/review-sheet',
    summary: 'Change the pass mark of a scoring sheet (409 on a stale version)',
    params: ZCampaignParams,
    body: ZSheetUpdate,
    response: ZReviewSheet,
  }),
  listNominations: endpoint({
    method: 'GET',
    path: '/api/emulation/campaigns/:campaignId/nominations',
    summary: 'Nominations of a campaign from units in scope, ranked per reviewing unit and kind',
    params: ZCampaignParams,
    query: ZNominationListQuery,
    response: z.array(ZNomination),
  }),
  listNominable: endpoint({
    method: 'GET',
    path: '/api/emulation/campaigns/:campaignId/nominable',
    summary: 'Models of the campaign in scope that may be put forward, with the units that may review them',
    params: ZCampaignParams,
    query: ZNominableQuery,
    response: z.array(ZNominable),
  }),
  createNomination: endpoint({
    method: 'POST',
    path: '/api/emulation/campaigns/:campaignId/nominations',
    summary: 'Put a model forward to a unit above for review',
    params: ZCampaignParams,
    body: ZNominationInput,
    response: ZNominationDetail,
  }),
  getNomination: endpoint({
    method: 'GET',
    path: '/api/emulation/nominations/:id',
    summary: 'A nomination with its sheet, current scores, corrections, result, meeting and minutes',
    params: ZNominationParams,
    response: ZNominationDetail,
  }),
  scoreNomination: endpoint({
    method: 'POST',
    path: '/api/emulation/nominations/:id/scores',
    summary: "The signed-in reviewer's scores on lines of the sheet; a changed score is a new revision",
    params: ZNominationParams,
    body: ZScoresInput,
    response: ZNominationDetail,
  }),
  concludeNomination: endpoint({
    method: 'POST',
    path: '/api/emulation/nominations/:id/conclude',
    summary: 'Conclude the review: the result, the meeting and its vote; records the model’s publicly reviewed step',
    params: ZNominationParams,
    body: ZConcludeInput,
    response: ZNominationDetail,
  }),
  withdrawNomination: endpoint({
    method: 'POST',
    path: '/api/emulation/nominations/:id/withdraw',
    summary: 'Withdraw a nomination not yet concluded',
    params: ZNominationParams,
    body: ZWithdrawInput,
    response: ZNominationDetail,
  }),
};
