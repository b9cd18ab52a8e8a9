/** Topics of what was heard on a visit (the sentiment reports of issue 14 use the same list); labels in the web catalogue. */
export const HEARD_TOPICS = ['land', 'policy', 'prices', 'religion', 'security', 'environment', 'livelihood', 'infrastructure', 'other'] as const;
export type THeardTopic = (typeof HEARD_TOPICS)[number];

/**
 * The bodies whose cadres seed 000 i7 counts (≥ 3 days a month at the grassroots): the Ban Dân vận, the Fatherland
 * Front and the five mass organisations (organisation types of contracts/src/organizations.ts).
 */
export const FIELD_DAYS_BODY_TYPES = [
  'mobilization_commission',
  // since 2025: the province's Ban Tuyên giáo và Dân vận, and the commune's Ban Xây dựng Đảng that does its dân vận work
  'propaganda_mobilization_commission',
  'party_building_board',
  'fatherland_front',
  'trade_union',
  'womens_union',
  'youth_union',
  'farmers_union',
  'veterans_association',
] as const;

/** The purpose of a visit that is attending a party cell's meeting (party-committee members' figure). */
export const PARTY_CELL_MEETING_PURPOSE = 'party_cell_meeting';
