import type { z } from 'zod';
import { OPEN311_BASE, type TOpen311Request, type TOpen311Service, type ZOpen311Discovery, type ZOpen311RequestCreate, type ZOpen311RequestQuery, type ZOpen311ServiceDefinition } from '#contracts/petitions/open311.schemas.ts';
import type { Database } from '#server/db/database.ts';
import { clock } from '#server/shared/clock.ts';
import { AppError, invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { findCommuneByCode, findProvince, portalFields, provincePrefix, submit, type FilingContext, type PortalDeps } from '../portal/index.ts';
import { CLOSED_STATUSES, presentRequest, presentService } from './open311.presenter.ts';
import { listPublicRequests, provincesOfCodePrefixes } from './open311.repository.ts';

/**
 * Open311 GeoReport v2 over citizens' cases. Services are the fields (lĩnh vực) of cases; requests are cases filed
 * publicly (portal or Open311) of kinds feedback and petition. Creating one goes through the portal's path (same
 * checks of place and field, same per-IP daily cap), without the form token and honeypot, which are the web form's.
 */

/** Requests listed at most (the spec lets a server cap the list), and the default span (the spec: 90 days). */
const MAX_REQUESTS = 1000;
const DEFAULT_DAYS = 90;

async function provinceOf(db: Database, jurisdiction: string | undefined) {
  if (jurisdiction === undefined) return null;
  const province = await findProvince(db, { code: jurisdiction }, clock.today());
  if (!province) throw new AppError(404, 'jurisdiction_not_found', msg('portal.open311.jurisdictionUnknown', { id: jurisdiction }));
  return province;
}

export async function listServices(db: Database, jurisdiction: string | undefined): Promise<TOpen311Service[]> {
  const province = await provinceOf(db, jurisdiction);
  return (await portalFields(db, province?.id ?? null)).map(presentService);
}

const KIND_VALUES = () => [
  { key: 'feedback', name: msg('portal.kind.feedback') },
  { key: 'petition', name: msg('portal.kind.petition') },
];

export async function serviceDefinition(db: Database, code: string, jurisdiction: string | undefined): Promise<z.input<typeof ZOpen311ServiceDefinition>> {
  const province = await provinceOf(db, jurisdiction);
  const field = (await portalFields(db, province?.id ?? null)).find((f) => f.code === code);
  if (!field) throw new AppError(404, 'service_not_found', msg('portal.open311.serviceUnknown', { code }));
  return {
    service_code: field.code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: msg('portal.open311.kindDatatype'),
        order: 1,
        description: msg('portal.open311.kindDescription'),
        values: KIND_VALUES(),
      },
    ],
  };
}

/** First words of the description as the case's subject (at most 120 characters, cut at a word). */
function subjectOf(description: string): string {
  const text = description.normalize('NFC').replace(/\s+/g, ' ').trim();
  const firstLine = text.split(/(?<=[.!?])\s/)[0] ?? text;
  if (firstLine.length <= 120) return firstLine;
  const cut = firstLine.slice(0, 119);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

export async function createRequest(deps: PortalDeps, body: z.output<typeof ZOpen311RequestCreate>, context: FilingContext) {
  const today = clock.today();
  const province = await provinceOf(deps.db, body.jurisdiction_id);
  if (!province) throw invalidField('jurisdiction_id', msg('common.required'));
  const commune = await findCommuneByCode(deps.db, body.address_id, today);
  if (!commune || commune.parent_id !== province.id) throw invalidField('address_id', msg('portal.open311.communeOutside', { province: province.full_name }));
  const field = (await portalFields(deps.db, province.id)).find((f) => f.code === body.service_code);
  if (!field) throw new AppError(404, 'service_not_found', msg('portal.open311.serviceUnknown', { code: body.service_code }));
  const kind = body['attribute[kind]'] ?? body.attribute?.kind ?? 'feedback';
  const name = [body.last_name, body.first_name].filter((part) => part && part.trim()).join(' ').trim();
  const description = body.description.normalize('NFC').trim();
  const content = body.media_url ? `${description}\n\n${msg('portal.open311.mediaLine', { url: body.media_url })}` : description;
  const receipt = await submit(
    deps,
    {
      provinceId: province.id,
      communeId: commune.id,
      kind,
      fieldId: field.id,
      subject: subjectOf(description),
      content,
      lat: body.lat ?? null,
      lon: body.long ?? null,
      place: body.address_string?.trim() || null,
      filer: name || body.phone || body.email ? { fullName: name || null, address: null, idNumber: null, phone: body.phone?.trim() || null, email: body.email?.trim() || null } : null,
      photo: null,
    },
    context,
  );
  return [{ service_request_id: receipt.code, service_notice: msg('portal.open311.created', { secret: receipt.secret }), account_id: body.account_id ?? null }];
}

const list = (value: string | undefined) => (value === undefined ? null : value.split(',').map((part) => part.trim()).filter(Boolean));

export async function listRequests(db: Database, query: z.output<typeof ZOpen311RequestQuery>): Promise<TOpen311Request[]> {
  const province = await provinceOf(db, query.jurisdiction_id);
  const codes = list(query.service_request_id)?.map((c) => c.toUpperCase()) ?? null;
  // requests named by id: their provinces from the codes, and no default date span (the spec)
  const provinceIds = province ? [province.id] : codes ? await provincesOfCodePrefixes(db, [...new Set(codes.map(provincePrefix))]) : null;
  const to = query.end_date ? new Date(query.end_date) : null;
  const from = query.start_date
    ? new Date(query.start_date)
    : codes
      ? new Date(0)
      : new Date((to ?? clock.now()).getTime() - DEFAULT_DAYS * 86_400_000);
  if (to && from > to) throw invalidField('end_date', msg('portal.open311.endBeforeStart'));
  const rows = await listPublicRequests(db, {
    provinceIds,
    codes,
    fieldCodes: list(query.service_code),
    from,
    to,
    status: query.status ?? null,
    closedStatuses: CLOSED_STATUSES,
    limit: MAX_REQUESTS,
  });
  return rows.map(presentRequest);
}

export async function getRequest(db: Database, id: string, jurisdiction: string | undefined): Promise<TOpen311Request[]> {
  const rows = await listRequests(db, { service_request_id: id, jurisdiction_id: jurisdiction });
  if (rows.length === 0) throw new AppError(404, 'request_not_found', msg('portal.open311.requestUnknown', { id }));
  return rows;
}

export function discovery(baseUrl: string): z.input<typeof ZOpen311Discovery> {
  return {
    changeset: '2026-12-10T00:00:00+07:00',
    contact: msg('portal.open311.contact'),
    key_service: msg('portal.open311.keyService'),
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${baseUrl}${OPEN311_BASE}`, changeset: '2026-12-10T00:00:00+07:00', type: 'production', formats: ['application/json'] }],
  };
}
