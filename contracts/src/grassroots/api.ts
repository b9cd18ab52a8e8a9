import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { ZCadre, ZPlace, ZPlaceQuery, ZPurposeCreate, ZCadreQuery, ZFieldDays, ZFieldDaysQuery, ZVisitCreate, ZVisitList, ZVisitListQuery, ZVisitPurpose, ZVisitReceipt } from './visit.schemas.ts';

import {
  ZBriefingCreate, ZBriefingDetail, ZBriefingList, ZBriefingListQuery, ZBriefingMembers, ZBriefingMembersQuery, ZBriefingReceipt, ZBriefingRecurrenceUpdate, ZOrganizationParams,
} from './briefing.schemas.ts';
import { ZUuidParams } from '../jobs.ts';

export * from './visit.schemas.ts';
export * from './briefing.schemas.ts';

/** Grassroots activity (issue 14): field visits of cadres and their figures; briefings of blocs and teams. */
export const grassrootsEndpoints = {
  listPurposes: endpoint({
    method: 'GET',
    path: '/api/grassroots/purposes',
    summary: 'Purposes a field visit may have (configurable list; retired ones flagged)',
    response: z.array(ZVisitPurpose),
  }),
  addPurpose: endpoint({
    method: 'POST',
    path: '/api/grassroots/purposes',
    summary: "Add a purpose to the own province's list (a system administrator: to the national list)",
    body: ZPurposeCreate,
    response: ZVisitPurpose,
  }),
  listCadres: endpoint({
    method: 'GET',
    path: '/api/grassroots/cadres',
    summary: 'Roles held in bodies of the scope on a day, for naming who made a visit',
    query: ZCadreQuery,
    response: z.array(ZCadre),
  }),
  listPlaces: endpoint({
    method: 'GET',
    path: '/api/grassroots/places',
    summary: "Communes and villages in force today under a unit of the scope (default: the reader's own unit), for the visit form",
    query: ZPlaceQuery,
    response: z.array(ZPlace),
  }),
  logVisit: endpoint({
    method: 'POST',
    path: '/api/grassroots/visits',
    summary: 'Log a field visit under the client UUIDv7 id (a resend stores nothing new and answers the stored visit)',
    body: ZVisitCreate,
    response: ZVisitReceipt,
  }),
  listVisits: endpoint({
    method: 'GET',
    path: '/api/grassroots/visits',
    summary: 'Field visits at places in scope, newest first, by unit subtree, person, purpose and dates',
    query: ZVisitListQuery,
    response: ZVisitList,
  }),
  fieldDays: endpoint({
    method: 'GET',
    path: '/api/grassroots/field-days',
    summary: 'Field days of a month per unit and per cadre of the Ban Dân vận, MTTQ and mass organisations (seed 000 i7: ≥ 3 days)',
    query: ZFieldDaysQuery,
    response: ZFieldDays,
  }),  listBriefings: endpoint({
    method: 'GET',
    path: '/api/grassroots/briefings',
    summary: 'Briefings (giao ban) of the Khối dân vận and Tổ dân vận in scope, period by period over a range of months: held (attendance), missed or open',
    query: ZBriefingListQuery,
    response: ZBriefingList,
  }),
  recordBriefing: endpoint({
    method: 'POST',
    path: '/api/grassroots/briefings',
    summary: 'Record the briefing of a bloc or team for a period (held with attendance and issues, or not held with the reason) under the client UUIDv7 id (a resend stores nothing)',
    body: ZBriefingCreate,
    response: ZBriefingReceipt,
  }),
  getBriefing: endpoint({
    method: 'GET',
    path: '/api/grassroots/briefings/:id',
    summary: 'One briefing in scope with the members registered that day, each marked present or not',
    params: ZUuidParams,
    response: ZBriefingDetail,
  }),
  briefingMembers: endpoint({
    method: 'GET',
    path: '/api/grassroots/briefing-bodies/:organizationId/members',
    summary: 'The people registered in a bloc or team on a day (the attendance list) and its recurrence',
    params: ZOrganizationParams,
    query: ZBriefingMembersQuery,
    response: ZBriefingMembers,
  }),
  setBriefingRecurrence: endpoint({
    method: 'PUT',
    path: '/api/grassroots/briefing-bodies/:organizationId/recurrence',
    summary: 'Set how often a bloc or team meets (monthly or quarterly) from a period on; earlier periods keep the recurrence then in force',
    params: ZOrganizationParams,
    body: ZBriefingRecurrenceUpdate,
    response: ZBriefingMembers,
  }),
};
