import type { TOrganizationType } from '#contracts/organizations.ts';

/**
 * What the figures of "Dân vận khéo" models count (the derived values, their tests and the benchmark's raw SQL all
 * read these lists, so they count the same models).
 *
 * - recognised models per level and field (issue 15 point 5): models holding that level on the day (their latest
 *   recognition with a decision dated on or before the day), and not withdrawn
 *   since (a withdrawn model counts in no period). A model reviewed again for a higher level still counts at the
 *   level it holds; once recognised higher it counts at the higher level from that decision's date, and at the
 *   lower level in the periods before it (the level held on a day is the latest recognition step dated on or
 *   before it: every recognition stays in the model's append-only steps). A model counts for the
 *   commune holding its place (its unit); a
 *   model placed in a 2019 commune counts, after the 2025 reform, for the 2025 commune that succeeded it (history
 *   flows forward). A model placed at the province itself, above every commune, is in no commune's figure.
 * - agencies that built and replicated a model (seed 004: "Mỗi cơ quan, đơn vị xây dựng và nhân rộng ít nhất từ 01
 *   mô hình điển hình “Dân vận khéo” trở lên"): organisations of the agency types below, existing on the day,
 *   owning at least one recognised model (as above) and at least one replication: a replica of one of their models
 *   registered in the province on or before the day, or a replica of another model that they own themselves (a
 *   withdrawn replica does not count). Per commune (organisations of the commune and its villages) and per province
 *   (every organisation of the province, the province's own included).
 * - villages with at least 2 (seed 000 i6) / 4 (seed 003 (7)) effective self-management models: self-management
 *   groups (organisation type self_management_model of the registry) existing on the day in a village valid that
 *   day, counted as effective when the group owns a "Dân vận khéo" model recognised (as above) at any level: the
 *   recognition is the assessment that it works well ("hoạt động hiệu quả").
 */
/** A model with a recognition no longer counts once in this status. */
export const NOT_RECOGNISED_STATUS = 'withdrawn';

/** Organisations that are a "cơ quan, đơn vị" in seed 004: Party, government and Front bodies, not community groups. */
export const AGENCY_TYPES = [
  'party_committee',
  'mobilization_commission',
  'propaganda_mobilization_commission',
  'party_building_board',
  'council',
  'committee',
  'agency',
  'fatherland_front',
  'trade_union',
  'womens_union',
  'youth_union',
  'farmers_union',
  'veterans_association',
  'commune_bloc',
] as const satisfies readonly TOrganizationType[];

/** Seed 000 i6 and seed 003 (7): effective self-management models a village should have. */
export const SELF_MANAGEMENT_THRESHOLDS = [2, 4] as const;
export type SelfManagementThreshold = (typeof SELF_MANAGEMENT_THRESHOLDS)[number];

/** The Vietnamese day (UTC+7) of a timestamp, as the figures date a replica registered without a start date. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
