import { z } from 'zod';
import { zString } from '../common.ts';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over citizens' cases, JSON only, with the spec's
 * field names. A service is a field (lĩnh vực) of cases; jurisdiction_id is the 2025 province's statistics code
 * ("45"); a service request is a case filed publicly (portal or Open311) of kind feedback (phản ánh) or petition
 * (kiến nghị); its service_request_id is the case's tracking code. No api_key is needed (none is issued): requests
 * are limited per IP address instead. Only public fields ever leave: never a person's identity, never the content
 * (which may name people): description is the case's subject, status_notes the answer once published.
 */

export const OPEN311_BASE = '/open311/v2';

/** The spec's error answer: an array of {code, description}. */
export const ZOpen311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));

export const ZOpen311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  /** true: GET services/{service_code}.json lists the attributes (the kind). */
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type TOpen311Service = z.infer<typeof ZOpen311Service>;

export const ZOpen311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});

export const ZOpen311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(ZOpen311Attribute) });

export const ZOpen311Jurisdiction = z.object({ jurisdiction_id: zString().pipe(z.string().regex(/^\d{2}$/, { message: 'mã tỉnh gồm 2 chữ số' })).optional() });

export const ZOpen311ServiceParams = z.object({ service_code: zString().pipe(z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'mã dịch vụ không hợp lệ' })) });

const numberText = z.union([z.number(), zString().pipe(z.string().regex(/^-?\d+(\.\d+)?$/, { message: 'cần một số' }))]).transform(Number);
const optionalString = (max: number) => zString().pipe(z.string().max(max)).optional();

/** POST requests.json: urlencoded (as the spec says) or JSON. `attribute[kind]`: feedback (default) or petition. */
export const ZOpen311RequestCreate = z
  .object({
    jurisdiction_id: zString().pipe(z.string().regex(/^\d{2}$/, { message: 'mã tỉnh gồm 2 chữ số' })),
    service_code: zString().pipe(z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, { message: 'mã dịch vụ không hợp lệ' })),
    lat: numberText.pipe(z.number().min(-90).max(90)).optional(),
    long: numberText.pipe(z.number().min(-180).max(180)).optional(),
    address_string: optionalString(300),
    /** The 2025 commune's statistics code ("19195"): the commune that receives the case. */
    address_id: zString().pipe(z.string().regex(/^\d{5}$/, { message: 'mã xã gồm 5 chữ số' })),
    email: optionalString(200),
    device_id: optionalString(200),
    account_id: optionalString(200),
    first_name: optionalString(100),
    last_name: optionalString(100),
    phone: optionalString(30),
    description: zString().pipe(z.string().min(20, { message: 'cần ít nhất 20 ký tự' }).max(4000)),
    media_url: optionalString(500),
    'attribute[kind]': z.enum(['feedback', 'petition']).optional(),
    attribute: z.object({ kind: z.enum(['feedback', 'petition']).optional() }).optional(),
  });
export type TOpen311RequestCreate = z.infer<typeof ZOpen311RequestCreate>;

export const ZOpen311Created = z.array(
  z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().nullable() }),
);

const ZIsoDateTime = zString().pipe(z.iso.datetime({ offset: true, message: 'cần thời điểm W3C (2026-03-01T00:00:00+07:00)' }));

export const ZOpen311RequestQuery = ZOpen311Jurisdiction.extend({
  /** Comma-separated tracking codes. */
  service_request_id: optionalString(1000),
  /** Comma-separated service codes. */
  service_code: optionalString(1000),
  start_date: ZIsoDateTime.optional(),
  end_date: ZIsoDateTime.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export type TOpen311RequestQuery = z.infer<typeof ZOpen311RequestQuery>;

export const ZOpen311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type TOpen311Request = z.infer<typeof ZOpen311Request>;

export const ZOpen311RequestParams = z.object({ service_request_id: zString().pipe(z.string().min(3).max(40)) });

/** The discovery document (GeoReport v2 "discovery"). */
export const ZOpen311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
});
