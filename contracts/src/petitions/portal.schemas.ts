import { z } from 'zod';
import { ZDate, ZId, zString, zText } from '../common.ts';
import { ZCaseFlag, ZCaseKind, ZCaseStatus } from './case.schemas.ts';

/**
 * The public portal (issue 12, must have 6): a citizen files a case without an account, gets a tracking code and
 * a secret, and later sees the status and the published answer. Complaints and denunciations follow the legal form
 * (Luật Khiếu nại 2011 Điều 8, Luật Tố cáo 2018 Điều 23): full name, address, ID number and phone are required.
 */

/** Text and photo limits of a portal case (the server refuses more, naming the field). */
export const PORTAL_LIMITS = {
  subject: 300,
  content: 5000,
  /** The photo's bytes, after the page has shrunk it (≤ 1280 px JPEG is usually 150–400 kB). */
  photoBytes: 600 * 1024,
  /** Seconds a person needs at least between opening the form and sending it (faster: a robot). */
  minFillSeconds: 5,
  /** A form token older than this is refused (the page asks for a fresh one). */
  formTokenMaxHours: 6,
  /** Cases one address (IP) may file per day, portal and Open311 together. */
  perIpPerDay: 10,
  /** Sends of the filing form per minute per IP (counted before anything else). */
  filePerMinute: 5,
  /** Tracking look-ups per minute per IP (a code and a secret: no guessing). */
  trackPerMinute: 10,
} as const;

/** Tracking secrets: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L). */
export const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SECRET_LENGTH = 10;

/** Kinds a citizen may file on the portal (all four; complaints and denunciations need the identity). */
export const PORTAL_KINDS = ['feedback', 'petition', 'complaint', 'denunciation'] as const;
/** Kinds that require the filer's identity (the legal form). */
export const IDENTITY_KINDS = ['complaint', 'denunciation'] as const;
export const needsIdentity = (kind: string) => (IDENTITY_KINDS as readonly string[]).includes(kind);

/** A 2025 province or commune to choose from. */
export const ZPortalUnit = z.object({ id: ZId, code: z.string().nullable(), name: z.string(), fullName: z.string() });
export type TPortalUnit = z.infer<typeof ZPortalUnit>;

export const ZPortalField = z.object({ id: ZId, code: z.string(), name: z.string() });

/** What the filing form needs: a signed token (its time proves the minimum fill time) and the fields. */
export const ZPortalForm = z.object({
  token: z.string(),
  fields: z.array(ZPortalField),
  limits: z.object({
    subject: z.number().int(),
    content: z.number().int(),
    photoBytes: z.number().int(),
    minFillSeconds: z.number().int(),
  }),
});
export type TPortalForm = z.infer<typeof ZPortalForm>;

export const ZPortalFormQuery = z.object({ provinceId: ZId.optional() });

const optionalText = (max: number) =>
  z
    .union([zText(max), z.literal(''), z.null()])
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value));

/** The filer: optional for feedback and recommendations; for complaints and denunciations name, address, ID and phone. */
export const ZPortalFiler = z.object({
  fullName: optionalText(200),
  address: optionalText(500),
  /** CCCD / CMND / passport number. */
  idNumber: optionalText(30).pipe(z.string().regex(/^[A-Za-z0-9]{6,20}$/, { message: 'chỉ gồm chữ và số, 6–20 ký tự' }).nullable()),
  phone: optionalText(30).pipe(z.string().regex(/^\+?[0-9 .-]{8,20}$/, { message: 'không phải số điện thoại' }).nullable()),
  email: optionalText(200).pipe(z.email({ message: 'không phải địa chỉ thư điện tử' }).nullable()),
});
export type TPortalFiler = z.infer<typeof ZPortalFiler>;

/** A photo of the matter, base64 (JPEG, PNG or WebP), shrunk by the page. */
export const ZPortalPhoto = z.object({
  filename: zText(200),
  /** Base64 of the bytes; at most PORTAL_LIMITS.photoBytes once decoded. */
  data: zString().pipe(z.string().max(Math.ceil((PORTAL_LIMITS.photoBytes * 4) / 3) + 4, { message: `ảnh quá lớn (tối đa ${PORTAL_LIMITS.photoBytes / 1024} kB)` }).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'không phải dữ liệu base64' })),
});

export const ZPortalCaseInput = z.object({
  provinceId: ZId,
  /** The commune (2025) where the matter is; it receives the case. */
  communeId: ZId,
  kind: z.enum(PORTAL_KINDS),
  fieldId: ZId,
  subject: zText(PORTAL_LIMITS.subject, 5),
  content: zText(PORTAL_LIMITS.content, 20),
  /** Where exactly (optional): a point, and/or words. */
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  place: optionalText(300),
  filer: ZPortalFiler.optional(),
  photo: ZPortalPhoto.nullable().optional(),
  /** From GET /api/portal/form. */
  formToken: zString().pipe(z.string().min(10).max(200)),
  /** Honeypot: a field people never see; a robot fills it. Must stay empty. */
  website: z.string().max(200).optional(),
});
export type TPortalCaseInput = z.input<typeof ZPortalCaseInput>;

export const ZPortalReceipt = z.object({
  /** Tracking code (mã hồ sơ). */
  code: z.string(),
  /** Shown once: with the code it opens the case's status. */
  secret: z.string(),
  receivedOn: ZDate,
  kind: ZCaseKind,
  unitName: z.string(),
});
export type TPortalReceipt = z.infer<typeof ZPortalReceipt>;

/** A look-up: the code with the secret, or with the phone number the filer gave. */
export const ZPortalTrackInput = z
  .object({
    code: zText(40, 3),
    secret: optionalText(40),
    phone: optionalText(30),
  })
  .refine((value) => value.secret !== null || value.phone !== null, { message: 'cần mã bí mật hoặc số điện thoại', path: ['secret'] });

/** What a citizen sees: the status, its steps (no names of officers, no identity) and the published answer. */
export const ZPortalStatus = z.object({
  code: z.string(),
  kind: ZCaseKind,
  fieldName: z.string(),
  subject: z.string(),
  receivedOn: ZDate,
  status: ZCaseStatus,
  unitName: z.string(),
  communeName: z.string().nullable(),
  dueOn: ZDate.nullable(),
  history: z.array(z.object({ onDate: ZDate, status: ZCaseStatus })),
  answer: z.string().nullable(),
  answeredOn: ZDate.nullable(),
});
export type TPortalStatus = z.infer<typeof ZPortalStatus>;

// Hot spots: cases per commune (2025 units) of a province, with filters, for the map and the table.

export const ZHotspotQuery = z.object({
  /** The province (2025); default: the actor's. */
  provinceId: ZId.optional(),
  fieldId: ZId.optional(),
  kind: ZCaseKind.optional(),
  flag: ZCaseFlag.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type THotspotQuery = z.infer<typeof ZHotspotQuery>;

export const ZHotspotCommune = z.object({
  communeId: ZId,
  code: z.string().nullable(),
  name: z.string(),
  /** Cases of the period whose matter is in this commune (duplicates not counted twice). */
  cases: z.number().int(),
  open: z.number().int(),
  crowd: z.number().int(),
  hotSpot: z.number().int(),
  /** Cases with a point (lat/lon); the marker stands at their mean point. */
  located: z.number().int(),
  /** The marker in the map's SVG units (null: no case of the commune has a point). */
  x: z.number().nullable(),
  y: z.number().nullable(),
});
export type THotspotCommune = z.infer<typeof ZHotspotCommune>;

export const ZHotspots = z.object({
  province: z.object({ id: ZId, code: z.string().nullable(), name: z.string() }),
  provinces: z.array(z.object({ id: ZId, name: z.string() })),
  from: ZDate.nullable(),
  to: ZDate.nullable(),
  total: z.number().int(),
  /** Cases of the period with no commune recorded (not on the map). */
  withoutCommune: z.number().int(),
  /** The province's outline projected as on the indicators dashboard, cropped to it. */
  map: z.object({ viewBox: z.string(), path: z.string() }).nullable(),
  communes: z.array(ZHotspotCommune),
});
export type THotspots = z.infer<typeof ZHotspots>;

export const ZPortalPhotoParams = z.object({ caseId: z.uuid() });
