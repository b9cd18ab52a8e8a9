import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { ZUuidParams } from '../jobs.ts';
import {
  ZSentimentAlertDetail, ZSentimentAlertList, ZSentimentAlertListQuery, ZSentimentAlertMove, ZSentimentAlertNote, ZSentimentList, ZSentimentListQuery,
  ZSentimentMap, ZSentimentPeriodQuery, ZSentimentReceipt, ZSentimentReport, ZSentimentReportInput, ZSentimentRule, ZSentimentTable, ZSentimentTeam, ZSentimentTeamQuery, ZSentimentTopic,
} from './schemas.ts';

export * from './schemas.ts';

/** Public sentiment (tình hình nhân dân, dư luận xã hội; issue 14 item 3): reports, early-warning alerts, table and map. */
export const sentimentEndpoints = {
  listTopics: endpoint({
    method: 'GET',
    path: '/api/sentiment/topics',
    summary: 'The topics a report may name (configurable list), with those whose text is sensitive',
    response: z.array(ZSentimentTopic),
  }),
  listTeams: endpoint({
    method: 'GET',
    path: '/api/sentiment/teams',
    summary: 'The Tổ dân vận and Khối dân vận of a unit and its children in force today, in scope: who a report may name as its sender',
    query: ZSentimentTeamQuery,
    response: z.array(ZSentimentTeam),
  }),
  listRules: endpoint({
    method: 'GET',
    path: '/api/sentiment/rules',
    summary: 'Early-warning rules in force for the provinces in scope (a province without rules of its own has the national default)',
    response: z.array(ZSentimentRule),
  }),
  createReport: endpoint({
    method: 'POST',
    path: '/api/sentiment/reports',
    summary: 'Send a report under a client-made UUIDv7 (a resend stores nothing new); evaluates the early-warning rules in the same transaction',
    body: ZSentimentReportInput,
    response: ZSentimentReceipt,
  }),
  listReports: endpoint({
    method: 'GET',
    path: '/api/sentiment/reports',
    summary: 'Reports of the units in scope, newest first, by unit subtree, topic, minimum severity and period; sensitive text only with the right (audited)',
    query: ZSentimentListQuery,
    response: ZSentimentList,
  }),
  getReport: endpoint({
    method: 'GET',
    path: '/api/sentiment/reports/:id',
    summary: 'One report; the text of a sensitive topic only with the right (each read audited)',
    params: ZUuidParams,
    response: ZSentimentReport,
  }),
  table: endpoint({
    method: 'GET',
    path: '/api/sentiment/table',
    summary: 'Reports over a period counted by commune × topic, with the high-severity count per commune',
    query: ZSentimentPeriodQuery,
    response: ZSentimentTable,
  }),
  map: endpoint({
    method: 'GET',
    path: '/api/sentiment/map',
    summary: 'Reports over a period as points rounded to 0.01° (grouped) and counts by commune, for the map',
    query: ZSentimentPeriodQuery,
    response: ZSentimentMap,
  }),
  listAlerts: endpoint({
    method: 'GET',
    path: '/api/sentiment/alerts',
    summary: 'Early-warning alerts of the communes in scope, open first',
    query: ZSentimentAlertListQuery,
    response: ZSentimentAlertList,
  }),
  getAlert: endpoint({
    method: 'GET',
    path: '/api/sentiment/alerts/:id',
    summary: 'An alert with its history, follow-up notes, reports and the moves the reader may make',
    params: ZUuidParams,
    response: ZSentimentAlertDetail,
  }),
  moveAlert: endpoint({
    method: 'POST',
    path: '/api/sentiment/alerts/:id/moves',
    summary: 'Acknowledge or close an alert (the addressed province), from the state and version seen',
    params: ZUuidParams,
    body: ZSentimentAlertMove,
    response: ZSentimentAlertDetail,
  }),
  addAlertNote: endpoint({
    method: 'POST',
    path: '/api/sentiment/alerts/:id/notes',
    summary: 'A follow-up note on an acknowledged alert (client-made id: a resend adds nothing)',
    params: ZUuidParams,
    body: ZSentimentAlertNote,
    response: ZSentimentAlertDetail,
  }),
};
