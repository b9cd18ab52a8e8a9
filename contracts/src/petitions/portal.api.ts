import { z } from 'zod';
import { ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import {
  OPEN311_BASE,
  ZOpen311Created,
  ZOpen311Discovery,
  ZOpen311Jurisdiction,
  ZOpen311Request,
  ZOpen311RequestCreate,
  ZOpen311RequestParams,
  ZOpen311RequestQuery,
  ZOpen311Service,
  ZOpen311ServiceDefinition,
  ZOpen311ServiceParams,
} from './open311.schemas.ts';
import {
  ZHotspotQuery,
  ZHotspots,
  ZPortalCaseInput,
  ZPortalForm,
  ZPortalFormQuery,
  ZPortalPhotoParams,
  ZPortalReceipt,
  ZPortalStatus,
  ZPortalTrackInput,
  ZPortalUnit,
} from './portal.schemas.ts';

export * from './portal.schemas.ts';
export * from './open311.schemas.ts';

/** The public portal: no session; limited per IP in the database (abuse limits without external services). */
export const portalEndpoints = {
  provinces: endpoint({
    method: 'GET',
    path: '/api/portal/provinces',
    summary: 'Public: the 34 provinces (2025) a citizen chooses from',
    response: z.array(ZPortalUnit),
    public: true,
  }),
  communes: endpoint({
    method: 'GET',
    path: '/api/portal/provinces/:id/communes',
    summary: 'Public: the communes (2025, in force today) of a province',
    params: z.object({ id: ZId }),
    response: z.array(ZPortalUnit),
    public: true,
  }),
  form: endpoint({
    method: 'GET',
    path: '/api/portal/form',
    summary: 'Public: a signed form token (the minimum fill time counts from it), the fields of a province and the limits',
    query: ZPortalFormQuery,
    response: ZPortalForm,
    public: true,
  }),
  file: endpoint({
    method: 'POST',
    path: '/api/portal/cases',
    summary:
      'Public: file a case (phản ánh, kiến nghị; khiếu nại and tố cáo with the filer’s identity); answers the tracking code and a secret shown once. Limited per IP per minute and per day; honeypot `website`; minimum fill time',
    body: ZPortalCaseInput,
    response: ZPortalReceipt,
    public: true,
  }),
  track: endpoint({
    method: 'POST',
    path: '/api/portal/track',
    summary: 'Public: the status and published answer of a case, from its code and its secret (or the filer’s phone); limited per IP',
    body: ZPortalTrackInput,
    response: ZPortalStatus,
    public: true,
  }),
};

/** Officers' pages of the portal's data: hot spots by commune, the photo a citizen sent. */
export const hotspotEndpoints = {
  hotspots: endpoint({
    method: 'GET',
    path: '/api/petitions/hotspots',
    summary: 'Cases per commune (2025) of a province in scope, with filters (field, kind, flag, period), for the map and the table',
    query: ZHotspotQuery,
    response: ZHotspots,
  }),
  portalPhoto: endpoint({
    method: 'GET',
    path: '/api/petitions/portal-photo/:caseId',
    summary: 'The photo a citizen sent with a portal case (a case in scope); the bytes, image/*',
    params: ZPortalPhotoParams,
    response: z.unknown().describe('image bytes'),
  }),
};

/**
 * Open311 GeoReport v2, JSON (XML answers 400 saying so). No api_key: none is issued; POST is limited per IP as
 * the portal is. Public: no session.
 */
export const open311Endpoints = {
  discovery: endpoint({
    method: 'GET',
    path: `${OPEN311_BASE}/discovery.json`,
    summary: 'Open311 discovery: the GeoReport v2 endpoint of this server (JSON only; no api_key)',
    response: ZOpen311Discovery,
    public: true,
  }),
  services: endpoint({
    method: 'GET',
    path: `${OPEN311_BASE}/services.json`,
    summary: 'Open311 GET Service List: fields of cases (national, and the province’s when jurisdiction_id = its 2-digit code)',
    query: ZOpen311Jurisdiction,
    response: z.array(ZOpen311Service),
    public: true,
  }),
  service: endpoint({
    method: 'GET',
    path: `${OPEN311_BASE}/services/:service_code.json`,
    summary: 'Open311 GET Service Definition: the attributes of a service (attribute[kind]: feedback or petition)',
    params: ZOpen311ServiceParams,
    query: ZOpen311Jurisdiction,
    response: ZOpen311ServiceDefinition,
    public: true,
  }),
  createRequest: endpoint({
    method: 'POST',
    path: `${OPEN311_BASE}/requests.json`,
    summary:
      'Open311 POST Service Request (urlencoded or JSON): a case of kind feedback (default) or petition (attribute[kind]) in the commune address_id; no api_key; limited per IP (minute and day)',
    body: ZOpen311RequestCreate,
    response: ZOpen311Created,
    public: true,
  }),
  requests: endpoint({
    method: 'GET',
    path: `${OPEN311_BASE}/requests.json`,
    summary: 'Open311 GET Service Requests: publicly filed cases (feedback, petition), public fields only, newest first, at most 1000 (90 days by default)',
    query: ZOpen311RequestQuery,
    response: z.array(ZOpen311Request),
    public: true,
  }),
  request: endpoint({
    method: 'GET',
    path: `${OPEN311_BASE}/requests/:service_request_id.json`,
    summary: 'Open311 GET Service Request: one publicly filed case by its tracking code (an array of one)',
    params: ZOpen311RequestParams,
    query: ZOpen311Jurisdiction,
    response: z.array(ZOpen311Request),
    public: true,
  }),
};
