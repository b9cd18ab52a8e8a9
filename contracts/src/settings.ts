import { z } from 'zod';
import { ZId, ZIdParams, zText } from './common.ts';
import { endpoint } from './endpoint.ts';

/**
 * What the 2025 reorganisation left open (POLITICAL-SYSTEM-2025.md marks it UNCONFIRMED) is a province's choice,
 * not code (issue 9 item 10). Each setting has today's most likely answer as its default; a province's unit
 * administrator changes it with a reason, and the change is audited.
 */
export const PROVINCE_SETTINGS = {
  /** Communes keep a Khối dân vận (QĐ 23-QĐ/TW is still cited; no 2025–26 text abolishes or recreates it). */
  'communeBloc.enabled': { schema: z.boolean(), default: true },
  /** Who leads the commune's Khối dân vận: the standing deputy party secretary, or the Front chair. */
  'communeBloc.lead': { schema: z.enum(['standing_deputy_secretary', 'front_chair']), default: 'standing_deputy_secretary' },
  /** Villages keep a Tổ dân vận (its 2026 status is unconfirmed). */
  'villageTeam.enabled': { schema: z.boolean(), default: true },
  /** A commune-level trade union inside the commune's Front (the union law has no commune tier since 1/7/2025). */
  'communeTradeUnion.enabled': { schema: z.boolean(), default: false },
} as const satisfies Record<string, { schema: z.ZodType; default: unknown }>;

export type TProvinceSettingKey = keyof typeof PROVINCE_SETTINGS;
export const PROVINCE_SETTING_KEYS = Object.keys(PROVINCE_SETTINGS) as TProvinceSettingKey[];
export const ZProvinceSettingKey = z.enum(PROVINCE_SETTING_KEYS as [TProvinceSettingKey, ...TProvinceSettingKey[]]);

/** A setting's value: one of the shapes above (each key checks its own). */
const ZSettingValue = z.union([z.boolean(), z.string()]);

export const ZProvinceSetting = z.object({
  key: ZProvinceSettingKey,
  value: ZSettingValue,
  defaultValue: ZSettingValue,
  /** Never set by the province: the default applies. */
  isDefault: z.boolean(),
  reason: z.string().nullable(),
  setAt: z.string().nullable(),
  setByName: z.string().nullable(),
});
export type TProvinceSetting = z.infer<typeof ZProvinceSetting>;

export const ZProvinceSettings = z.object({
  provinceId: ZId,
  provinceName: z.string(),
  /** The signed-in user may change them. */
  canManage: z.boolean(),
  items: z.array(ZProvinceSetting),
});
export type TProvinceSettings = z.infer<typeof ZProvinceSettings>;

export const ZSetProvinceSettingRequest = z.object({
  value: ZSettingValue,
  /** Why: the province's decision or document that settles it. */
  reason: zText(500, 5),
});

export const settingsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/units/:id/settings',
    summary: "The settings in force for a unit (its province's; a province's own for a province) for what the 2025 reorganisation left open, each with its default",
    params: ZIdParams,
    response: ZProvinceSettings,
  }),
  set: endpoint({
    method: 'PUT',
    path: '/api/provinces/:id/settings/:key',
    summary: "Change one of a province's settings, with a reason (audited)",
    params: z.object({ id: ZId, key: ZProvinceSettingKey }),
    body: ZSetProvinceSettingRequest,
    response: ZProvinceSettings,
  }),
};
