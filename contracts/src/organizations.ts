import { z } from 'zod';
import { ZBackfill, ZDate, ZId, ZIdParams, ZRowError, zText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZUuid } from './jobs.ts';
import { ZAsOfQuery, ZImportQuery } from './units.ts';

/** Organisation types of DOMAIN.md capability 1; Vietnamese labels are in the web catalogue (`org.type.*`). */
export const ORGANIZATION_TYPES = [
  'party_committee', // Đảng ủy / cấp ủy
  'party_cell', // Chi bộ
  'mobilization_commission', // Ban Dân vận
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
});
export type TOrganizationDetail = z.infer<typeof ZOrganizationDetail>;

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
