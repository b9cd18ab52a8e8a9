import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  ZCase, ZCaseAction, ZCaseCounts, ZCaseCreate, ZCaseList, ZCaseListQuery, ZCaseParams, ZDuplicateCandidate, ZDuplicateCheck,
  ZIdentityReadInput, ZPetitionField, ZPetitionFieldInput,
} from './case.schemas.ts';

export * from './case.schemas.ts';

/** Cases of citizens: fields, intake, lists, lifecycle (DOMAIN.md capability 5; issue 12). */
export const petitionEndpoints = {
  listFields: endpoint({
    method: 'GET',
    path: '/api/petition-fields',
    summary: 'Fields (lĩnh vực) of cases: the national defaults and those the user’s provinces added',
    response: z.array(ZPetitionField),
  }),
  createField: endpoint({
    method: 'POST',
    path: '/api/petition-fields',
    summary: 'Add a field of cases for the own province',
    body: ZPetitionFieldInput,
    response: ZPetitionField,
  }),
  listCases: endpoint({
    method: 'GET',
    path: '/api/petitions',
    summary: 'Cases of the units in scope: search without diacritics, by code, person, unit, status, kind, field, flag, period, overdue or due soon, outcome',
    query: ZCaseListQuery,
    response: ZCaseList,
  }),
  countCases: endpoint({
    method: 'GET',
    path: '/api/petitions/counts',
    summary: 'Open, overdue, due-soon, closed on time / late / late with extension, duplicates, over the list filters',
    query: ZCaseListQuery,
    response: ZCaseCounts,
  }),
  exportCases: endpoint({
    method: 'GET',
    path: '/api/petitions/export.xlsx',
    summary: 'The list as an Excel file (no denouncer identity: protected names are redacted)',
    query: ZCaseListQuery,
    response: z.unknown().describe('xlsx bytes'),
  }),
  checkDuplicates: endpoint({
    method: 'POST',
    path: '/api/petitions/duplicates',
    summary: 'Open cases in scope with the same person and a similar subject (before an intake)',
    body: ZDuplicateCheck,
    response: z.array(ZDuplicateCandidate),
  }),
  createCase: endpoint({
    method: 'POST',
    path: '/api/petitions',
    summary: 'Receive a case (officer intake): persons, flags, deadlines from the rules in force; optionally linked as a duplicate',
    body: ZCaseCreate,
    response: ZCase,
  }),
  getCase: endpoint({
    method: 'GET',
    path: '/api/petitions/:id',
    summary: 'A case with persons (a denouncer redacted), history, deadlines, linked duplicates and the actions the user may take',
    params: ZCaseParams,
    response: ZCase,
  }),
  caseDuplicates: endpoint({
    method: 'GET',
    path: '/api/petitions/:id/duplicates',
    summary: 'Candidate duplicates of a received case (those the officer rejected left out)',
    params: ZCaseParams,
    response: z.array(ZDuplicateCandidate),
  }),
  actOnCase: endpoint({
    method: 'POST',
    path: '/api/petitions/:id/actions',
    summary: 'One step on a case: accept, refuse, transfer, assign, verify, extend, conclude, notify, appeal, close, satisfaction, publish, document, note, flags, duplicates',
    params: ZCaseParams,
    body: ZCaseAction,
    response: ZCase,
  }),
  revealIdentity: endpoint({
    method: 'POST',
    path: '/api/petitions/:id/identity',
    summary: 'The case with the denouncer’s identity, for the handler or a superior with petitions.readIdentity; the declared need is audited',
    params: ZCaseParams,
    body: ZIdentityReadInput,
    response: ZCase,
  }),
};
