import { z } from 'zod';
import { ZBackfill, ZDate, ZId, ZIdParams, ZRowError, zText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZUuid } from './jobs.ts';
import { ZAsOfQuery, ZImportQuery } from './units.ts';

/** Organisation types of DOMAIN.md capability 1; Vietnamese labels are in the web catalogue (`org.type.*`). */
export const ORGANIZATION_TYPES = [
  'party_committee', // Đảng ủy / cấp ủy
  'party_cell', // Chi bộ
  'mobilization_commission', // Ban Dân vận (tỉnh, huyện): history since 2025
  'propaganda_mobilization_commission', // Ban Tuyên giáo và Dân vận (tỉnh ủy, đảng ủy đặc khu), from 2025
  'party_building_board', // Ban Xây dựng Đảng (đảng ủy xã, phường), from 1/7/2025
  'council', // HĐND
  'committee', // UBND
  'agency', // sở, ban, ngành
  'fatherland_front', // Ủy ban MTTQ
  'front_committee', // Ban công tác Mặt trận (thôn)
  'trade_union', // Công đoàn
  'womens_union', // Hội Liên hiệp Phụ nữ
  'youth_union', // Đoàn Thanh niên
  'farmers_union', // Hội Nông dân
  'veterans_association', // Hội Cựu chiến binh
  'branch', // chi hội, chi đoàn, công đoàn cơ sở: a branch of one of the five
  'commune_bloc', // Khối dân vận (xã)
  'village_team', // Tổ dân vận (thôn)
  'peoples_inspection_board', // Ban thanh tra nhân dân
  'community_investment_board', // Ban giám sát đầu tư của cộng đồng
  'mediation_team', // Tổ hòa giải
  'self_management_model', // Tổ / mô hình tự quản
  'enterprise', // doanh nghiệp
  'religious_establishment', // cơ sở tôn giáo
] as const;
export const ZOrganizationType = z.enum(ORGANIZATION_TYPES);
export type TOrganizationType = z.infer<typeof ZOrganizationType>;

/**
 * When a type applies at a level (issue 9 item 7; POLITICAL-SYSTEM-2025.md §1–§4, §7). A type absent here applies
 * at every level on every date. Outside its period an organisation of the type cannot be created, and one that
 * exists is history from the day after `to` (read-only, as an ended unit). `duty` names the type that took over.
 */
export interface OrganizationTypePeriod {
  type: TOrganizationType;
  levels: readonly ('province' | 'district' | 'commune' | 'village')[];
  from: string | null;
  to: string | null;
  duty?: TOrganizationType;
  basis: string;
}
export const ORGANIZATION_TYPE_PERIODS: readonly OrganizationTypePeriod[] = [
  // The provinces merged their Ban Tuyên giáo and Ban Dân vận between February and March 2025 (KL 09-KL/BCĐ,
  // KL 121-KL/TW); by 1/7/2025 every province had its Ban Tuyên giáo và Dân vận. A body's own date is its dissolved_on.
  { type: 'mobilization_commission', levels: ['province'], from: null, to: '2025-06-30', duty: 'propaganda_mobilization_commission', basis: 'Kết luận 121-KL/TW; QĐ 329-QĐ/TW' },
  { type: 'mobilization_commission', levels: ['district'], from: null, to: '2025-06-30', duty: 'party_building_board', basis: 'Kết luận 127-KL/TW' },
  { type: 'propaganda_mobilization_commission', levels: ['province', 'commune'], from: '2025-01-24', to: null, basis: 'QĐ 246-QĐ/TW; QĐ 329-QĐ/TW; QĐ 299-QĐ/TW (đặc khu)' },
  { type: 'party_building_board', levels: ['commune'], from: '2025-07-01', to: null, basis: 'QĐ 298-QĐ/TW; QĐ 299-QĐ/TW' },
];

/**
 * The period of `type` at `level`: null when the type is not offered at that level at all (a type with periods
 * at other levels only), `{from: null, to: null}` when it has no period (always applies).
 */
export function typePeriodAt(type: TOrganizationType, level: string): { from: string | null; to: string | null; duty?: TOrganizationType } | null {
  const periods = ORGANIZATION_TYPE_PERIODS.filter((period) => period.type === type);
  if (periods.length === 0) return { from: null, to: null };
  return periods.find((period) => (period.levels as readonly string[]).includes(level)) ?? null;
}

/** The type applies at `level` on `date` (ISO). */
export function typeInForce(type: TOrganizationType, level: string, date: string): boolean {
  const period = typePeriodAt(type, level);
  return period !== null && (period.from === null || period.from <= date) && (period.to === null || date <= period.to);
}


export const ZOrganization = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  type: ZOrganizationType,
  name: z.string(),
  parentOrganizationId: ZId.nullable(),
  /** Enterprises: number of workers. */
  workerCount: z.number().int().nullable(),
  /** Enterprises: a trade union exists. */
  hasTradeUnion: z.boolean().nullable(),
  /** Religious establishments: the religion (Phật giáo, Công giáo…). */
  religionName: z.string().nullable(),
  foundedOn: ZDate.nullable(),
  dissolvedOn: ZDate.nullable(),
  /** People holding a role on the requested date. */
  memberCount: z.number().int(),
  // --- shell-history ---
  /**
   * Last day in force: the day before `dissolvedOn` or its unit's last day, whichever comes first; null while
   * open-ended. After it the organisation is history: read-only for daily work.
   */
  lastDay: ZDate.nullable(),
  /** It ended with its unit (the 2025 reform), not by a dissolution of its own: "Ngày giải thể" does not apply. */
  endedWithUnit: z.boolean(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

/** An organisation named in a link. */
export const ZOrganizationRef = z.object({ id: ZId, name: z.string(), unitId: ZId, unitName: z.string() });

export const ZOrganizationInput = z.object({
  unitId: ZId,
  type: ZOrganizationType,
  name: zText(300),
  parentOrganizationId: ZId.nullable().optional(),
  workerCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  hasTradeUnion: z.boolean().nullable().optional(),
  religionName: zText(100).nullable().optional(),
  foundedOn: ZDate.nullable().optional(),
  dissolvedOn: ZDate.nullable().optional(),
  /** A system administrator writes to the history of an ended unit or organisation (common.ts, ZBackfill). */
  backfill: ZBackfill,
});
export type TOrganizationInput = z.infer<typeof ZOrganizationInput>;

export const ZOrganizationListQuery = ZAsOfQuery.extend({
  unitId: ZId,
  type: ZOrganizationType.optional(),
});

/** A role held by a person in an organisation for a term. */
export const ZRoleHeld = z.object({
  id: ZId,
  personId: ZId,
  personName: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  title: z.string(),
  isHead: z.boolean(),
  termFrom: ZDate,
  termTo: ZDate.nullable(),
  // --- shell-history ---
  /** The organisation's last day in force (ZOrganization.lastDay): after it the role is history, read-only. */
  organizationLastDay: ZDate.nullable(),
});
export type TRoleHeld = z.infer<typeof ZRoleHeld>;

export const ORGANIZATION_SUCCESSION_KINDS = ['merged', 'renamed', 'reparented', 'abolished'] as const;
export const ZOrganizationSuccessionKind = z.enum(ORGANIZATION_SUCCESSION_KINDS);

/** A body that came before or after another: merged into it, renamed as it, re-parented, or abolished with its duty given to it. */
export const ZOrganizationLink = z.object({
  organization: ZOrganizationRef,
  kind: ZOrganizationSuccessionKind,
  effectiveDate: ZDate,
  instrument: z.string().nullable(),
  certainty: z.enum(['certain', 'likely']),
  note: z.string().nullable(),
});
export type TOrganizationLink = z.infer<typeof ZOrganizationLink>;

export const ZOrganizationAbbreviation = z.object({
  abbreviation: z.string(),
  validFrom: ZDate.nullable(),
  validTo: ZDate.nullable(),
});

export const ZOrganizationDetail = z.object({
  organization: ZOrganization,
  /** Roles current on the requested date, heads first. */
  roles: z.array(ZRoleHeld),
  // --- shell-history ---
  /**
   * For an organisation that ended with its unit: the organisations that carry it on in the unit's successors
   * from the day after (same type; same name where a unit has several of the type), those in the user's scope.
   */
  continuedAs: z.array(ZOrganizationRef),
  /** Recorded links to the bodies it came from (issue 9 item 8), earliest first. */
  predecessors: z.array(ZOrganizationLink),
  /** Recorded links to the bodies that took it over. */
  successors: z.array(ZOrganizationLink),
  /** Abbreviations used in its document numbers (BDVTU, BTGDVTU), dated. */
  abbreviations: z.array(ZOrganizationAbbreviation),
});
export type TOrganizationDetail = z.infer<typeof ZOrganizationDetail>;

export const ZOrganizationSuccessorInput = z.object({
  successorId: ZId,
  kind: ZOrganizationSuccessionKind,
  /** The first day of the successor's responsibility. */
  effectiveDate: ZDate,
  instrument: zText(200).nullable().optional(),
  certainty: z.enum(['certain', 'likely']).optional(),
  /** Why: the decision that reorganised the body. */
  reason: zText(500, 5),
});

export const ZOrganizationAbbreviationInput = z.object({
  /** Capitals as in document numbers: BDVTU, BTGDVTU, MTTQ… */
  abbreviation: z.string().trim().regex(/^[A-ZĐ0-9&]{2,20}$/u),
  /** From this day; the abbreviation in force before it ends the day before. */
  validFrom: ZDate,
});

export const ZMemberImportRow = z.object({
  row: z.number().int(),
  fullName: z.string(),
  title: z.string(),
  gender: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  phone: z.string().nullable(),
  termFrom: z.string(),
  /** Read from the title (Trưởng…, Tổ trưởng, Bí thư…): the role will be marked as the head. */
  isHead: z.boolean(),
  /** A person already registered in the unit with the same name and birth year, who will be reused. */
  reusedPersonId: ZId.nullable(),
});

/** Preview or result of a member import (columns: Họ và tên, Chức danh, Giới tính, Năm sinh, Điện thoại, Từ ngày). */
export const ZMemberImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.array(ZMemberImportRow),
  errors: z.array(ZRowError),
  created: z.number().int(),
  /** A commit runs as a background job: watch it at GET /api/jobs/:id. Null for a preview. */
  jobId: ZUuid.nullable(),
});

export const organizationEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/organizations',
    summary: 'Organisations of a unit',
    query: ZOrganizationListQuery,
    response: z.array(ZOrganization),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/organizations/:id',
    summary: 'One organisation with the roles held in it',
    params: ZIdParams,
    query: ZAsOfQuery,
    response: ZOrganizationDetail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/organizations',
    summary: 'Create an organisation in a unit',
    body: ZOrganizationInput,
    response: ZOrganization,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/organizations/:id',
    summary: 'Change an organisation',
    params: ZIdParams,
    body: ZOrganizationInput.omit({ unitId: true }).partial(),
    response: ZOrganization,
  }),
  addSuccessor: endpoint({
    method: 'POST',
    path: '/api/organizations/:id/successors',
    summary: 'Record the body that took an organisation over (merged, renamed, re-parented, or its duty on abolition), with a reason',
    params: ZIdParams,
    body: ZOrganizationSuccessorInput,
    response: ZOrganizationDetail,
  }),
  addAbbreviation: endpoint({
    method: 'POST',
    path: '/api/organizations/:id/abbreviations',
    summary: 'Start a new abbreviation of an organisation for its document numbers from a date',
    params: ZIdParams,
    body: ZOrganizationAbbreviationInput,
    response: ZOrganizationDetail,
  }),
  importMembers: endpoint({
    method: 'POST',
    path: '/api/organizations/:id/members/import',
    summary: 'Import members of an organisation from .xlsx or .csv; dryRun previews',
    params: ZIdParams,
    query: ZImportQuery,
    multipart: true,
    response: ZMemberImportResult,
  }),
};
