import { z } from 'zod';

/**
 * The vocabulary of "Dân vận khéo" emulation (DOMAIN.md capability 4; issue 15): fields, kinds, levels and statuses
 * of exemplary models, and the parts of a campaign. The web names each value (`emulation.<enum>.<value>`).
 */

/** The four fields of a model (seed 002 III; Quy chế thi đua "Dân vận khéo"). */
export const MODEL_FIELDS = ['economy', 'culture_society', 'defence_security', 'party_building'] as const;
export const ZModelField = z.enum(MODEL_FIELDS);
export type TModelField = z.infer<typeof ZModelField>;

/** A collective (tập thể) or an individual (cá nhân) model (seed 002 III.2–3). */
export const MODEL_KINDS = ['collective', 'individual'] as const;
export const ZModelKind = z.enum(MODEL_KINDS);
export type TModelKind = z.infer<typeof ZModelKind>;

/** Levels a model is recognised at; `district` only before the 2025 reform (2025-07-01). */
export const RECOGNITION_LEVELS = ['commune', 'district', 'province', 'central'] as const;
export const ZRecognitionLevel = z.enum(RECOGNITION_LEVELS);
export type TRecognitionLevel = z.infer<typeof ZRecognitionLevel>;
/** The last day a district (cấp huyện) existed to recognise a model. */
export const LAST_DISTRICT_DAY = '2025-06-30';

/** The statuses of a model's lifecycle (models/ is the one place that changes them). */
export const MODEL_STATUSES = ['registered', 'building', 'reviewed', 'recognised', 'commended', 'withdrawn'] as const;
export const ZModelStatus = z.enum(MODEL_STATUSES);
export type TModelStatus = z.infer<typeof ZModelStatus>;

/** Levels a campaign runs at. */
export const CAMPAIGN_LEVELS = ['central', 'province', 'district', 'commune'] as const;
export const ZCampaignLevel = z.enum(CAMPAIGN_LEVELS);
export type TCampaignLevel = z.infer<typeof ZCampaignLevel>;

export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type TCampaignStatus = z.infer<typeof ZCampaignStatus>;

/** The timeline of a campaign: launch, registration, building, public review, recognition (15/10), conference. */
export const MILESTONE_KINDS = ['launch', 'registration', 'building', 'review', 'recognition', 'conference'] as const;
export const ZMilestoneKind = z.enum(MILESTONE_KINDS);
export type TMilestoneKind = z.infer<typeof ZMilestoneKind>;

/** Whom a criterion applies to (seed 002 III.1 general, III.2 collectives, III.3 individuals). */
export const CRITERION_TARGETS = ['general', 'collective', 'individual'] as const;
export const ZCriterionTarget = z.enum(CRITERION_TARGETS);
export type TCriterionTarget = z.infer<typeof ZCriterionTarget>;

/** How a criterion is scored: a weight with a maximum score, or passed / not passed. */
export const CRITERION_SCORINGS = ['weight', 'pass_fail'] as const;
export const ZCriterionScoring = z.enum(CRITERION_SCORINGS);
export type TCriterionScoring = z.infer<typeof ZCriterionScoring>;

/** Kinds of body a campaign gives specific tasks to (seed 002 II.2.1–2.4). */
export const BODY_KINDS = ['party', 'state', 'people_council', 'people_committee', 'judicial', 'armed_forces', 'front_mass', 'other'] as const;
export const ZBodyKind = z.enum(BODY_KINDS);
export type TBodyKind = z.infer<typeof ZBodyKind>;

/** Who registers commitments (commitments/): agencies, cadres, households. */
export const REGISTRANT_KINDS = ['agency', 'cadre', 'household'] as const;
export const ZRegistrantKind = z.enum(REGISTRANT_KINDS);
export type TRegistrantKind = z.infer<typeof ZRegistrantKind>;
