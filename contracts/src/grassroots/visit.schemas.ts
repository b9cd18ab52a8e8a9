import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { HEARD_TOPICS } from './enums.ts';

export const ZHeardTopic = z.enum(HEARD_TOPICS);

/** A month, 'yyyy-mm'. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'tháng phải có dạng yyyy-mm' });

export const ZVisitPurpose = z.object({ id: ZId, code: z.string(), name: z.string(), active: z.boolean() });
export type TVisitPurpose = z.infer<typeof ZVisitPurpose>;
/** A purpose a province adds to the national list (or a system administrator to the national list). */
export const ZPurposeCreate = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'mã chỉ gồm chữ thường không dấu, số và _' }), name: zText(200) });

/**
 * A visit as logged (on a phone, possibly offline): `id` is the client's UUIDv7, so a resend is stored once. The
 * days are counted by the server from the dates and the half days (contracts/src/grassroots/days.ts).
 */
export const ZVisitCreate = z.object({
  id: ZUuid,
  /** The role the person visited in (their body's figures count the visit). */
  roleId: ZId,
  /** Where: a village or a commune. */
  unitId: ZId,
  from: ZDate,
  to: ZDate,
  startHalf: z.boolean().default(false),
  endHalf: z.boolean().default(false),
  purposeId: ZId,
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  metWith: zText(2000).nullish(),
  heard: zText(20000).nullish(),
  topics: z.array(ZHeardTopic).max(HEARD_TOPICS.length).default([]),
});
export type TVisitCreate = z.input<typeof ZVisitCreate>;

export const ZVisit = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  personId: ZId,
  personName: z.string(),
  roleId: ZId,
  roleTitle: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  from: z.string(),
  to: z.string(),
  startHalf: z.boolean(),
  endHalf: z.boolean(),
  days: z.number(),
  purposeId: ZId,
  purposeName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  metWith: z.string().nullable(),
  heard: z.string().nullable(),
  topics: z.array(z.string()),
  createdAt: z.string(),
});
export type TVisit = z.infer<typeof ZVisit>;

/** The answer to a logged visit: `duplicate` when the id was already stored (the stored visit stands). */
export const ZVisitReceipt = z.object({ id: ZUuid, duplicate: z.boolean(), visit: ZVisit });

export const ZVisitListQuery = z.object({
  /** Visits at places in this unit's subtree (default: the whole scope). */
  unitId: ZId.optional(),
  personId: ZId.optional(),
  purposeId: ZId.optional(),
  /** Visits overlapping from–to. */
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZVisitList = z.object({ items: z.array(ZVisit), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Roles in bodies of the scope a visit can be logged for (the form's "who"), current on `asOf`. */
export const ZCadreQuery = z.object({ unitId: ZId.optional(), q: z.string().max(100).optional(), asOf: ZDate.optional() });
export const ZCadre = z.object({
  roleId: ZId,
  personId: ZId,
  personName: z.string(),
  title: z.string(),
  organizationId: ZId,
  organizationName: z.string(),
  organizationType: z.string(),
  unitId: ZId,
  unitName: z.string(),
});
export type TCadre = z.infer<typeof ZCadre>;

/** Places a visit may be at, for the form (loaded once, kept for offline use): communes and villages under a unit. */
export const ZPlaceQuery = z.object({ unitId: ZId.optional() });
export const ZPlace = z.object({ id: ZId, name: z.string(), level: z.enum(['commune', 'village']), communeId: ZId });
export type TPlace = z.infer<typeof ZPlace>;

/** Field days of a month for the bodies of the scope (seed 000 i7). */
export const ZFieldDaysQuery = z.object({ unitId: ZId.optional(), month: ZMonth });
export const ZFieldDaysUnit = z.object({
  unitId: ZId,
  unitName: z.string(),
  level: z.string(),
  /** Cadres of the Ban Dân vận, MTTQ and mass organisations of the unit holding a role in the month. */
  cadres: z.number().int(),
  /** Of them, those with ≥ 3 field days in the month. */
  meeting: z.number().int(),
  /** meeting / cadres in percent, one decimal; null without cadres. */
  share: z.number().nullable(),
  fieldDays: z.number(),
  /** Party-committee members of the unit who attended a party cell's meeting in the month. */
  committeeAtCellMeetings: z.number().int(),
});
export const ZFieldDaysCadre = z.object({
  personId: ZId,
  personName: z.string(),
  unitId: ZId,
  unitName: z.string(),
  organizationName: z.string(),
  title: z.string(),
  days: z.number(),
  meets: z.boolean(),
});
export const ZFieldDays = z.object({
  month: z.string(),
  units: z.array(ZFieldDaysUnit),
  /** Every counted cadre, fewest days first (who is below 3 days). */
  cadres: z.array(ZFieldDaysCadre),
  /** Totals over the units listed. */
  total: ZFieldDaysUnit.omit({ unitId: true, unitName: true, level: true }),
});
export type TFieldDays = z.infer<typeof ZFieldDays>;
